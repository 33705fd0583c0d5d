import { describe, expect, it } from 'vitest';
import { explainedByBuild, explainStepFailure, fatalReportStart, type StepEnd } from '../../../src/lib/build/step-failure.ts';
import { astroHeapOption, heapLimitOf } from '../../../src/lib/build/heap-limit.ts';

const size = { articles: 100_000, heapLimit: 4 * 2 ** 30, available: 7 * 2 ** 30 };
const end = (over: Partial<StepEnd>): StepEnd => ({ step: 'astro build', signal: null, stderrTail: '', stoppedByBuild: false, ...over });

describe('explainStepFailure', () => {
  it('names a V8 heap exhaustion, the size and the heap limit, and points to shards', () => {
    const message = explainStepFailure(end({ stderrTail: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory' }), size)!;
    expect(message).toContain('astro build ran out of JavaScript heap (its limit was 4.00 GB) with 100,000 article files');
    expect(message).toContain('--shard 1/2');
    expect(message).toContain('more memory');
  });

  it('calls an engine limit what it is, and does not suggest more memory', () => {
    const message = explainStepFailure(end({ stderrTail: 'RangeError: Invalid string length\n    at JSON.stringify' }), size)!;
    expect(message).toContain('limit of the JavaScript engine');
    expect(message).toContain('--merge');
    expect(message).not.toContain('machine with more memory');
  });

  it('reads a SIGKILL the build did not send as the system running out of memory', () => {
    expect(explainStepFailure(end({ step: 'search indexing', signal: 'SIGKILL' }), size)).toContain('search indexing was killed by the system, most likely for lack of memory');
    expect(explainStepFailure(end({ signal: 'SIGKILL', stoppedByBuild: true }), size)).toBeUndefined();
  });

  it('names a native allocation failure (Pagefind, sharp)', () => {
    expect(explainStepFailure(end({ step: 'search indexing', stderrTail: 'memory allocation of 1073741824 bytes failed' }), size)).toContain('could not get more memory from the system');
  });

  it('leaves ordinary failures to their own messages', () => {
    expect(explainStepFailure(end({ stderrTail: 'articles/a.md:3: title: Required' }), size)).toBeUndefined();
  });
});

describe("V8's report of a fatal error", () => {
  const report = '<--- Last few GCs --->\n\n[1:0x1]  4594 ms: Mark-Compact 56.6 (62.8) -> 54.7 (63.1) MB\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n----- Native stack trace -----\n';
  it('begins at the line of its last collections, or of the error when there are none', () => {
    expect(fatalReportStart(`12:00:01 [build] 5,000 pages\n\n${report}`)).toBe(29);
    expect(fatalReportStart('FATAL ERROR: v8::ToLocalChecked Empty MaybeLocal\n')).toBe(0);
    expect(fatalReportStart('an article says <--- Last few GCs ---> mid-line\nno FATAL ERROR: here\n')).toBe(-1);
  });

  it('is the build\'s to explain when the heap ran out, and shown as it is otherwise', () => {
    expect(explainedByBuild(report)).toBe(true);
    expect(explainedByBuild('FATAL ERROR: v8::ToLocalChecked Empty MaybeLocal\n 1: 0x931db0 [node]\n')).toBe(false);
  });
});

describe('astroHeapOption', () => {
  it('gives Astro 60% of the machine, unless NODE_OPTIONS already chose', () => {
    expect(astroHeapOption(7 * 2 ** 30, undefined)).toBe('--max-old-space-size=4300');
    expect(astroHeapOption(7 * 2 ** 30, '--max-old-space-size=2048')).toBeUndefined();
    expect(heapLimitOf('--enable-source-maps --max-old-space-size=4300')).toBe(4300 * 2 ** 20);
    expect(heapLimitOf('')).toBeUndefined();
  });
});
