import { describe, expect, it } from 'vitest';
import type { ParsedFeed } from '../../../../src/lib/authoring/import/parse-feed.ts';
import type { ImportDecision } from '../../../../src/lib/authoring/import/plan-import.ts';
import { importSummary } from '../../../../src/lib/authoring/import/summary.ts';

const feed = { title: 'The Circuit Ledger', format: 'rss', entries: [{}, {}, {}] } as unknown as ParsedFeed;
const decisions = [
  { kind: 'import', title: 'Chips', slug: 'chips', file: 'content/articles/imported/chips.md', contents: '', draft: {} },
  { kind: 'duplicate', title: 'Q&A', match: { slug: 'eu-data-rules', file: 'content/articles/eu-data-rules.md' }, by: 'link' },
  { kind: 'rejected', title: 'Broken', reason: 'it has no http(s) link to the original story' },
] as ImportDecision[];

describe('importSummary', () => {
  it('names the feed, each decision and the counts', () => {
    const text = importSummary(decisions, feed, 'feed.xml', false);
    expect(text.split('\n')[0]).toBe('“The Circuit Ledger” (RSS 2.0, 3 items) from feed.xml');
    expect(text).toContain('Imported 1 draft:\n  content/articles/imported/chips.md  “Chips”');
    expect(text).toContain('“Q&A”: already have it as eu-data-rules (content/articles/eu-data-rules.md), same link');
    expect(text).toContain('Rejected 1 item:\n  “Broken”: it has no http(s) link to the original story');
    expect(text).toContain('1 imported, 1 skipped as duplicates, 1 rejected.');
  });

  it('says a dry run wrote nothing', () => {
    const text = importSummary(decisions, feed, 'feed.xml', true);
    expect(text).toContain('Would import 1 draft (dry run: nothing written):');
    expect(text).toContain('1 to import, 1 skipped as duplicates, 1 rejected.');
    expect(text).not.toContain('Next:');
  });

  it('keeps a file name or reason with a line break to the one line of its decision, so that it cannot start a workflow command in a CI log', () => {
    const hostile = [
      { kind: 'duplicate', title: 'Q&A', match: { slug: 'rules', file: 'content/articles/rules\n::error::forged.md' }, by: 'link' },
      { kind: 'rejected', title: 'Broken', reason: 'could not write x.md: disk\r\n::stop-commands::quiet' },
    ] as ImportDecision[];
    const lines = importSummary(hostile, feed, 'feed.xml', false).split(/\r\n|\r|\n/);
    expect(lines).toContain('  “Q&A”: already have it as rules (content/articles/rules\\u000a::error::forged.md), same link');
    expect(lines).toContain('  “Broken”: could not write x.md: disk\\u000d\\u000a::stop-commands::quiet');
    expect(lines.filter((line) => line.trimStart().startsWith('::'))).toEqual([]);
  });
});
