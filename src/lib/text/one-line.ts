/**
 * Text from outside (a feed's title, a server's answer, a field's value, a file name) as part of one line of the
 * tools' output: control characters and line separators become escapes (`\u000a`), as JSON writes them. A line break
 * would otherwise let the text start a line of its own, which a CI log reads as a workflow command when it starts
 * "::" (a forged warning, or `::stop-commands::` silencing the real ones), and an escape character would send
 * commands to the terminal.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function oneLine(text: string): string {
  return text.replace(CONTROL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
