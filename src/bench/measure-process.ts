/** Runs one command and measures it: wall time, peak memory (GNU time and a /proc sampler) and its timestamped output. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LogLine } from '../lib/bench/phases.ts';
import { SAMPLE_EVERY_MS, type Measured } from '../lib/bench/results.ts';
import { addCpu, type CpuTimeline } from '../lib/bench/cpu-timeline.ts';
import { processGroupMembers, processTree } from './process-tree.ts';

export interface MeasureContext {
  projectRoot: string;
  /** Where scratch files (GNU time's report) go. */
  workDir: string;
  /** GNU time, when installed (see `findTimeBinary`). */
  timeBinary: string | undefined;
  log: (message: string) => void;
}

/** GNU time reports ru_maxrss from wait4, which covers the build's child processes too. */
export function findTimeBinary(log: (message: string) => void): string | undefined {
  if (existsSync('/usr/bin/time')) return '/usr/bin/time';
  log('no /usr/bin/time: the largest process’s peak comes from /proc only (install GNU time for the kernel’s own figure; Debian: `sudo apt-get install time`)');
  return undefined;
}

export interface RunningProcess {
  child: ChildProcess;
  /** Output so far, each line stamped with milliseconds since the start. */
  lines: LogLine[];
  startedAt: number;
  /** Settles when the process has exited. */
  finished: Promise<Measured>;
  /** For a server: stops it and everything it started (its whole process group), then waits for it. */
  stop(): Promise<Measured>;
}

export interface CommandToMeasure {
  label: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Its output, each line stamped with seconds since it started. */
  logFile: string;
  /** The project root unless given. */
  cwd?: string;
  /**
   * A server, stopped rather than left to exit: it runs in a process group of its own (stopped as a whole, and by
   * `stopServers` if the bench is interrupted) and not under GNU time.
   */
  server?: boolean;
}

/** Process groups of the servers running now. */
const runningServers = new Set<number>();

/** Kills every server still running, with all it started: for an interrupted bench. */
export function stopServers(): void {
  for (const group of runningServers) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** Starts a command and samples the memory of its whole process tree until it ends. */
export function startMeasured(context: MeasureContext, { label, command, args, env, logFile, cwd = context.projectRoot, server = false }: CommandToMeasure): RunningProcess {
  const { log } = context;
  const timeBinary = server ? undefined : context.timeBinary;
  const rssFile = join(context.workDir, 'rss.txt');
  rmSync(rssFile, { force: true });
  const [file, argv] = timeBinary ? [timeBinary, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  log(`${label}…`);
  // What the runs before wrote (the corpus, another build's pages) is flushed to the disk first: left in memory, it
  // would be written back during this run, at its cost, so the order of the runs would tilt their comparison.
  spawnSync('sync', { stdio: 'ignore' });
  const startedAt = performance.now();
  // Node from this process first: astro's `#!/usr/bin/env node` must not find an older system Node.
  const path = `${dirname(process.execPath)}:${join(context.projectRoot, 'node_modules/.bin')}:${process.env.PATH ?? ''}`;
  const child = spawn(file, argv, { cwd, detached: server, env: { ...process.env, ...env, PATH: path, FORCE_COLOR: '0', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  if (server) runningServers.add(child.pid!);
  const lines: LogLine[] = [];
  let stopping = false;
  let sampledPeak = 0;
  const peakByRole: Record<string, number> = {};
  const cpuByPid = new Map<number, { role: string; cpuMs: number }>();
  const cpuTimeline: CpuTimeline = [];
  let atPeak: Record<string, number> = {};
  const sample = () => {
    const atMs = performance.now() - startedAt;
    const tree = processTree(child.pid!);
    const together = tree.reduce((sum, info) => sum + info.rss, 0);
    if (together > sampledPeak) {
      sampledPeak = together;
      atPeak = {};
      for (const { role, rss } of tree) atPeak[role] = (atPeak[role] ?? 0) + rss;
    }
    for (const { pid, role, peak, cpuMs } of tree) {
      peakByRole[role] = Math.max(peakByRole[role] ?? 0, peak);
      // An ended process not yet reaped has no command line left (role "other") but still its final CPU time.
      const before = cpuByPid.get(pid);
      const known = { role: role === 'other' ? (before?.role ?? role) : role, cpuMs };
      addCpu(cpuTimeline, atMs, known.role, cpuMs - (before?.cpuMs ?? 0));
      cpuByPid.set(pid, known);
    }
  };
  const sampler = setInterval(sample, SAMPLE_EVERY_MS);
  for (const stream of [child.stdout!, child.stderr!]) {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const ms = performance.now() - startedAt;
      const parts = (pending + chunk).split('\n');
      pending = parts.pop()!;
      for (const text of parts) lines.push({ ms, text });
      // Each line stamped with seconds since the command started, so a kept log shows where the time went.
      if (parts.length > 0) appendFileSync(logFile, parts.map((text) => `${(ms / 1000).toFixed(3).padStart(8)}  ${text}\n`).join(''));
    });
  }
  const finished = new Promise<Measured>((done) => {
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - startedAt;
      clearInterval(sampler);
      const reported = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) * 1024 : undefined;
      const status = code ?? (signal ? 128 : 1);
      if (status !== 0 && !stopping) log(`${label} failed (exit ${code ?? signal}); last lines:\n${lines.slice(-25).map((line) => `    ${line.text}`).join('\n')}`);
      const largest = Math.max(0, ...Object.values(peakByRole));
      // Samples can fall either side of a short peak; the processes together held at least the largest one's.
      const cpuByRole: Record<string, number> = {};
      for (const { role, cpuMs } of cpuByPid.values()) cpuByRole[role] = (cpuByRole[role] ?? 0) + cpuMs;
      done({ wallMs, peakRss: reported ?? largest, peakTogether: Math.max(sampledPeak, largest), peakByRole, atPeak, cpuByRole, cpuTimeline, lines, status });
    });
  });
  const stop = async (): Promise<Measured> => {
    stopping = true;
    // One last look at the memory: a server is stopped at its peak, not after it.
    sample();
    const group = child.pid!;
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-group, signal);
      } catch {
        // Already gone.
      }
    };
    signalGroup('SIGTERM');
    const forced = setTimeout(() => signalGroup('SIGKILL'), 5000);
    const measured = await finished;
    clearTimeout(forced);
    // The group leader may exit before its children: wait for the rest of the group, then make sure of it.
    for (let waited = 0; processGroupMembers(group).length > 0 && waited < 5000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    signalGroup('SIGKILL');
    const left = processGroupMembers(group);
    if (left.length > 0) log(`${label}: processes ${left.join(', ')} were still running after it was stopped`);
    else runningServers.delete(group);
    return measured;
  };
  return { child, lines, startedAt, finished, stop };
}

export function measureProcess(
  context: MeasureContext,
  label: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
  cwd = context.projectRoot,
): Promise<Measured> {
  return startMeasured(context, { label, command, args, env, logFile, cwd }).finished;
}
