import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatReportText, type RunReport } from '../../../../src/lib/aggregation/report.ts';
import { servedWorkspace, twoStoryFeed } from '../../../helpers/aggregation-workspace.ts';
import { rssRoute } from '../../../helpers/feed-publishers.ts';

/** The instants in the state file's text that say when something happened, by field: none may lie after the run that wrote it. */
const pastInstantsIn = (text: string) => [...text.matchAll(/"(at|failingSince|lastSuccess|notAskedSince)": "([^"]+)"/g)].map(([, field, instant]) => ({ field, at: Date.parse(instant!) }));

describe('a run whose clock was 100 days ahead, then runs whose clocks are right', () => {
  const { publishers, workspace } = servedWorkspace(2);
  const runs: Array<{ now: Date; report: RunReport; state: string }> = [];
  const run = async (now: string) => {
    const report = await workspace.run(new Date(now));
    runs.push({ now: new Date(now), report, state: readFileSync(join(workspace.folder, '.aggregate-state.json'), 'utf8') });
    return report;
  };

  beforeAll(async () => {
    const down = publishers.route(0, '/feed.xml', (_request, response) => response.writeHead(500).end());
    const frozen = publishers.route(1, '/feed.xml', rssRoute(twoStoryFeed('frozen.example')));
    workspace.writeSources([
      { id: 'down', feed: down },
      { id: 'frozen', feed: frozen },
    ]);
    await run('2027-03-11T12:00:00Z');
    await run('2026-12-01T12:30:00Z');
    await run('2026-12-01T13:00:00Z');
    await run('2026-12-02T13:00:00Z');
    await run('2026-12-31T13:00:00Z');
  });

  it('leaves no instant in the state ahead of a run whose clock is right', () => {
    expect(pastInstantsIn(runs[0]!.state).map(({ field }) => field).sort()).toEqual(['at', 'failingSince', 'lastSuccess']);
    for (const { now, state } of runs.slice(1)) for (const { field, at } of pastInstantsIn(state)) expect(at, `${field} at ${now.toISOString()}`).toBeLessThanOrEqual(now.getTime());
    // The back-off after two failures, half an hour from the first run whose clock is right.
    expect(JSON.parse(runs[1]!.state).sources.down.nextFetchAfter).toBe('2026-12-01T13:00:00Z');
  });

  it('says so at the first run whose clock is right, and not again', () => {
    const clockLines = runs.map(({ report }) => formatReportText(report).split('\n').filter((line) => line.startsWith('Clock:')));
    expect(clockLines[0]).toEqual([]);
    expect(clockLines[1]).toEqual([expect.stringMatching(/^Clock: the state held times up to 99 days ahead of this run's clock, for 2 sources: an earlier run's clock was ahead, or this machine's is behind; /)]);
    expect(clockLines.slice(2)).toEqual([[], [], []]);
  });

  it('lists a source failing since the wrong clock a day after the first right one, from then', () => {
    expect(runs[2]!.report.attention).toEqual([]);
    expect(runs[3]!.report.attention).toMatchObject([{ id: 'down', reason: 'failing', since: '2026-12-01T12:30:00Z' }]);
  });

  it('lists a feed last read new by the wrong clock as having nothing new 30 days after the first right one', () => {
    expect(runs[4]!.report.attention).toContainEqual(expect.objectContaining({ id: 'frozen', reason: 'nothing-new', since: '2026-12-01T12:30:00Z' }));
  });
});
