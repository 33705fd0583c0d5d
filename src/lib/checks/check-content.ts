/**
 * The content checker's core: every article file through the same schema Astro uses, plus the cross-article checks
 * and the checks only a file system can answer (images next to the article, files an MDX article imports). Pure
 * apart from the `inspectFile` it is given.
 */
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { crossArticleProblems, type CheckedArticle } from './cross-article.ts';
import { duplicateSourceProblems } from './duplicate-sources.ts';
import { readArticle, slugField, slugOfArticle, type ArticleSource, type ParsedArticle, type ParseResult } from '../content/article.ts';
import { slugTooLong } from '../content/field-limits.ts';
import { lineOfField, writtenPlainValue } from '../content/front-matter-lines.ts';
import { commentedValueHint } from '../content/yaml-problem.ts';
import { LINE_BREAK, lineOfOffset } from '../content/line-of-offset.ts';
import { HAS_SCHEME } from '../content/url-scheme.ts';
import { quoteValue } from '../content/quote-value.ts';
import { nearDuplicateProblems, type CheckedBody } from './near-duplicate-problems.ts';
import { problemsFromIssues, sortProblems, type Problem } from './problems.ts';
import { ARTICLE_TOP_LEVEL_FIELDS, articleSchema, type ArticleData } from '../content/schema.ts';
import { caseCorrection, IMAGE_SIGNATURE_BYTES, isImagePath, isSvgPath, misnamedFormat, rasterFormatName, svgActiveContent, svgHasSize, type FileInspection, type PictureToDecode } from './bundled-files.ts';
import { describeCharacter, mixedScripts } from './mixed-script.ts';
import { htmlImagesWithoutAlt, htmlTargetProblem, mayHaveHtmlTargets, mayHaveNoscript, mayHaveRemovedEmbeds, relativeHtmlTargets, removedEmbeds, removedNoscripts, removedSchemeHtmlTargets } from './html-targets.ts';
import { codeBlocks, markdownTargets } from './markdown-targets.ts';
import { mayHaveRelativeFileLinks, mayHaveRemovedSchemeLinks, relativeLinkProblem, removedSchemeProblem, shortened } from './relative-links.ts';
import { referenceImages } from './reference-images.ts';
import { runOnListItems } from './run-on-list-items.ts';
import { joinedNames, listWithNamesParted } from './joined-names.ts';
import { repeatedNames } from './repeated-names.ts';
import { unknownSourceId } from './source-ids.ts';
import { validFields, type ValidFields } from './valid-fields.ts';
import { isInsideFolder } from '../inside-folder.ts';
import { mayHaveSkippedHeadingLevels, skippedHeadingLevels } from './heading-levels.ts';
import { importPlace, type ImportPlace } from './import-candidates.ts';
import { mdxCode } from './mdx-code.ts';
import { mdxInMarkdown } from './mdx-in-markdown.ts';
import { blank, withoutCode } from './without-code.ts';
import { shownInstant } from '../content/iso-seconds.ts';
import { isWrittenDay } from '../content/written-dates.ts';
import { writtenZone } from '../content/yaml-timestamps.ts';
import { markupInPlainText } from './plain-text-markup.ts';
import { secondFrontMatter, type SecondFrontMatter } from './second-front-matter.ts';
import { dashUnderlines } from './dash-underlines.ts';
import { describeInvisible, DIRECTION_MARK, ZERO_WIDTH } from '../text/invisible-characters.ts';

/** How far ahead of the build's clock a published article's `updatedAt` may be. */
const UPDATE_GRACE_MS = 3_600_000;
/** How far ahead an article may be scheduled. */
const MAX_SCHEDULE_MS = 366 * 86_400_000;

export interface CheckOptions {
  /** The instant publishing is judged at (drafts and scheduled pieces named in `related`). */
  now: Date;
  /** The content folder: local images must be files in it (an article checked from outside it may use images beside it). */
  contentDir: string;
  /** The project's folder (package.json's): an MDX import of a /-rooted path is looked for from it. */
  projectRoot: string;
  /**
   * Looks at a file an article brings along, never through a symbolic link: its first `length` bytes tell a real image
   * from a misnamed file, and an SVG is read whole to be checked for active content (src/io/inspect-file.ts). An MDX
   * article's imports are only looked for. A path whose names below `within` differ from the disk's in case alone is
   * missing, and named as the disk names it.
   */
  inspectFile: (absolutePath: string, length?: number, within?: string) => FileInspection;
  /** Report only problems in these files (by `file`); every file still takes part in the cross-article checks. */
  only?: ReadonlySet<string>;
  /** The near-duplicate report (warnings only; on unless false). The importer's pre-write gate needs errors alone. */
  nearDuplicates?: boolean;
  /** The ids in the sources registry, and its file for messages; an article's `source.id` must be one. Unchecked when absent. */
  registry?: { file: string; ids: ReadonlySet<string> };
  /** Hears of every article the schema accepts, as it is checked (the build lists them for its later steps). */
  onValidArticle?: (article: ParsedArticle, absolutePath: string, data: ArticleData) => void;
}

export interface CheckResult {
  problems: Problem[];
  /** Files whose problems are reported. */
  fileCount: number;
  /** The local raster pictures of those files that look sound by their first bytes, each once: for decoding (src/io/decode-pictures.ts). */
  pictures: PictureToDecode[];
}

/** The dek the scaffolder writes; fine for a draft, never for a published piece. */
export const TODO_DEK = /^\s*TODO\b/i;

/** In MDX, HTML is JSX and reaches readers unsanitised: scripts, event handlers, javascript: URLs. */
const MDX_ACTIVE_CONTENT = /<script\b|\son[a-z]+\s*=|javascript:/i;

/**
 * `sources` may come already parsed (`result`, as src/io/article-files.ts loads them); the rest are parsed here. They
 * are read one at a time and only what the checks across articles need is kept, so a generator of files keeps the
 * check's memory to that, however large the archive.
 */
export function checkArticles(sources: Iterable<ArticleSource & { result?: ParseResult }>, options: CheckOptions): CheckResult {
  const problems: Problem[] = [];
  const checked: CheckedArticle[] = [];
  const linesByFile = new Map<string, ParsedArticle['lines']>();
  const bodies: CheckedBody[] = [];
  const pictures = new Map<string, PictureToDecode>();
  let fileCount = 0;

  for (const source of sources) {
    fileCount++;
    const file = checkArticleFile(source, options);
    problems.push(...file.problems);
    // A picture shown by several articles is decoded once, and reported where it is first named.
    if (!options.only || options.only.has(file.checked.file)) for (const picture of file.pictures) if (!pictures.has(picture.absolutePath)) pictures.set(picture.absolutePath, picture);
    checked.push(file.checked);
    if (!file.article) continue;
    linesByFile.set(file.article.file, file.article.lines);
    if (options.nearDuplicates !== false) bodies.push(file.article);
  }

  for (const problem of [...crossArticleProblems(checked, options.now), ...duplicateSourceProblems(checked)]) {
    const lines = linesByFile.get(problem.file);
    problems.push(problem.field && lines ? { ...problem, line: lineOfField(lines, problem.field) } : problem);
  }

  // Aggregated rewrites repeat each other: warnings, never errors (MinHash + LSH, so fine at 10,000 articles).
  if (options.nearDuplicates !== false) for (const problem of nearDuplicateProblems(bodies, {}, options.only)) problems.push(problem);

  const reported = options.only ? problems.filter((problem) => options.only!.has(problem.file)) : problems;
  return { problems: sortProblems(reported), fileCount: options.only ? options.only.size : fileCount, pictures: [...pictures.values()] };
}

/**
 * One file's own problems: reading it, its front matter against the schema, the files it brings along, its source
 * id against the registry. The checks between articles (slugs, related, stories) need the others, and are not here.
 */
export function checkArticleFile(
  source: ArticleSource & { result?: ParseResult },
  options: CheckOptions,
): { problems: Problem[]; checked: CheckedArticle; article?: ParsedArticle; pictures: PictureToDecode[] } {
  const parsed = source.result ?? readArticle(source);
  // Still owns its file-name slug: a clash with it is worth knowing before the file is repaired.
  if (!parsed.ok) return { problems: [parsed.problem], checked: placeholder(source.file, slugOfArticle(source.file, {})), pictures: [] };
  const { article } = parsed;
  const problems: Problem[] = [];
  const lineOf = (field: string) => lineOfField(article.lines, field);
  const result = articleSchema.safeParse(article.data);
  const second = secondFrontMatter(article.body, ARTICLE_TOP_LEVEL_FIELDS);
  const slug = slugOfArticle(article.file, article.data);
  // A refused field hides nothing else: the checks beyond the schema run on the fields that are valid.
  const data = result.success ? result.data : validFields(article.data);
  let checked: CheckedArticle;
  if (result.success) {
    options.onValidArticle?.(article, source.absolutePath, result.data);
    checked = { file: article.file, slug, data: result.data };
  } else {
    const schemaProblems = problemsFromIssues(article.file, result.error.issues, lineOf, article.frontMatterLine).map((problem) => asWritten(commentedValue(problem, source), article));
    // A field below a --- that closed the front matter early is there, only misplaced: that --- is the one problem.
    const misplaced = (problem: Problem) => second?.closedEarly && problem.field !== undefined && second.fields.includes(problem.field) && problem.message.startsWith('is missing');
    problems.push(...schemaProblems.filter((problem) => !misplaced(problem)));
    checked = placeholder(article.file, slug, data);
  }
  problems.push(...runOnListItems(article));
  const pictures: PictureToDecode[] = [];
  problems.push(...articleProblems(article, slug, source.absolutePath, data, options, pictures, second));
  const sourceId = data.source?.id;
  const unknownSource = sourceId !== undefined && options.registry && unknownSourceId(sourceId, options.registry.ids, options.registry.file);
  if (unknownSource) problems.push({ file: article.file, line: lineOf('source.id'), field: 'source.id', severity: 'error', ...unknownSource });
  return { problems, checked, article, pictures };
}

/**
 * An article that could not be read, or whose front matter the schema refused, still takes part in the checks
 * across articles with the fields that are valid; without a valid date or draft flag it counts as published, so
 * articles relating to it are not blamed for its own errors.
 */
function placeholder(file: string, slug: string, fields: ValidFields = {}): CheckedArticle {
  const { tags = [], authors = [], related = [], formerSlugs = [], draft = false, publishedAt = new Date(0), story, source } = fields;
  return { file, slug, data: { tags, authors, related, formerSlugs, draft, publishedAt, slug: fields.slug, story, source: source?.url === undefined ? undefined : { url: source.url } } };
}

/** Each plain-text field readers see, by its dotted name (tags.1). */
function textsReadersSee(data: ValidFields): Array<[field: string, text: string]> {
  const texts: Array<[string, string | undefined]> = [
    ['title', data.title],
    ['description', data.description],
    ...(data.authors ?? []).map((name, index): [string, string | undefined] => [`authors.${index}`, name]),
    ...(data.tags ?? []).map((tag, index): [string, string | undefined] => [`tags.${index}`, tag]),
    ['source.name', data.source?.name],
    ['image.alt', data.image?.alt],
  ];
  return texts.filter((entry): entry is [string, string] => entry[1] !== undefined);
}

/**
 * Checks on an article's valid fields that the schema cannot make: files next to it, placeholder text. The raster
 * pictures that look sound are added to `pictures`, to be decoded. `slug` is the one the file claims
 * (`slugOfArticle`); `second` is the front matter found in the body.
 */
function articleProblems(
  article: ParsedArticle,
  slug: string,
  absolutePath: string,
  data: ValidFields,
  { contentDir, projectRoot, inspectFile, now }: CheckOptions,
  pictures: PictureToDecode[],
  second: SecondFrontMatter | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const line = (field: string) => lineOfField(article.lines, field);
  if (slug === '') {
    problems.push({
      file: article.file,
      severity: 'error',
      message: `the file name "${basename(article.file)}" has no letters or digits to make the article's URL from`,
      hint: 'rename the file with words, e.g. japan-ai-race.md, or set a slug field',
    });
  }
  // The slug field has its limit in the schema; one from the file name must keep to it too (it names the page's
  // folder and its social card's file, which a file system caps at 255 bytes).
  const fileSlugTooLong = slugField(article.data) ? undefined : slugTooLong(slug);
  if (fileSlugTooLong) {
    problems.push({
      file: article.file,
      severity: 'error',
      message: `the slug made from the file name ${fileSlugTooLong}`,
      hint: 'rename the file with fewer words, or set a shorter slug field',
    });
  }
  const mixed = mixedScripts(slug);
  if (mixed) {
    problems.push({
      file: article.file,
      line: data.slug ? line('slug') : undefined,
      field: data.slug ? 'slug' : undefined,
      severity: 'warning',
      message: `the slug "${slug}" mixes ${mixed.scripts.join(' and ')} letters (${mixed.odd.map(describeCharacter).join(', ')}), so it looks like another URL than it is`,
      hint: `retype it in one alphabet${data.slug ? '' : ' (it comes from the file name)'}`,
    });
  }
  const plainTexts: Array<[field: string, text: string | undefined, what: string, styled: string]> = [
    ['title', data.title, 'the headline', 'headlines and deks'],
    ['description', data.description, 'the dek', 'headlines and deks'],
    ...(data.authors ?? []).map((name, index): [string, string | undefined, string, string] => [`authors.${index}`, name, 'a byline', 'bylines']),
    ...(data.tags ?? []).map((tag, index): [string, string | undefined, string, string] => [`tags.${index}`, tag, 'a tag', 'tags']),
  ];
  for (const [field, text, what, styled] of plainTexts) {
    const markup = text === undefined ? undefined : markupInPlainText(text);
    if (!markup) continue;
    const meant = markup.meant === undefined ? undefined : /^\s$/.test(markup.meant) ? 'a space' : `"${markup.meant}"`;
    // A reference to a code point no text may hold (`&#0;`) stands for nothing that could be written instead.
    const hint = markup.meant === '' ? 'remove it: it names a character no text can hold' : meant ? `write ${meant} itself` : `remove the HTML tag; the site styles ${styled} itself`;
    problems.push({
      file: article.file,
      line: line(field),
      field,
      severity: 'warning',
      message: `readers would see "${markup.written}" as typed: ${what} is plain text, not HTML`,
      hint,
    });
  }
  // A warning: refused characters are the schema's; a zero-width one hides in a word without changing how it looks.
  // A direction mark places a headline's punctuation between right-to-left and left-to-right words; a byline or a tag
  // has no such place, and one holding a mark would be another name, with a page of its own.
  for (const [field, text] of textsReadersSee(data)) {
    const isName = field.startsWith('authors.') || field.startsWith('tags.');
    const hidden = ZERO_WIDTH.exec(text) ?? (isName ? DIRECTION_MARK.exec(text) : null);
    if (!hidden) continue;
    problems.push({
      file: article.file,
      line: line(field),
      field,
      severity: 'warning',
      message: `contains the invisible character ${describeInvisible(hidden[0])}, so it differs from the same words typed without it (in search, and as a tag or an author with a page of their own)`,
      hint: 'remove it (it usually comes with pasted text)',
    });
  }
  // A warning: "AI, Cloud" may be meant as one name, though most often it is two typed into one entry.
  for (const [field, noun, page] of [['tags', 'tag', 'page'], ['authors', 'byline', 'author page']] as const) {
    const names = data[field] ?? [];
    // The hint writes the whole list out again, which it cannot while an item of it is refused (and named as such).
    if (!names.every((name): name is string => name !== undefined)) continue;
    names.forEach((name, position) => {
      const parts = joinedNames(name, noun);
      if (!parts) return;
      problems.push({
        file: article.file,
        line: line(`${field}.${position}`),
        field: `${field}.${position}`,
        severity: 'warning',
        message: `"${name}" is one ${noun} (with one ${page}), not ${parts.length} ${noun}s`,
        hint: `for ${parts.length} ${noun}s, each with its own ${page}, write ${listWithNamesParted(field, names, noun)}`,
      });
    });
  }
  // A warning: nothing breaks, but the name meant in the second place is missing from the page (or, for an old
  // address, from the addresses that send readers on).
  for (const [field, noun, outcome] of [
    ['tags', 'tag', 'so the page shows it once'],
    ['authors', 'byline', 'so the page shows it once'],
    ['formerSlugs', 'former slug', 'so it adds no old address'],
    ['related', 'related slug', 'so "Explore more" shows it once'],
  ] as const) {
    const names = data[field] ?? [];
    for (const { position, first } of repeatedNames(names)) {
      const [name, earlier] = [names[position]!, names[first]!];
      const firstLine = line(`${field}.${first}`);
      problems.push({
        file: article.file,
        line: line(`${field}.${position}`),
        field: `${field}.${position}`,
        severity: 'warning',
        message: `${noun} "${name}" is ${sameAs(name, earlier, noun)} (${field}.${first}${firstLine === undefined ? '' : `, line ${firstLine}`}), ${outcome}`,
        hint: `remove one, or write the ${noun} you meant`,
      });
    }
  }
  if (second?.closedEarly) {
    const names = second.fields.length === 1 ? second.fields[0] : `${second.fields.slice(0, -1).join(', ')} and ${second.fields.at(-1)}`;
    problems.push({
      file: article.file,
      line: article.bodyLine - 1,
      severity: 'error',
      message: `this --- ends the front matter above ${second.fields.length === 1 ? 'the field' : 'the fields'} ${names}, so ${second.fields.length === 1 ? 'it is' : 'they are'} read as the body and never as ${second.fields.length === 1 ? 'a field' : 'fields'}`,
      hint: `delete this --- line, so that ${names} ${second.fields.length === 1 ? 'is' : 'are'} inside the front matter`,
    });
  } else if (second) {
    problems.push({
      file: article.file,
      line: article.bodyLine + second.line - 1,
      severity: 'error',
      message: `a second block of front matter opens the body: ${second.fields.length === 1 ? 'the field it sets' : 'the fields it sets'} (${second.fields.join(', ')}) ${second.fields.length === 1 ? 'is' : 'are'} never read, and readers would see its lines as a heading`,
      hint: 'move its fields into the front matter at the top of the file (between its --- lines), then delete this block',
    });
  }
  // MDX may show everything through a component; a Markdown body with no line of text shows nothing below the dek.
  if (data.draft !== true && !/\.mdx$/i.test(article.file) && !TEXT_LINE.test(article.body)) {
    problems.push({
      file: article.file,
      line: article.bodyLine,
      severity: 'warning',
      message: `the body is empty${/\S/.test(article.body) ? ' but for headings' : ''}, so readers would find only the headline and the dek`,
      hint: 'write the article below the front matter, or keep it off the site with draft: true until it is written',
    });
  }
  if (data.description !== undefined && TODO_DEK.test(data.description)) {
    problems.push({
      file: article.file,
      line: line('description'),
      field: 'description',
      severity: 'warning',
      message: 'is still the placeholder written by npm run new',
      hint: 'write the one- or two-sentence summary readers see under the headline',
    });
  }

  // A time without an offset is read as UTC; beside one written with a local offset, it is most often local time too.
  const written = { publishedAt: writtenValue(article, line('publishedAt')), updatedAt: writtenValue(article, line('updatedAt')) };
  for (const [field, otherField] of [['publishedAt', 'updatedAt'], ['updatedAt', 'publishedAt']] as const) {
    const [value, other] = [written[field]?.trim(), written[otherField]];
    const otherZone = other === undefined ? undefined : writtenZone(other);
    if (value === undefined || writtenZone(value) !== null || !otherZone || /^(?:Z|[-+]00(?::?00)?)$/.test(otherZone)) continue;
    problems.push({
      file: article.file,
      line: line(field),
      field,
      severity: 'warning',
      message: `${value} has no offset, so it is read as UTC, while ${otherField} is written with ${otherZone}`,
      hint: `if it is the same local time, write ${value}${otherZone}; if it is UTC, write ${value}Z`,
    });
  }

  // A scheduled article's update may be scheduled with it; a published one would show an update yet to happen. An
  // hour's grace lets an editor date an update a little ahead, or commit on a clock that runs fast, without failing
  // the deploy; a local time written without its offset is most often further off than that.
  if (data.updatedAt && data.updatedAt.getTime() > now.getTime() + UPDATE_GRACE_MS && !(data.publishedAt && data.publishedAt > now)) {
    problems.push({
      file: article.file,
      line: line('updatedAt'),
      field: 'updatedAt',
      severity: 'error',
      message: `${shownInstant(data.updatedAt, isWrittenDay(article.data.updatedAt))} is in the future, so the page would show an update that has not happened`,
      hint: 'set it to when the article last changed (a time without an offset is read as UTC), or remove the line',
    });
  }

  // The schema cannot know the build's clock: a year mistyped ahead (2062 for 2026) would schedule the piece out of
  // sight for decades, where an embargo is days or weeks. A draft is off the site whatever its date (a piece held
  // back, as the hint says to write it), and is judged when it is published.
  if (data.draft !== true && data.publishedAt && data.publishedAt.getTime() > now.getTime() + MAX_SCHEDULE_MS) {
    problems.push({
      file: article.file,
      line: line('publishedAt'),
      field: 'publishedAt',
      severity: 'error',
      message: `${shownInstant(data.publishedAt, isWrittenDay(article.data.publishedAt))} is more than a year ahead, so the article would stay off the site until then`,
      hint: 'check the year; to keep a piece unpublished for now, write draft: true',
    });
  }

  const src = data.image?.src;
  const articleFolder = dirname(absolutePath);
  // A file named from outside the content folder is checked as if added to it, with its images beside it.
  const folders = { article: articleFolder, content: isInsideFolder(contentDir, absolutePath) ? contentDir : articleFolder };
  /** `path` is `target` as the build reads it. */
  const localImage = (target: string, at: Pick<Problem, 'line' | 'field'>, path = target) => {
    // After a field name the path says enough; a body line has none, so it is named as an image.
    const named = at.field ? `"${target}"` : `the image "${target}"`;
    const problem = localImageProblem(target, path, named, folders, inspectFile);
    if (problem) problems.push({ file: article.file, ...at, severity: 'error', ...problem });
    const format = rasterFormatName(target);
    if ((!problem || problem.severity === 'warning') && format) pictures.push({ absolutePath: resolve(folders.article, path), at: { file: article.file, ...at }, named, format });
  };
  // Astro's image() reads the field's path as written: no %-escapes.
  if (typeof src === 'string' && !HAS_SCHEME.test(src)) localImage(src, { line: line('image.src'), field: 'image.src' });

  // The body as readers get it: an MDX comment is left out (blanked, so offsets and line numbers hold).
  let shown = article.body;
  const isMdx = /\.mdx$/i.test(article.file);
  if (isMdx) {
    const active = MDX_ACTIVE_CONTENT.exec(withoutCode(article.body));
    if (active) {
      problems.push({
        file: article.file,
        line: article.bodyLine + lineOfOffset(article.body, active.index) - 1,
        severity: 'warning',
        message: `"${active[0].trim()}" in MDX runs in readers' browsers: MDX is not sanitised like Markdown`,
        hint: 'use a .md file for pasted HTML, or have a developer review this component code',
      });
    }
    // Code the build would stop on with a stack trace; only .mdx pays for compiling it.
    const code = mdxCode(article.body, article.bodyLine);
    for (const { start, end } of code.comments) shown = shown.slice(0, start) + blank(shown.slice(start, end)) + shown.slice(end);
    for (const { severity = 'error', ...issue } of code.issues) problems.push({ file: article.file, severity, ...issue });
    for (const { source, line, named } of code.imports) {
      const problem = missingImport(source, importPlace(source, { articleFolder, projectRoot }), inspectFile) ?? namedFromAstro(source, named);
      if (problem) problems.push({ file: article.file, line, severity: 'error', ...problem });
    }
  }

  if (!isMdx && mayBeMdx(article.body)) {
    for (const { index, kind, written } of mdxInMarkdown(withoutCode(article.body))) {
      problems.push({
        file: article.file,
        line: article.bodyLine + lineOfOffset(article.body, index) - 1,
        severity: 'error',
        message:
          kind === 'statement'
            ? `this line is an MDX ${written}, but this file is Markdown (.md), so readers would see it as text`
            : `<${written}> is an MDX component, but this file is Markdown (.md), so the page leaves it out`,
        hint: `rename the file to ${basename(article.file).replace(/\.md$/i, '.mdx')} to use MDX, or remove ${kind === 'statement' ? 'the line' : 'the component'}`,
      });
    }
  }

  // A fragment alone (`#top`) is no file either: Astro looks for it as one and leaves the picture without a source.
  const isLocal = (target: string) => !(HAS_SCHEME.test(target) || target.startsWith('/'));
  const hasPictures = article.body.includes('![');
  // Pictures without a description are the desk's own to describe: coverage from an outlet (`source`) keeps its
  // pictures as the outlet published them, and an aggregated archive would warn of thousands.
  const describesPictures = data.source === undefined;
  // Only a body that may hold a relative link to a file or a host is read for links: the others have none that
  // leads nowhere on the site.
  if (hasPictures || mayHaveRelativeFileLinks(article.body) || mayHaveRemovedSchemeLinks(article.body) || article.body.includes('[^')) {
    const { images, undescribedImages, links, picturesAsText, undefinedFootnotes } = markdownTargets(article.body, isMdx);
    for (const { url, line } of describesPictures ? undescribedImages : []) {
      problems.push({ file: article.file, line: article.bodyLine + line - 1, severity: 'warning', ...undescribedPictureProblem(url, `describe it between the brackets: ![what it shows](${url})`) });
    }
    for (const { url, line } of images) {
      if (url && isLocal(url)) localImage(url, { line: article.bodyLine + line - 1 }, percentDecoded(url));
      // A warning: the build removes it safely, and a hostile link pasted with a text is no reason to stop a deploy.
      const removed = url && removedSchemeProblem(url, 'picture');
      if (removed) problems.push({ file: article.file, line: article.bodyLine + line - 1, severity: 'warning', ...removed });
    }
    for (const { url, line } of links) {
      const problem = relativeLinkProblem(url);
      if (problem) problems.push({ file: article.file, line: article.bodyLine + line - 1, severity: 'error', ...problem });
      const removed = removedSchemeProblem(url, 'link');
      if (removed) problems.push({ file: article.file, line: article.bodyLine + line - 1, severity: 'warning', ...removed });
    }
    for (const { written, line } of picturesAsText) problems.push({ file: article.file, line: article.bodyLine + line - 1, severity: 'error', ...pictureAsTextProblem(written) });
    // A warning: `[^a-z]` may be a pattern written as text on purpose.
    for (const { written, line } of undefinedFootnotes) {
      problems.push({
        file: article.file,
        line: article.bodyLine + line - 1,
        severity: 'warning',
        message: `the footnote ${quoteValue(written)} is never defined, so readers see it as typed`,
        hint: `add its note on a line of its own below the paragraph (${written}: the note), or remove the reference; to show it as text, write it in backticks`,
      });
    }
  }
  if (hasPictures) {
    const uncoded = withoutCode(shown);
    for (const picture of referenceImages(uncoded)) {
      if (!isLocal(picture.path)) continue;
      problems.push({
        file: article.file,
        line: article.bodyLine + lineOfOffset(article.body, picture.index) - 1,
        severity: 'error',
        message: `the image "${picture.path}" is given by reference ([${picture.label}]), and the build copies only images written in place, so readers would see a broken image`,
        hint: `write it as ![${picture.alt}](${picture.path})`,
      });
    }
  }

  // Only a body with a line of dashes in it needs the closer look; a second front matter's closing --- is told of above.
  for (const index of !second && article.body.includes('---') && DASH_LINE.test(article.body) ? dashUnderlines(withoutCode(shown)) : []) {
    problems.push({
      file: article.file,
      line: article.bodyLine + lineOfOffset(article.body, index) - 1,
      severity: 'warning',
      message: 'this --- right under a line of text makes that text a heading, not a rule between two parts',
      hint: 'for a rule, leave a blank line above the ---; for a heading, write it as ## and the heading on one line',
    });
  }

  for (const heading of mayHaveSkippedHeadingLevels(article.body) ? skippedHeadingLevels(withoutCode(shown)) : []) {
    problems.push({
      file: article.file,
      line: article.bodyLine + lineOfOffset(article.body, heading.index) - 1,
      severity: 'warning',
      message: `this heading is level ${heading.level} where the page's outline allows at most ${heading.deepestAllowed}, so a level is skipped for screen-reader users`,
      hint: `write it with ${'#'.repeat(heading.deepestAllowed)} (the headline is the page's only level 1; the body's top headings are ##)`,
    });
  }

  if (mayHaveHtmlTargets(article.body) || (!isMdx && (mayHaveNoscript(article.body) || mayHaveRemovedEmbeds(article.body)))) {
    // HTML in an indented code block is shown as code; MDX has no such blocks, and a body with no indented line none.
    const outsideCode = isMdx || !INDENTED_LINE.test(article.body) ? shown : codeBlocks(article.body).reduce((text, { start, end }) => text.slice(0, start) + blank(text.slice(start, end)) + text.slice(end), shown);
    const html = withoutCode(outsideCode);
    for (const target of relativeHtmlTargets(html)) {
      const problem = htmlTargetProblem(target);
      if (problem) problems.push({ file: article.file, line: article.bodyLine + lineOfOffset(article.body, target.index) - 1, severity: 'error', ...problem });
    }
    for (const { index, src } of describesPictures ? htmlImagesWithoutAlt(html) : []) {
      const hint = 'add alt="what it shows" to its <img> tag (alt="" marks a picture as decoration only)';
      problems.push({ file: article.file, line: article.bodyLine + lineOfOffset(article.body, index) - 1, severity: 'warning', ...undescribedPictureProblem(src, hint) });
    }
    // MDX writes its HTML as JSX elements, which are code and kept as written (warned of above when they hold javascript:).
    for (const { index, message, hint } of isMdx ? [] : [...removedSchemeHtmlTargets(html), ...removedNoscripts(html), ...removedEmbeds(html)]) {
      problems.push({ file: article.file, line: article.bodyLine + lineOfOffset(article.body, index) - 1, severity: 'warning', message, hint });
    }
  }
  return problems;
}

/** A picture in the body with no description: the lead picture's `alt` is required, and readers of the body's need it as much. */
function undescribedPictureProblem(src: string | undefined, hint: string): Pick<Problem, 'message' | 'hint'> {
  return { message: `${src ? `the picture "${shortened(src)}"` : 'an HTML <img>'} has no description (alt text), so readers who cannot see it learn nothing of what it shows`, hint };
}

/** How a repeated name differs from its first spelling: not at all, only in how its accents are typed, or as shown. */
function sameAs(name: string, earlier: string, noun: string): string {
  if (name === earlier) return 'listed twice';
  // Composed and decomposed accents look the same, so the message says which it is.
  if (name.normalize('NFC') === earlier.normalize('NFC')) return 'listed twice, once with its accent typed as a separate mark';
  return `the same ${noun} as "${earlier}"`;
}

/** A line with something on it that is not an ATX heading (`## …`). */
const TEXT_LINE = /^(?![ \t]{0,3}#{1,6}(?:[ \t]|$))[^\n]*\S/m;

/** `![alt](path)` that Markdown shows as typed: most often a path with a space, which it reads only in angle brackets. */
function pictureAsTextProblem(written: string): Pick<Problem, 'message' | 'hint'> {
  const [, alt = '', path = ''] = /^!\[([^\]]*)\]\((.*)\)$/.exec(written) ?? [];
  const spaced = /\s/.test(path.trim()) && !/["'<]/.test(path);
  return {
    message: `${quoteValue(written)} is not read as a picture, so readers would see it as text`,
    hint: spaced
      ? `a path with a space must be in angle brackets: write ![${alt}](<${path.trim()}>), or rename the file without spaces`
      : 'write it as ![what it shows](./photo.jpg): the description in [ ], then the path in ( ) right after it',
  };
}

/** The value written on a front-matter line (`field: value`), without quotes or a comment; undefined without one. */
function writtenValue(article: ParsedArticle, line: number | undefined): string | undefined {
  if (line === undefined) return undefined;
  const text = article.frontMatter.split(LINE_BREAK)[line - article.frontMatterLine];
  return text === undefined ? undefined : /^\s*[\w-]+:\s*(["']?)([^"'#]*)\1\s*(?:#.*)?$/.exec(text)?.[2];
}

/** A field found empty whose line holds a value YAML took for a comment (`title: #1 in AI`) is told so, besides what to write. */
function commentedValue(problem: Problem, source: ArticleSource): Problem {
  if (!problem.message.startsWith('is empty') || problem.line === undefined) return problem;
  const line = new TextDecoder().decode(source.bytes).split(LINE_BREAK)[problem.line - 1];
  const hint = line === undefined ? undefined : commentedValueHint(line);
  return hint ? { ...problem, hint: [problem.hint, hint].filter(Boolean).join('; ') } : problem;
}

/**
 * A field YAML read as a number or true/false is named as the file writes it: quoting what YAML made of `0x1F`,
 * `1.50`, `.nan` or `True` (31, 1.5, NaN, true) back to the editor would change their text.
 */
function asWritten(problem: Problem, article: ParsedArticle): Problem {
  if (problem.field === undefined) return problem;
  const value = problem.field.split('.').reduce<unknown>((parent, key) => (parent !== null && typeof parent === 'object' ? (parent as Record<string, unknown>)[key] : undefined), article.data);
  if (typeof value !== 'number' && typeof value !== 'boolean') return problem;
  const read = String(value);
  const written = writtenPlainValue(article.frontMatter, problem.field);
  if (written === undefined || written === read) return problem;
  // The value alone, not the same digits inside a date or a longer number.
  const alone = new RegExp(`(?<![\\w.+-])${read.replace(/[.+-]/g, '\\$&')}(?![\\w.+-])`, 'g');
  const swap = (text: string) => text.replace(alone, () => written);
  return { ...problem, message: swap(problem.message), ...(problem.hint && { hint: swap(problem.hint) }) };
}

/** What is wrong with an MDX import the build would not find, or undefined when it is there. */
function missingImport(source: string, place: ImportPlace, inspectFile: CheckOptions['inspectFile']): Pick<Problem, 'message' | 'hint'> | undefined {
  if (place.kind === 'built in') return undefined;
  if (place.kind === 'package') {
    // A linked package (npm workspaces) is a symbolic link in node_modules: found all the same.
    if (place.folders.some((folder) => inspectFile(folder, 0).kind !== 'missing')) return undefined;
    return {
      message: `the import "${source}" names the package "${place.name}", which is not installed, so the page cannot be built`,
      hint: `check the name's spelling, or install it (npm install ${place.name}) and commit package.json and package-lock.json`,
    };
  }
  // A folder is found only through its index file; anything else there (a link, an unreadable file) is the build's to judge.
  if (place.candidates.some((candidate) => !['missing', 'folder'].includes(inspectFile(candidate, 0).kind))) return undefined;
  return {
    message: `the import "${source}" names a file that does not exist, so the page cannot be built`,
    hint: place.rooted
      ? "a path starting with / is read from the project's folder (where package.json is): check it (names are case-sensitive, and an .astro or .mdx file needs its extension), and that the file is committed"
      : "check the path, written from the article's folder (names are case-sensitive, and an .astro or .mdx file needs its extension), and that the file is committed",
  };
}

/**
 * An .astro file gives its component as its default export and nothing else by name, so `import { Callout } from
 * './Callout.astro'` (as React components are often imported) stops the build.
 */
function namedFromAstro(source: string, named: readonly string[]): Pick<Problem, 'message' | 'hint'> | undefined {
  if (named.length === 0 || !/\.astro$/i.test(source.replace(/[?#].*$/, ''))) return undefined;
  const [first] = named;
  return {
    message: `the import "${source}" asks for ${named.map((name) => `{ ${name} }`).join(', ')} by name, but an .astro file gives only its component, so the page cannot be built`,
    hint: `import the component without braces, under the name the article uses: import ${first} from '${source}'`,
  };
}

/**
 * What is wrong with a local file an article shows as an image: it is missing, outside the content folder or not a
 * regular file (either could publish, or print in the build's error, any file on the machine), not the image its
 * name says, or an SVG that could run code when opened on its own. `named` is how messages refer to it.
 */
function localImageProblem(
  target: string,
  path: string,
  named: string,
  folders: { article: string; content: string },
  inspectFile: CheckOptions['inspectFile'],
): (Pick<Problem, 'message' | 'hint'> & { severity?: 'warning' }) | undefined {
  if (target.startsWith('/')) {
    return { message: `${named} is a path on the build machine, not one from the article`, hint: 'copy the image next to the article and write its path from there, e.g. ./photo.jpg, or use an https:// URL' };
  }
  // Neither Astro's image() nor Markdown's pictures take a query or fragment off: it is looked for as part of the name.
  const suffix = /[?#].*/.exec(target)?.[0];
  if (suffix) {
    return { message: `${named} ends in "${suffix}", which the build cannot follow to a file, so readers would see a broken image`, hint: 'write the path of the file alone, e.g. ./photo.jpg (rename a file whose name has a ? or #)' };
  }
  const absolutePath = resolve(folders.article, path);
  if (!isInsideFolder(folders.content, absolutePath)) {
    return { message: `${named} is outside the content folder, and only files inside it may be published`, hint: 'copy the image next to the article and write its path from there, e.g. ./photo.jpg, or use an https:// URL' };
  }
  // A linked folder on the way leads out of the content folder as surely as `../` does.
  const linkedFolder = foldersBetween(folders.content, absolutePath).find((folder) => inspectFile(folder, 0).kind === 'symbolic link');
  if (linkedFolder) {
    return {
      message: `${named} is inside "${relative(folders.article, linkedFolder).split(sep).join('/')}", a symbolic link; images must be files inside the content folder`,
      hint: 'copy the folder itself into the content folder instead of linking to it',
    };
  }
  const found = inspectFile(absolutePath, isSvgPath(target) ? undefined : IMAGE_SIGNATURE_BYTES, folders.content);
  switch (found.kind) {
    case 'missing':
      if (found.namedAs !== undefined) {
        const { written, file, folder } = caseCorrection(target, absolutePath, found.namedAs);
        if (!folder) {
          return {
            message: `${named} does not exist next to the article: the file there is named "${basename(found.namedAs)}", and names are case-sensitive where the site is built`,
            hint: `write "${written}", or rename the file`,
          };
        }
        return {
          message: `${named} does not exist next to the article: it is at "${written}", and names are case-sensitive where the site is built`,
          hint: `write "${written}", or rename the ${file ? 'folder and the file' : 'folder'} to match`,
        };
      }
      return {
        message: `${named} does not exist next to the article`,
        hint: path === target && /%[\da-f]{2}/i.test(target)
          ? "this path is read as written, so write the file's name with its spaces and other characters as they are, not %-escaped"
          : 'check the file name (it is case-sensitive) and that the image is committed, or use an https:// URL',
      };
    case 'symbolic link':
      return { message: `${named} is a symbolic link; images must be files inside the content folder`, hint: 'copy the image itself next to the article instead of linking to it' };
    case 'folder':
      return { message: `${named} is a folder, not an image`, hint: 'name the image file inside it, e.g. ./photos/harbour.jpg' };
    case 'other':
      return { message: `${named} is not a regular file`, hint: 'put the image file itself next to the article' };
    case 'unreadable':
      return found.code === 'EACCES' || found.code === 'EPERM'
        ? { message: `${named} cannot be read (permission denied)`, hint: 'give the account that runs the build read access to it, e.g. chmod a+r' }
        : { message: `${named} cannot be read (${found.code})`, hint: 'check that it is an image file that can be opened' };
  }
  if (!isImagePath(target)) {
    return {
      message: `"${target}" is not an image the build can show`,
      hint: 'only files ending in .jpg, .jpeg, .png, .gif, .webp, .avif, .tiff or .svg can be shown in an article (rename a .tif to .tiff); link to other documents instead',
    };
  }
  const format = misnamedFormat(target, found.bytes);
  if (format) {
    return { message: `${named} is not a real ${format} image: its first bytes are another kind of file`, hint: `save or export the picture again as ${format}, or give the file the extension of its real format` };
  }
  if (!isSvgPath(target)) return largePictureProblem(named, found.size, 'raster');
  const svg = new TextDecoder().decode(found.bytes);
  const active = svgActiveContent(svg);
  if (active.length) {
    return {
      message: `the SVG "${target}" contains active content (${active.join(', ')}); it would run on the site when opened`,
      hint: 'export the image again without scripts, event handlers or links (or as PNG)',
    };
  }
  if (!svgHasSize(svg)) {
    return {
      message: `the SVG "${target}" has no size the build can read, so the build would stop on it`,
      hint: 'give its <svg> element a viewBox (viewBox="0 0 640 480"), or a width and a height without %, or export it again',
    };
  }
  return largePictureProblem(named, found.size, 'svg');
}

/** Above this a picture is most often a camera's or a design tool's original, not one exported for the web. */
const LARGE_PICTURE_BYTES = 2 * 1024 * 1024;

/**
 * A warning for a picture file larger than the web needs: the build resizes a raster picture for readers, but the
 * repository keeps every byte and each build without its cache resizes it again; an SVG reaches readers as it is.
 */
function largePictureProblem(named: string, size: number, kind: 'raster' | 'svg'): (Pick<Problem, 'message' | 'hint'> & { severity: 'warning' }) | undefined {
  if (size <= LARGE_PICTURE_BYTES) return undefined;
  const megabytes = (size / 1024 / 1024).toFixed(1);
  return kind === 'svg'
    ? { severity: 'warning', message: `${named} is ${megabytes} MB, and an SVG reaches readers as it is, so the page is slow to load`, hint: 'simplify it in the program that made it, or export it as PNG or WebP' }
    : {
        severity: 'warning',
        message: `${named} is ${megabytes} MB, more than a web picture needs: the build shows readers a smaller copy, but the repository keeps every byte and builds take longer to resize it`,
        hint: 'export it again at most 2,400 pixels wide and under 2 MB (JPEG or WebP for a photo)',
      };
}

/**
 * What an MDX line starts with; a Markdown body with none needs no closer look. A pattern anchored at line starts is
 * tried at every character, so each is tried only on a body that has its word or bracket at all.
 */
const MDX_STATEMENT_LINE = /^(?:import|export)\s/m;
const COMPONENT_LINE = /^ {0,3}<[A-Z]/m;
function mayBeMdx(body: string): boolean {
  return ((body.includes('import') || body.includes('export')) && MDX_STATEMENT_LINE.test(body)) || (body.includes('<') && COMPONENT_LINE.test(body));
}

/** A line that opens with `---`, tried (as the MDX lines above) only on a body that has `---` at all. */
const DASH_LINE = /^ {0,3}---/m;

/** A line indented as an indented code block's are: four spaces or a tab. */
const INDENTED_LINE = /^(?: {4}|\t)/m;

/** The folders below `root` that hold `path`, outermost first (`root/a/b/x.png` → `root/a`, `root/a/b`). */
function foldersBetween(root: string, path: string): string[] {
  const parts = relative(root, dirname(path)).split(sep).filter(Boolean);
  return parts.map((_, index) => join(root, ...parts.slice(0, index + 1)));
}

/** A Markdown link destination as the build reads it: %-escapes decoded. */
function percentDecoded(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    // A stray % is part of the file name.
    return path;
  }
}
