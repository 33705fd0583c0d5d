import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunReport } from '../../../../src/lib/aggregation/report.ts';
import { syntheticFeed } from '../../../../src/lib/bench/feeds.ts';
import { servedWorkspace } from '../../../helpers/aggregation-workspace.ts';
import { rssRoute } from '../../../helpers/feed-publishers.ts';

/** How many feed items the importer was asked to turn into articles. */
const planned = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../../src/lib/authoring/import/plan-import.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../src/lib/authoring/import/plan-import.ts')>();
  return {
    ...original,
    createImportPlanner: (...args: Parameters<typeof original.createImportPlanner>) => {
      const planner = original.createImportPlanner(...args);
      return { ...planner, plan: (feed: Parameters<typeof planner.plan>[0], options: Parameters<typeof planner.plan>[1]) => ((planned.count += feed.entries.length), planner.plan(feed, options)) };
    },
  };
});

describe('a feed listing its whole archive of 400 items, with a cap of 5 per run', () => {
  const { publishers, workspace } = servedWorkspace();
  const reports: RunReport[] = [];
  const plannedPerRun: number[] = [];

  beforeAll(async () => {
    const feed = syntheticFeed(1, 400, 'https://archive.example', new Date('2026-11-30T12:00:00Z'));
    workspace.writeSources([{ id: 'archive', feed: publishers.route(0, '/feed.xml', rssRoute(feed)) }]);
    for (const minutes of [0, 30]) {
      planned.count = 0;
      reports.push(await workspace.run(new Date(Date.UTC(2026, 11, 1, 12, minutes)), 5));
      plannedPerRun.push(planned.count);
    }
  });

  it('makes articles of the newest items the cap lets it write, not of the whole archive, at every run', () => {
    expect(plannedPerRun).toEqual([5, 5]);
    expect(reports.map((report) => [report.sources[0]!.newItems.length, report.sources[0]!.skipped.heldOver])).toEqual([
      [5, 395],
      [5, 390],
    ]);
    expect(readdirSync(join(workspace.folder, 'articles', 'aggregated', 'archive'))).toHaveLength(10);
  });
});
