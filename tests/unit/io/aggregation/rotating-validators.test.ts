import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../../src/lib/aggregation/report.ts';
import { servedWorkspace, twoStoryFeed } from '../../../helpers/aggregation-workspace.ts';

describe('a feed whose server sends new validators with the same body every time', () => {
  const { publishers, workspace } = servedWorkspace();
  let feed: string;
  let stateAfterFirst: { text: string; mtimeMs: number };
  let later: RunReport[];
  const stateFile = () => join(workspace.folder, '.aggregate-state.json');

  beforeAll(async () => {
    let answers = 0;
    const body = twoStoryFeed('rotating.example');
    feed = publishers.route(0, '/feed.xml', (_request, response) => {
      answers++;
      response.writeHead(200, { 'content-type': 'application/rss+xml', etag: `"answer-${answers}"`, 'last-modified': new Date(Date.UTC(2026, 11, 1, 12, answers)).toUTCString() }).end(body);
    });
    workspace.writeSources([{ id: 'rotating', feed }]);
    await workspace.run();
    stateAfterFirst = { text: readFileSync(stateFile(), 'utf8'), mtimeMs: statSync(stateFile()).mtimeMs };
    later = [await workspace.run(new Date('2026-12-01T12:30:00Z')), await workspace.run(new Date('2026-12-01T13:00:00Z'))];
  });

  it('reports it unchanged and leaves the state file as it was, so there is nothing to commit', () => {
    expect(later.map((report) => report.sources[0]!.result)).toEqual(['not-modified', 'not-modified']);
    expect(readFileSync(stateFile(), 'utf8')).toBe(stateAfterFirst.text);
    expect(statSync(stateFile()).mtimeMs).toBe(stateAfterFirst.mtimeMs);
  });

  it('keeps asking with the validators of the body it read', () => {
    expect(publishers.requestsTo(feed).slice(1).map((request) => request.headers['if-none-match'])).toEqual(['"answer-1"', '"answer-1"']);
  });
});
