// One hostile feed item nested about 1,500 elements deep beside three normal ones: the importer rejects that item,
// naming it, and imports the other three.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '../../..');
const folder = mkdtempSync(join(tmpdir(), 'newsdesk-deep-item-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const item = (title: string, slug: string, html: string) => `<item>
  <title>${title}</title>
  <link>https://wire.example/2026/11/${slug}</link>
  <pubDate>Mon, 02 Nov 2026 09:00:00 GMT</pubDate>
  <description><![CDATA[${html}]]></description>
</item>`;

it('rejects the deep item by name and imports the rest', async () => {
  const deep = `${'<div>'.repeat(1_500)}<p>Down here.</p>${'</div>'.repeat(1_500)}`;
  const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example/</link><description>News</description>
${item('Chip plant opens', 'chip-plant', '<p>The plant opened on Friday with fewer workers than planned.</p>')}
${item('A matryoshka of a story', 'matryoshka', deep)}
${item('Cloud outage traced to a config push', 'outage', '<p>A single configuration change took a region offline for hours.</p>')}
${item('Regulators publish AI rules', 'ai-rules', '<p>Three regulators published overlapping rules for AI systems.</p>')}
</channel></rss>`;
  const contentDir = join(folder, 'articles');
  const feedFile = join(folder, 'feed.xml');
  writeFileSync(feedFile, feed);
  mkdirSync(contentDir);
  const { stdout } = await promisify(execFile)(join(projectRoot, 'node_modules/.bin/node'), ['src/cli/import-feed.ts', feedFile, '--content-dir', contentDir], { cwd: projectRoot, timeout: 60_000 });
  expect(readdirSync(join(contentDir, 'imported')).sort()).toEqual(['chip-plant-opens.md', 'cloud-outage-traced-to-a-config-push.md', 'regulators-publish-ai-rules.md']);
  expect(stdout).toMatch(/“A matryoshka of a story”: its HTML nests more than 100 elements deep, deeper than any article needs/);
  expect(stdout).toContain('3 imported, 0 skipped as duplicates, 1 rejected.');
});
