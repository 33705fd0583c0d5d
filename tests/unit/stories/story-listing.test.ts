import { describe, expect, it } from 'vitest';
import { siteStories, type SiteStory } from '../../../src/lib/stories/site-stories.ts';
import { groupByStory, listOfNames, listOfOutlets, moreCoverageLine, outletName, outletNames } from '../../../src/lib/stories/story-listing.ts';

interface Item {
  slug: string;
  data: { source?: { id?: string; name: string; url: string } };
  sourcePage?: { name: string };
}
const item = (slug: string, outlet?: string): Item => ({ slug, data: outlet ? { source: { name: outlet, url: `https://example.com/${slug}` } } : {} });

const lead = item('lead', 'Meridian Wire');
const second = item('second', 'Breach Bulletin');
const ours = item('ours');
const updatedAt = { at: new Date('2026-04-03T08:00:00Z'), dayAlone: false };
const story: SiteStory<Item> = { slug: 'lead', lead, articles: [lead, second, ours], outlets: [], updatedAt };
const storyOf = new Map([lead, second, ours].map((article) => [article.slug, story]));

describe('groupByStory', () => {
  it('shows a story once, where its newest article stands, as its lead with the rest of its coverage and when that newest came', () => {
    const entries = groupByStory([item('newer'), ours, item('between'), second, lead, item('older')], storyOf);
    expect(entries.map((entry) => entry.article.slug)).toEqual(['newer', 'lead', 'between', 'older']);
    expect(entries[1]!.story).toEqual({ slug: 'lead', others: [second, ours], updatedAt });
    expect(entries[0]!.story).toBeUndefined();
  });

  it("shows the story's first article in the listing when the listing lacks the lead (a tag the lead does not carry)", () => {
    const entries = groupByStory([ours, second], storyOf);
    expect(entries).toEqual([{ article: ours, story: { slug: 'lead', others: [lead, second], updatedAt } }]);
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

describe('the coverage line of a story many outlets report', () => {
  const outlets = ['The Register', 'The Verge', 'TechCrunch', 'Wired', 'Reuters'];
  it('names four outlets all', () => {
    const others = outlets.slice(0, 4).map((name) => item(name.toLowerCase(), name));
    expect(moreCoverageLine(others, 'Newsdesk')).toBe('and 4 more from The Register, The Verge, TechCrunch and Wired');
  });

  it('names the first three of five or more and counts the others, so the teaser keeps one short line', () => {
    const others = [...outlets, 'Bloomberg'].map((name) => item(name.toLowerCase(), name));
    expect(moreCoverageLine([...others, item('again', 'wired')], 'Newsdesk')).toBe('and 7 more from The Register, The Verge, TechCrunch and 3 other outlets');
  });

  it('names them alike on the stories page, semicolons parting them when a name holds a comma', () => {
    expect(listOfOutlets(outlets)).toBe('The Register, The Verge, TechCrunch and 2 other outlets');
    expect(listOfOutlets(['Smith, Jones & Co', ...outlets])).toBe('Smith, Jones & Co; The Register; The Verge; and 3 other outlets');
  });
});

describe('outlets listed in the sources registry', () => {
  // Written when the registry called it "The Reg"; the registry has renamed it since, and its page says "The Register".
  const listed: Item = { slug: 'listed', data: { source: { id: 'the-register', name: 'The Reg', url: 'https://reg.example/a' } }, sourcePage: { name: 'The Register' } };

  it("are named as the article's page names them, by the registry's name", () => {
    expect(outletName(listed, 'Newsdesk')).toBe('The Register');
    expect(moreCoverageLine([listed, ours], 'Newsdesk')).toBe('and 2 more from The Register and Newsdesk');
  });

  it("are named so in a story's outlets, which its page, summary and the stories index show", () => {
    const [resolved] = siteStories(
      [{ slug: 'lead', lead: 'lead', articles: ['lead', 'listed'], outlets: [{ key: 'name:meridian wire', name: 'Meridian Wire' }, { key: 'id:the-register', name: 'The Reg' }] }],
      new Map(
        [
          { ...lead, data: { ...lead.data, publishedAt: new Date('2026-04-02T06:50:00Z') } },
          { ...listed, data: { ...listed.data, publishedAt: new Date('2026-04-02T10:15:00Z') } },
        ].map((article) => [article.slug, article]),
      ),
    );
    expect(resolved!.outlets.map((outlet) => outlet.name)).toEqual(['Meridian Wire', 'The Register']);
  });
});
