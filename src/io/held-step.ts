/** A build step run as a child process whose output is held back until the build wants it heard. */
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { explainedByBuild, fatalReportStart } from '../lib/build/step-failure.ts';

/** Niceness of the steps beside Astro: Astro, the longest step and a single thread, gets a core to itself. */
const BACKGROUND_PRIORITY = 10;
/** How long a step may take to stop when asked before it is killed. */
const STOP_GRACE_MS = 2_000;
/** How much of a step's standard error is kept to tell why it failed (V8 and Rust write their last words there). */
const STDERR_TAIL_BYTES = 16_384;

export interface Step {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Runs at a lower priority (its children too), so it takes the core Astro leaves idle, not Astro's. */
  background?: boolean;
  /** A pipe the build can close to tell the step to go on (the search index's low-memory mode). */
  stdin?: 'inherit' | 'pipe';
}

/** Starts a step with its output held back; `release()` prints what it has said so far and streams the rest. */
export function startHeld({ command, args, env = process.env, background = false, stdin = 'inherit' }: Step, { cwd, noColor }: { cwd: string; noColor: boolean }) {
  // Piped output is not a terminal: keep colours when ours is one.
  const color = process.stdout.isTTY && !noColor ? { FORCE_COLOR: '1' } : {};
  // A process group of its own, so that stopping the step stops what it started too (Pagefind, the search
  // documents, esbuild): a build stopped part-way leaves nothing running that could write after it has ended.
  const child = spawn(command, args, { cwd, stdio: [stdin, 'pipe', 'pipe'], env: { ...env, ...color }, detached: true });
  if (background && child.pid !== undefined) {
    try {
      setPriority(child.pid, BACKGROUND_PRIORITY);
    } catch {
      // Already ended (a tiny corpus), or a system that refuses: the step simply runs at normal priority.
    }
  }
  const held: Array<[NodeJS.WriteStream, string | Buffer]> = [];
  let live = false;
  let stderrTail = '';
  const emit = (stream: NodeJS.WriteStream, chunk: string | Buffer) => {
    if (chunk.length === 0) return;
    if (live) stream.write(chunk);
    else held.push([stream, chunk]);
  };
  child.stdout!.on('data', (chunk: Buffer) => emit(process.stdout, chunk));
  // Standard error goes on by whole lines, so that V8's report of a fatal error, which begins a line, is held from
  // its first line until the step ends: the build then explains a heap that ran out in its own words instead.
  let lastLine = '';
  let fatalReport: string | undefined;
  child.stderr!.setEncoding('utf8').on('data', (text: string) => {
    stderrTail = (stderrTail + text).slice(-STDERR_TAIL_BYTES);
    if (fatalReport !== undefined) {
      fatalReport += text;
      return;
    }
    const pending = lastLine + text;
    const reportStart = fatalReportStart(pending);
    if (reportStart >= 0) {
      fatalReport = pending.slice(reportStart);
      lastLine = '';
      emit(process.stderr, pending.slice(0, reportStart));
      return;
    }
    const linesEnd = pending.lastIndexOf('\n') + 1;
    lastLine = pending.slice(linesEnd);
    emit(process.stderr, pending.slice(0, linesEnd));
  });
  let signal: NodeJS.Signals | null = null;
  const exited = new Promise<number | null>((done) =>
    child.on('close', (code, endSignal) => {
      emit(process.stderr, lastLine);
      if (fatalReport !== undefined && !explainedByBuild(fatalReport)) emit(process.stderr, fatalReport);
      signal = endSignal;
      done(code);
    }),
  );
  return {
    child,
    exited,
    /** Set by stopSteps: the build ended this step itself. */
    stoppedByBuild: false,
    /** How the step ended, once `exited` has resolved: the signal that ended it and the end of its standard error. */
    end: () => ({ signal, stderrTail }),
    release() {
      for (const [stream, chunk] of held.splice(0)) stream.write(chunk);
      live = true;
    },
  };
}

export type Running = ReturnType<typeof startHeld>;

/** The first of the named steps to fail on its own (not stopped by the build); pending for as long as none has. */
export function firstFailure(steps: Record<string, Running>): Promise<{ step: string; status: number | null; running: Running }> {
  return new Promise((failed) => {
    for (const [step, running] of Object.entries(steps)) {
      void running.exited.then((status) => {
        if (status !== 0 && !running.stoppedByBuild) failed({ step, status, running });
      });
    }
  });
}

/** Sends `signal` to a step still running and to every process it started (its process group). */
function signalGroup({ child }: Running, signal: NodeJS.Signals): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group ended between the check and the signal.
  }
}

/**
 * Asks the steps still running to stop and waits until they have. A step busy in one long computation (Astro
 * expanding front matter the check refused) never gets to its SIGTERM handler: it is killed outright after a grace period.
 */
export async function stopSteps(...steps: Running[]): Promise<void> {
  for (const step of steps) {
    step.stoppedByBuild = true;
    signalGroup(step, 'SIGTERM');
  }
  const kill = setTimeout(() => steps.forEach((step) => signalGroup(step, 'SIGKILL')), STOP_GRACE_MS);
  await Promise.all(steps.map((step) => step.exited));
  clearTimeout(kill);
}
