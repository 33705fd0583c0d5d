/** The memory of a process and all its descendants, read from /proc (Linux). */
import { readdirSync, readFileSync } from 'node:fs';
import { processRole, type ProcessRole } from '../lib/bench/process-roles.ts';

export interface ProcessMemory {
  pid: number;
  role: ProcessRole;
  rss: number;
  /** The kernel's high-water mark of this process's resident memory (VmHWM): exact, however short the peak. */
  peak: number;
}

/** Parent of every process, from /proc/<pid>/stat (cheaper than status, so the whole machine can be read often). */
function parents(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name in parentheses may hold spaces and parentheses: fields resume after the last ")".
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

function memoryOf(pid: number): ProcessMemory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const bytes = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
    return { pid, role: processRole(argv), rss: bytes('VmRSS'), peak: bytes('VmHWM') };
  } catch {
    return undefined;
  }
}

/** A process and all its descendants, from /proc. */
export function processTree(rootPid: number): ProcessMemory[] {
  const children = parents();
  const tree: ProcessMemory[] = [];
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    const info = memoryOf(pid);
    if (info) tree.push(info);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Processes left in a process group, for making sure a stopped server left nothing running. */
export function processGroupMembers(groupId: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Zombies are ended, waiting only for their parent to read their status.
      if (Number(fields[2]) === groupId && fields[0] !== 'Z') members.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return members;
}
