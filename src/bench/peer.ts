/**
 * The peer a user would pick instead of Newsdesk: Hugo builds the same corpus as a minimal site, then Pagefind's
 * CLI indexes Hugo's output. Only when a `hugo` binary is on PATH; the bench never installs it.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { PeerResult } from '../lib/bench/results.ts';
import { siteConfig } from '../site.config.ts';
import type { BuildContext } from './builds.ts';
import { measureProcess } from './measure-process.ts';
import { scanOutput } from './scan-output.ts';

export const HUGO_MISSING = 'No `hugo` on PATH, so the Hugo + Pagefind peer was not built. To compare with it, install Hugo (Debian: `sudo apt-get install hugo`) and run the bench again.';

export function findOnPath(name: string): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(folder, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

/**
 * Our front matter read by Hugo: publishedAt is the date (so articles dated after the clock are left out, as
 * Newsdesk leaves scheduled ones), updatedAt the last change, `draft: true` is Hugo's own; tags and authors are
 * taxonomies with listing pages, as on Newsdesk, paginated by the same page size.
 */
function hugoConfig(content: string, hugoMinor: number): string {
  // Hugo 0.128 moved the page size to [pagination] and later refuses the old key.
  const pageSize = hugoMinor >= 128 ? `[pagination]\n  pagerSize = ${siteConfig.pageSize}` : `paginate = ${siteConfig.pageSize}`;
  return `baseURL = "http://localhost/"
title = "Peer"
languageCode = "en"
contentDir = ${JSON.stringify(content)}
${pageSize}
[taxonomies]
  tag = "tags"
  author = "authors"
[frontmatter]
  date = ["publishedAt", ":default"]
  publishDate = ["publishedAt", ":default"]
  lastmod = ["updatedAt", "publishedAt", ":default"]
`;
}

const HEAD = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>';

/** Only article pages carry data-pagefind-body, so Pagefind indexes the articles and nothing else, as Newsdesk's search does. */
const SINGLE = `${HEAD}
<main data-pagefind-body><h1>{{ .Title }}</h1><p>{{ .Description }}</p>
<time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ .Content }}
<ul>{{ range .Params.tags }}<li><a href="{{ printf "/tags/%s/" (urlize .) | relURL }}">{{ . }}</a></li>{{ end }}</ul></main></body></html>
`;

/** Home lists every article, newest first, as Newsdesk's front page does; other lists their own pages. */
const LIST = `${HEAD}
<h1>{{ .Title }}</h1>
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
{{ $pager := .Paginate $pages }}
<ul>{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2 January 2006" }}</li>{{ end }}</ul>
{{ with $pager.Next }}<a rel="next" href="{{ .URL }}">Next</a>{{ end }}</body></html>
`;

/** The minor version of Hugo 0.x, from `hugo version` ("hugo v0.111.3+extended linux/amd64 …"). */
function hugoMinorVersion(hugo: string): number {
  const said = spawnSync(hugo, ['version'], { encoding: 'utf8' }).stdout ?? '';
  return Number(/v0\.(\d+)/.exec(said)?.[1] ?? 0);
}

export function writeHugoSite(site: string, content: string, hugoMinor: number): void {
  mkdirSync(join(site, 'layouts/_default'), { recursive: true });
  writeFileSync(join(site, 'config.toml'), hugoConfig(content, hugoMinor));
  writeFileSync(join(site, 'layouts/_default/single.html'), SINGLE);
  writeFileSync(join(site, 'layouts/_default/list.html'), LIST);
}

/** Hugo, then Pagefind's CLI over its output: each timed and sampled on its own. */
export async function buildPeer(context: BuildContext, hugo: string, articles: number, content: string, folder: string): Promise<PeerResult> {
  const site = join(folder, 'hugo-site');
  const out = join(folder, 'hugo-dist');
  writeHugoSite(site, content, hugoMinorVersion(hugo));
  const hugoArgs = ['--source', site, '--destination', out, '--cacheDir', join(folder, 'hugo-cache'), '--clock', context.now.toISOString()];
  const built = await measureProcess(context, `hugo ${articles}`, hugo, hugoArgs, {}, join(folder, 'hugo.log'), site);
  if (built.status !== 0) return { articles, hugo: built };
  const pagefindCli = join(context.projectRoot, 'node_modules/.bin/pagefind');
  const indexed = await measureProcess(context, `pagefind CLI over hugo ${articles}`, pagefindCli, ['--site', out], {}, join(folder, 'pagefind-cli.log'));
  const pages = /Indexed (\d+) pages?/.exec(indexed.lines.map((line) => line.text).join('\n'))?.[1];
  return { articles, hugo: built, pagefind: indexed, ...(pages ? { pagesIndexed: Number(pages) } : {}), output: scanOutput(out, 'articles') };
}
