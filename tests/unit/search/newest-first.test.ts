import { describe, expect, it } from 'vitest';
import { newestFirst } from '../../../src/lib/search/newest-first.ts';

/** A result is its instant here; `reads` counts how often the order asked for one. */
function reader() {
  const reads: string[] = [];
  return { reads, publishedOf: async (result: string) => (reads.push(result), result) };
}

describe('newestFirst', () => {
  it('puts the parts one after another, the newest part first, each in its own order, reading no instant', async () => {
    const { reads, publishedOf } = reader();
    const lists = [
      { part: 2, results: ['2026-01-20', '2026-01-02'] },
      { part: 0, results: ['2026-09-30', '2026-09-01'] },
      { part: 1, results: ['2026-05-05'] },
    ];
    expect(await newestFirst(lists, publishedOf)).toEqual(['2026-09-30', '2026-09-01', '2026-05-05', '2026-01-20', '2026-01-02']);
    expect(reads).toEqual([]);
  });

  it("merges a part's languages by instant, whichever index holds the newest, and keeps the other parts apart", async () => {
    const { publishedOf } = reader();
    const english = ['2026-09-28T10:00:00.000Z', '2026-09-20T10:00:00.000Z', '2026-09-09T10:00:00.000Z', '2026-09-02T10:00:00.000Z'];
    const japanese = ['2026-09-29T10:00:00.000Z', '2026-09-09T09:00:00.000Z', '2026-09-01T10:00:00.000Z'];
    const chinese = ['2026-09-20T10:00:00.000Z'];
    const older = ['2026-08-30T10:00:00.000Z'];
    const lists = [
      { part: 0, results: english },
      { part: 1, results: older },
      { part: 0, results: chinese },
      { part: 0, results: japanese },
    ];
    const ordered = await newestFirst(lists, publishedOf);
    expect(ordered).toEqual([...english, ...japanese, ...chinese].sort().reverse().concat(older));
    expect(ordered).toHaveLength(9);
  });

  it('reads few instants of a long list to merge a short one into it, each once', async () => {
    const { reads, publishedOf } = reader();
    const long = Array.from({ length: 1000 }, (_, day) => new Date(Date.UTC(2026, 0, 1000 - day)).toISOString());
    const short = ['2027-06-01T12:00:00.000Z', '2026-03-15T12:00:00.000Z'];
    const ordered = await newestFirst([{ part: 0, results: short }, { part: 0, results: long }], publishedOf);
    expect(ordered).toEqual([...long, ...short].sort().reverse());
    expect(reads.length).toBeLessThan(30);
    expect(new Set(reads).size).toBe(reads.length);
  });

  it('gives nothing for no results', async () => {
    expect(await newestFirst([], reader().publishedOf)).toEqual([]);
    expect(await newestFirst([{ part: 0, results: [] }, { part: 0, results: [] }], reader().publishedOf)).toEqual([]);
  });
});
