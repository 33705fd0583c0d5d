/**
 * `node src/bench/machine-probe.ts`: prints, as JSON, how fast this machine is now (a `MachineProbe`). Run in a
 * process of its own, so that a probe at the start of a bench and one at its end, or on another machine, start alike:
 * memory the process never had before, written once and then again (on some virtual machines the first write of each
 * page costs far more than the writing, and the build's largest processes make much new memory), and a fixed piece of
 * JavaScript work of the build's kind (objects and strings made, serialised and parsed), the median of five.
 */
import type { MachineProbe } from '../lib/bench/bench-report.ts';
import { median } from '../lib/bench/report.ts';

const MEMORY_BYTES = 256 * 2 ** 20;
const RECORDS = 200_000;

const timed = (work: () => void) => {
  const started = performance.now();
  work();
  return performance.now() - started;
};
// Not zeroed by Node, and too large for the allocator to hand out memory it already has: every page is new.
const memory = Buffer.allocUnsafeSlow(MEMORY_BYTES);
const newMemoryMs = timed(() => memory.fill(1));
const sameMemoryMs = timed(() => memory.fill(2));
const records = Array.from({ length: RECORDS }, (_, index) => ({ id: index, title: `Headline number ${index}`, tags: [`tag-${index % 50}`, `desk-${index % 7}`] }));
const scriptMs = median(Array.from({ length: 5 }, () => timed(() => JSON.parse(JSON.stringify(records)))));
const probe: MachineProbe = { scriptMs, newMemoryMs, sameMemoryMs, memoryBytes: MEMORY_BYTES };
console.log(JSON.stringify(probe));
