import { describe, expect, it } from 'vitest';
import { indexSearches, mergeFilterCounts, newestFirst } from '../../../src/lib/search/newest-first.ts';

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

describe('indexSearches', () => {
  // As Pagefind answers a sorted search: each index's results scored by their place in its order, the last 0, and
  // the results of merged indexes ranked by score.
  const result = (id: string, score: number) => ({ id, score });
  const alone = { results: [result('n1', 1), result('n2', 0)], unfilteredResultCount: 2, filters: { outlet: { Desk: 2 } }, totalFilters: { outlet: { Desk: 5 } } };

  it("gives each index's own results in its order, without the newest part's, and its own counts", () => {
    const merged = {
      results: [result('o1', 2), result('n1', 1), result('o2', 1), result('n2', 0), result('o3', 0)],
      unfilteredResultCount: 5,
      filters: { outlet: { Desk: 3, Wire: 2 } },
      totalFilters: { outlet: { Desk: 9, Wire: 4 } },
    };
    const [newest, older] = indexSearches(alone, [merged]);
    expect(newest!.results.map((found) => found.id)).toEqual(['n1', 'n2']);
    expect(older).toEqual({
      results: [result('o1', 2), result('o2', 1), result('o3', 0)],
      unfilteredResultCount: 3,
      filters: { outlet: { Desk: 1, Wire: 2 } },
      totalFilters: { outlet: { Desk: 4, Wire: 4 } },
    });
  });

  it('gives an index the query is not in no results', () => {
    expect(indexSearches(alone, [alone])[1]).toEqual({ results: [], unfilteredResultCount: 0, filters: { outlet: { Desk: 0 } }, totalFilters: { outlet: { Desk: 0 } } });
  });
});

describe('mergeFilterCounts', () => {
  it('sums the counts of every filter value over the indexes', () => {
    expect(mergeFilterCounts([{ outlet: { Desk: 1, Wire: 2 } }, { outlet: { Wire: 3, Brief: 1 }, lang: { en: 4 } }, {}])).toEqual({ outlet: { Desk: 1, Wire: 5, Brief: 1 }, lang: { en: 4 } });
  });
});
