/** What a social card shows, whatever page it belongs to (an article now; other page kinds map their own facts onto it). */
import { createHash } from 'node:crypto';
import { isolatedWords, type OwnWords } from '../site/page-title.ts';

export interface CardContent {
  headline: string;
  /**
   * Which way the headline runs when its language says so (an article in Hebrew whose headline starts with "Google"
   * still runs right to left); else its first letter decides, as `dir="auto"` does on the pages.
   */
  headlineDirection?: 'ltr' | 'rtl';
  /** Small capitals above the headline: the section tag. */
  kicker?: string;
  /** "By Mariko Tanaka" or "via Tortoise Media". */
  credit?: string;
  /** The date as the site shows it, e.g. "Nov 24, 2026". */
  date: string;
  siteName: string;
}

/** One card to make: its file name under the site's cards/ folder, and what it shows. */
export interface CardJob {
  /** e.g. "japan-ai-race.png"; other page kinds use a folder of their own ("stories/<slug>.png"). */
  file: string;
  content: CardContent;
  /** The source file, for messages. */
  source: string;
}

/** Raised whenever the layout, fonts, colours or PNG encoding change, so every cached card is made again. */
const CARD_TEMPLATE_VERSION = 9;

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** The cache key: a card is a pure function of its content and the template, so equal keys mean identical PNGs. */
export function cardKey(content: CardContent): string {
  // A stated direction is added only when there is one, so that the cards of every other headline keep their keys.
  const inputs = [CARD_TEMPLATE_VERSION, content.headline, content.kicker ?? '', content.credit ?? '', content.date, content.siteName, ...(content.headlineDirection ? [content.headlineDirection] : [])];
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 32);
}

/**
 * The card's alt text: what it shows, in reading order. `headlineWords`, the headline's language as its page marks
 * it: a headline in another language than the site's is set apart from the site's words around it.
 */
export function cardAlt(content: CardContent, headlineWords?: OwnWords): string {
  return [content.kicker, isolatedWords(content.headline, headlineWords), content.credit, content.date, content.siteName].filter(Boolean).join(' · ');
}
