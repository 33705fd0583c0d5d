/**
 * Several names typed into one entry of a list: `tags: ["AI, Cloud"]` is one tag named "AI, Cloud", and
 * `authors: ["Jane Doe and John Roe"]` one byline with one author page. Meant only most of the time, so the checker
 * warns rather than refuses.
 */
import { REFERENCE_NAME } from '../text/character-references.ts';

/** A semicolon that ends a character reference (`R&amp;D`, pasted HTML, warned of as such) parts nothing. */
const SEMICOLON = `(?<!&(?:${REFERENCE_NAME}));`;
/** A tag is a topic, never a list: any comma or semicolon parts it. */
const TAG_SEPARATOR = new RegExp(String.raw`\s*(?:,|${SEMICOLON})\s*`, 'i');
/** "D.C.", "Inc.", "Ltd.": letters, each run ending with a full stop. */
const ABBREVIATION = /^(?:\p{L}{1,3}\.)+$/u;
/** Bylines part at commas, semicolons, "and" and "&" (an Oxford comma's ", and" too). */
const BYLINE_SEPARATOR = new RegExp(String.raw`\s*(?:,|${SEMICOLON})\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+`, 'i');

/** What a writer does ("Senior Editor", "Staff Writer"), said beside the name, as an outlet is: no second person. */
const ROLE = /^(?:[\p{L}-]+\s+)*(?:editor|writer|reporter|correspondent|contributor|columnist|producer|analyst|photographer)s?$/iu;

/**
 * Who a writer writes for, said beside the name ("Associated Press", "The Verge", "3rd Battalion"): no person's name
 * has a digit, opens with "The" or ends in such a word.
 */
const ORGANISATION = /\d|^the\s|\s(?:press|news|times|post|journal|herald|tribune|gazette|magazine|media|daily|weekly|wire|network|agency|bureau|radio|tv|television|group|institute|university|college|lab|labs|inc\.?|ltd\.?|llc|corp\.?)$/iu;

/**
 * The names `name` holds, when it holds more than one; undefined otherwise. A byline parts only into names of two
 * words or more, so a name written surname first ("Doe, Jane"), a suffix ("Jane Doe, Jr.") or an outlet credited
 * beside a reporter ("Jane Doe, Reuters", "Jane Doe, Associated Press") stays one, and never at a role ("Jane Doe,
 * Senior Editor").
 */
export function joinedNames(name: string, kind: 'tag' | 'byline'): string[] | undefined {
  const parts = name
    .split(kind === 'tag' ? TAG_SEPARATOR : BYLINE_SEPARATOR)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length < 2) return undefined;
  // An abbreviation after a comma ends one name ("Washington, D.C.", "Acme, Inc."), as no topic is written so.
  if (kind === 'tag' && parts.slice(1).some((part) => ABBREVIATION.test(part))) return undefined;
  if (kind === 'byline' && parts.some((part) => part.split(/\s+/).length < 2 || ROLE.test(part) || ORGANISATION.test(part))) return undefined;
  return parts;
}

/** A byline without the role written after its name: "Jane Doe, Senior Editor" is Jane Doe's, as her author page is. */
export function withoutRole(byline: string): string {
  const comma = byline.lastIndexOf(',');
  return comma > 0 && ROLE.test(byline.slice(comma + 1).trim()) ? byline.slice(0, comma).trim() : byline;
}

/** The list written again with every entry that holds several names parted, as a line to paste: `tags: ["AI", "Cloud"]`. */
export function listWithNamesParted(field: string, names: readonly string[], kind: 'tag' | 'byline'): string {
  const parted = names.flatMap((name) => joinedNames(name, kind) ?? [name]);
  return `${field}: [${parted.map((name) => JSON.stringify(name)).join(', ')}]`;
}
