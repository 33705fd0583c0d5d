import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunReport } from '../../../../src/lib/aggregation/report.ts';
import { rssDocument } from '../../../../src/lib/bench/feeds.ts';
import { servedWorkspace } from '../../../helpers/aggregation-workspace.ts';
import { rssRoute } from '../../../helpers/feed-publishers.ts';

// A run stopped after writing its items and before replacing the state: the state's rename fails once.
let failStateWrite = false;
vi.mock('../../../../src/io/write-file.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../src/io/write-file.ts')>();
  return {
    ...original,
    replaceFile: async (path: string, contents: string) => {
      if (failStateWrite && path.endsWith('.aggregate-state.json')) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return original.replaceFile(path, contents);
    },
  };
});

const updates = ['Polls close', 'Turnout is high', 'First count in'];

/** A live blog: every update links to the one page, with its own GUID and a headline and summary too short to compare. */
const liveBlog = rssDocument({
  title: 'County live',
  link: 'https://county.example/',
  items: updates.map((title, index) => ({
    title,
    link: 'https://county.example/live',
    guid: `live-update-${index}`,
    description: `<p>${title}.</p>`,
    publishedAt: new Date(Date.UTC(2026, 10, 30, 20 + index)),
  })),
});

describe('a live blog read again after a run that stopped before saving its state', () => {
  const { publishers, workspace } = servedWorkspace();
  let stopped: unknown;
  let next: RunReport;

  beforeAll(async () => {
    workspace.writeSources([{ id: 'county', feed: publishers.route(0, '/live.xml', rssRoute(liveBlog)) }]);
    failStateWrite = true;
    stopped = await workspace.run().catch((error: unknown) => error);
    failStateWrite = false;
    next = await workspace.run(new Date('2026-12-01T12:30:00Z'));
  });

  it('recognises the updates already written, though they share one link, and writes none of them twice', () => {
    expect(stopped).toMatchObject({ name: 'CannotRunError' });
    expect(next.sources[0]!.newItems).toEqual([]);
    expect(next.sources[0]!.skipped.duplicate).toBe(3);
    expect(readdirSync(join(workspace.folder, 'articles', 'aggregated', 'county'))).toHaveLength(3);
  });
});
