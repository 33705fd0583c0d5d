// The `_headers` file shipped in the build gives every file exactly one cache rule: long for fingerprinted assets, short for pages.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distFile, distHas } from './built-site.ts';
import { site } from './support.ts';

interface Rule {
  pattern: string;
  headers: Array<[name: string, value: string]>;
}

/** The Netlify / Cloudflare Pages format: a path line, then indented `Name: value` lines; `#` starts a comment. */
function parseHeaders(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const match = /^\s+([\w-]+):\s*(.+)$/.exec(line);
    if (!match || rules.length === 0) throw new Error(`Unreadable _headers line: ${line}`);
    rules.at(-1)!.headers.push([match[1]!, match[2]!.trim()]);
  }
  return rules;
}

/** Trailing `*` matches any rest of the path (including nothing); anything else matches exactly. */
const matches = (pattern: string, path: string) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);

/** The URL path each file is served at, from the host's root: directory indexes at their folder. */
function servedPaths(): string[] {
  return readdirSync(site.distDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== '_headers')
    .map((entry) => {
      const relative = `${entry.parentPath.slice(site.distDir.length)}/${entry.name}`.replace(/^\/*/, '/');
      return relative.endsWith('/index.html') ? relative.slice(0, -'index.html'.length) : relative;
    });
}

describe('the _headers file', () => {
  it('is copied into the build', () => {
    expect(distHas('_headers')).toBe(true);
  });

  it('gives each file at most one Cache-Control, never two that a host would join together', () => {
    const cacheRules = parseHeaders(distFile('_headers')).filter((rule) => rule.headers.some(([name]) => name.toLowerCase() === 'cache-control'));
    const doubled = servedPaths().filter((path) => cacheRules.filter((rule) => matches(rule.pattern, path)).length > 1);
    expect(doubled).toEqual([]);
  });

  it('caches fingerprinted assets for a year and immutable, pages and feeds for minutes', () => {
    const cacheRules = parseHeaders(distFile('_headers')).flatMap((rule) =>
      rule.headers.filter(([name]) => name.toLowerCase() === 'cache-control').map(([, value]) => ({ pattern: rule.pattern, value })),
    );
    const cacheFor = (path: string) => cacheRules.find((rule) => matches(rule.pattern, path))?.value ?? '(host default)';
    const paths = servedPaths();

    const assets = paths.filter((path) => path.startsWith('/_astro/'));
    expect(assets.length).toBeGreaterThan(0);
    expect(assets.filter((path) => !/max-age=31536000.*immutable/.test(cacheFor(path)))).toEqual([]);

    const documents = paths.filter((path) => path.endsWith('/') || /\.(html|xml|json|txt)$/.test(path)).filter((path) => !path.startsWith('/pagefind/'));
    const longLived = documents.filter((path) => {
      const maxAge = /max-age=(\d+)/.exec(cacheFor(path));
      return !maxAge || Number(maxAge[1]) > 3600 || cacheFor(path).includes('immutable');
    });
    expect(longLived).toEqual([]);
  });
});
