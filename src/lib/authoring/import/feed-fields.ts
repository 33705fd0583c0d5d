/** Reading single fields of a feed: dates, one-line text, text as HTML, names and links. */
import { parseDate } from '../../content/schema.ts';
import { htmlToText, looksLikeHtml } from './html.ts';
import { resolveWebUrl } from './urls.ts';

const HAS_ZONE = /(?:[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT|Z|[ECMP][SD]T)\b)\s*$/i;

/**
 * A date string from a feed (ISO 8601 or RFC 822), when it names a real instant. A time without a zone is read
 * as UTC, as the schema does, so an import never depends on the machine's time zone.
 */
export function parseFeedDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const text = value.trim();
  const iso = parseDate(text);
  if (iso) return iso;
  for (const candidate of HAS_ZONE.test(text) ? [text] : [`${text} GMT`, text]) {
    const date = new Date(candidate);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return undefined;
}

export function firstDate(...values: unknown[]): Date | undefined {
  for (const value of values) {
    const date = parseFeedDate(value);
    if (date) return date;
  }
  return undefined;
}

/** One line of text from a field that may or may not hold markup (RSS and JSON titles are ambiguous in practice). */
export function plain(value: string | undefined): string {
  if (!value) return '';
  return (looksLikeHtml(value) ? htmlToText(value) : value).replace(/\s+/g, ' ').trim();
}

/** Plain text as HTML, so every body goes through the same converter. */
export function textAsHtml(text: string | undefined): string | undefined {
  if (!text?.trim()) return undefined;
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph.trim()}</p>`)
    .join('\n');
}

export function uniqueNames(names: ReadonlyArray<string | undefined>): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const name of names) {
    const text = plain(name);
    if (!text || seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    result.push(text);
  }
  return result;
}

export function link(href: string | undefined, base: string | undefined): string | undefined {
  return resolveWebUrl(href, base) ?? undefined;
}
