/** A worker thread of the card pool: renders a batch of cards into the cache, fonts loaded once per thread. */
import type { CardToMake } from '../../lib/cards/plan-cards.ts';
import { makeCardsWith, type MakeCards, type MissingGlyphs } from './card-cache.ts';
import { loadFontCatalogue } from './font-catalogue.ts';
import { createCardRenderer } from './render-card.ts';

let make: MakeCards | undefined;

export default function renderBatch({ cards, cacheDir }: { cards: CardToMake[]; cacheDir: string }): Promise<MissingGlyphs[]> {
  make ??= makeCardsWith(createCardRenderer(loadFontCatalogue()));
  return make(cards, cacheDir);
}
