/** The machine a bench ran on, for the report: CPUs, memory, load and the versions that matter. */
import { readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { MachineDescription } from '../lib/bench/bench-report.ts';

const packageVersion = (projectRoot: string, name: string): string =>
  JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')).version;

export function describeMachine(projectRoot: string, loadAtStart: number[]): MachineDescription {
  const cpuModel = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return {
    cpuCount: cpus().length,
    cpuModel,
    totalMemory: totalmem(),
    freeMemoryAtEnd: freemem(),
    nodeVersion: process.version,
    astroVersion: packageVersion(projectRoot, 'astro'),
    pagefindVersion: packageVersion(projectRoot, 'pagefind'),
    loadAtStart,
    loadAtEnd: loadavg(),
  };
}
