/**
 * Renders cards on worker threads, one per core, in small batches so the threads finish together. Each batch gets a
 * fresh thread: resvg's rasterised images live outside V8's heap, which never sees them grow, so a long-lived thread
 * keeps every one of them; a thread's exit frees them all, which keeps the step's memory flat however many cards.
 */
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import type { CardToMake } from '../../lib/cards/plan-cards.ts';
import type { MakeCards, MissingGlyphs } from './card-cache.ts';

const BATCH = 100;

export function makeCardsInWorkers(threads = availableParallelism()): MakeCards {
  return async (toMake: readonly CardToMake[], cacheDir: string): Promise<MissingGlyphs[]> => {
    const batches: CardToMake[][] = [];
    for (let start = 0; start < toMake.length; start += BATCH) batches.push(toMake.slice(start, start + BATCH));
    const pool = new Tinypool({ filename: new URL('./card-worker.ts', import.meta.url).href, maxThreads: Math.max(1, Math.min(threads, batches.length)), isolateWorkers: true });
    try {
      const results: MissingGlyphs[][] = await Promise.all(batches.map((cards) => pool.run({ cards, cacheDir })));
      return results.flat();
    } finally {
      await pool.destroy();
    }
  };
}
