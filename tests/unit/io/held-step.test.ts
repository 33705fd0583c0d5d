import { describe, expect, it } from 'vitest';
import { startHeld, stopSteps } from '../../../src/io/held-step.ts';

const node = process.execPath;
const run = (script: string) => startHeld({ command: node, args: ['-e', script] }, { cwd: process.cwd(), noColor: true });

describe('a held build step', () => {
  it('keeps the end of what it wrote to standard error, to tell why it failed', async () => {
    const step = run(`process.stderr.write('x'.repeat(40000) + '\\nFATAL ERROR: Reached heap limit'); process.exit(134)`);
    expect(await step.exited).toBe(134);
    const { signal, stderrTail } = step.end();
    expect(signal).toBeNull();
    expect(stderrTail.endsWith('FATAL ERROR: Reached heap limit')).toBe(true);
    expect(stderrTail.length).toBeLessThanOrEqual(16_384);
    expect(step.stoppedByBuild).toBe(false);
  });

  it('tells a step the build stopped from one that ended by itself, with the signal that ended it', async () => {
    const step = run(`process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)`);
    await new Promise((done) => setTimeout(done, 300));
    await stopSteps(step);
    expect(step.stoppedByBuild).toBe(true);
    expect(step.end().signal).toBe('SIGKILL');
  });
});
