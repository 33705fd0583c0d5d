/**
 * The body of an item from a `content: excerpt` source: the outlet's own summary (or the story's first
 * paragraph), trimmed to about sixty words at a sentence boundary, then a prominent link to the full story.
 */
import { countWords, stripSummaryTrailers, trimToSentences } from '../authoring/import/description.ts';
import { htmlToText, textToMarkdown } from '../authoring/import/html.ts';
import type { FeedEntry } from '../authoring/import/parse-feed.ts';

export const EXCERPT_WORDS = 60;

const hasWords = (text: string) => /[\p{L}\p{N}]/u.test(text);

/** The excerpt as plain text: the summary, else the first paragraph of the full text, else `fallback` (the dek). */
export function excerptText(entry: Pick<FeedEntry, 'summaryHtml' | 'contentHtml'>, fallback: string, maxWords = EXCERPT_WORDS): string {
  const summary = entry.summaryHtml ? stripSummaryTrailers(htmlToText(entry.summaryHtml)) : '';
  const firstParagraph = entry.contentHtml ? (htmlToText(entry.contentHtml).split('\n\n').find(hasWords) ?? '') : '';
  const chosen = [summary, firstParagraph, fallback].find(hasWords) ?? '';
  return trimToSentences(chosen, maxWords, countWords);
}

/** "Read the full story at <name>", the link every excerpt ends with. */
export function readMoreLabel(sourceName: string): string {
  return `Read the full story at ${sourceName}`;
}

/** Markdown: the excerpt as escaped text, then the link in bold on its own paragraph. */
export function excerptMarkdown(text: string, sourceName: string, url: string): string {
  // Serialised URLs have no spaces; brackets are encoded so that no Markdown reader ends the link early.
  const destination = url.replace(/\(/g, '%28').replace(/\)/g, '%29');
  const link = `**[${textToMarkdown(readMoreLabel(sourceName))}](${destination})**`;
  const excerpt = textToMarkdown(text);
  return excerpt ? `${excerpt}\n\n${link}` : link;
}
