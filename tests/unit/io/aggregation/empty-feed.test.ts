import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FeedError } from '../../../../src/lib/authoring/import/parse-feed.ts';
import type { RunReport } from '../../../../src/lib/aggregation/report.ts';
import { findFeed } from '../../../../src/io/find-feed.ts';
import { servedWorkspace } from '../../../helpers/aggregation-workspace.ts';
import { rssRoute } from '../../../helpers/feed-publishers.ts';

const ADVICE = "check that the address is the feed's; if it is, the publisher's site sent it empty: try again later, and tell the publisher if it stays empty";

describe('a feed with no title and no items, beside one with a title and no items', () => {
  const { publishers, workspace } = servedWorkspace();
  let report: RunReport;
  let emptyAddress: string;
  let quietAddress: string;

  beforeAll(async () => {
    emptyAddress = publishers.route(0, '/empty.xml', rssRoute('<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>'));
    quietAddress = publishers.route(0, '/quiet.xml', rssRoute('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Quiet Wire</title><link>https://quiet.example/</link></channel></rss>'));
    workspace.writeSources([
      { id: 'empty', feed: emptyAddress },
      { id: 'quiet', feed: quietAddress },
    ]);
    report = await workspace.run();
  });

  it('fails the empty one, saying what its address sent and what to do, as an unreadable feed', () => {
    const empty = report.sources.find((source) => source.id === 'empty')!;
    expect(empty.result).toBe('failed');
    expect(empty.error).toBe(`${emptyAddress}: this is an RSS 2.0 feed with no title and no items, so there is no feed to read; ${ADVICE} (served as application/rss+xml; charset=utf-8)`);
    const state = JSON.parse(readFileSync(join(workspace.folder, '.aggregate-state.json'), 'utf8')) as { sources: Record<string, { lastError?: { cause?: string } }> };
    expect(state.sources.empty!.lastError!.cause).toBe('unreadable-feed');
  });

  it('reads the one with a title as a feed with nothing new', () => {
    const quiet = report.sources.find((source) => source.id === 'quiet')!;
    expect(quiet).toMatchObject({ result: 'fetched', newItems: [] });
    expect(quiet.error).toBeUndefined();
  });

  it('says the same to npm run import and npm run sources -- add', async () => {
    const failure = await findFeed(emptyAddress, {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FeedError);
    expect((failure as FeedError).message).toBe(`this is an RSS 2.0 feed with no title and no items, so there is no feed to read; ${ADVICE} (served as application/rss+xml; charset=utf-8)`);
    expect((await findFeed(quietAddress, {})).feed.entries).toEqual([]);
  });
});
