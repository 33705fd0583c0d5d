import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { FeedError } from '../../../../src/lib/authoring/import/parse-feed.ts';
import { formatReportText, type RunReport } from '../../../../src/lib/aggregation/report.ts';
import { findFeed } from '../../../../src/io/find-feed.ts';
import { servedWorkspace, twoStoryFeed } from '../../../helpers/aggregation-workspace.ts';
import type { Route } from '../../../helpers/feed-publishers.ts';

/** A gzip body cut short where it was made or stored, its Content-Length the length of what is sent: HTTP sees no fault. */
const cutGzipRoute = (feed: string): Route => {
  const compressed = gzipSync(feed);
  const cut = compressed.subarray(0, Math.floor(compressed.length * 0.6));
  return (_request, response) => response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'content-encoding': 'gzip', 'content-length': String(cut.length) }).end(cut);
};

describe('a feed whose gzip body is cut short, though as long as its Content-Length says', () => {
  const { publishers, workspace } = servedWorkspace();
  let report: RunReport;
  let address: string;

  beforeAll(async () => {
    address = publishers.route(0, '/feed.xml', cutGzipRoute(twoStoryFeed('cut.example')));
    workspace.writeSources([{ id: 'cut', feed: address }]);
    report = await workspace.run();
  });

  it("fails as the server's broken compression, not as a feed cut short where it is made", () => {
    expect(report.sources[0]).toMatchObject({ result: 'failed' });
    expect(report.sources[0]!.error).toMatch(/: the body came compressed \(gzip\) and its compressed stream ended early, though the answer itself arrived whole: the feed stops at line \d+, inside <rss>, <channel>(, <[a-z]+>)*; the publisher's server must fix it \(served as application\/rss\+xml; charset=utf-8\)$/);
    expect(formatReportText(report)).not.toContain('looks cut short');
    const state = JSON.parse(readFileSync(join(workspace.folder, '.aggregate-state.json'), 'utf8')) as { sources: Record<string, { lastError: { cause?: string } }> };
    expect(state.sources.cut!.lastError.cause).toBe('invalid-http');
  });

  it('says the same to npm run import', async () => {
    const failure = await findFeed(address, {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FeedError);
    expect((failure as FeedError).message).toMatch(/^the body came compressed \(gzip\) and its compressed stream ended early/);
  });
});

describe('a feed cut short where it is made, labelled with a Content-Encoding no client decodes', () => {
  const { publishers, workspace } = servedWorkspace();
  let report: RunReport;

  beforeAll(async () => {
    const feed = twoStoryFeed('squash.example');
    const cut = feed.slice(0, feed.indexOf('<description>', feed.lastIndexOf('<item>')) + 20);
    const address = publishers.route(0, '/feed.xml', (_request, response) => response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'content-encoding': 'x-squash' }).end(cut));
    workspace.writeSources([{ id: 'squash', feed: address }]);
    report = await workspace.run();
  });

  it('fails as a feed that looks cut short, since its body was read as it came, not as broken compression', () => {
    expect(report.sources[0]!.error).toMatch(/: malformed XML at line \d+: the feed ends inside <rss>, <channel>, <item>, <description>, so it looks cut short \(served as application\/rss\+xml; charset=utf-8\)$/);
    expect(report.sources[0]!.error).not.toContain('compressed');
    const state = JSON.parse(readFileSync(join(workspace.folder, '.aggregate-state.json'), 'utf8')) as { sources: Record<string, { lastError: { cause?: string } }> };
    expect(state.sources.squash!.lastError.cause).toBe('unreadable-feed');
  });
});
