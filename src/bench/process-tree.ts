/** The memory of a process and all its descendants, read from /proc (Linux). */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessMemory {
  pid: number;
  /** What the process is, for the report: astro, pagefind, indexer (its Node side), checker or other. */
  role: string;
  rss: number;
  /** The kernel's high-water mark of this process's resident memory (VmHWM). */
  peak: number;
}

function roleOf(command: string): string {
  if (/search-index/.test(command)) return 'indexer';
  if (/pagefind/.test(command)) return 'pagefind';
  if (/check-content/.test(command)) return 'checker';
  if (/astro/.test(command)) return 'astro';
  return 'other';
}

/** A process and all its descendants, from /proc. */
export function processTree(rootPid: number): ProcessMemory[] {
  const children = new Map<number, number[]>();
  const found = new Map<number, ProcessMemory>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const parent = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      const bytes = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
      found.set(Number(entry), { pid: Number(entry), role: roleOf(command), rss: bytes('VmRSS'), peak: bytes('VmHWM') });
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree: ProcessMemory[] = [];
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    const info = found.get(pid);
    if (info) tree.push(info);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}
