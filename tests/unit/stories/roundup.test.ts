import { describe, expect, it } from 'vitest';
import { isRoundupHeadline } from '../../../src/lib/stories/roundup.ts';

describe('isRoundupHeadline', () => {
  it.each([
    'This Week in AI: Nvidia’s quarter, Meta’s fine and OpenAI’s raise',
    'The Week in Review',
    'Last week in tech: chips, fines and layoffs',
    'Security news: the week in review',
    'Weekly roundup: Nvidia, Meta and OpenAI',
    'The weekly round-up',
    'Daily digest: Apple, Google, Intel',
    'Newsletter #123',
    'Newsletter No. 12: the chip war',
    'Week 48 recap',
    'Week 48: round-up of the AI news',
    'Links for the week',
    'This week: a rocket, a fork and a fine',
    'Morning briefing: what you need to know',
    'The evening digest',
  ])('knows %j for a digest', (title) => {
    expect(isRoundupHeadline(title)).toBe(true);
  });

  it.each([
    'Nvidia shares fall for third week',
    'Apple to ship M5 next week',
    'Microsoft Teams passes 300 million weekly active users',
    'Bayer settles Roundup lawsuits for $10 billion',
    'Intel trials a four-day week at its Oregon fabs',
    'Outage takes down Skyline Cloud for a week',
    'Meta’s newsletter platform Bulletin shuts down',
    'This week’s outage at Skyline Cloud: what went wrong',
    'Morning TV ratings slide as streaming grows',
  ])('takes %j for one event', (title) => {
    expect(isRoundupHeadline(title)).toBe(false);
  });
});
