/** The content checker's warnings about near-duplicate articles and repeated paragraphs, in an editor's words. */
import { findNearDuplicates, NearDuplicateIndex, type NearDuplicateOptions, type NearDuplicatePair } from '../text/near-duplicates.ts';
import { findRepeatedParagraphs } from '../text/repeated-paragraphs.ts';
import type { Problem } from './problems.ts';

export interface CheckedBody {
  /** The article's path, as problems name it. */
  file: string;
  /** The Markdown body. */
  body: string;
  /** File line of the body's first line. */
  bodyLine: number;
}

/** Where the text starts: the body's first line is usually the blank one after the front matter. */
function firstTextLine(article: CheckedBody | undefined): number | undefined {
  if (!article) return undefined;
  return article.bodyLine + (/^(?:[ \t]*\r?\n)*/.exec(article.body)?.[0].split('\n').length ?? 1) - 1;
}

const percent = (similarity: number) => `${Math.floor(similarity * 100)}%`;

/** An article pasted twice over would otherwise bury every other message. */
const REPEATS_LISTED_PER_ARTICLE = 5;

/**
 * The pairs of near-identical articles; with `only`, just those that involve one of these files, each found by
 * asking an index of every article about it, instead of pairing every article with every other.
 */
function nearDuplicatePairs(articles: readonly CheckedBody[], options: NearDuplicateOptions, only: ReadonlySet<string> | undefined): NearDuplicatePair[] {
  if (!only) return findNearDuplicates(articles.map((article) => ({ id: article.file, text: article.body })), options);
  const index = new NearDuplicateIndex(options);
  for (const article of articles) index.add(article.file, article.body);
  return articles
    .filter((article) => only.has(article.file))
    .flatMap((article) =>
      index
        .query(article.body)
        // A pair of two named files is found from both: it is kept once, from the first in order.
        .filter((match) => match.id !== article.file && !(only.has(match.id) && match.id < article.file))
        .map((match) => ({ a: article.file, b: match.id, similarity: match.similarity })),
    );
}

/**
 * The content checker's near-duplicate report, as warnings: each pair of near-identical articles (on both files,
 * so checking either one shows it) and each paragraph that repeats an earlier one in the same article. With
 * `only`, the report on these files alone, which is all an editor checking one file waits for.
 */
export function nearDuplicateProblems(articles: readonly CheckedBody[], options: NearDuplicateOptions = {}, only?: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const byFile = new Map(articles.map((article) => [article.file, article]));
  for (const pair of nearDuplicatePairs(articles, options, only)) {
    for (const [file, other] of [[pair.a, pair.b], [pair.b, pair.a]]) {
      if (only && !only.has(file)) continue;
      problems.push({
        file,
        line: firstTextLine(byFile.get(file)),
        severity: 'warning',
        message: `the text is a near-duplicate of ${other} (${percent(pair.similarity)} of their five-word phrases are shared)`,
        hint: 'keep one of them, or rewrite one so it adds something the other does not',
      });
    }
  }
  for (const article of only ? articles.filter((candidate) => only.has(candidate.file)) : articles) {
    const repeats = findRepeatedParagraphs(article.body, { ...options, firstLine: article.bodyLine });
    for (const repeat of repeats.slice(0, REPEATS_LISTED_PER_ARTICLE)) {
      problems.push({
        file: article.file,
        line: repeat.second.line,
        severity: 'warning',
        message: `this paragraph repeats the one on line ${repeat.first.line} (${percent(repeat.similarity)} similar)${
          repeat === repeats[REPEATS_LISTED_PER_ARTICLE - 1] && repeats.length > REPEATS_LISTED_PER_ARTICLE
            ? `; ${repeats.length - REPEATS_LISTED_PER_ARTICLE} more repeated paragraphs follow`
            : ''
        }`,
        hint: 'cut one of them or merge what is new into the other',
      });
    }
  }
  return problems;
}
