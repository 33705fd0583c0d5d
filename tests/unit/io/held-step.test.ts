import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

  describe('what it shows on standard error', () => {
    afterEach(() => vi.restoreAllMocks());
    /** Runs a step to its end and returns what it showed once released. */
    async function shown(step: ReturnType<typeof run>): Promise<string> {
      const written: string[] = [];
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
      await step.exited;
      step.release();
      return written.join('');
    }

    it("leaves out V8's collections and native stack when the heap runs out, which the build explains instead", async () => {
      const step = startHeld(
        { command: node, args: ['--max-old-space-size=16', '-e', `console.error('step started'); const kept = []; for (;;) kept.push('x'.repeat(64) + kept.length);`] },
        { cwd: process.cwd(), noColor: true },
      );
      const output = await shown(step);
      expect(output).toBe('step started\n');
      expect(step.end().stderrTail).toContain('JavaScript heap out of memory');
      expect(step.end().stderrTail).toContain('Native stack trace');
    });

    it('shows any other fatal report whole, after the lines before it', async () => {
      const output = await shown(run(`process.stderr.write('before\\nFATAL ERROR: v8::ToLocalChecked Empty MaybeLocal\\n 1: 0x931db0 [node]\\n'); process.exit(134)`));
      expect(output).toBe('before\nFATAL ERROR: v8::ToLocalChecked Empty MaybeLocal\n 1: 0x931db0 [node]\n');
    });

    it('joins a line written in pieces, and keeps a last line without its end', async () => {
      const output = await shown(run(`process.stderr.write('half a '); setTimeout(() => process.stderr.write('line\\nno end'), 50)`));
      expect(output).toBe('half a line\nno end');
    });
  });

  it('tells a step the build stopped from one that ended by itself, with the signal that ended it', async () => {
    const step = run(`process.on('SIGTERM', () => {}); setInterval(() => {}, 1000); console.log('deaf to SIGTERM')`);
    // Only once it says so: a loaded machine can take longer to start Node than any fixed wait.
    await new Promise((done) => step.child.stdout!.once('data', done));
    await stopSteps(step);
    expect(step.stoppedByBuild).toBe(true);
    expect(step.end().signal).toBe('SIGKILL');
  });

  it('stops what the step started too, which would otherwise go on running after it', async () => {
    const step = run(`const started = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); console.log(started.pid); setInterval(() => {}, 1000)`);
    const pid = Number(await new Promise<Buffer>((done) => step.child.stdout!.once('data', done)));
    // An ended process may linger as a zombie until its new parent reaps it: it no longer runs.
    const running = () => {
      try {
        return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    try {
      await stopSteps(step);
      await expect.poll(running).toBe(false);
    } finally {
      if (running()) process.kill(pid, 'SIGKILL');
    }
  });
});
