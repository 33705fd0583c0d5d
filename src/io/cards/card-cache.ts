/**
 * The card cache: one PNG per key (a hash of the card's inputs), kept between builds (and between CI runs by the
 * deploy workflow), so a rebuild makes only new or changed cards. Files are linked into the site, not copied.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CardJob } from '../../lib/cards/card-content.ts';
import { planCards, type CardToMake } from '../../lib/cards/plan-cards.ts';
import { inShard, type Shard } from '../../lib/site/shards.ts';
import { placeFiles } from '../link-or-copy.ts';
import type { CardRenderer } from './render-card.ts';

const CARD_EXTENSION = '.png';
export const cardCacheFile = (cacheDir: string, key: string) => join(cacheDir, `${key}${CARD_EXTENSION}`);
/** The key of a card's file name in the cache, or undefined for any other name. */
function cardKeyOf(name: string): string | undefined {
  const key = name.slice(0, -CARD_EXTENSION.length);
  return name.endsWith(CARD_EXTENSION) && /^[0-9a-f]+$/.test(key) ? key : undefined;
}
const TEMPORARY_SUFFIX = '.tmp';
/** Where a card is written before it is renamed into place: its own path, then a part no other build's has. */
export const temporaryCardPath = (path: string) => `${path}.${randomUUID()}${TEMPORARY_SUFFIX}`;
/** A name `temporaryCardPath` gives. */
function isTemporaryCard(name: string): boolean {
  const cardName = name.slice(0, name.indexOf(`${CARD_EXTENSION}.`) + CARD_EXTENSION.length);
  return name.endsWith(TEMPORARY_SUFFIX) && cardKeyOf(cardName) !== undefined;
}
/** A temporary card older than this was left by a build that was stopped, not by one still writing it. */
const STALE_MS = 3_600_000;
/** What older versions kept beside the cards (what they had read of each article file); nothing reads it now. */
const FORMER_FILES = new Set(['articles.json']);

/** Whole or not at all: a build stopped half-way never leaves a truncated card to be reused. */
export function writeCachedCard(cacheDir: string, key: string, png: Uint8Array): void {
  const path = cardCacheFile(cacheDir, key);
  const temporary = temporaryCardPath(path);
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

/** Deletes cards half-written by stopped builds, and what older versions kept in the cache; nothing else. */
function removeLeftovers(cacheDir: string, names: readonly string[]): void {
  for (const name of names) {
    const path = join(cacheDir, name);
    // Another build may have finished or removed its temporary since the listing.
    const modified = isTemporaryCard(name) ? statSync(path, { throwIfNoEntry: false })?.mtimeMs : undefined;
    const stale = modified !== undefined && Date.now() - modified > STALE_MS;
    if (stale || FORMER_FILES.has(name)) rmSync(path, { force: true });
  }
}

/** Where a card sits in the site, and so which shard of a sharded build makes it. */
const sitePath = (file: string) => `cards/${file}`;

/**
 * Puts every job's card into `outDir` (with a shard, only the cards that are its to make), making only those the
 * cache lacks, and drops cached cards no page of the whole site uses, and the leftovers of stopped builds.
 */
export async function updateCards(jobs: readonly CardJob[], options: { cacheDir: string; outDir: string; make: MakeCards; shard?: Shard }): Promise<CardUpdate> {
  const { cacheDir, outDir, shard } = options;
  mkdirSync(cacheDir, { recursive: true });
  // The folder is the step's result even with no card in it (an empty archive, a shard without cards).
  mkdirSync(outDir, { recursive: true });
  const names = readdirSync(cacheDir);
  const cached = new Set(names.map(cardKeyOf).filter((key) => key !== undefined));
  const plan = planCards(jobs, cached);
  const cards = plan.cards.filter((card) => inShard(sitePath(card.file), shard));
  const keys = new Set(cards.map((card) => card.key));
  const toMake = plan.toMake.filter((card) => keys.has(card.key));
  const missing = toMake.length > 0 ? await options.make(toMake, cacheDir) : [];
  await placeFiles(cards.map((card) => [cardCacheFile(cacheDir, card.key), join(outDir, card.file)]));
  for (const key of plan.unused) rmSync(cardCacheFile(cacheDir, key), { force: true });
  removeLeftovers(cacheDir, names);
  return { cards: cards.length, made: toMake.length, missing };
}
