import { describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../../../src/lib/authoring/import/parse-feed.ts';
import { sharedLinks } from '../../../../src/lib/authoring/import/shared-links.ts';

const entry = (fields: Partial<FeedEntry>): FeedEntry => ({ title: 'Title', authors: [], categories: [], ...fields });

describe('sharedLinks', () => {
  it('names a link the feed gives to items with different GUIDs and headlines, however it is spelled', () => {
    const live = [
      entry({ guid: 'update-2', title: 'Polls close', link: 'https://news.example/live#update-2' }),
      entry({ guid: 'update-1', title: 'Turnout is high', link: 'http://news.example/live/?utm_source=rss' }),
      entry({ guid: 'story', title: 'Other story', link: 'https://news.example/story' }),
    ];
    expect([...sharedLinks(live)]).toEqual(['news.example/live']);
  });

  it('leaves out a link shared by one item listed twice, retitled, or re-identified, and items without GUIDs', () => {
    const link = 'https://news.example/a';
    expect(sharedLinks([entry({ guid: '1', link }), entry({ guid: '1', link })]).size).toBe(0);
    expect(sharedLinks([entry({ guid: '1', title: 'Old headline', link }), entry({ guid: '1', title: 'New headline', link })]).size).toBe(0);
    expect(sharedLinks([entry({ guid: '1', title: 'Same', link }), entry({ guid: '2', title: 'Same', link })]).size).toBe(0);
    expect(sharedLinks([entry({ title: 'First', link }), entry({ title: 'Second', link })]).size).toBe(0);
  });
});
