import { describe, expect, it } from 'vitest';
import { capCandidates, copiesOfRefused, keysOldestFirst, sortEntries } from '../../../src/lib/aggregation/candidates.ts';
import { compileFilter, passesFilter } from '../../../src/lib/aggregation/filters.ts';
import { itemKeys, listedItemsHash, storedKey } from '../../../src/lib/aggregation/identity.ts';
import { afterSuccess } from '../../../src/lib/aggregation/source-state.ts';
import { MAX_SEEN_PER_SOURCE } from '../../../src/lib/aggregation/state.ts';
import type { FeedEntry } from '../../../src/lib/authoring/import/parse-feed.ts';

const entry = (fields: Partial<FeedEntry>): FeedEntry => ({ title: 'Title', authors: [], categories: [], ...fields });
const noFilter = () => true;
/** The source's lists as the run applies them: `passesFilter` with the compiled lists. */
const lists = (include: string[], exclude: string[]) => {
  const filter = compileFilter({ include, exclude });
  return (listed: FeedEntry) => passesFilter(listed, filter);
};

describe('itemKeys', () => {
  it('knows an item by its GUID within its source and by its normalised link across sources', () => {
    expect(itemKeys(entry({ guid: ' 1234 ', link: 'https://Wire.example/story/?utm_source=rss#top' }), 'wire')).toEqual(['guid:wire:1234', 'link:wire.example/story']);
    expect(itemKeys(entry({ guid: '1234' }), 'other')).toEqual(['guid:other:1234']);
  });

  it('falls back to a hash of the text, which a retitled item does not keep', () => {
    const [key] = itemKeys(entry({ summaryHtml: '<p>Text</p>' }), 'wire');
    expect(key).toMatch(/^hash:wire:[0-9a-f]{32}$/);
    expect(itemKeys(entry({ summaryHtml: '<p>Text</p>' }), 'wire')).toEqual([key]);
    expect(itemKeys(entry({ title: 'Other', summaryHtml: '<p>Text</p>' }), 'wire')).not.toEqual([key]);
  });
});

describe('sortEntries', () => {
  it('skips what an earlier run handled, even under a new headline, and what another source already carries in this run', () => {
    const known = new Set([storedKey('guid:wire:1')]);
    const claimed = new Set<string>();
    const first = sortEntries([entry({ guid: '1', title: 'New headline', link: 'https://wire.example/a' }), entry({ guid: '2', link: 'https://wire.example/b' })], 'wire', noFilter, known, claimed);
    expect(first).toMatchObject({ seenBefore: 1, duplicate: 0, excluded: 0 });
    expect(first.candidates.map((candidate) => candidate.entry.guid)).toEqual(['2']);
    const second = sortEntries([entry({ guid: 'x', link: 'http://wire.example/b/?utm_medium=feed' }), entry({ guid: 'y', link: 'https://post.example/c' })], 'post', noFilter, known, claimed);
    expect(second).toMatchObject({ seenBefore: 0, duplicate: 1 });
    expect(second.candidates).toHaveLength(1);
  });

  it('knows items that share one GUID under different links by their links, in this run and the next', () => {
    const shared = (path: string) => entry({ guid: 'https://wire.example/', link: `https://wire.example/${path}` });
    const first = sortEntries([shared('a'), shared('b'), shared('b')], 'wire', noFilter, new Set(), new Set());
    expect(first).toMatchObject({ seenBefore: 0, duplicate: 1 });
    expect(first.candidates.map((candidate) => candidate.keys)).toEqual([['link:wire.example/a'], ['link:wire.example/b']]);
    const known = new Set(keysOldestFirst(first.candidates).map(storedKey));
    const next = sortEntries([shared('c'), shared('a'), shared('b')], 'wire', noFilter, known, new Set());
    expect(next).toMatchObject({ seenBefore: 2, duplicate: 0 });
    expect(next.candidates.map((candidate) => candidate.entry.link)).toEqual(['https://wire.example/c']);
  });

  it('knows items that share one link under different GUIDs and headlines by their GUIDs, in this run and the next', () => {
    const live = (update: number) => entry({ guid: `update-${update}`, title: `Update ${update}`, link: 'https://news.example/live' });
    const first = sortEntries([live(2), live(1), live(1)], 'news', noFilter, new Set(), new Set());
    expect(first).toMatchObject({ seenBefore: 0, duplicate: 1 });
    expect(first.candidates.map((candidate) => candidate.keys)).toEqual([['guid:news:update-2'], ['guid:news:update-1']]);
    expect(first.candidates.map((candidate) => candidate.entry.link)).toEqual(['https://news.example/live', 'https://news.example/live']);
    const next = sortEntries([live(3), live(2), live(1)], 'news', noFilter, new Set(keysOldestFirst(first.candidates).map(storedKey)), new Set());
    expect(next).toMatchObject({ seenBefore: 2, duplicate: 0 });
    expect(next.candidates.map((candidate) => candidate.entry.guid)).toEqual(['update-3']);
  });

  it('sets a duplicate aside, to take if the first copy is refused, only when this source’s filter passes it', () => {
    const claimed = new Set<string>();
    sortEntries([entry({ guid: 'w-1', link: 'https://wire.example/a' }), entry({ guid: 'w-2', link: 'https://wire.example/b' })], 'wire', noFilter, new Set(), claimed);
    const items = [entry({ guid: 'p-1', title: 'Sponsored: chips', link: 'https://wire.example/a' }), entry({ guid: 'p-2', title: 'Chips', link: 'https://wire.example/b' })];
    const post = sortEntries(items, 'post', lists([], ['sponsored']), new Set(), claimed);
    expect(post.duplicate).toBe(2);
    expect(post.duplicates.map((candidate) => candidate.entry.guid)).toEqual(['p-2']);
  });

  it('applies include and exclude to title and summary, words whole and /regex/ as written', () => {
    const filter = lists(['chips', '/\\bRISC-V\\b/'], ['sponsored']);
    const entries = [
      entry({ title: 'New chips ship' }),
      entry({ title: 'Boards', summaryHtml: '<p>A RISC-V board.</p>' }),
      entry({ title: 'Potato chipsets' }),
      entry({ title: 'Chips', summaryHtml: '<p><b>Sponsored</b> post</p>' }),
    ];
    const sorted = sortEntries(entries, 'wire', filter, new Set(), new Set());
    expect(sorted.candidates.map((candidate) => candidate.entry.title)).toEqual(['New chips ship', 'Boards']);
    expect(sorted.excluded).toBe(2);
  });
});

describe('listedItemsHash', () => {
  const story = (index: number, guid = `g${index}`) => entry({ title: `Story ${index}`, guid, link: `https://wire.example/${index}` });
  const liveUpdate = (index: number) => entry({ title: `Update ${index}`, guid: `u${index}`, link: 'https://wire.example/live' });

  it('lists nothing new when only the GUIDs changed, in any order, and something new when a story was added', () => {
    const first = listedItemsHash([story(1), story(2)], 'wire');
    expect(listedItemsHash([story(2, 'other-2'), story(1, 'other-1')], 'wire')).toBe(first);
    expect(listedItemsHash([story(3), story(1), story(2)], 'wire')).not.toBe(first);
  });

  it('counts a live blog’s updates, which share its link, by their GUIDs', () => {
    expect(listedItemsHash([liveUpdate(3), liveUpdate(2), liveUpdate(1)], 'wire')).not.toBe(listedItemsHash([liveUpdate(2), liveUpdate(1)], 'wire'));
  });
});

describe('keysOldestFirst', () => {
  const dated = (guid: string, day?: number) => entry({ guid, publishedAt: day === undefined ? undefined : new Date(Date.UTC(2026, 10, day)) });
  const guids = (entries: FeedEntry[]) => keysOldestFirst(sortEntries(entries, 'wire', noFilter, new Set(), new Set()).candidates);

  it('orders by date, then later in the feed first, with undated items last', () => {
    expect(guids([dated('undated'), dated('b', 3), dated('a', 1), dated('c', 3)])).toEqual(['guid:wire:a', 'guid:wire:c', 'guid:wire:b', 'guid:wire:undated']);
    expect(guids([dated('newest'), dated('middle'), dated('oldest')])).toEqual(['guid:wire:oldest', 'guid:wire:middle', 'guid:wire:newest']);
  });

  it('keeps the newest items of a first fetch larger than the cap, so a deleted draft of the newest stays turned down', () => {
    const feed = Array.from({ length: 601 }, (_, index) => entry({ guid: `${601 - index}`, link: `https://wire.example/${601 - index}`, publishedAt: new Date(Date.UTC(2026, 0, 1, 0, 601 - index)) }));
    const first = sortEntries(feed, 'wire', noFilter, new Set(), new Set());
    const state = afterSuccess(undefined, { feedUrl: 'https://wire.example/feed.xml', validators: {}, newVersion: true, seen: keysOldestFirst(first.candidates) }, new Date('2026-02-01T00:00:00Z'));
    expect(state.seen).toHaveLength(MAX_SEEN_PER_SOURCE);
    const added = entry({ guid: '602', link: 'https://wire.example/602', publishedAt: new Date(Date.UTC(2026, 0, 1, 0, 602)) });
    const second = sortEntries([added, ...feed], 'wire', noFilter, new Set(state.seen), new Set());
    // Without the feed's listing, all but the newest MAX_SEEN_PER_SOURCE / 2 are forgotten; their files on disk still catch them as duplicates.
    const forgotten = 601 - MAX_SEEN_PER_SOURCE / 2;
    expect(second.candidates.map((candidate) => candidate.entry.guid)).toEqual(['602', ...Array.from({ length: forgotten }, (_, index) => `${forgotten - index}`)]);
  });

  it('remembers every item the feed still lists, beyond the cap, so none of them is taken for new at the next read', () => {
    const feed = Array.from({ length: 601 }, (_, index) => entry({ guid: `${601 - index}`, link: `https://wire.example/${601 - index}`, publishedAt: new Date(Date.UTC(2026, 0, 1, 0, 601 - index)) }));
    const first = sortEntries(feed, 'wire', noFilter, new Set(), new Set());
    expect(first.listed).toContain(storedKey('link:wire.example/1'));
    expect(first.listed).toContain(storedKey('refused:wire:wire.example/1'));
    const state = afterSuccess(undefined, { feedUrl: 'https://wire.example/feed.xml', validators: {}, newVersion: true, seen: keysOldestFirst(first.candidates), listed: first.listed }, new Date('2026-02-01T00:00:00Z'));
    expect(state.seen).toHaveLength(601 * 2);
    const added = entry({ guid: '602', link: 'https://wire.example/602', publishedAt: new Date(Date.UTC(2026, 0, 1, 0, 602)) });
    const second = sortEntries([added, ...feed], 'wire', noFilter, new Set(state.seen), new Set());
    expect(second.candidates.map((candidate) => candidate.entry.guid)).toEqual(['602']);
  });
});

describe('capCandidates', () => {
  const dated = (guid: string, day?: number) => entry({ guid, publishedAt: day === undefined ? undefined : new Date(Date.UTC(2026, 10, day)) });
  const candidatesOf = (entries: FeedEntry[]) => sortEntries(entries, 'wire', noFilter, new Set(), new Set()).candidates;

  it('keeps the newest, in feed order, and counts the rest as held over', () => {
    const capped = capCandidates(candidatesOf([dated('b', 3), dated('old', 1), dated('undated'), dated('c', 3), dated('a', 2)]), 3);
    expect(capped.candidates.map((candidate) => candidate.entry.guid)).toEqual(['b', 'undated', 'c']);
    expect(capped.heldOver).toBe(2);
  });

  it('takes, among items of one date, those listed first', () => {
    expect(capCandidates(candidatesOf([dated('first', 1), dated('second', 1), dated('third', 1)]), 2).candidates.map((candidate) => candidate.entry.guid)).toEqual(['first', 'second']);
  });

  it('holds nothing over within the cap', () => {
    expect(capCandidates(candidatesOf([dated('a', 1), dated('b', 2)]), 2)).toMatchObject({ heldOver: 0, candidates: [expect.anything(), expect.anything()] });
  });
});

describe('copiesOfRefused', () => {
  const story = 'https://wire.example/strike';
  const copy = (guid: string, link = story) => ({ entry: entry({ guid, link }), keys: itemKeys(entry({ guid, link }), 'any') });
  const refusedBy = new Map([['link:wire.example/strike', 'first']]);

  it('offers the first other outlet’s copy of a refused story once, and keeps every other duplicate aside', () => {
    const offered = new Set<string>();
    const second = copiesOfRefused([copy('s-1'), copy('s-2', 'https://wire.example/other')], 'second', refusedBy, offered);
    expect(second.copies.map((candidate) => candidate.entry.guid)).toEqual(['s-1']);
    expect(second.remaining.map((candidate) => candidate.entry.guid)).toEqual(['s-2']);
    expect(copiesOfRefused([copy('t-1')], 'third', refusedBy, offered).copies).toEqual([]);
  });

  it('does not offer the refusing source’s own second listing of the story, which would be refused alike', () => {
    expect(copiesOfRefused([copy('f-2')], 'first', refusedBy, new Set()).copies).toEqual([]);
  });
});
