/** Adding sources to the registry's text the way an editor would: comments, order and spacing kept, one blank line between sources. */
import { isSeq, parseDocument, visit, YAMLSeq, type Document } from 'yaml';
import type { NewSource } from './opml.ts';

/** The registry's text with `entries` appended. The text must already be a valid registry (see parseSources). */
export function appendSources(text: string, entries: readonly NewSource[]): string {
  const document: Document = parseDocument(text);
  let list = document.contents;
  if (!isSeq(list)) {
    // Nothing but comments yet: they stay above the first source.
    const empty = new YAMLSeq();
    empty.comment = list?.comment;
    document.contents = list = empty;
  }
  for (const entry of entries) {
    const node = document.createNode(entry);
    // Lists on one line, `tags: [Science, Hardware]`, as the registry writes them.
    visit(node, { Seq: (_, seq) => void (seq.flow = true) });
    node.spaceBefore = list.items.length > 0;
    list.items.push(node);
  }
  return document.toString({ flowCollectionPadding: false, lineWidth: 0 });
}
