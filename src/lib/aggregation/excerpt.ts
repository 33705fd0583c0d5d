/**
 * The body of an item from a `content: excerpt` source: the outlet's own summary (or the story's opening
 * paragraphs), trimmed to about sixty words at a sentence boundary, its paragraphs kept apart. The page adds the
 * link to the full story.
 */
import { countWords, stripSummaryTrailers, trimToSentences, wholeSentences } from '../authoring/import/description.ts';
import { htmlToText } from '../authoring/import/html.ts';
import type { FeedEntry } from '../authoring/import/parse-feed.ts';

const EXCERPT_WORDS = 60;

const hasWords = (text: string) => /[\p{L}\p{N}]/u.test(text);

/**
 * The excerpt as plain text, paragraphs separated by a blank line: the summary, else the full text, else
 * `fallback` (the dek), from its start to about `maxWords` words; `fallback` whole when none has a word.
 */
export function excerptText(entry: Pick<FeedEntry, 'summaryHtml' | 'contentHtml'>, fallback: string, maxWords = EXCERPT_WORDS): string {
  const summary = entry.summaryHtml ? stripSummaryTrailers(htmlToText(entry.summaryHtml)) : '';
  const fullText = entry.contentHtml ? htmlToText(entry.contentHtml) : '';
  const chosen = [summary, fullText, fallback].find(hasWords);
  // Text without a letter or digit (a post of emoji alone) has no words to count or sentences to cut: the dek, short
  // already, stands for it, rather than leave the page without a body.
  return chosen === undefined ? fallback : openingParagraphs(chosen, maxWords);
}

/**
 * Whole paragraphs from the start of `text` while they fit in `maxWords`, then as many whole sentences of the next
 * as fit. Only a first sentence longer than the whole excerpt is cut, at a word, with an ellipsis.
 */
function openingParagraphs(text: string, maxWords: number): string {
  const kept: string[] = [];
  let words = 0;
  for (const paragraph of text.split(/\n\s*\n/).filter(hasWords)) {
    const room = maxWords - words;
    const opening = kept.length === 0 ? trimToSentences(paragraph, room, countWords) : wholeSentences(paragraph, room, countWords);
    if (!opening) break;
    kept.push(opening);
    words += countWords(opening);
    if (opening !== paragraph.replace(/\s+/g, ' ').trim()) break;
  }
  return kept.join('\n\n');
}
