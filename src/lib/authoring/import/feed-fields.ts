/** Reading single fields of a feed: one-line text, text as HTML, names and links (dates: feed-dates.ts). */
import { joinedNames, withoutRole } from '../../checks/joined-names.ts';
import { DIRECTION_MARK, hasVisibleCharacter, withoutInvisibleCharacters } from '../../text/invisible-characters.ts';
import { htmlToText, looksLikeHtml } from './html.ts';
import { resolveWebUrl } from './urls.ts';

/**
 * Text on one line, without the invisible characters no headline, name or tag may carry (a vertical tab is a space);
 * "" when nothing visible is left (a lone direction mark or combining mark), which the check would take for empty.
 */
export function oneLine(text: string): string {
  // Spaces collapsed before and after: a line separator is a space, and a control between two spaces leaves one.
  const line = withoutInvisibleCharacters(text.replace(/\s+/g, ' ')).replace(/ {2,}/g, ' ').trim();
  return hasVisibleCharacter(line) ? line : '';
}

/** A start tag without attributes: `<select>`, `<video>`. */
const BARE_START_TAG = /<([a-z][a-z\d-]*)>/gi;
const END_TAG = /<\/([a-z][a-z\d-]*)\s*>/gi;
/** Elements that format a line of text, which publishers' markup leaves open often enough (or never closes: a <br>). */
const LINE_FORMATTING = new Set(['a', 'b', 'big', 'br', 'center', 'div', 'em', 'font', 'i', 'mark', 'p', 's', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'u', 'wbr']);

/**
 * A field's bare start tags of other elements, never closed in it, as text: such a tag names the element ("Styling
 * <select>", "The <video> element turns 20"), and read as markup it would vanish, or take the words after it with it.
 */
function withNamedElementsAsText(value: string): string {
  const closed = new Set(Array.from(value.matchAll(END_TAG), (match) => match[1]!.toLowerCase()));
  return value.replace(BARE_START_TAG, (tag, name: string) => (LINE_FORMATTING.has(name.toLowerCase()) || closed.has(name.toLowerCase()) ? tag : `&lt;${tag.slice(1)}`));
}

/** One line of text from a field that may or may not hold markup (RSS and JSON titles are ambiguous in practice). */
export function plain(value: string | undefined): string {
  if (!value) return '';
  return oneLine(looksLikeHtml(value) ? htmlToText(withNamedElementsAsText(value)) : value);
}

/**
 * Plain text as HTML, so every body goes through the same converter: blank-line-separated blocks become paragraphs
 * and the author's other line breaks stay (a video's chapter list, one link a line).
 */
export function textAsHtml(text: string | undefined): string | undefined {
  if (!text?.trim()) return undefined;
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph.trim().split(/\s*\n\s*/).join('<br>\n')}</p>`)
    .join('\n');
}

/**
 * The headline without " - Outlet" at its end, when the item names that outlet as its source: aggregators such as
 * Google News append it, and the draft credits the outlet apart. A headline that is only the name stays.
 */
export function withoutOutlet(title: string, outlet: string): string {
  if (!outlet || !title.endsWith(outlet)) return title;
  const headline = title.slice(0, -outlet.length).match(/^(.*\S)\s+[-–—|]\s+$/s);
  return headline ? headline[1]! : title;
}

/** arXiv opens each description with the paper's id and why it is listed today; the abstract follows "Abstract:". */
const ARXIV_ANNOUNCEMENT = /^\s*arXiv:\S+\s+Announce Type:\s*[\w-]+\s+Abstract:\s*/;

/** An RSS description or Atom summary without arXiv's announcement line, so the dek and body start at the abstract. */
export function withoutArxivAnnouncement(description: string | undefined): string | undefined {
  return description?.replace(ARXIV_ANNOUNCEMENT, '');
}

/**
 * What Google News gives as an item's description: a link to each outlet's coverage, the outlet's name after it in
 * grey, and a last link to the whole coverage.
 */
const COVERAGE_LINKS = /<a\s[^>]*>[^<]*<\/a>(?:&nbsp;|\s)*<font color="#6f6f6f">[^<]*<\/font>|<strong><a\s[^>]*>View Full Coverage on Google News<\/a><\/strong>/gi;

/** An RSS description that is only such a list of links says nothing of the story: the item has no summary. */
export function withoutCoverageList(description: string | undefined): string | undefined {
  if (!description) return description;
  const rest = description.replace(COVERAGE_LINKS, '');
  const onlyLinks = rest !== description && !rest.replace(/<\/?(?:ol|li)>|&nbsp;|\s/gi, '');
  return onlyLinks ? undefined : description;
}

const DIRECTION_MARKS = new RegExp(DIRECTION_MARK.source, 'gu');

/**
 * Bylines and tags, each once, on one line. Without direction marks too, which a headline may need but a name does
 * not: one would give the name a tag or author page apart from the same name typed without it (the check warns of it).
 */
export function uniqueNames(names: ReadonlyArray<string | undefined>): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const name of names) {
    const text = oneLine(plain(name).replace(DIRECTION_MARKS, ''));
    if (!text || seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    result.push(text);
  }
  return result;
}

/** Reddit names its users "/u/name"; the byline is the name. */
const REDDIT_USER = /^\/u\/([\w-]{3,20})$/;

/** An e-mail address; each part of its domain apart, so that a long run of dots cannot make the match slow. */
const EMAIL = String.raw`(?:mailto:)?[^\s@<>()\[\]"]+@[^\s@<>()\[\]".]+(?:\.[^\s@<>()\[\]".]+)+`;
const ONLY_EMAIL = new RegExp(String.raw`^<?${EMAIL}>?$`, 'i');
/** RSS's "jane@example.com (Jane Doe)", which feeds write into any author field. */
const NAME_AFTER_EMAIL = new RegExp(String.raw`^<?${EMAIL}>?\s*\((.+)\)$`, 'i');
/** "Jane Doe <jane@example.com>", "Jane Doe (jane@example.com)". */
const NAME_BEFORE_EMAIL = new RegExp(String.raw`^([^<(\[]+?)\s*[<(\[]${EMAIL}[>)\]]$`, 'i');

/** The name beside an e-mail address; an address alone is no byline, and is never published as one. */
function withoutEmail(name: string): string {
  if (ONLY_EMAIL.test(name)) return '';
  return (NAME_AFTER_EMAIL.exec(name) ?? NAME_BEFORE_EMAIL.exec(name))?.[1]!.trim() ?? name;
}

/** "By Jane Doe", "By: Jane Doe": a byline some feeds write whole, where the site's pages put the "By" themselves. */
const BY = /^by:?\s+(?=\S)/i;

/**
 * The account a CMS signs a post with when no writer is named (WordPress's "admin", Blogger's "Unknown"), or a desk
 * rather than a person: no byline, so the outlet is credited, rather than one author page gathering every outlet's
 * unsigned pieces.
 */
const NO_WRITER = /^(?:admin|administrator|webmaster|unknown|staff|staff (?:writer|reporter)s?)$/i;

/**
 * Bylines, each once, in plain text, without "By" or e-mail addresses, a Reddit user by name. An entry naming several
 * people ("Alice Smith, Bob Jones", as arXiv joins a paper's authors, or "Jane Doe and John Roe") is each of them,
 * parted as the content check parts a byline, so "Smith, Alice" and "Jane Doe, Reuters" stay one; a role after the
 * name ("Jane Doe, Senior Editor") is left out, so the writer's author page is named after her alone.
 */
export function authorNames(names: ReadonlyArray<string | undefined>): string[] {
  return uniqueNames(
    names.flatMap((name) => {
      const byline = withoutRole(withoutEmail(plain(name).replace(BY, '')).replace(REDDIT_USER, '$1'));
      // A byline without a letter or digit ("-", an emoji alone) names no one, and its author page would be /authors/author/.
      return NO_WRITER.test(byline) || !/[\p{L}\p{N}]/u.test(byline) ? [] : (joinedNames(byline, 'byline') ?? [byline]);
    }),
  );
}

export function link(href: string | undefined, base: string | undefined): string | undefined {
  return resolveWebUrl(href, base) ?? undefined;
}

/**
 * The address of an item's first enclosure that is not a picture (a podcast episode's audio, a video): the one link
 * some podcast and video feeds give an item, which then stands for the original.
 */
export function enclosureLink(enclosures: ReadonlyArray<{ url?: string; href?: string; type?: string }> | undefined, base: string | undefined): string | undefined {
  for (const enclosure of enclosures ?? []) {
    if (enclosure.type?.trim().toLowerCase().startsWith('image/')) continue;
    const address = link(enclosure.url ?? enclosure.href, base);
    if (address) return address;
  }
  return undefined;
}
