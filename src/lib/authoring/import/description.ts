/** The dek of an imported draft: whole sentences from the feed's summary, short enough for teasers and meta descriptions. */

/** Deks longer than this are cut back to the last whole sentence that fits. */
export const MAX_DESCRIPTION_LENGTH = 240;

/** Trailers that publishers append to feed summaries, or put there instead of one; they are not part of the story. */
const SUMMARY_TRAILERS: readonly RegExp[] = [
  /\s*The post .+? appeared first on .+?\.?\s*$/s,
  /\s*(?:Continue reading|Read more|Read the full (?:story|article))\b.*$/is,
  /\s*\[(?:…|\.\.\.|&hellip;)\]\s*$/,
  // Reddit's byline and links, and Hacker News's summary, which is only a link to the discussion.
  /\s*submitted by\s+\S+\s*\[link\]\s*\[comments\]\s*$/i,
  /^\s*Comments\s*$/i,
  // Substack's captions of its subscribe and share boxes, word for word; only a whole paragraph (one line of
  // plain text) goes, so a paragraph that also says something else stays.
  /^\s*Thanks for reading [^\n]{1,120}?! (?:Subscribe for free to receive new posts and support my work|This post is public so feel free to share it)\.\s*$/gm,
  /^\s*[^\n]{1,120}? is a reader-supported publication\. To receive new posts and support my work, consider becoming a free or paid subscriber\.\s*$/gm,
];

/**
 * A paragraph that is a video's chapter list, as YouTube reads one: it starts at 0:00 (perhaps after "Chapters:" or
 * "Timestamps:") and has three timestamps or more. It indexes the video, so it never opens a dek.
 */
const CHAPTER_LIST = /^(?:(?:Chapters|Timestamps)\s*:?\s*)?0?0:00\s(?:.*?\b\d{1,2}:\d{2}\s){2}/i;

function withoutChapterLists(text: string): string {
  return text
    .split(/\n\s*\n/)
    .filter((paragraph) => !CHAPTER_LIST.test(paragraph.trim()))
    .join('\n\n');
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** A sentence that ends as sentences do (closing quotes and brackets allowed); a trailing ellipsis marks a cut. */
function isComplete(sentence: string): boolean {
  const text = sentence.trim();
  return /[.!?]["'”’)\]]*$/.test(text) && !/(?:\.\.|…)["'”’)\]]*$/.test(text);
}

export function stripSummaryTrailers(text: string): string {
  let result = text;
  for (const trailer of SUMMARY_TRAILERS) result = result.replace(trailer, '');
  return result.trim();
}

/** How long a piece of text is: characters by default; `countWords` for limits in words. */
export type TextMeasure = (text: string) => number;

const characters: TextMeasure = (text) => text.length;

export const countWords: TextMeasure = (text) => {
  let words = 0;
  for (const word of wordSegmenter.segment(text)) if (word.isWordLike) words++;
  return words;
};

/**
 * Whole sentences from the start of `text`, up to `maxLength` (characters, unless `measure` counts otherwise).
 * A summary the publisher cut off mid-sentence loses its unfinished tail when a complete sentence precedes it.
 * A first sentence longer than `maxLength` is cut at a word boundary and ends with an ellipsis. Returns "" for
 * text without words.
 */
export function trimToSentences(text: string, maxLength = MAX_DESCRIPTION_LENGTH, measure: TextMeasure = characters): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return '';
  return wholeSentences(flat, maxLength, measure) || cutAtWord(sentencesOf(flat)[0] ?? flat, maxLength, measure);
}

/** As `trimToSentences`, but never a cut sentence: "" when not even the first sentence fits. */
export function wholeSentences(text: string, maxLength: number, measure: TextMeasure = characters): string {
  const kept: string[] = [];
  for (const sentence of sentencesOf(text.replace(/\s+/g, ' ').trim())) {
    if (measure([...kept, sentence].join(' ')) > maxLength) break;
    kept.push(sentence);
  }
  while (kept.length > 1 && !isComplete(kept[kept.length - 1])) kept.pop();
  return kept.join(' ');
}

/**
 * The sentences of one line of text. The segmenter also breaks after a "?" or "!" inside a word, as in a link's
 * query ("example.com/?ref=x"); a Latin sentence end is followed by a space, so such a piece joins the next
 * (a segment keeps its trailing space; "。" needs none).
 */
function sentencesOf(flat: string): string[] {
  const sentences: string[] = [];
  let pending = '';
  for (const { segment } of sentenceSegmenter.segment(flat)) {
    pending += segment;
    if (!/[.?!]$/.test(segment)) {
      sentences.push(pending.trim());
      pending = '';
    }
  }
  if (pending.trim()) sentences.push(pending.trim());
  return sentences;
}

function cutAtWord(sentence: string, maxLength: number, measure: TextMeasure): string {
  let end = 0;
  for (const word of wordSegmenter.segment(sentence)) {
    const wordEnd = word.index + word.segment.length;
    // One unit is kept for the ellipsis.
    if (measure(sentence.slice(0, wordEnd)) > maxLength - 1) break;
    if (word.isWordLike) end = wordEnd;
  }
  if (end === 0) return `${[...sentence].slice(0, maxLength - 1).join('')}…`;
  return `${sentence.slice(0, end).replace(/[\s,;:–—-]+$/, '')}…`;
}

/**
 * The dek, never empty: the summary's first sentences, else the body's, else the title, leaving out chapter lists.
 * Inputs are plain text, paragraphs separated by blank lines (as htmlToText writes them).
 */
export function chooseDescription(summary: string, body: string, title: string, maxLength = MAX_DESCRIPTION_LENGTH): string {
  for (const candidate of [summary, body]) {
    const trimmed = trimToSentences(stripSummaryTrailers(withoutChapterLists(candidate)), maxLength);
    if (/[\p{L}\p{N}]/u.test(trimmed)) return trimmed;
  }
  return trimToSentences(title, maxLength) || title.trim();
}
