/** A Markdown body's prose paragraphs, with the line each starts on. */
import { fencedCodeTracker } from './code-fences.ts';

export interface Paragraph {
  /** 0-based position among the body's paragraphs. */
  index: number;
  /** 1-based line where the paragraph starts (counting from `firstLine`). */
  line: number;
  text: string;
}

/** Prose paragraphs of a Markdown body: blank-line separated blocks, fenced code left out. */
export function splitParagraphs(markdown: string, firstLine = 1): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let lines: string[] = [];
  let start = 0;
  const inCode = fencedCodeTracker();
  const flush = () => {
    if (lines.length) paragraphs.push({ index: paragraphs.length, line: start, text: lines.join('\n') });
    lines = [];
  };
  markdown.split(/\r?\n/).forEach((line, offset) => {
    if (inCode(line) || !line.trim()) {
      flush();
      return;
    }
    if (!lines.length) start = firstLine + offset;
    lines.push(line);
  });
  flush();
  return paragraphs;
}
