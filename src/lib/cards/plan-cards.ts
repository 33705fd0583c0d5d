/** Which cards a build must make: only those whose inputs no cached card was made from. */
import { cardKey, type CardContent, type CardJob } from './card-content.ts';

export interface KeyedCard {
  file: string;
  key: string;
}

export interface CardToMake {
  key: string;
  content: CardContent;
  source: string;
}

export interface CardPlan {
  /** Every card of the site with its cache key. */
  cards: KeyedCard[];
  /** Cards not in the cache yet, each once (two pages with identical cards share one). */
  toMake: CardToMake[];
  /** Cached keys no page uses any more. */
  unused: string[];
}

export function planCards(jobs: readonly CardJob[], cached: ReadonlySet<string>): CardPlan {
  const toMake = new Map<string, CardToMake>();
  const cards = jobs.map((job) => {
    const key = cardKey(job.content);
    if (!cached.has(key) && !toMake.has(key)) toMake.set(key, { key, content: job.content, source: job.source });
    return { file: job.file, key };
  });
  const used = new Set(cards.map((card) => card.key));
  return { cards, toMake: [...toMake.values()], unused: [...cached].filter((key) => !used.has(key)) };
}
