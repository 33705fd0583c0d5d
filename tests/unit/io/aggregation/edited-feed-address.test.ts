import { beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../../src/lib/aggregation/report.ts';
import { servedWorkspace, twoStoryFeed } from '../../../helpers/aggregation-workspace.ts';

describe('a source whose feed: line is edited between runs', () => {
  const { publishers, workspace } = servedWorkspace();
  let oldFeed: string;
  let newFeed: string;
  let afterEdit: RunReport;
  let afterThat: RunReport;

  beforeAll(async () => {
    // One server, one ETag for all its feeds (a tag of the site's last deploy, say): the old feed's ETag matches the new feed too.
    const serve = (path: string, body: string) =>
      publishers.route(0, path, (request, response) => {
        if (request.headers['if-none-match'] === '"deploy-7"') return response.writeHead(304, { etag: '"deploy-7"' }).end();
        response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"deploy-7"' }).end(body);
      });
    oldFeed = serve('/old.xml', twoStoryFeed('old.example'));
    newFeed = serve('/new.xml', twoStoryFeed('new.example'));
    workspace.writeSources([{ id: 'wire', feed: oldFeed }]);
    await workspace.run();
    workspace.writeSources([{ id: 'wire', feed: newFeed }]);
    afterEdit = await workspace.run(new Date('2026-12-01T12:30:00Z'));
    afterThat = await workspace.run(new Date('2026-12-01T13:00:00Z'));
  });

  it('reads the new address in full, without the old address’s validators, and writes its items', () => {
    expect(publishers.requestsTo(newFeed)[0]!.headers['if-none-match']).toBeUndefined();
    expect(afterEdit.sources[0]).toMatchObject({ result: 'fetched' });
    expect(afterEdit.sources[0]!.newItems.map((item) => item.title)).toEqual(['Harbour cranes go electric (new.example)', 'Rail freight doubles on the northern line (new.example)']);
  });

  it('then asks the new address with its own validators', () => {
    expect(publishers.requestsTo(newFeed)[1]!.headers['if-none-match']).toBe('"deploy-7"');
    expect(afterThat.sources[0]).toMatchObject({ result: 'not-modified' });
  });
});

describe('a failing source whose feed: line is edited to a working address', () => {
  const { publishers, workspace } = servedWorkspace();
  let newFeed: string;
  let afterEdit: RunReport;
  let afterNewFails: RunReport;
  let failing = false;

  beforeAll(async () => {
    const oldFeed = publishers.route(0, '/old.xml', (_request, response) => response.writeHead(503, { 'retry-after': String(24 * 3600) }).end());
    newFeed = publishers.route(0, '/new.xml', (_request, response) =>
      failing ? response.writeHead(500).end() : response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(twoStoryFeed('new.example')),
    );
    workspace.writeSources([{ id: 'wire', feed: oldFeed }]);
    await workspace.run();
    await workspace.run(new Date('2026-12-02T13:00:00Z'));
    workspace.writeSources([{ id: 'wire', feed: newFeed }]);
    afterEdit = await workspace.run(new Date('2026-12-02T13:30:00Z'));
    failing = true;
    afterNewFails = await workspace.run(new Date('2026-12-02T14:00:00Z'));
  });

  it('asks the new address at the next run, not when the old one’s back-off ends', () => {
    expect(publishers.requestsTo(newFeed)).toHaveLength(2);
    expect(afterEdit.sources[0]).toMatchObject({ result: 'fetched' });
    expect(afterEdit.sources[0]!.newItems).toHaveLength(2);
  });

  it('counts the new address’s failures from one', () => {
    expect(afterNewFails.sources[0]).toMatchObject({ result: 'failed', consecutiveFailures: 1 });
  });
});
