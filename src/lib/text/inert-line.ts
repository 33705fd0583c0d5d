/**
 * Text from outside (a feed's title, a server's answer, a field's value, a file name) in the tools' output, where a CI
 * runner can read no workflow command in it. GitHub Actions reads a line as a command when it starts "::" after white
 * space (a forged warning, or `::stop-commands::` silencing the real ones), and reads its older form, "##[", anywhere
 * in a line; it ends a line at a carriage return as well as at a line feed.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** A line's start, and the white space (as .NET counts it) the runner skips before a command. */
const COMMAND_AT_LINE_START = /(^|\r\n|[\n\r\u0085\u2028\u2029])([\s\u0085]*)::/g;
const OLD_COMMAND = /##\[/g;

const escaped = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text that is rightly several lines (Astro's messages, with their code frames): each line kept, none read as a
 * command, as the first colon of a line's leading "::" and the bracket of "##[" are written as escapes (`\u003a`).
 */
export function inertLines(text: string): string {
  return text.replace(COMMAND_AT_LINE_START, (_match, lineBreak: string, space: string) => `${lineBreak}${space}${escaped(':')}:`).replace(OLD_COMMAND, `##${escaped('[')}`);
}

/** Control characters and line separators as escapes (`\u001b`), as JSON writes them: text that shows, and does nothing. */
export function escapedControls(text: string): string {
  return text.replace(CONTROL, escaped);
}

/**
 * Text as part of one line: control characters and line separators become escapes too (`\u000a`), so that the text
 * cannot start a line of its own, nor send commands to the terminal.
 */
export function inertLine(text: string): string {
  return inertLines(escapedControls(text));
}

/** What JSON.stringify leaves as written: the C1 controls (a terminal's CSI among them) and the line separators. */
const UNESCAPED_BY_JSON = /[\u007f-\u009f\u2028\u2029]/g;

/**
 * A value as indented JSON for tools, its text as inert as `inertLine` makes it: outside its strings JSON has none
 * of these characters, and every escape added inside one is JSON's own, so the value reads back unchanged.
 */
export function inertJson(value: unknown): string {
  return inertLines(JSON.stringify(value, null, 2).replace(UNESCAPED_BY_JSON, escaped));
}
