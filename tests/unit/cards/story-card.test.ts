import type { ArticleDate } from '../../../src/lib/content/written-dates.ts';
import { describe, expect, it } from 'vitest';
import { storyCardContent, storyCardFile } from '../../../src/lib/cards/story-card.ts';

const site = { siteName: 'Newsdesk', formatDate: (date: ArticleDate) => date.at.toISOString().slice(0, 10) };
const story = (outlets: Array<{ key: string; name?: string }>) => ({ headline: 'Chip rules tighten', outlets, updatedAt: { at: new Date('2026-11-24T07:00:00Z'), dayAlone: false } });

describe('story cards', () => {
  it('count the outlets when several report the story', () => {
    expect(storyCardContent(story([{ key: '' }, { key: 'name:wire', name: 'Wire' }]), site)).toEqual({
      headline: 'Chip rules tighten', kicker: 'Story', credit: '2 outlets', date: '2026-11-24', siteName: 'Newsdesk',
    });
  });

  it('name the one outlet of a story an editor made from its reports alone, and none for our own reporting', () => {
    expect(storyCardContent(story([{ key: 'name:wire', name: 'Wire' }]), site).credit).toBe('via Wire');
    expect(storyCardContent(story([{ key: '' }]), site).credit).toBeUndefined();
  });

  it('live in a folder of their own beside the articles’ cards', () => {
    expect(storyCardFile('japan-ai-race')).toBe('stories/japan-ai-race.png');
  });
});
