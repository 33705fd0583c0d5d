/** Adding sources to the registry's text the way an editor would: comments, order and spacing kept, one blank line between sources. */
import { isSeq, parseDocument } from 'yaml';
import type { NewSource } from './opml.ts';

/** The registry's text with `entries` appended. The text must already be a valid registry (see parseSources). */
export function appendSources(text: string, entries: readonly NewSource[]): string {
  const document = parseDocument(text);
  if (!isSeq(document.contents)) {
    // Nothing but comments yet: they stay above the first source.
    const list = document.createNode([]);
    list.comment = document.contents?.comment;
    document.contents = list;
  }
  const list = document.contents;
  for (const entry of entries) {
    const node = document.createNode(entry);
    node.spaceBefore = list.items.length > 0;
    list.items.push(node);
  }
  return document.toString({ flowCollectionPadding: false, lineWidth: 0 });
}
