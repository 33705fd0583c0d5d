/** Runs one command and measures it: wall time, peak memory (GNU time and a /proc sampler) and its timestamped output. */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LogLine } from '../lib/bench/phases.ts';
import type { Measured } from '../lib/bench/results.ts';
import { processTree } from './process-tree.ts';

export interface MeasureContext {
  projectRoot: string;
  /** Where scratch files (GNU time's report) go. */
  workDir: string;
  /** GNU time, when installed (see `findTimeBinary`). */
  timeBinary: string | undefined;
  log: (message: string) => void;
}

const SAMPLE_EVERY_MS = 250;

/** GNU time reports ru_maxrss from wait4, which covers the build's child processes too. */
export function findTimeBinary(log: (message: string) => void): string | undefined {
  if (existsSync('/usr/bin/time')) return '/usr/bin/time';
  log(
    `no /usr/bin/time: peak memory is the sum over the build’s processes, sampled from /proc every ${SAMPLE_EVERY_MS} ms ` +
      '(may miss short peaks); for the kernel’s own figure install GNU time (Debian: `sudo apt-get install time`)',
  );
  return undefined;
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
  const { timeBinary, log } = context;
  const rssFile = join(context.workDir, 'rss.txt');
  rmSync(rssFile, { force: true });
  const [file, argv] = timeBinary ? [timeBinary, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  log(`${label}…`);
  const started = performance.now();
  // Node from this process first: astro's `#!/usr/bin/env node` must not find an older system Node.
  const path = `${dirname(process.execPath)}:${join(context.projectRoot, 'node_modules/.bin')}:${process.env.PATH ?? ''}`;
  const child = spawn(file, argv, { cwd, env: { ...process.env, ...env, PATH: path, FORCE_COLOR: '0', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: LogLine[] = [];
  let sampledPeak = 0;
  const peakByRole: Record<string, number> = {};
  const sampler = setInterval(() => {
    const tree = processTree(child.pid!);
    sampledPeak = Math.max(sampledPeak, tree.reduce((sum, info) => sum + info.rss, 0));
    for (const { role, peak } of tree) if (role !== 'other') peakByRole[role] = Math.max(peakByRole[role] ?? 0, peak);
  }, SAMPLE_EVERY_MS);
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const ms = performance.now() - started;
      const parts = (pending + chunk).split('\n');
      pending = parts.pop()!;
      for (const text of parts) lines.push({ ms, text });
      // Each line stamped with seconds since the build started, so a kept log shows where the time went.
      if (parts.length > 0) appendFileSync(logFile, parts.map((text) => `${(ms / 1000).toFixed(3).padStart(8)}  ${text}\n`).join(''));
    });
  }
  return new Promise((done) => {
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      clearInterval(sampler);
      const reported = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) * 1024 : undefined;
      if (code !== 0) log(`${label} failed (exit ${code}); last lines:\n${lines.slice(-25).map((line) => `    ${line.text}`).join('\n')}`);
      done({ wallMs, peakRss: timeBinary ? reported : sampledPeak, peakTogether: sampledPeak, peakByRole, lines, status: code ?? 1 });
    });
  });
}
