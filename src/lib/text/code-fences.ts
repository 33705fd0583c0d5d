/** Fenced code blocks (``` or ~~~, CommonMark rules), found line by line for every module that must skip code. */

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/**
 * A function to call on each line of a Markdown text in order: it answers
 * whether that line belongs to a fenced code block, the opening and closing
 * fence lines included. A fence opens with three or more backticks or tildes
 * indented at most three spaces, and closes with a run of the same character
 * at least as long, alone on its line; an unclosed fence runs to the end.
 */
export function fencedCodeTracker(): (line: string) => boolean {
  let fence = ''; // the open fence's marker run, or "" outside code
  return (line) => {
    if (fence) {
      const trimmed = line.trim();
      if (trimmed.length >= fence.length && trimmed === fence[0]!.repeat(trimmed.length) && line.search(/\S/) <= 3) fence = '';
      return true;
    }
    const first = line.charCodeAt(line.search(/\S|$/));
    if (first !== 0x60 /* ` */ && first !== 0x7e /* ~ */) return false;
    const open = FENCE_OPEN.exec(line);
    if (!open) return false;
    fence = open[1]!;
    return true;
  };
}

/** Whether `markdown` may hold a fenced code block at all: a cheap test before going line by line. */
export function mayHaveFencedCode(markdown: string): boolean {
  return markdown.includes('```') || markdown.includes('~~~');
}

/** `markdown` with every line of fenced code (fences included) passed through `replace`, line breaks kept. */
export function replaceFencedCode(markdown: string, replace: (line: string) => string): string {
  if (!mayHaveFencedCode(markdown)) return markdown;
  const inCode = fencedCodeTracker();
  return markdown
    .split('\n')
    .map((line) => (inCode(line) ? replace(line) : line))
    .join('\n');
}
