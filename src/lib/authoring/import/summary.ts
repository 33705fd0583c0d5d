/** The importer's report, in the words editors read after `npm run import`. */
import { inertLine } from '../../text/inert-line.ts';
import { FEED_FORMAT_NAMES, type ParsedFeed } from './parse-feed.ts';
import type { ImportDecision } from './plan-import.ts';

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const quote = (title: string) => `“${title}”`;

/** “The Circuit Ledger” (RSS 2.0, 12 items) from https://circuitledger.example/feed/ */
export function feedHeadline(feed: ParsedFeed, from: string): string {
  return `${feed.title ? quote(feed.title) : 'Untitled feed'} (${FEED_FORMAT_NAMES[feed.format]}, ${plural(feed.entries.length, 'item')}) from ${from}`;
}

/** What `npm run import` prints: the feed, then what was imported, skipped and rejected, and the counts. */
export function importSummary(decisions: readonly ImportDecision[], feed: ParsedFeed, from: string, dryRun: boolean): string {
  const imported = decisions.filter((decision) => decision.kind === 'import');
  const duplicates = decisions.filter((decision) => decision.kind === 'duplicate' || decision.kind === 'similar');
  const rejected = decisions.filter((decision) => decision.kind === 'rejected');
  const lines: string[] = [feedHeadline(feed, from)];
  if (imported.length) {
    lines.push('', dryRun ? `Would import ${plural(imported.length, 'draft')} (dry run: nothing written):` : `Imported ${plural(imported.length, 'draft')}:`);
    for (const decision of imported) lines.push(`  ${decision.file}  ${quote(decision.title)}`);
  }
  if (duplicates.length) {
    lines.push('', `Skipped ${plural(duplicates.length, 'duplicate')}:`);
    for (const decision of duplicates) {
      if (decision.kind === 'duplicate') {
        lines.push(`  ${quote(decision.title)}: already have it as ${decision.match.slug} (${decision.match.file}), same ${decision.by === 'guid' ? 'GUID' : decision.by}`);
      } else if (decision.kind === 'similar') {
        lines.push(`  ${quote(decision.title)}: near-duplicate of ${decision.match.slug} (${decision.match.file}), ${Math.floor(decision.similarity * 100)}% similar; --allow-similar imports it anyway`);
      }
    }
  }
  if (rejected.length) {
    lines.push('', `Rejected ${plural(rejected.length, 'item')}:`);
    for (const decision of rejected) if (decision.kind === 'rejected') lines.push(`  ${quote(decision.title)}: ${decision.reason}`);
  }
  lines.push('', `${imported.length} ${dryRun ? 'to import' : 'imported'}, ${duplicates.length} skipped as duplicates, ${rejected.length} rejected.`);
  if (imported.length && !dryRun) lines.push('Next: review and edit each draft, remove "draft: true" to publish it, then run npm run check:content.');
  return lines.map(inertLine).join('\n');
}
