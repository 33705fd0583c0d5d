import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../../../src/io/article-files.ts';
import { inspectFile } from '../../../../src/io/inspect-file.ts';
import { rssDocument } from '../../../../src/lib/bench/feeds.ts';
import { checkArticles } from '../../../../src/lib/checks/check-content.ts';
import { createMarkdownToHtml } from '../../../../src/lib/output/markdown-processor.ts';
import type { RunReport } from '../../../../src/lib/aggregation/report.ts';
import { servedWorkspace } from '../../../helpers/aggregation-workspace.ts';
import { rssRoute } from '../../../helpers/feed-publishers.ts';

/**
 * A post quoting a line of code as text, which in a Markdown file reads as an MDX import, the content check refuses:
 * written as it is, it would stop the next build, and with it the scheduled deploy.
 */
describe('an item with a line that reads as MDX', () => {
  const { publishers, workspace } = servedWorkspace(1);
  let report: RunReport;

  beforeAll(async () => {
    const feed = rssDocument({
      title: 'Dev Blog',
      link: 'https://dev.example/',
      items: [
        {
          title: 'Getting started with React hooks',
          link: 'https://dev.example/hooks',
          guid: 'dev-hooks',
          description: "<p>Hooks were the talk of the week at the conference, the maintainers said.</p><p>import { useState } from 'react'</p>",
          publishedAt: new Date('2026-11-30T08:00:00Z'),
          categories: ['Software'],
        },
      ],
    });
    workspace.writeSources([{ id: 'dev', feed: publishers.route(0, '/feed.xml', rssRoute(feed, { etag: '"dev"' })) }]);
    report = await workspace.run();
  });

  it('is written with that line as text, which the content check accepts and the page shows as written', async () => {
    expect(report.sources[0]!.newItems.map((entry) => entry.title)).toEqual(['Getting started with React hooks']);
    const folder = join(workspace.folder, 'articles');
    const sources = [...loadArticles(folder, (path) => relative(folder, path))];
    const { problems } = checkArticles(sources, { now: new Date('2026-12-01T12:00:00Z'), contentDir: folder, projectRoot: folder, inspectFile });
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const [written] = sources;
    const html = await (await createMarkdownToHtml('https://newsdesk.example/'))(written!.result.ok ? written!.result.article.body : '', 'en');
    expect(html).toContain('import { useState } from ');
  });
});
