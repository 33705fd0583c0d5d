import { describe, expect, it } from 'vitest';
import type { SiteStory } from '../../../src/lib/stories/site-stories.ts';
import { groupByStory, listOfNames, moreCoverageLine, outletName, outletNames } from '../../../src/lib/stories/story-listing.ts';

interface Item {
  slug: string;
  data: { source?: { name: string; url: string } };
}
const item = (slug: string, outlet?: string): Item => ({ slug, data: outlet ? { source: { name: outlet, url: `https://example.com/${slug}` } } : {} });

const lead = item('lead', 'Meridian Wire');
const second = item('second', 'Breach Bulletin');
const ours = item('ours');
const story: SiteStory<Item> = { slug: 'lead', lead, articles: [lead, second, ours], outlets: [], updatedAt: new Date(0) };
const storyOf = new Map([lead, second, ours].map((article) => [article.slug, story]));

describe('groupByStory', () => {
  it('shows a story once, where its newest article stands, as its lead with the rest of its coverage', () => {
    const entries = groupByStory([item('newer'), ours, item('between'), second, lead, item('older')], storyOf);
    expect(entries.map((entry) => entry.article.slug)).toEqual(['newer', 'lead', 'between', 'older']);
    expect(entries[1]!.story).toEqual({ slug: 'lead', others: [second, ours] });
    expect(entries[0]!.story).toBeUndefined();
  });

  it("shows the story's first article in the listing when the listing lacks the lead (a tag the lead does not carry)", () => {
    const entries = groupByStory([ours, second], storyOf);
    expect(entries).toEqual([{ article: ours, story: { slug: 'lead', others: [lead, second] } }]);
  });
});

describe('the coverage line', () => {
  it("names each outlet once, in order, with the site's name for its own reporting", () => {
    expect(outletNames([second, item('again', 'breach bulletin'), ours], 'Newsdesk')).toEqual(['Breach Bulletin', 'Newsdesk']);
    expect(moreCoverageLine([second, ours], 'Newsdesk')).toBe('and 2 more from Breach Bulletin and Newsdesk');
    expect(listOfNames(['A', 'B', 'C'])).toBe('A, B and C');
    expect(listOfNames(['A'])).toBe('A');
    expect([outletName(second, 'Newsdesk'), outletName(ours, 'Newsdesk')]).toEqual(['Breach Bulletin', 'Newsdesk']);
  });

  it('parts the outlets with semicolons when a name holds a comma, so each name reads whole', () => {
    const others = [item('smith', 'Smith, Jones & Co'), second, ours];
    expect(moreCoverageLine(others, 'Newsdesk')).toBe('and 3 more from Smith, Jones & Co; Breach Bulletin; and Newsdesk');
  });
});
