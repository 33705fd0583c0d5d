/**
 * OPML, the list of feeds every feed reader imports and exports, to and from the sources registry (feedsmith does
 * the XML; fast-xml-parser first checks that a file to import is whole).
 */
import { XMLParser } from 'fast-xml-parser';
import { generateOpml, parseOpml, type Opml } from 'feedsmith';
import { oneLine } from '../authoring/import/feed-fields.ts';
import { isHtmlPage } from '../authoring/import/html-page.ts';
import { xmlProblem } from '../authoring/import/xml-problem.ts';
import { CLASH_SUFFIX_ROOM, shortenSlug, slugify, uniqueSlug } from '../content/slug.ts';
import { MAX_SOURCE_ID_LENGTH, SOURCE_ID_PATTERN, sourceIdField } from '../content/source-id.ts';
import { hasCredentials, resolveWebUrl, urlKey, withoutFeedScheme } from '../authoring/import/urls.ts';
import { isSourceName, parseSourceSettings, type Source, type SourceSettings } from './registry.ts';

/**
 * Outline attributes only Newsdesk reads, so that an export imported back gives the same registry: the source's id
 * (its items' `source.id`) and its settings as JSON. Feed readers ignore attributes they do not know.
 */
const ID_ATTRIBUTE = 'newsdeskId';
const SETTINGS_ATTRIBUTE = 'newsdeskSettings';
const NEWSDESK_ATTRIBUTES = [ID_ATTRIBUTE, SETTINGS_ATTRIBUTE] as const;

/** A feed listed in an OPML file; `id` and `settings` (JSON text) only in Newsdesk's own exports. */
export interface OpmlFeed {
  name: string;
  feed: string;
  site?: string;
  id?: string;
  settings?: string;
}

/** The fields a new registry entry is written with; settings left out take the schema's defaults. */
export type NewSource = Pick<Source, 'id' | 'name' | 'feed'> & { site?: string } & Partial<SourceSettings>;

export interface ImportPlan {
  added: NewSource[];
  skipped: Array<{ name: string; feed: string; reason: string }>;
  /** What was added differently from the file: an id already taken or invalid, settings the registry would reject. */
  notes: Array<{ id: string; note: string }>;
}

/**
 * Every outline with a feed address, and every feed outline (type="rss") without one, so that it is reported;
 * folders flattened in document order. Throws, saying why and where, when the text is not a whole OPML document.
 */
export function feedsFromOpml(text: string): OpmlFeed[] {
  // feedsmith refuses a document with nothing in it at all, which a reader exporting no feeds may write.
  if (!hasOutlines(text)) return [];
  const document = parseOpml(text, { extraOutlineAttributes: NEWSDESK_ATTRIBUTES });
  const feeds: OpmlFeed[] = [];
  const walk = (outlines: ReadonlyArray<Opml.Outline<string, typeof NEWSDESK_ATTRIBUTES>> | undefined) => {
    for (const outline of outlines ?? []) {
      if (outline.xmlUrl || outline.type?.toLowerCase() === 'rss') {
        const { [ID_ATTRIBUTE]: id, [SETTINGS_ATTRIBUTE]: settings } = outline;
        const written = (outline.title || outline.text || '').trim();
        // Readers export names as the feed gave them: runs of spaces, line breaks, no-break spaces from &nbsp;,
        // invisible characters the registry's check refuses. A Newsdesk export's name and addresses are the
        // registry's, kept as written so that the round trip changes nothing (`https://example.com` stays without the
        // slash the URL parser adds); a name the registry would refuse (an export edited by hand) is cleaned as any.
        const fromNewsdesk = typeof id === 'string';
        const name = fromNewsdesk && isSourceName(written) ? written : oneLine(written);
        const home = resolveWebUrl(outline.htmlUrl);
        const site = home && fromNewsdesk ? outline.htmlUrl!.trim() : home;
        feeds.push({ name, feed: withoutFeedScheme((outline.xmlUrl ?? '').trim()), ...(site ? { site } : {}), ...(fromNewsdesk ? { id } : {}), ...(typeof settings === 'string' ? { settings } : {}) });
      }
      walk(outline.outlines);
    }
  };
  walk(document.body?.outlines);
  return feeds;
}

/** Reads only the elements' names and nesting: whether the root is <opml> and what its <body> holds. */
const structureParser = new XMLParser({ ignoreAttributes: true, ignoreDeclaration: true, ignorePiTags: true, processEntities: false });

/**
 * Whether the <body> of an OPML document holds any outline; throws for anything but a whole OPML document, since
 * feedsmith reads what it can of a file cut short or with an unclosed tag, and importing those feeds alone would
 * quietly lose the rest.
 */
function hasOutlines(text: string): boolean {
  // Blank lines before the XML declaration, which some exporters write, are no reason to refuse a file.
  const leading = /^\uFEFF?\s*/.exec(text)![0];
  const document = text.slice(leading.length);
  // The XML validator's answer, "Start tag expected" at no column, would not tell an editor the file is empty.
  if (document === '') throw new Error('the file is empty; export the list of feeds from the feed reader again');
  if (isHtmlPage(document)) throw new Error('this is an HTML web page, not an OPML file; export the list of feeds from the feed reader');
  const problem = xmlProblem(document, 'file', leading.split('\n').length - 1);
  if (problem) throw new Error(problem.message);
  const parsed = structureParser.parse(document) as Record<string, unknown>;
  const [root] = Object.keys(parsed);
  if (root !== 'opml') throw new Error(`not an OPML file: its root element is <${root}>, not <opml>`);
  const { opml } = parsed;
  if (typeof opml !== 'object' || opml === null || !('body' in opml)) throw new Error('not an OPML file: <opml> has no <body>');
  return typeof opml.body === 'object' && opml.body !== null && 'outline' in opml.body;
}

/**
 * Which feeds become new sources: a feed already in the registry (or earlier in the same file) is skipped, compared
 * as the importer compares links (scheme, host case, trailing slash ignored), unless both outlines are a Newsdesk
 * export's, whose registry read that feed for two sources and so gets both back; so is a feed with no address, an
 * address that is not http(s), and one carrying a user name or password, which the registry (committed, and copied
 * into every item) would publish. A home page carrying them is left out. A Newsdesk export's id is kept when it is valid and free, its settings when
 * the registry's schema accepts them; otherwise the source is added with a generated id or the defaults, and a note.
 */
export function planOpmlImport(existing: readonly Source[], feeds: readonly OpmlFeed[]): ImportPlan {
  // Each feed listed, by its key: the source's name, and for a source this file gave as a Newsdesk export, its id and
  // address as written.
  const listed = new Map<string | undefined, { name: string; exported?: { id: string; feed: string } }>(existing.map((source) => [urlKey(source.feed), { name: source.name }]));
  const ids = new Set(existing.map((source) => source.id));
  const plan: ImportPlan = { added: [], skipped: [], notes: [] };
  for (const { name, feed, site, id: exportedId, settings } of feeds) {
    if (!feed) {
      plan.skipped.push({ name, feed, reason: 'no feed address (xmlUrl)' });
      continue;
    }
    const address = resolveWebUrl(feed);
    const key = urlKey(address);
    if (!address || !key) {
      plan.skipped.push({ name, feed: withoutCredentials(feed), reason: 'not an http(s) address' });
      continue;
    }
    if (hasCredentials(address)) {
      plan.skipped.push({ name, feed: withoutCredentials(address), reason: 'its address holds a user name or password, which the registry would publish; ask the outlet for a public feed' });
      continue;
    }
    const already = listed.get(key);
    // An export lists one feed twice only when its registry did: two sources reading it (under two spellings of its
    // address, say), which the registry takes with a warning, since their filters may pick different items. Both
    // come back, the second with a note naming both, as the registry's warning does.
    const sameFeed = exportedId !== undefined ? already?.exported : undefined;
    if (already !== undefined && sameFeed === undefined) {
      plan.skipped.push({ name, feed, reason: `already listed as ${already.name}` });
      continue;
    }
    const displayName = name || new URL(address).hostname;
    const keepsId = exportedId !== undefined && sourceIdField.safeParse(exportedId).success && !ids.has(exportedId);
    const id = keepsId ? exportedId : uniqueSlug(sourceIdFor(name, address), ids);
    if (exportedId !== undefined && !keepsId) {
      const why = ids.has(exportedId) ? 'is already taken' : 'is not a valid source id';
      plan.notes.push({ id, note: `the exported id "${exportedId}" ${why}, so it is listed as ${id}` });
    }
    ids.add(id);
    if (sameFeed === undefined) listed.set(key, { name: displayName, ...(exportedId !== undefined ? { exported: { id, feed } } : {}) });
    else {
      const spelled = sameFeed.feed === feed ? `at the same address (${feed})` : `written differently (${feed} and ${sameFeed.feed})`;
      plan.notes.push({ id, note: `it reads the same feed as ${sameFeed.id}, ${spelled}, as the two did in the registry exported: both are kept, and npm run check:content warns of them; remove one unless their include/exclude filters are meant to pick different items` });
    }
    const read = settings === undefined ? undefined : readSettings(settings);
    if (read && 'problem' in read) plan.notes.push({ id, note: `its exported settings were left out, so it takes the defaults: ${read.problem}` });
    plan.added.push({
      id,
      name: displayName,
      feed: exportedId === undefined ? address : feed,
      ...(site && !hasCredentials(site) ? { site } : {}),
      ...(read && 'settings' in read ? read.settings : {}),
    });
  }
  return plan;
}

/** The settings attribute's JSON, checked as the registry checks a source. */
function readSettings(json: string): ReturnType<typeof parseSourceSettings> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { problem: 'they are not valid JSON' };
  }
  return parseSourceSettings(value);
}

/** The address as it may be shown: any user name and password taken out. */
function withoutCredentials(address: string): string {
  const url = URL.parse(address);
  if (!url || !(url.username || url.password)) return address;
  url.username = '';
  url.password = '';
  return url.href;
}

/**
 * An id from the outlet's name (ASCII letters and digits), else from the feed's host name; cut between words to
 * leave room for the `-2` that keeps it unique within the schema's limit. A dot parts words, as in "LWN.net" or a
 * host name, where slugify would join them ("lwnnet").
 */
function sourceIdFor(name: string, feed: string): string {
  const fromText = (text: string) =>
    shortenSlug(
      slugify(text.normalize('NFKD').replace(/\p{M}/gu, '').replaceAll('.', ' '))
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/-+/g, '-')
        .replace(/^-|-$/g, ''),
      MAX_SOURCE_ID_LENGTH - CLASH_SUFFIX_ROOM,
    );
  const fromName = fromText(name);
  if (SOURCE_ID_PATTERN.test(fromName)) return fromName;
  const fromHost = fromText(new URL(feed).hostname.replace(/^www\./, ''));
  return SOURCE_ID_PATTERN.test(fromHost) ? fromHost : 'source';
}

/** An outlet as a feed reader subscribes to it: its name, its feed and its home page. */
function feedOutline({ name, feed, site }: { name: string; feed: string; site?: string }) {
  return { text: name, title: name, type: 'rss', xmlUrl: feed, ...(site ? { htmlUrl: site } : {}) };
}

/** The registry as an OPML 2.0 document any feed reader can import; feedsmith (and OPML) need at least one source. */
export function sourcesToOpml(sources: readonly Source[], title: string): string {
  return generateOpml(
    {
      head: { title },
      body: {
        outlines: sources.map(({ id, name, feed, site, ...settings }) => ({
          ...feedOutline({ name, feed, site }),
          [ID_ATTRIBUTE]: id,
          [SETTINGS_ATTRIBUTE]: JSON.stringify(settings),
        })),
      },
    },
    { extraOutlineAttributes: NEWSDESK_ATTRIBUTES },
  );
}

/**
 * The outlets the site follows, for its readers to follow too: each one's own feed and home page, none of the
 * desk's settings; at least one outlet, as sourcesToOpml.
 */
export function followedFeedsOpml(outlets: ReadonlyArray<{ name: string; feed: string; site?: string }>, title: string): string {
  return generateOpml({ head: { title }, body: { outlines: outlets.map(feedOutline) } });
}
