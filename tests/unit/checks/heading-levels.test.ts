import { describe, expect, it } from 'vitest';
import { mayHaveSkippedHeadingLevels, skippedHeadingLevels } from '../../../src/lib/checks/heading-levels.ts';

const levels = (body: string) => skippedHeadingLevels(body).map(({ level, deepestAllowed }) => [level, deepestAllowed]);

describe('skippedHeadingLevels', () => {
  it('accepts an outline that starts at ## and goes down one level at a time, and back up any number', () => {
    expect(levels('Intro.\n\n## One\n\n### One a\n\n#### Detail\n\n## Two\n\n### Two a\n')).toEqual([]);
  });

  it('accepts a body # as the page shows it, a second-level heading', () => {
    expect(levels('# Background\n\n## Detail\n')).toEqual([]);
  });

  it('finds a first heading below level 2 and a jump of two levels, once each', () => {
    const body = 'Lead.\n\n### Question one\n\n### Question two\n\n## Part\n\n#### Deep\n';
    expect(levels(body)).toEqual([
      [3, 2],
      [4, 3],
    ]);
    expect(body.slice(skippedHeadingLevels(body)[0]!.index)).toMatch(/^### Question one/);
  });

  it('ignores what only looks like a heading', () => {
    expect(levels('#hashtag\n\n    ### indented code\n\n> ### quoted\n\n####### seven\n')).toEqual([]);
  });

  it('tells which bodies need a closer look: only those with a heading of level 3 or deeper', () => {
    expect(mayHaveSkippedHeadingLevels('# One\n\n## Two\n\nText with ### inside.\n')).toBe(false);
    expect(mayHaveSkippedHeadingLevels('Lead.\n\n### Question\n')).toBe(true);
  });
});
