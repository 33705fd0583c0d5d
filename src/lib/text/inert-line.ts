/**
 * Text from outside (a feed's title, a server's answer, a field's value, a file name) as part of one line of the
 * tools' output, where a CI runner can read no workflow command in it. Control characters and line separators become
 * escapes (`\u000a`), as JSON writes them: a line break would let the text start a line of its own, which GitHub
 * Actions reads as a command when it starts "::" (a forged warning, or `::stop-commands::` silencing the real ones),
 * and an escape character would send commands to the terminal. The runner also reads its older form of command,
 * "##[", anywhere in a line, so that bracket is written as an escape too.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const OLD_COMMAND = /##\[/g;

const escaped = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

export function inertLine(text: string): string {
  return text.replace(CONTROL, escaped).replace(OLD_COMMAND, `##${escaped('[')}`);
}
