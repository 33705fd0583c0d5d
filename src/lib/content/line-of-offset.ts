/**
 * Lines as an editor numbers them. A carriage return alone ends a line as \n and \r\n do: editors (VS Code), YAML and
 * Markdown all break there, so a stray one would otherwise shift every line reported below it.
 */
export const LINE_BREAK = /\r\n?|\n/;
const LINE_BREAKS = new RegExp(LINE_BREAK.source, 'g');

/** 1-based line of a character offset in a text. */
export function lineOfOffset(text: string, offset: number): number {
  return 1 + (text.slice(0, offset).match(LINE_BREAKS)?.length ?? 0);
}
