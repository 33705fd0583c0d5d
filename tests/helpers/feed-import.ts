/**
 * An import as `npm run import` makes it, and an aggregation as `npm run aggregate` plans a source's items, from feed text
 * to the drafts they would write, and what the content check says of each.
 */
import { expect } from 'vitest';
import { gateThroughChecker } from '../../src/lib/authoring/import/checker-gate.ts';
import { parseFeedText } from '../../src/lib/authoring/import/parse-feed.ts';
import { createImportPlanner, planImport, type ImportDecision } from '../../src/lib/authoring/import/plan-import.ts';
import { toSourceItem } from '../../src/lib/aggregation/item.ts';
import type { Source } from '../../src/lib/aggregation/registry.ts';
import { checkArticles } from '../../src/lib/checks/check-content.ts';

export const NOW = new Date('2026-12-01T12:00:00Z');
const checkerOptions = { now: NOW, contentDir: '/site', projectRoot: '/project', inspectFile: () => ({ kind: 'missing' as const }), absolutePathOf: (file: string) => `/site/${file}` };

/** What `npm run import` decides for each item of `document` (a FeedError is thrown as the command reports it). */
export function importFeed(document: string): ImportDecision[] {
  const parsed = parseFeedText(document, { baseUrl: 'https://news.example/feed.xml' });
  return gateThroughChecker(planImport(parsed, [], { folder: 'imported', now: NOW, siteLang: 'en' }), [], checkerOptions);
}

/**
 * What `npm run aggregate` plans for each item of `document`, followed as a registry source with these settings. It
 * writes them without the checker's gate: a draft the check would refuse fails the next build (`publish: auto`).
 */
export function aggregateFeed(document: string, settings: Pick<Source, 'content' | 'publish'>): ImportDecision[] {
  const parsed = parseFeedText(document, { baseUrl: 'https://news.example/feed.xml' });
  const planner = createImportPlanner([], { now: NOW, siteLang: 'en' });
  return planner.checkDrafts(planner.plan(parsed, { registrySource: { id: 'wire', name: 'Wire' }, folder: 'aggregated/wire', adaptDraft: toSourceItem(settings) }));
}

/** What `npm run check:content` says of an imported draft, warnings included. */
export function checkDraft(decision: Extract<ImportDecision, { kind: 'import' }>): string[] {
  const { file, contents } = decision;
  const checked = checkArticles([{ file, absolutePath: `/site/${file}`, bytes: new TextEncoder().encode(contents) }], { ...checkerOptions, nearDuplicates: false });
  return checked.problems.map((problem) => `checker ${problem.severity} on ${problem.field ?? 'body'}: ${problem.message}`);
}

/** An RSS 2.0 feed of one item with these elements besides its link. */
export const rssItem = (elements: string) =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Wire</title><item><link>https://news.example/a/1</link>${elements}</item></channel></rss>`;

/** The one draft an import of `document` writes. */
export function onlyDraft(document: string): Extract<ImportDecision, { kind: 'import' }> {
  const [decision, ...rest] = importFeed(document);
  expect(rest).toEqual([]);
  if (decision?.kind !== 'import') throw new Error(`expected a draft, got ${JSON.stringify(decision)}`);
  return decision;
}
