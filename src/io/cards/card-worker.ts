/** A worker thread of the card pool: renders a batch of cards into the cache, fonts loaded once per thread. */
import type { CardToMake } from '../../lib/cards/plan-cards.ts';
import { writeCachedCard, type MissingGlyphs } from './card-cache.ts';
import { loadFontCatalogue } from './font-catalogue.ts';
import { createCardRenderer, type CardRenderer } from './render-card.ts';

let renderer: CardRenderer | undefined;

export default async function renderBatch({ cards, cacheDir }: { cards: CardToMake[]; cacheDir: string }): Promise<MissingGlyphs[]> {
  renderer ??= createCardRenderer(loadFontCatalogue());
  const missing: MissingGlyphs[] = [];
  for (const card of cards) {
    const rendered = await renderer.render(card.content);
    writeCachedCard(cacheDir, card.key, rendered.png);
    if (rendered.missing.length > 0) missing.push({ source: card.source, text: rendered.missing });
  }
  return missing;
}
