/**
 * The card cache: one PNG per key (a hash of the card's inputs), kept between builds (and between CI runs by the
 * deploy workflow), so a rebuild makes only new or changed cards. Files are linked into the site, not copied.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CardJob } from '../../lib/cards/card-content.ts';
import { planCards, type CardToMake } from '../../lib/cards/plan-cards.ts';
import { linkOrCopy } from '../link-file.ts';
import type { CardRenderer } from './render-card.ts';

export const cardCacheFile = (cacheDir: string, key: string) => join(cacheDir, `${key}.png`);

/** Whole or not at all: a build stopped half-way never leaves a truncated card to be reused. */
export function writeCachedCard(cacheDir: string, key: string, png: Uint8Array): void {
  const path = cardCacheFile(cacheDir, key);
  const temporary = `${path}.${randomUUID()}.tmp`;
  writeFileSync(temporary, png);
  renameSync(temporary, path);
}

/** Text a card could not set, with the file it came from. */
export interface MissingGlyphs {
  source: string;
  text: string[];
}

export interface CardUpdate {
  cards: number;
  made: number;
  missing: MissingGlyphs[];
}

/** Makes the cards in `toMake` into the cache; returns the text any of them could not set. */
export type MakeCards = (toMake: readonly CardToMake[], cacheDir: string) => Promise<MissingGlyphs[]>;

/** Renders each card with `renderer` and stores it in the cache. */
export function makeCardsWith(renderer: CardRenderer): MakeCards {
  return async (toMake, cacheDir) => {
    const missing: MissingGlyphs[] = [];
    for (const card of toMake) {
      const rendered = await renderer.render(card.content);
      writeCachedCard(cacheDir, card.key, rendered.png);
      if (rendered.missing.length > 0) missing.push({ source: card.source, text: rendered.missing });
    }
    return missing;
  };
}

/** Puts every job's card into `outDir`, making only those the cache lacks, and drops cached cards nothing uses. */
export async function updateCards(jobs: readonly CardJob[], options: { cacheDir: string; outDir: string; make: MakeCards }): Promise<CardUpdate> {
  const { cacheDir, outDir } = options;
  mkdirSync(cacheDir, { recursive: true });
  const cached = new Set(readdirSync(cacheDir).flatMap((name) => (/^[0-9a-f]+\.png$/.test(name) ? [name.slice(0, -4)] : [])));
  const plan = planCards(jobs, cached);
  const missing = plan.toMake.length > 0 ? await options.make(plan.toMake, cacheDir) : [];
  for (const folder of new Set(plan.cards.map((card) => dirname(join(outDir, card.file))))) mkdirSync(folder, { recursive: true });
  // Links in batches: the file system works on several at once, which a large archive's cards need.
  for (let start = 0; start < plan.cards.length; start += LINK_BATCH) {
    await Promise.all(plan.cards.slice(start, start + LINK_BATCH).map((card) => linkOrCopy(cardCacheFile(cacheDir, card.key), join(outDir, card.file))));
  }
  for (const key of plan.unused) rmSync(cardCacheFile(cacheDir, key), { force: true });
  return { cards: plan.cards.length, made: plan.toMake.length, missing };
}

const LINK_BATCH = 256;
