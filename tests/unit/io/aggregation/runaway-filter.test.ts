import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../../src/lib/aggregation/report.ts';
import { servedWorkspace, twoStoryFeed } from '../../../helpers/aggregation-workspace.ts';
import { rssRoute } from '../../../helpers/feed-publishers.ts';

describe('a source whose include list holds a pattern that backtracks for ever on one of its headlines', () => {
  const { publishers, workspace } = servedWorkspace();
  let report: RunReport;

  beforeAll(async () => {
    // /(\w+\s?)+$/ tries every way of splitting the words before giving up at the "!": longer than anyone waits.
    const runaway = twoStoryFeed('runaway.example').replace('Harbour cranes go electric (runaway.example)', `${'word '.repeat(40)}!`);
    const runawayFeed = publishers.route(0, '/runaway.xml', rssRoute(runaway));
    const calmFeed = publishers.route(0, '/calm.xml', rssRoute(twoStoryFeed('calm.example')));
    writeFileSync(
      join(workspace.folder, 'sources.yaml'),
      `- id: runaway\n  name: Runaway\n  feed: ${runawayFeed}\n  include: ["/(\\\\w+\\\\s?)+$/u"]\n- id: calm\n  name: Calm\n  feed: ${calmFeed}\n  exclude: [Rail]\n`,
    );
    report = await workspace.run(undefined, undefined, { timeoutMs: 1000 });
  });

  it('stops the pattern, fails that source saying why, and writes the other source’s items through its own list', () => {
    expect(report.sources[0]).toMatchObject({ id: 'runaway', result: 'failed', newItems: [], error: expect.stringMatching(/^its include\/exclude lists took more than 1 s on the feed's 2 items, and were stopped: a regular expression that repeats a repetition/) });
    expect(report.sources[1]).toMatchObject({ id: 'calm', result: 'fetched', newItems: [{ title: 'Harbour cranes go electric (calm.example)' }], skipped: { excluded: 1 } });
  });

  it('counts it as the source’s failure, so that it backs off and, after a day, needs attention', () => {
    const { sources } = JSON.parse(readFileSync(join(workspace.folder, '.aggregate-state.json'), 'utf8'));
    expect(sources.runaway).toMatchObject({ consecutiveFailures: 1, seen: [] });
  });
});
