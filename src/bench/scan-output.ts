/** What a built site weighs: pages, bytes, the largest article page with its CSS, and article pages that run scripts. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hasExecutableScript } from '../lib/bench/executable-script.ts';
import type { OutputStats } from '../lib/bench/results.ts';

/** Every file under `dir`, with its size. */
export function walk(dir: string, visit: (path: string, size: number) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, visit);
    else visit(path, statSync(path).size);
  }
}

export function scanOutput(dist: string, articlesDir: string): OutputStats {
  let pages = 0;
  let distBytes = 0;
  walk(dist, (path, size) => {
    distBytes += size;
    if (path.endsWith('.html')) pages++;
  });
  let largest: { path: string; size: number } | undefined;
  let articlePagesWithScript = 0;
  const articleRoot = join(dist, articlesDir);
  if (existsSync(articleRoot)) {
    walk(articleRoot, (path, size) => {
      if (!path.endsWith('.html')) return;
      if (!largest || size > largest.size) largest = { path, size };
      if (hasExecutableScript(readFileSync(path, 'utf8'))) articlePagesWithScript++;
    });
  }
  if (!largest) return { pages, distBytes, articlePagesWithScript };
  const html = readFileSync(largest.path, 'utf8');
  let css = 0;
  for (const link of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)) {
    const href = /href="([^"]+)"/.exec(link[0])?.[1];
    const file = href && join(dist, new URL(href, 'http://x/').pathname);
    if (file && existsSync(file)) css += statSync(file).size;
  }
  return { pages, distBytes, articlePagesWithScript, largestArticle: { path: largest.path.slice(dist.length), html: largest.size, css } };
}
