/** Why a document is not well-formed XML, in words an editor can act on: feeds and OPML files alike. */
import { XMLValidator } from 'fast-xml-parser';

/** How fast-xml-parser's validator names the elements still open where the text ends: one, or a JSON list of several. */
const OPEN_AT_END = [/^Unclosed tag '(.+)'\.$/, /^Invalid '(\[.*\])' found\.$/] as const;

/** Why a document is not well-formed. */
export interface XmlProblem {
  message: string;
  /** Set when the text ends inside elements: the line it ends on, and those elements ("<rss>, <channel>"). */
  cutShort?: { line: number; open: string };
}

/**
 * The problem with `document`, or undefined when it is well-formed. Elements still open where it ends mean it was
 * cut short, said so with the line it ends on (the validator names them at line 1, column 1). `what` names the
 * document ("file", "feed"); `linesBefore` counts lines taken off its start, so that the line named is the reader's.
 */
export function xmlProblem(document: string, what: string, linesBefore = 0): XmlProblem | undefined {
  const validation = XMLValidator.validate(document);
  if (validation === true) return undefined;
  const { msg, line, col } = validation.err;
  const lastLine = linesBefore + document.trimEnd().split('\n').length;
  const [one, several] = OPEN_AT_END.map((pattern) => pattern.exec(msg)?.[1]);
  if (one || several) {
    const open = (several ? (JSON.parse(several) as string[]) : [one!]).map((name) => `<${name}>`).join(', ');
    return { message: `malformed XML at line ${lastLine}: the ${what} ends inside ${open}, so it looks cut short`, cutShort: { line: lastLine, open } };
  }
  // The validator names no column when the text holds no element at all.
  if (col === undefined) return { message: `malformed XML at line ${lastLine}: the ${what} ends before its first element, so it looks cut short` };
  return { message: `malformed XML at line ${linesBefore + line}, column ${col}: ${msg.replace(/\.$/, '')}` };
}
