/** A throwaway content folder and registry for running the aggregator in-process, and small feeds to serve it. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { FetchPolicy } from '../../src/io/aggregation/fetch-sources.ts';
import { runAggregation, type AggregateOptions } from '../../src/io/aggregation/run-aggregation.ts';
import type { RunReport } from '../../src/lib/aggregation/report.ts';
import { rssDocument } from '../../src/lib/bench/feeds.ts';
import { publishersForSuite, rssRoute, type Publishers } from './feed-publishers.ts';

export interface AggregationWorkspace {
  folder: string;
  /** Replaces the registry with these sources. */
  writeSources(sources: ReadonlyArray<{ id: string; feed: string }>): void;
  /** `maxNewItems`: the cap on new items per source, 50 as in `npm run aggregate` unless given; `more`: other options (refresh, the timeout per feed, the size cap). */
  run(now?: Date, maxNewItems?: number, more?: Pick<AggregateOptions, 'refresh'> & Pick<FetchPolicy, 'timeoutMs' | 'maxBytes'>): Promise<RunReport>;
}

export function aggregationWorkspace(): AggregationWorkspace {
  const folder = mkdtempSync(join(tmpdir(), 'newsdesk-aggregation-'));
  mkdirSync(join(folder, 'articles'));
  return {
    folder,
    writeSources: (sources) => writeFileSync(join(folder, 'sources.yaml'), sources.map(({ id, feed }) => `- id: ${id}\n  name: ${id} wire\n  feed: ${feed}\n`).join('')),
    run: (now = new Date('2026-12-01T12:00:00Z'), maxNewItems = 50, { refresh, timeoutMs, maxBytes } = {}) =>
      runAggregation({
        cwd: folder,
        sourcesFile: join(folder, 'sources.yaml'),
        contentDir: join(folder, 'articles'),
        stateFile: join(folder, '.aggregate-state.json'),
        dryRun: false,
        now,
        siteLang: 'en',
        maxNewItems,
        policy: { userAgent: 'newsdesk-tests', maxInFlight: 2, maxPerHost: 1, timeoutMs, maxBytes },
        refresh,
      }),
  };
}

/** A workspace and the publishers whose feeds it follows, for the enclosing suite. */
export interface ServedWorkspace {
  publishers: Publishers;
  workspace: AggregationWorkspace;
}

/** A workspace, and publishers on `hostCount` hosts started before the suite's own setup; both are gone after its tests. */
export function servedWorkspace(hostCount = 1): ServedWorkspace {
  const publishers = publishersForSuite(hostCount);
  const workspace = aggregationWorkspace();
  afterAll(() => rmSync(workspace.folder, { recursive: true, force: true }));
  return { publishers, workspace };
}

/** An RSS feed of two distinct stories from `site`. */
export function twoStoryFeed(site: string): string {
  return rssDocument({
    title: site,
    link: `https://${site}/`,
    items: ['Harbour cranes go electric', 'Rail freight doubles on the northern line'].map((title, index) => ({
      title: `${title} (${site})`,
      link: `https://${site}/story-${index}`,
      guid: `${site}-${index}`,
      description: `<p>${title} at ${site}, the operator said on Monday. Work starts in the spring and ends within two years.</p>`,
      publishedAt: new Date('2026-11-30T08:00:00Z'),
      categories: ['Transport'],
    })),
  });
}

/** Two runs of the aggregator over one source whose feed grows in between, as `feed(count)` writes it. */
export interface GrowingFeedRuns {
  first: RunReport;
  second: RunReport;
}

/** Serves `feed(counts[0])` from the first host and runs the aggregator, then `feed(counts[1])` half an hour later. */
export async function runGrowingFeed({ publishers, workspace }: ServedWorkspace, id: string, feed: (count: number) => string, counts: readonly [number, number]): Promise<GrowingFeedRuns> {
  let count = counts[0];
  const url = publishers.route(0, `/${id}.xml`, (request, response) => rssRoute(feed(count))(request, response));
  workspace.writeSources([{ id, feed: url }]);
  const first = await workspace.run();
  count = counts[1];
  const second = await workspace.run(new Date('2026-12-01T12:30:00Z'));
  return { first, second };
}
