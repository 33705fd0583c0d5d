/** New-article scaffolding for `npm run new`: valid front matter for a draft, a free slug, tags spelt as the site spells them. */
import { buildFacetIndex, facetKey, normalizeName } from '../site/facets.ts';
import { problemsFromIssues } from '../checks/problems.ts';
import { parseArticle, slugOfArticle, type ParseResult } from '../content/article.ts';
import { isoSeconds } from '../content/iso-seconds.ts';
import { articleSchema, isWebUrl, SLUG_PATTERN } from '../content/schema.ts';
import { wholeAddressAdvice } from './import/urls.ts';
import { slugForTitle } from './import/plan-import.ts';

export interface ScaffoldRequest {
  title: string;
  tags: readonly string[];
  description?: string;
  authors?: readonly string[];
  sourceName?: string;
  sourceUrl?: string;
  /** Overrides the slug made from the headline. */
  slug?: string;
  now: Date;
}

export interface ExistingArticle {
  /** Path as shown to the editor. */
  file: string;
  slug: string;
  tags: readonly string[];
  /** Its former slugs: their addresses send readers on to it, so no new article may take one. */
  formerSlugs?: readonly string[];
}

/** Problems are reported against what the editor typed: the headline or a command-line option. */
const OPTION_OF_FIELD: Record<string, string> = {
  title: 'headline',
  description: '--description',
  tags: '--tags',
  authors: '--author',
  source: '--source-name/--source-url',
  'source.name': '--source-name',
  'source.url': '--source-url',
};

/** The articles already in the content folder, as parsed by the one parser: a file it rejects still holds its slug. */
export function existingForScaffold(articles: Iterable<{ file: string; result: ParseResult }>): ExistingArticle[] {
  return Array.from(articles, ({ file, result }) => {
    const data = result.ok ? result.article.data : {};
    const tags = Array.isArray(data.tags) ? data.tags.filter((tag): tag is string => typeof tag === 'string') : [];
    const formerSlugs = Array.isArray(data.formerSlugs) ? data.formerSlugs.flatMap((slug) => (typeof slug === 'string' ? [slug.trim().normalize('NFC')] : [])) : [];
    return { file, slug: slugOfArticle(file, data), tags, formerSlugs };
  });
}

export type ScaffoldResult = { ok: true; slug: string; fileName: string; text: string } | { ok: false; errors: string[] };

/** What the checker warns about until the editor replaces it (see TODO_DEK in check-content.ts). */
export const PLACEHOLDER_DEK = 'TODO: one or two sentences for readers, shown under the headline, in teasers and in feeds';

/** JSON strings are valid YAML double-quoted scalars, and escape every quote, colon or backslash a headline may hold. */
const quote = (text: string) => JSON.stringify(text);
const list = (items: readonly string[]) => `[${items.map(quote).join(', ')}]`;

export function scaffoldArticle(request: ScaffoldRequest, existing: readonly ExistingArticle[]): ScaffoldResult {
  const title = normalizeName(request.title);
  // Made as the importer makes them: within the slug's byte limit, so a long headline still gets a file name.
  const slug = request.slug?.trim() || slugForTitle(title);
  const errors: string[] = [];
  if (!title) errors.push('the headline is empty; write it in quotes: npm run new -- "Headline here" --tags AI');
  else if (!slug) errors.push(`no slug can be made from "${title}"; pass one with --slug, e.g. --slug my-story`);
  else if (!SLUG_PATTERN.test(slug)) errors.push(`"${slug}" is not a slug; use lower-case words joined by hyphens, e.g. --slug ${slugForTitle(slug) || 'my-story'}`);
  const taken = existing.find((article) => article.slug === slug);
  const formerly = taken ? undefined : existing.find((article) => article.formerSlugs?.includes(slug));
  if (slug && taken) errors.push(`the slug "${slug}" is already used by ${taken.file}; choose another headline or pass --slug`);
  else if (slug && formerly) errors.push(`the slug "${slug}" is a former slug of ${formerly.file}, whose old address sends readers on to it; choose another headline or pass --slug`);

  // Spell each tag as the site already shows it, so the new piece joins the existing tag page without a warning.
  const known = buildFacetIndex(existing.map((article) => ({ slug: article.slug, names: article.tags })), 'tag');
  const tags = [...new Set(request.tags.map((tag) => normalizeName(tag)).filter(Boolean).map((tag) => known.byKey.get(facetKey(tag))?.name ?? tag))];

  const lines = ['---', `title: ${quote(title)}`, `description: ${quote(request.description?.trim() || PLACEHOLDER_DEK)}`, `publishedAt: ${isoSeconds(request.now)}`];
  // A byline given twice (in any case) is shown once: written once, as first given.
  const authors: string[] = [];
  for (const author of (request.authors ?? []).map((name) => normalizeName(name))) if (author && !authors.some((kept) => facetKey(kept) === facetKey(author))) authors.push(author);
  if (authors.length > 0) lines.push(`authors: ${list(authors)}`);
  lines.push(`tags: ${list(tags)}`);
  if (request.sourceName !== undefined || request.sourceUrl !== undefined) {
    lines.push('source:', `  name: ${quote(request.sourceName?.trim() ?? '')}`, `  url: ${quote(request.sourceUrl?.trim() ?? '')}`);
  }
  lines.push('draft: true', '---', '', '<!-- Write the article here, in Markdown. Set draft: false (and check publishedAt) to publish. -->', '');
  const text = lines.join('\n');

  // The scaffold is read back by the one article parser and the real schema: whatever it writes, the checker and the build accept.
  const read = parseArticle(`${slug}.md`, text);
  if (!read.ok) errors.push(read.problem.message);
  // A link copied without its scheme (example.com/story) is answered with the address meant, as `npm run import` answers one.
  const sourceUrl = request.sourceUrl?.trim();
  const wholeAddress = sourceUrl && !isWebUrl(sourceUrl) ? wholeAddressAdvice(sourceUrl) : undefined;
  const issues = read.ok ? (articleSchema.safeParse(read.article.data).error?.issues ?? []) : [];
  for (const problem of problemsFromIssues('', issues, () => undefined)) {
    if (problem.field === 'title' && !title) continue;
    const option = problem.field && (OPTION_OF_FIELD[problem.field] ?? OPTION_OF_FIELD[problem.field.split('.')[0]!] ?? problem.field);
    const hint = problem.field === 'source.url' ? (wholeAddress ?? problem.hint) : problem.hint;
    errors.push(`${option ? `${option}: ` : ''}${problem.message}${hint ? `; ${hint}` : ''}`);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, slug, fileName: `${slug}.md`, text };
}
