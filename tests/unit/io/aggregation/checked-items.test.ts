import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rssDocument } from '../../../../src/lib/bench/feeds.ts';
import type { RunReport } from '../../../../src/lib/aggregation/report.ts';
import { servedWorkspace } from '../../../helpers/aggregation-workspace.ts';
import { rssRoute } from '../../../helpers/feed-publishers.ts';

/**
 * A post whose text has a line the content check refuses in a Markdown file (an ES import, which reads as MDX), beside a
 * plain one: written, it would stop the next build, and with it the scheduled deploy.
 */
describe('an item the content check would refuse', () => {
  const { publishers, workspace } = servedWorkspace(1);
  let report: RunReport;
  const item = (slug: string, text: string) => ({
    title: slug === 'hooks' ? 'Getting started with React hooks' : 'Rust 2027 edition lands',
    link: `https://dev.example/${slug}`,
    guid: `dev-${slug}`,
    description: `<p>Hooks and editions were the talk of the week, the maintainers said.</p><p>${text}</p>`,
    publishedAt: new Date('2026-11-30T08:00:00Z'),
    categories: ['Software'],
  });

  beforeAll(async () => {
    const feed = rssDocument({ title: 'Dev Blog', link: 'https://dev.example/', items: [item('hooks', "import { useState } from 'react'"), item('rust', 'The edition changes how closures capture.')] });
    workspace.writeSources([{ id: 'dev', feed: publishers.route(0, '/feed.xml', rssRoute(feed, { etag: '"dev"' })) }]);
    report = await workspace.run();
  });

  it('is reported as rejected with the check’s reason, and the rest of the feed is written', () => {
    const source = report.sources.find((entry) => entry.id === 'dev')!;
    expect(source.newItems.map((entry) => entry.title)).toEqual(['Rust 2027 edition lands']);
    expect(source.skipped.rejected).toBe(1);
    expect(source.notes.join('\n')).toMatch(/“Getting started with React hooks” rejected: the content checker would reject it: this line is an MDX import/);
    const written = readdirSync(join(workspace.folder, 'articles', 'aggregated', 'dev'));
    expect(written).toHaveLength(1);
    expect(readFileSync(join(workspace.folder, 'articles', 'aggregated', 'dev', written[0]!), 'utf8')).not.toContain('import {');
  });
});
