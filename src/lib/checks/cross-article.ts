/** Cross-article checks: what no single file's schema can see (duplicate slugs, dangling related links, tag and byline spellings). */
import { baseFacetSlug, buildFacetIndex, facetKey, normalizeName, type Facet } from '../site/facets.ts';
import type { Problem } from './problems.ts';
import { withoutAccents } from '../text/accents.ts';
import { unpublishedReason } from '../content/publish.ts';
import { shownInstant } from '../content/iso-seconds.ts';
import type { DatedData } from '../content/written-dates.ts';
import { formerSlugProblems } from './former-slugs.ts';
import { storyReferenceProblems } from './story-references.ts';
import { closestWord } from '../text/suggest.ts';

export type { Problem };

/** An item of a list in front matter: undefined where the schema refused it (and said so). */
type Listed = string | undefined;

export interface CheckedArticle {
  file: string;
  slug: string;
  /**
   * `slug` is the front-matter field when the article sets one, else the slug came from the file name. In a list, an
   * item the schema refused is undefined, at its place: the others are still checked, by their own places.
   */
  data: { tags: readonly Listed[]; authors?: readonly Listed[]; related: readonly Listed[]; formerSlugs?: readonly Listed[]; draft: boolean; publishedAt: Date; dayAlone?: DatedData['dayAlone']; slug?: string; source?: { url: string }; story?: string | false };
}

export function crossArticleProblems(articles: readonly CheckedArticle[], now: Date): Problem[] {
  const problems: Problem[] = [];
  const filesBySlug = new Map<string, CheckedArticle[]>();
  for (const article of articles) {
    const same = filesBySlug.get(article.slug);
    if (same) same.push(article);
    else filesBySlug.set(article.slug, [article]);
  }

  // Reported on every file involved, each naming the others, so checking any one of them shows the clash.
  for (const [slug, same] of filesBySlug) {
    // No slug at all is each file's own error, not a clash.
    if (same.length < 2 || slug === '') continue;
    for (const article of same) {
      const others = same.filter((other) => other !== article).map((other) => other.file);
      // Names a Mac writes decomposed and other systems composed print alike: the message alone would name itself.
      const lookAlike = others.every((other) => other.normalize('NFC') === article.file.normalize('NFC'));
      problems.push({
        file: article.file,
        field: article.data.slug ? 'slug' : undefined,
        severity: 'error',
        message: `the slug "${slug}"${article.data.slug ? '' : ' (from the file name)'} is also used by ${others.join(' and ')}`,
        hint: lookAlike
          ? 'the two file names look the same but encode an accented letter differently (composed and decomposed); keep one of the files'
          : 'two articles cannot share a URL; rename one of the files or set a different slug',
      });
    }
  }

  const movedBySlug = new Map<string, CheckedArticle>();
  for (const article of articles) for (const slug of article.data.formerSlugs ?? []) if (slug !== undefined && !movedBySlug.has(slug)) movedBySlug.set(slug, article);
  for (const article of articles) {
    article.data.related.forEach((slug, index) => {
      if (slug === undefined) return;
      const target = filesBySlug.get(slug)?.[0];
      const field = `related.${index}`;
      if (!target) {
        problems.push({ file: article.file, field, severity: 'error', ...unknownRelated(slug, movedBySlug.get(slug), filesBySlug, article.slug) });
        return;
      }
      if (target === article) {
        problems.push({
          file: article.file,
          field,
          severity: 'error',
          message: `"${slug}" is this article's own slug, and "Explore more" lists other articles`,
          hint: 'remove it, or write the slug of the other article you meant',
        });
        return;
      }
      const reason = unpublishedReason(target.data, now);
      if (reason === 'draft') {
        problems.push({
          file: article.file,
          field,
          severity: 'error',
          message: `"${slug}" (${target.file}) is a draft and would never be shown`,
          hint: 'publish it or remove it here',
        });
      } else if (reason === 'scheduled') {
        problems.push({
          file: article.file,
          field,
          severity: 'warning',
          message: `"${slug}" (${target.file}) is scheduled for ${shownInstant(target.data.publishedAt, target.data.dayAlone?.publishedAt === true)}`,
          hint: 'it is left out of "Explore more" until then',
        });
      }
    });
  }

  problems.push(...storyReferenceProblems(articles, filesBySlug, now));
  problems.push(...formerSlugProblems(articles, filesBySlug));

  problems.push(...facetSpellingProblems(articles, FACET_WORDS.tag), ...facetSpellingProblems(articles, FACET_WORDS.author));
  return problems;
}

/**
 * A `related` slug no article has now: most often an old address of an article that has moved (its `formerSlugs`),
 * or a typo.
 */
function unknownRelated(
  slug: string,
  moved: CheckedArticle | undefined,
  filesBySlug: ReadonlyMap<string, readonly CheckedArticle[]>,
  ownSlug: string,
): Pick<Problem, 'message' | 'hint'> {
  if (moved) return { message: `"${slug}" is a former slug of ${moved.file}, whose slug is now "${moved.slug}"`, hint: `write ${moved.slug}` };
  const guess = closestWord(slug, [...filesBySlug.keys()].filter((other) => other !== ownSlug));
  return {
    message: `no article has the slug "${slug}"`,
    hint: guess ? `did you mean "${guess}"? Otherwise remove it` : "check the spelling (an article's slug is its file name without .md, or its slug field) or remove it",
  };
}

/**
 * Each name that differs from a more used one only in accents (`Maríko Tanaka` beside `Mariko Tanaka`), with that
 * one: most often one person or topic typed two ways. Of two used alike, both are named.
 */
function accentTwins(facets: readonly Facet[]): Map<Facet, Facet> {
  const byLetters = Map.groupBy(facets, (facet) => withoutAccents(facet.key));
  const twins = new Map<Facet, Facet>();
  for (const group of byLetters.values()) {
    if (group.length < 2) continue;
    const [most, runnerUp] = [...group].sort((a, b) => b.articleSlugs.length - a.articleSlugs.length) as [Facet, Facet];
    for (const facet of group) if (facet !== most) twins.set(facet, most);
    if (runnerUp.articleSlugs.length === most.articleSlugs.length) twins.set(most, runnerUp);
  }
  return twins;
}

/** How the messages name each kind of facet: the field that lists it, one of it, and what two of a spelling are. */
const FACET_WORDS = {
  tag: { kind: 'tag', field: 'tags', noun: 'tag', same: 'one topic' },
  author: { kind: 'author', field: 'authors', noun: 'byline', same: 'one person' },
} as const;

/**
 * Names the site shows otherwise than written: another spelling of a tag or byline more articles use, a name whose
 * page address another name already has (its page gets a -2), extra spaces.
 */
function facetSpellingProblems(articles: readonly CheckedArticle[], { kind, field, noun, same }: (typeof FACET_WORDS)[keyof typeof FACET_WORDS]): Problem[] {
  const problems: Problem[] = [];
  const index = buildFacetIndex(articles.map((article) => ({ slug: article.file, names: (article.data[field] ?? []).filter((name) => name !== undefined) })), kind);
  const accentTwin = accentTwins(index.all);
  for (const article of articles) {
    // A name the article has listed already is warned of as a repeat (check-content.ts), and not here again.
    const seen = new Set<string>();
    (article.data[field] ?? []).forEach((name, position) => {
      if (name === undefined) return;
      const facet = index.byKey.get(facetKey(name));
      if (!facet || seen.has(facet.key)) return;
      seen.add(facet.key);
      const tidy = normalizeName(name);
      const at = { file: article.file, field: `${field}.${position}`, severity: 'warning' } as const;
      if (tidy !== facet.name && facet.spellings.length > 1) {
        problems.push({ ...at, message: `${noun} "${name}" is shown as "${facet.name}", its most common spelling`, hint: `write "${facet.name}" to match the other articles` });
      } else if (facet.slug !== baseFacetSlug(facet.key, kind)) {
        const holder = index.bySlug.get(baseFacetSlug(facet.key, kind))!;
        problems.push({
          ...at,
          message: `${noun} "${name}" would have the same URL as "${holder.name}" (/${field}/${holder.slug}/), so its page is /${field}/${facet.slug}/`,
          hint: `write "${holder.name}" if they are ${same}; otherwise name it so that its URL differs`,
        });
      } else if (accentTwin.has(facet)) {
        const twin = accentTwin.get(facet)!;
        problems.push({
          ...at,
          message: `${noun} "${name}" differs from "${twin.name}" (on ${twin.articleSlugs.length} ${twin.articleSlugs.length === 1 ? 'article' : 'articles'}) only in its accents, so each has a page of its own`,
          hint: `write "${twin.name}" if they are ${same}`,
        });
      } else if (tidy !== name.normalize('NFC')) {
        problems.push({ ...at, message: `${noun} "${name}" has extra spaces and is shown as "${facet.name}"`, hint: `write "${facet.name}"` });
      }
    });
  }
  return problems;
}
