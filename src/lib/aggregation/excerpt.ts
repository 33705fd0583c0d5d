/**
 * The body of an item from a `content: excerpt` source: the outlet's own summary (or the story's first
 * paragraph), trimmed to about sixty words at a sentence boundary. The page adds the link to the full story.
 */
import { countWords, stripSummaryTrailers, trimToSentences } from '../authoring/import/description.ts';
import { htmlToText } from '../authoring/import/html.ts';
import type { FeedEntry } from '../authoring/import/parse-feed.ts';

const EXCERPT_WORDS = 60;

const hasWords = (text: string) => /[\p{L}\p{N}]/u.test(text);

/** The excerpt as plain text: the summary, else the first paragraph of the full text, else `fallback` (the dek). */
export function excerptText(entry: Pick<FeedEntry, 'summaryHtml' | 'contentHtml'>, fallback: string, maxWords = EXCERPT_WORDS): string {
  const summary = entry.summaryHtml ? stripSummaryTrailers(htmlToText(entry.summaryHtml)) : '';
  const firstParagraph = entry.contentHtml ? (htmlToText(entry.contentHtml).split('\n\n').find(hasWords) ?? '') : '';
  const chosen = [summary, firstParagraph, fallback].find(hasWords) ?? '';
  return trimToSentences(chosen, maxWords, countWords);
}
