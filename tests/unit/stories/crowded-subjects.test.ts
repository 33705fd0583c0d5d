import { describe, expect, it } from 'vitest';
import { CROWD, crowdedSubjects } from '../../../src/lib/stories/crowded-subjects.ts';

const HOUR = 3_600_000;
const WINDOW = 72 * HOUR;
const RULE = { articles: 5, kinds: 3, dominantShare: 0.75 };
const ids = (...values: number[]) => Int32Array.from(values);
const hours = (...values: number[]) => Float64Array.from(values, (value) => value * HOUR);
/** Kinds of event, one each, cycling through three: a launch, a lawsuit, an outage. */
const varied = (count: number) => Array.from({ length: count }, (_, index) => ids(100 + (index % 3)));
const crowded = (subjects: Int32Array[], kinds: Int32Array[], times: Float64Array, rule = RULE) => [...crowdedSubjects(subjects, kinds, times, WINDOW, rule)];

describe('a headline subject', () => {
  it('is crowded when five headlines within the window have it and report three kinds of event between them', () => {
    expect(crowded([ids(7), ids(7), ids(7), ids(7), ids(7)], varied(5), hours(0, 2, 4, 6, 8))).toEqual([1, 1, 1, 1, 1]);
  });

  it('is not crowded by five reports of one kind of event, nor of two, however many have no kind', () => {
    const subjects = [ids(7), ids(7), ids(7), ids(7), ids(7), ids(7)];
    expect(crowded(subjects, [ids(100), ids(100), ids(), ids(100), ids(), ids(100)], hours(0, 1, 2, 3, 4, 5))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(crowded(subjects, [ids(100), ids(101), ids(100, 101), ids(), ids(), ids()], hours(0, 1, 2, 3, 4, 5))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('is not crowded with four, nor when another subject makes the fifth', () => {
    expect(crowded([ids(7), ids(7), ids(7), ids(7)], varied(4), hours(0, 1, 2, 3))).toEqual([0, 0, 0, 0]);
    expect(crowded([ids(7), ids(7), ids(7), ids(7), ids(8)], varied(5), hours(0, 1, 2, 3, 4))).toEqual([0, 0, 0, 0, 0]);
    expect(crowded([ids(7), ids(7), ids(7), ids(7), ids(7, 9)], varied(5), hours(0, 1, 2, 3, 4))).toEqual([0, 0, 0, 0, 0]);
  });

  it('counts the articles and kinds within the window on both sides of each, not further', () => {
    // One a day for a week: each has at most three days on either side of it, so seven within reach in the middle.
    const subjects = Array.from({ length: 7 }, () => ids(7));
    expect(crowded(subjects, varied(7), hours(0, 24, 48, 72, 96, 120, 144))).toEqual([0, 1, 1, 1, 1, 1, 0]);
    expect(crowded(subjects.slice(0, 5), varied(5), hours(0, 100, 200, 300, 400), { articles: 2, kinds: 1, dominantShare: 1 })).toEqual([0, 0, 0, 0, 0]);
    // The third kind only comes with the last article: the first ones never have it within reach.
    const kinds = [ids(100), ids(101), ids(100), ids(101), ids(100), ids(101), ids(102)];
    expect(crowded(subjects, kinds, hours(0, 1, 2, 3, 4, 80, 81))).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(crowded(subjects, kinds, hours(0, 1, 2, 3, 4, 70, 71))).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it("is one event's crowd when one kind is told by three in four of those that tell a kind, however many tell none", () => {
    const { none, manyEvents, oneEvent } = CROWD;
    const subjects = Array.from({ length: 8 }, () => ids(7));
    // Six reports of a breach (one telling no kind), then a lawsuit over it and a fine over it, each also telling the breach.
    const breach = [ids(100), ids(100), ids(), ids(100), ids(100), ids(100), ids(100, 101), ids(100, 102)];
    expect(crowded(subjects, breach, hours(0, 1, 2, 3, 4, 5, 6, 7))).toEqual(Array(8).fill(oneEvent));
    // Three launches among five events are not most of them: the crowd is of several events.
    const day = [ids(100), ids(100), ids(100), ids(101), ids(102)];
    expect(crowded(subjects.slice(0, 5), day, hours(0, 1, 2, 3, 4))).toEqual(Array(5).fill(manyEvents));
    expect(crowded(subjects.slice(0, 5), day, hours(0, 1, 2, 3, 4), { ...RULE, dominantShare: 0.6 })).toEqual(Array(5).fill(oneEvent));
    expect(crowded(subjects.slice(0, 4), day.slice(0, 4), hours(0, 1, 2, 3))).toEqual(Array(4).fill(none));
  });

  it('is never crowded when the headline names nobody', () => {
    expect(crowded([ids(), ids(), ids(), ids(), ids()], varied(5), hours(0, 1, 2, 3, 4))).toEqual([0, 0, 0, 0, 0]);
  });
});
