/** The machine a bench ran on, for the report: CPUs, memory, load, speed and the versions that matter. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { MachineDescription, MachineProbe } from '../lib/bench/bench-report.ts';
import { hugePageMode } from '../lib/bench/huge-pages.ts';

const packageVersion = (projectRoot: string, name: string): string =>
  JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')).version;

/** How fast this machine is now, measured in a fresh process (src/bench/machine-probe.ts). */
export function probeMachine(): MachineProbe {
  return JSON.parse(execFileSync(process.execPath, [join(import.meta.dirname, 'machine-probe.ts')], { encoding: 'utf8' })) as MachineProbe;
}

/** The kernel's transparent huge pages mode, which Pagefind's time depends on (BENCHMARKS.md); undefined where /sys does not tell. */
function readHugePageMode(): string | undefined {
  try {
    return hugePageMode(readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8'));
  } catch {
    return undefined;
  }
}

export function describeMachine(projectRoot: string, loadAtStart: number[], probeAtStart: MachineProbe): MachineDescription {
  const cpuModel = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return {
    cpuCount: cpus().length,
    cpuModel,
    totalMemory: totalmem(),
    freeMemoryAtEnd: freemem(),
    nodeVersion: process.version,
    astroVersion: packageVersion(projectRoot, 'astro'),
    pagefindVersion: packageVersion(projectRoot, 'pagefind'),
    hugePages: readHugePageMode(),
    loadAtStart,
    loadAtEnd: loadavg(),
    probeAtStart,
    probeAtEnd: probeMachine(),
  };
}
