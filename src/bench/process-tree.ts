/** The memory of a process and all its descendants, read from /proc (Linux). */
import { readdirSync, readFileSync } from 'node:fs';
import { processRole, type ProcessRole } from '../lib/bench/process-roles.ts';

export interface ProcessMemory {
  pid: number;
  role: ProcessRole;
  rss: number;
  /** The kernel's high-water mark of this process's resident memory (VmHWM): exact, however short the peak. */
  peak: number;
  /** CPU time it has used so far, user and system, in milliseconds. */
  cpuMs: number;
}

/** Linux reports CPU time in clock ticks of USER_HZ, 100 a second on every architecture Node runs on. */
const MS_PER_TICK = 10;

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
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields 14 and 15 (utime, stime), counted from the state, the third, after the command's closing ")".
    const [utime, stime] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(11, 13).map(Number);
    return { pid, role: processRole(argv), rss: bytes('VmRSS'), peak: bytes('VmHWM'), cpuMs: (utime! + stime!) * MS_PER_TICK };
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
