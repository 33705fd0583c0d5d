import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readTimings, recordSiteIndexTiming, recordTiming } from '../../../src/io/build-timing.ts';

describe('the build timing file (NEWSDESK_TIMING)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'newsdesk-timing-'));
  afterEach(() => rmSync(join(folder, 'timing.jsonl'), { force: true }));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('gets one JSON line per phase, in whole milliseconds, read back in order', () => {
    const file = join(folder, 'timing.jsonl');
    recordTiming(file, 'check', 1234.4);
    recordSiteIndexTiming(file, 400.6, 900);
    expect(readTimings(file)).toEqual([
      { phase: 'check', ms: 1234 },
      { phase: 'collection-load', ms: 401 },
      { phase: 'site-index', ms: 900 },
    ]);
  });

  it('is not written when no file was asked for, and reads as no timings when missing', () => {
    recordTiming(undefined, 'search', 10);
    expect(readTimings(join(folder, 'timing.jsonl'))).toEqual([]);
  });

  it('names the file and line of a line that is not JSON', () => {
    const file = join(folder, 'timing.jsonl');
    writeFileSync(file, '{"phase":"check","ms":1}\nSearch index: 3 articles\n');
    expect(() => readTimings(file)).toThrow(`${file}:2: not a JSON timing line`);
  });
});
