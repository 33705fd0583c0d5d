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
    'The Daily Brief',
    'Security digest',
    'Friday roundup',
    'News round-up',
    'Tech briefing',
    'Roundup: Apple’s M5, Epic’s lawsuit and OpenAI’s raise',
    'Security digest: a bank breach and a Chrome zero-day',
    'Catch up: Apple M5, Epic lawsuit',
    'Weekend reading',
    'Sunday reads: chips, courts and clouds',
    'Apple, Epic and the M5: the week’s biggest stories',
    'Top stories of the week',
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
    'Bayer settles Roundup weedkiller lawsuits',
    'Epic files brief in Apple appeal',
    'Microsoft briefing leaks Windows 12 plans',
    'Apple’s M5 event recap: every new Mac',
    'The week’s biggest outage hits Skyline Cloud',
  ])('takes %j for one event', (title) => {
    expect(isRoundupHeadline(title)).toBe(false);
  });
});
