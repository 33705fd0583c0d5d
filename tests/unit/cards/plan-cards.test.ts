import { describe, expect, it } from 'vitest';
import { cardKey, type CardJob } from '../../../src/lib/cards/card-content.ts';
import { planCards } from '../../../src/lib/cards/plan-cards.ts';

const job = (file: string, headline: string): CardJob => ({ file, source: `${file}.md`, content: { headline, date: 'Nov 1, 2026', siteName: 'Newsdesk' } });

describe('planning a build’s cards', () => {
  const jobs = [job('a.png', 'Alpha'), job('b.png', 'Beta'), job('c.png', 'Alpha')];

  it('makes every card on a cold cache, identical cards once', () => {
    const plan = planCards(jobs, new Set());
    expect(plan.toMake.map((card) => card.content.headline)).toEqual(['Alpha', 'Beta']);
    expect(plan.cards.map((card) => card.file)).toEqual(['a.png', 'b.png', 'c.png']);
  });

  it('makes nothing when the cache has every card, and names cached cards no page uses', () => {
    const stale = cardKey({ headline: 'Gone', date: 'Nov 1, 2026', siteName: 'Newsdesk' });
    const plan = planCards(jobs, new Set([cardKey(jobs[0]!.content), cardKey(jobs[1]!.content), stale]));
    expect(plan.toMake).toEqual([]);
    expect(plan.unused).toEqual([stale]);
  });

  it('makes only the card whose headline changed', () => {
    const cached = new Set(jobs.map((item) => cardKey(item.content)));
    const plan = planCards([jobs[0]!, job('b.png', 'Beta, corrected'), jobs[2]!], cached);
    expect(plan.toMake.map((card) => [card.source, card.content.headline])).toEqual([['b.png.md', 'Beta, corrected']]);
    expect(plan.unused).toEqual([cardKey(jobs[1]!.content)]);
  });
});
