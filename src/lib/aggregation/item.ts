/** How a registry source shapes the drafts the importer builds from its feed: excerpt or full text, draft or published. */
import type { Draft } from '../authoring/import/draft.ts';
import type { FeedEntry } from '../authoring/import/parse-feed.ts';
import { textToMarkdown } from '../authoring/import/html.ts';
import { excerptText } from './excerpt.ts';
import type { Source } from './registry.ts';

/** Where a source's items are written, relative to the content folder. */
export function sourceFolder(sourceId: string): string {
  return `aggregated/${sourceId}`;
}

export function toSourceItem(source: Pick<Source, 'content' | 'publish'>): (draft: Draft, entry: FeedEntry) => Draft {
  return (draft, entry) => {
    // An item with no text of its own (a link, a podcast episode) is shown as an excerpt even from a full-text source:
    // its page then leads readers on to the story, rather than show a headline and dek over nothing.
    const excerpt = source.content !== 'full' || !draft.body.trim();
    return {
      ...draft,
      source: { ...draft.source, ...(excerpt ? { excerpt: true } : {}) },
      body: excerpt ? textToMarkdown(excerptText(entry, draft.description)) : draft.body,
      draft: source.publish !== 'auto',
    };
  };
}
