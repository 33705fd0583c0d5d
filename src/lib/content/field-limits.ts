/**
 * Longest values the front matter may hold. Slugs, tags and author names become URL path segments, and a file
 * system takes at most 255 bytes in one (a CJK character is three): those are counted in bytes, with room left for
 * the `-2` a clash adds. The others keep one field from making a page, a feed or a search index enormous.
 */
import { byteLength } from '../text/utf8.ts';
import { slugify } from './slug.ts';

export const MAX_SLUG_BYTES = 200;
export const MAX_TITLE_CHARACTERS = 300;
export const MAX_DESCRIPTION_CHARACTERS = 1_000;
/** Tags and author names, as written; their URL segment must also fit MAX_SLUG_BYTES. */
const MAX_NAME_CHARACTERS = 100;
export const MAX_ALT_CHARACTERS = 1_000;
/** The earliest year a publishedAt or updatedAt may have: older than any press archive a news site republishes. */
export const EARLIEST_YEAR = 1900;

/** "is 540 bytes long; …" for a slug over the limit, or undefined. */
export function slugTooLong(slug: string): string | undefined {
  const bytes = byteLength(slug);
  return bytes > MAX_SLUG_BYTES ? `is ${bytes} bytes long; shorten it to at most ${MAX_SLUG_BYTES} bytes (a URL segment; non-Latin letters take 2-4 bytes each)` : undefined;
}

/** For a tag or author name: too long as written, or as the URL segment its page gets. */
export function nameTooLong(name: string): string | undefined {
  const tooLong = textTooLong(name.trim(), MAX_NAME_CHARACTERS);
  if (tooLong) return tooLong;
  const bytes = byteLength(slugify(name));
  return bytes > MAX_SLUG_BYTES ? `makes a ${bytes}-byte URL segment; shorten it so its page's address stays under ${MAX_SLUG_BYTES} bytes` : undefined;
}

export function textTooLong(text: string, max: number): string | undefined {
  // UTF-16 units are never fewer than characters: most values are judged without counting.
  if (text.length <= max) return undefined;
  const characters = countCharacters(text);
  return characters > max ? `is ${characters} characters long; shorten it to at most ${max}` : undefined;
}

/** Code points, without building an array of them (a title may be megabytes). */
function countCharacters(text: string): number {
  let surrogates = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xdc00 && unit <= 0xdfff) surrogates++;
  }
  return text.length - surrogates;
}
