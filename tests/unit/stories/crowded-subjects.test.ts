import { describe, expect, it } from 'vitest';
import { crowdedSubjects } from '../../../src/lib/stories/crowded-subjects.ts';

const HOUR = 3_600_000;
const WINDOW = 72 * HOUR;
const subject = (...ids: number[]) => Int32Array.from(ids);
const hours = (...values: number[]) => Float64Array.from(values, (value) => value * HOUR);

describe('a headline subject', () => {
  it('is crowded when five headlines within the window have it, each of them included', () => {
    const subjects = [subject(7), subject(7), subject(7), subject(7), subject(7)];
    expect([...crowdedSubjects(subjects, hours(0, 2, 4, 6, 8), WINDOW, 5)]).toEqual([1, 1, 1, 1, 1]);
  });

  it('is not crowded with four, nor when another subject makes the fifth', () => {
    expect([...crowdedSubjects([subject(7), subject(7), subject(7), subject(7)], hours(0, 1, 2, 3), WINDOW, 5)]).toEqual([0, 0, 0, 0]);
    expect([...crowdedSubjects([subject(7), subject(7), subject(7), subject(7), subject(8)], hours(0, 1, 2, 3, 4), WINDOW, 5)]).toEqual([0, 0, 0, 0, 0]);
    expect([...crowdedSubjects([subject(7), subject(7), subject(7), subject(7), subject(7, 9)], hours(0, 1, 2, 3, 4), WINDOW, 5)]).toEqual([0, 0, 0, 0, 0]);
  });

  it('is not crowded by headlines further apart than the window, and counts on both sides of each', () => {
    // One a day for a week: each has at most three days on either side of it, so seven within reach in the middle.
    const subjects = Array.from({ length: 7 }, () => subject(7));
    expect([...crowdedSubjects(subjects, hours(0, 24, 48, 72, 96, 120, 144), WINDOW, 5)]).toEqual([0, 1, 1, 1, 1, 1, 0]);
    expect([...crowdedSubjects(subjects.slice(0, 5), hours(0, 100, 200, 300, 400), WINDOW, 2)]).toEqual([0, 0, 0, 0, 0]);
  });

  it('is never crowded when the headline names nobody', () => {
    expect([...crowdedSubjects([subject(), subject(), subject(), subject(), subject()], hours(0, 1, 2, 3, 4), WINDOW, 5)]).toEqual([0, 0, 0, 0, 0]);
  });
});
