import { describe, expect, it } from 'vitest';
import { storyDescription, storySize, storySummary } from '../../../src/lib/stories/story-page.ts';

describe("a story's summary", () => {
  it('counts its articles and outlets and names the outlets', () => {
    expect(storySummary(3, ['Meridian Wire', 'Breach Bulletin', 'Newsdesk'])).toBe('3 articles from 3 outlets (Meridian Wire, Breach Bulletin and Newsdesk) report this story.');
  });

  it('names the one outlet of a story an editor made of its articles, never "1 outlets"', () => {
    expect(storySummary(2, ['Newsdesk'])).toBe('2 articles from Newsdesk report this story.');
    expect(storySize(2, 1)).toBe('2 articles from 1 outlet');
    expect(storySize(3, 2)).toBe('3 articles from 2 outlets');
  });
});

describe("a story's description", () => {
  const summary = '2 articles from 2 outlets (Newsdesk and Meridian Wire) report this story.';

  it("sets a Hebrew lead's dek apart from the site's English summary, so each keeps its order", () => {
    expect(storyDescription('החברות מבטיחות זמינות.', { lang: 'he', dir: 'rtl' }, summary)).toBe(`\u2067החברות מבטיחות זמינות.\u2069 ${summary}`);
  });

  it("leaves a dek running the site's way as it is", () => {
    expect(storyDescription('Die Firma schaltet ab.', { lang: 'de', dir: 'auto' }, summary)).toBe(`Die Firma schaltet ab. ${summary}`);
    expect(storyDescription('The firm goes offline.', undefined, summary)).toBe(`The firm goes offline. ${summary}`);
  });
});
