/** Renders cards on worker threads, one per core, in small batches so the threads finish together. */
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import type { CardToMake } from '../../lib/cards/plan-cards.ts';
import type { MakeCards, MissingGlyphs } from './card-cache.ts';

const BATCH = 32;

export function makeCardsInWorkers(threads = availableParallelism()): MakeCards {
  return async (toMake: readonly CardToMake[], cacheDir: string): Promise<MissingGlyphs[]> => {
    const batches: CardToMake[][] = [];
    for (let start = 0; start < toMake.length; start += BATCH) batches.push(toMake.slice(start, start + BATCH));
    const pool = new Tinypool({ filename: new URL('./card-worker.ts', import.meta.url).href, maxThreads: Math.max(1, Math.min(threads, batches.length)) });
    try {
      const results: MissingGlyphs[][] = await Promise.all(batches.map((cards) => pool.run({ cards, cacheDir })));
      return results.flat();
    } finally {
      await pool.destroy();
    }
  };
}
