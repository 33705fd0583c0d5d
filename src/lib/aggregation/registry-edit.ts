/** Adding sources to the registry's text the way an editor would: every line already there kept as written, one blank line between sources. */
import { isSeq, parseDocument, visit, YAMLSeq, type Document } from 'yaml';
import type { NewSource } from './opml.ts';

/** The list's first item, whose indent the new ones take. */
const FIRST_ITEM = /^( *)-(?=[ \t\r]|$)/m;
/** The line that ends the document: nothing after it is part of the registry. */
const DOCUMENT_END = /^\.\.\.(?=[ \t\r]|$)/m;

/**
 * The registry's text with `entries` inserted after its last source, indented as its list is and with its line
 * ends; comments below the last source stay below. The text must already be a valid registry (see parseSources).
 * Throws, saying what to do, for a registry written as one flow list (`[{…}, {…}]`), which takes no lines.
 */
export function appendSources(registry: string, entries: readonly NewSource[]): string {
  if (entries.length === 0) return registry;
  // yaml's ranges do not count a byte order mark right, so the text is read without it and it is put back.
  const bom = registry.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = registry.slice(bom.length);
  const document = parseDocument(text);
  const list = document.contents;
  if (isSeq(list) && list.flow) throw new Error('its sources are written as one [ … ] list; write each on its own "- id: …" lines, as README.md shows, and import again');
  // Nothing but comments yet: the sources go below them. A registry with sources gets the new ones after its last.
  // YAML the registry's reader takes but this parser calls malformed (a quoted name or a [ … ] list whose next line
  // is not indented) leaves the list's end unknown, so the new sources go at the end of the file, or before its `...`.
  const at = isSeq(list) && document.errors.length === 0 ? list.range![2] : (DOCUMENT_END.exec(text)?.index ?? text.length);
  // Before the first "- " only comments, directives, `---`, an anchor or a tag can come, whatever the parser made of the rest.
  const column = FIRST_ITEM.exec(text)?.[1]!.length ?? 0;
  const before = text.slice(0, at);
  const startsLine = before === '' || before.endsWith('\n');
  const blankLine = isSeq(list) || before.trim() !== '';
  const block = renderSources(entries)
    .split('\n')
    .map((line) => (line === '' ? line : ' '.repeat(column) + line))
    .join('\n');
  const added = `${startsLine ? '' : '\n'}${blankLine ? '\n' : ''}${block}`;
  // A file written on Windows keeps its line ends, so that only the new lines differ.
  return bom + before + (text.includes('\r\n') ? added.replaceAll('\n', '\r\n') : added) + text.slice(at);
}

/** The entries as a YAML list of their own, one blank line between them, ending in a newline. */
function renderSources(entries: readonly NewSource[]): string {
  const document: Document = parseDocument('');
  const list = new YAMLSeq();
  for (const entry of entries) {
    const node = document.createNode(entry);
    // Lists on one line, `tags: [Science, Hardware]`, as the registry writes them.
    visit(node, { Seq: (_, seq) => void (seq.flow = true) });
    node.spaceBefore = list.items.length > 0;
    list.items.push(node);
  }
  document.contents = list;
  return document.toString({ flowCollectionPadding: false, lineWidth: 0 });
}
