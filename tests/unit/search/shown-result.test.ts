import { describe, expect, it } from 'vitest';
import { shownResult } from '../../../src/lib/search/shown-result.ts';
import { unsearchable } from '../../../src/lib/search/unsearchable-meta.ts';

describe('shownResult', () => {
  it("gives a result whose data() links its page, reads its story back and marks words only, keeping the rest as it was", async () => {
    const found = { url: '/desk/articles/chips.html', content: 'Body.', excerpt: 'Fintech, <mark>Cloud,</mark> Europe', meta: { title: 'T', story_url: unsearchable('/stories/t/') } };
    const result = { id: 'p1', score: 2, data: async () => found };
    const shown = shownResult(result);
    expect([shown.id, shown.score]).toEqual(['p1', 2]);
    expect(await shown.data()).toEqual({ url: '/desk/articles/chips/', content: 'Body.', excerpt: 'Fintech, <mark>Cloud</mark>, Europe', meta: { title: 'T', story_url: '/stories/t/' } });
    // The result as Pagefind gave it is left as it was, for what reads the index's own words.
    expect(await result.data()).toEqual({ url: '/desk/articles/chips.html', content: 'Body.', excerpt: 'Fintech, <mark>Cloud,</mark> Europe', meta: { title: 'T', story_url: unsearchable('/stories/t/') } });
  });
});
