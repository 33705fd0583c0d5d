/**
 * Decides what an import does, without touching the disk: for each feed entry, write a new draft (with its
 * slug and file text), skip it as coverage the site already has, or reject it with a reason.
 */
import { crossArticleProblems, type CheckedArticle } from '../../checks/cross-article.ts';
import { mixedScripts } from '../../checks/mixed-script.ts';
import { buildFacetIndex } from '../../site/facets.ts';
import { inLatinLetters } from '../../text/latin-letters.ts';
import { NearDuplicateIndex, NEAR_DUPLICATE_THRESHOLD } from '../../text/near-duplicates.ts';
import { SLUG_PATTERN } from '../../content/schema.ts';
import { MAX_SLUG_BYTES } from '../../content/field-limits.ts';
import { CLASH_SUFFIX_ROOM, shortenSlug, slugify, uniqueSlug } from '../../content/slug.ts';
import { outletOf, type ArticleSource } from '../../stories/outlet.ts';
import { buildDraft, serializeDraft, verifyDraftFile, type Draft, type DraftOptions } from './draft.ts';
import type { FeedEntry, ParsedFeed } from './parse-feed.ts';
import { sharedLinks } from './shared-links.ts';
import { urlKey } from './urls.ts';

/** An article already in the content folder, as far as the importer needs to know it. */
export interface ExistingArticle {
  /** Path relative to the project (or content folder), for messages. */
  file: string;
  slug: string;
  /** source.url, when the article has one. */
  sourceUrl?: string;
  /** The headline, when the front matter has one: with the body, it tells apart items that share a link. */
  title?: string;
  /** The outlet it came from (none: our own reporting): near-duplicates are skipped only within one outlet. */
  source?: ArticleSource;
  /** The Markdown body, for near-duplicate detection. */
  body: string;
  /** Validated front matter, when the file passes the schema (needed for cross-article checks). */
  data?: CheckedArticle['data'] & { tags: readonly string[]; formerSlugs?: readonly string[] };
}

export interface ImportOptions {
  sourceName?: string;
  extraTags?: readonly string[];
  /** Consider only the first N entries of the feed (feeds list newest first). */
  limit?: number;
  /** Import near-duplicates of existing articles from the same outlet anyway. */
  allowSimilar?: boolean;
  /** Jaccard similarity on 5-word shingles at or above which an entry counts as already covered. Default 0.8. */
  similarityThreshold?: number;
  /** Folder for new drafts, relative like ExistingArticle.file (e.g. "content/articles/imported"). */
  folder: string;
  now: Date;
  /** The site's language (siteConfig.lang): drafts in another carry it as `lang`. */
  siteLang: string;
}

export interface Match {
  slug: string;
  file: string;
}

export type ImportDecision =
  | { kind: 'import'; title: string; slug: string; file: string; contents: string; draft: Draft }
  | { kind: 'duplicate'; title: string; match: Match; by: 'link' | 'guid' | 'link, headline and text' }
  | { kind: 'similar'; title: string; match: Match; similarity: number }
  | { kind: 'rejected'; title: string; reason: string };

/** Long headlines make unwieldy URLs; slugs stop at a word boundary near this many characters. */
const MAX_SLUG_LENGTH = 80;
/**
 * Non-Latin letters take two to four bytes each, so a slug is also held within the schema's byte limit, with room
 * for the `-2`… a clash adds: the slug names the item's file, and a file name longer than 255 bytes cannot be written.
 */
const MAX_GENERATED_SLUG_BYTES = MAX_SLUG_BYTES - CLASH_SUFFIX_ROOM;

/**
 * A slug from a headline that the schema accepts, or "" when the headline has no letters or digits. A headline
 * mixing Latin with Cyrillic or Greek words ("Яндекс launches Alice AI") gives its Cyrillic and Greek letters in
 * Latin ("yandeks-launches-alice-ai"), since a slug mixing those alphabets is how a look-alike address is made, and
 * the check warns of one; a headline in one of them keeps its own letters.
 */
export function slugForTitle(title: string): string {
  const slug = slugOfWords(title);
  return mixedScripts(slug) ? slugOfWords(inLatinLetters(title)) : slug;
}

function slugOfWords(title: string): string {
  const characters = [...slugify(title)]
    // Combining marks (Devanagari vowel signs, say) and title-case letters are not in SLUG_PATTERN.
    .filter((character) => character === '-' || SLUG_PATTERN.test(character));
  const slug = shortenSlug(characters.join('').replace(/-+/g, '-').replace(/^-|-$/g, ''), MAX_SLUG_LENGTH, MAX_GENERATED_SLUG_BYTES);
  return SLUG_PATTERN.test(slug) ? slug : '';
}

/** How reports name an item: its headline (or link), cut short, since a hostile feed's headline can run to pages. */
function label(entry: FeedEntry): string {
  const name = entry.title || entry.link || entry.guid || '(untitled entry)';
  return name.length > MAX_LABEL_CHARACTERS ? `${name.slice(0, MAX_LABEL_CHARACTERS - 1)}…` : name;
}

const MAX_LABEL_CHARACTERS = 120;

/** What the planner needs once, whatever the feed: the site's articles are indexed when it is made. */
export interface PlannerOptions {
  /** Import near-duplicates of existing articles anyway. */
  allowSimilar?: boolean;
  /** Jaccard similarity on 5-word shingles at or above which an entry counts as already covered. Default 0.8. */
  similarityThreshold?: number;
  now: Date;
  /** The site's language (siteConfig.lang): drafts in another carry it as `lang`. */
  siteLang: string;
}

/** Per feed: where its drafts go, how they are attributed, and how the aggregator turns an entry's draft into its item. */
export interface FeedPlanOptions extends Pick<ImportOptions, 'sourceName' | 'extraTags' | 'limit' | 'folder'>, Pick<DraftOptions, 'registrySource'> {
  /** Changes a built draft before it is written (the aggregator's excerpt body and publishing choice). */
  adaptDraft?: (draft: Draft, entry: FeedEntry) => Draft;
  /** The whole feed's links that identify no single item (shared-links.ts), when the feed given holds only some of its entries; else those of the entries given. */
  sharedLinks?: ReadonlySet<string>;
}

/**
 * Plans feed after feed against one content folder: `existing` is indexed once (links, GUIDs, slugs, wording),
 * and every planned draft joins those indexes, so later feeds never repeat an earlier one's story or slug.
 * `takenSlugs` are further names that must not be reused (files in the import folder that failed to parse, say).
 */
export function createImportPlanner(existing: readonly ExistingArticle[], options: PlannerOptions, takenSlugs: Iterable<string> = []) {
  const byUrl = new Map<string, Match>();
  // Articles by link and headline, with their bodies: an item at a link its feed shares (a live blog's update) is
  // the same item only with the same headline and text, as two updates may share a headline too.
  const byUrlAndTitle = new Map<string, Array<{ match: Match; body: string }>>();
  const addByUrlAndTitle = (linkKey: string, title: string, match: Match, body: string) => {
    const key = linkAndTitle(linkKey, title);
    byUrlAndTitle.set(key, [...(byUrlAndTitle.get(key) ?? []), { match, body }]);
  };
  for (const article of existing) {
    const key = urlKey(article.sourceUrl);
    if (key && !byUrl.has(key)) byUrl.set(key, { slug: article.slug, file: article.file });
    if (key && article.title !== undefined) addByUrlAndTitle(key, article.title, { slug: article.slug, file: article.file }, article.body);
  }
  // A former slug's address sends readers on to its article: a new draft given it would be refused by the check.
  const taken = new Set<string>([...existing.flatMap((article) => [article.slug, ...(article.data?.formerSlugs ?? [])]), ...takenSlugs]);
  const similarity = new NearDuplicateIndex({ threshold: options.similarityThreshold ?? NEAR_DUPLICATE_THRESHOLD });
  const matchById = new Map<string, Match>();
  const outletById = new Map<string, string>();
  existing.forEach((article, position) => {
    const id = String(position);
    if (similarity.add(id, article.body)) {
      matchById.set(id, { slug: article.slug, file: article.file });
      outletById.set(id, outletOf(article.source).key);
    }
  });
  const checked = existing.flatMap((article) => (article.data ? [{ file: article.file, slug: article.slug, data: article.data }] : []));
  const tagIndex = buildFacetIndex(checked.map((article) => ({ slug: article.slug, names: article.data.tags })), 'tag');
  const siteTags = new Map(tagIndex.all.map((tag) => [tag.key, tag.name]));

  /** One decision per entry, in feed order (the first `limit` entries only). */
  function plan(feed: ParsedFeed, feedOptions: FeedPlanOptions): ImportDecision[] {
    const entries = feedOptions.limit === undefined ? feed.entries : feed.entries.slice(0, feedOptions.limit);
    const shared = feedOptions.sharedLinks ?? sharedLinks(feed.entries);
    return entries.map((entry) => planEntry(entry, feed, feedOptions, shared));
  }

  function planEntry(entry: FeedEntry, feed: ParsedFeed, feedOptions: FeedPlanOptions, shared: ReadonlySet<string>): ImportDecision {
    const title = label(entry);
    // A link the feed gives to several distinct items says nothing about which one this is.
    const matchOf = (href: string | undefined) => {
      const key = urlKey(href);
      return key && !shared.has(key) ? byUrl.get(key) : undefined;
    };
    const linkMatch = matchOf(entry.link);
    if (linkMatch) return { kind: 'duplicate', title, match: linkMatch, by: 'link' };
    const guidMatch = matchOf(entry.guid);
    if (guidMatch) return { kind: 'duplicate', title, match: guidMatch, by: 'guid' };

    const built = buildDraft(entry, feed, { sourceName: feedOptions.sourceName, registrySource: feedOptions.registrySource, extraTags: feedOptions.extraTags, siteTags, now: options.now, siteLang: options.siteLang });
    if (!built.ok) return { kind: 'rejected', title, reason: built.reason };
    const draft = feedOptions.adaptDraft ? feedOptions.adaptDraft(built.draft, entry) : built.draft;
    // A GUID is not kept in the article, so an update of a live blog written before (by an import, or by an aggregation
    // stopped before its state was saved) is recognised by its link, headline and text.
    const linkKey = urlKey(draft.source.url);
    const sameItem = linkKey && shared.has(linkKey) ? byUrlAndTitle.get(linkAndTitle(linkKey, draft.title))?.find(({ body }) => body.trim() === draft.body.trim()) : undefined;
    if (sameItem) return { kind: 'duplicate', title: draft.title, match: sameItem.match, by: 'link, headline and text' };
    const text = draft.body || draft.description;
    // Another outlet's copy of the same wire story is coverage the site credits in a story, never a duplicate.
    const outlet = outletOf(draft.source).key;
    if (!options.allowSimilar) {
      const closest = similarity.query(text).find((match) => outletById.get(match.id) === outlet);
      if (closest) return { kind: 'similar', title: draft.title, match: matchById.get(closest.id)!, similarity: closest.similarity };
    }

    const base = slugForTitle(draft.title) || slugForTitle(`${draft.source.name} ${draft.publishedAt.toISOString().slice(0, 10)}`) || 'imported';
    const slug = uniqueSlug(base, taken);
    const file = `${feedOptions.folder}/${slug}.md`;
    const contents = serializeDraft(draft);
    const problems = verifyDraftFile(contents, draft);
    if (problems.length) return { kind: 'rejected', title: draft.title, reason: rejection(problems) };

    // Later entries are compared with this one too: feeds repeat stories under new links.
    taken.add(slug);
    const match: Match = { slug, file };
    if (linkKey) {
      byUrl.set(linkKey, match);
      addByUrlAndTitle(linkKey, draft.title, match, draft.body);
    }
    const guidKey = urlKey(entry.guid);
    if (guidKey && !byUrl.has(guidKey)) byUrl.set(guidKey, match);
    const id = `new:${slug}`;
    if (similarity.add(id, text)) {
      matchById.set(id, match);
      outletById.set(id, outlet);
    }
    return { kind: 'import', title: draft.title, slug, file, contents, draft };
  }

  /** Cross-article checks once for every draft planned (they are linear in the site's size): a draft they flag is rejected. */
  function checkDrafts(decisions: readonly ImportDecision[]): ImportDecision[] {
    const drafts = decisions.flatMap((decision): CheckedArticle[] =>
      decision.kind === 'import' ? [{ file: decision.file, slug: decision.slug, data: { tags: decision.draft.tags, related: [], draft: decision.draft.draft, publishedAt: decision.draft.publishedAt } }] : [],
    );
    const draftFiles = new Set(drafts.map((draft) => draft.file));
    const errorsByFile = new Map<string, string[]>();
    for (const problem of crossArticleProblems([...checked, ...drafts], options.now)) {
      if (problem.severity !== 'error' || !draftFiles.has(problem.file)) continue;
      errorsByFile.set(problem.file, [...(errorsByFile.get(problem.file) ?? []), `${problem.field ?? 'article'}: ${problem.message}`]);
    }
    return decisions.map((decision) => {
      const errors = decision.kind === 'import' ? errorsByFile.get(decision.file) : undefined;
      return errors ? { kind: 'rejected', title: decision.title, reason: rejection(errors) } : decision;
    });
  }

  return { plan, checkDrafts };
}

/**
 * The plan for one feed. `existing` is every article in the content folder (drafts included), and `takenSlugs`
 * any further names that must not be reused (files in the import folder that failed to parse, say).
 */
export function planImport(feed: ParsedFeed, existing: readonly ExistingArticle[], options: ImportOptions, takenSlugs: Iterable<string> = []): ImportDecision[] {
  const planner = createImportPlanner(existing, options, takenSlugs);
  return planner.checkDrafts(planner.plan(feed, options));
}

function linkAndTitle(linkKey: string, title: string): string {
  return `${linkKey}\n${title.trim()}`;
}

function rejection(problems: readonly string[]): string {
  return `the draft would not pass the checker (${problems.join('; ')})`;
}
