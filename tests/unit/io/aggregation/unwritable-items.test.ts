import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { formatAttentionAnnotations, formatReportMarkdown, formatReportText, type RunReport } from '../../../../src/lib/aggregation/report.ts';
import { servedWorkspace, twoStoryFeed } from '../../../helpers/aggregation-workspace.ts';
import { rssRoute } from '../../../helpers/feed-publishers.ts';

// A disk that fills up under one source's folder: every other write goes through.
vi.mock('../../../../src/io/write-file.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../src/io/write-file.ts')>();
  return {
    ...original,
    writeNewFile: async (path: string, contents: string) => {
      if (path.includes('/aggregated/full/')) throw Object.assign(new Error(`ENOSPC: no space left on device, open '${path}'`), { code: 'ENOSPC' });
      return original.writeNewFile(path, contents);
    },
  };
});

describe('an aggregation run whose items cannot be written', () => {
  const { publishers, workspace } = servedWorkspace();
  let report: RunReport;

  beforeAll(async () => {
    const serve = (path: string, body: string) => publishers.route(0, path, rssRoute(body, { etag: '"v1"' }));
    workspace.writeSources([
      { id: 'fine', feed: serve('/fine.xml', twoStoryFeed('fine.example')) },
      { id: 'full', feed: serve('/full.xml', twoStoryFeed('full-disk.example')) },
    ]);
    report = await workspace.run();
  });

  it('fails that source, with the reason, in the report, its totals and the step summary', () => {
    const [fine, full] = report.sources;
    expect(fine).toMatchObject({ result: 'fetched', newItems: [expect.anything(), expect.anything()] });
    expect(full).toMatchObject({ result: 'failed', newItems: [], error: expect.stringMatching(/^could not write articles\/aggregated\/full\/\S+\.md: ENOSPC.* \(and 1 more item\)$/) });
    expect(report.totals).toMatchObject({ fetched: 1, failed: 1, newItems: 2 });
    expect(formatReportText(report)).toContain('2 sources: 1 fetched, 0 not modified, 1 failed, 0 backing off; 2 new items written.');
    expect(formatReportMarkdown(report)).toMatch(/\| full wire \(`full`\) \| failed \| 0 \| failed: could not write .*ENOSPC.*\(and 1 more item\); the next run tries again \|/);
  });

  it('lists that source as needing attention at once, so the job’s page shows it, as the state counts no failure of the feed', () => {
    expect(report.attention).toEqual([{ id: 'full', name: 'full wire', reason: 'unwritable', error: expect.stringMatching(/^could not write articles\/aggregated\/full\/\S+\.md: ENOSPC/) }]);
    expect(formatAttentionAnnotations(report)).toEqual([expect.stringMatching(/^::warning title=Source needs attention%3A full wire \(full\)::full: its new items could not be written: could not write articles\/aggregated\/full\/\S+\.md: ENOSPC.*; check the content folder's free space and permissions$/)]);
  });

  it('writes the other source’s items, and keeps the failed one’s out of the state so the next run retries them', () => {
    expect(readdirSync(join(workspace.folder, 'articles', 'aggregated', 'fine'))).toHaveLength(2);
    const state = JSON.parse(readFileSync(join(workspace.folder, '.aggregate-state.json'), 'utf8'));
    expect(state.sources.fine).toMatchObject({ etag: '"v1"' });
    expect(state.sources.full.etag).toBeUndefined();
    expect(state.sources.full.seen).toEqual([]);
  });
});
