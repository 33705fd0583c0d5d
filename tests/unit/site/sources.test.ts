import { describe, expect, it } from 'vitest';
import { parseSources } from '../../../src/lib/aggregation/registry.ts';
import { buildSiteIndex, ContentError } from '../../../src/lib/site/site-index.ts';
import { buildSourceIndex, unknownSourceIdProblems } from '../../../src/lib/site/sources.ts';

const { sources: registry } = parseSources(
  '- id: chipwire\n  name: Chipwire\n  feed: https://chipwire.example.com/feed.xml\n- id: ledger\n  name: Ledger Lines\n  feed: https://ledger.example.org/atom\n',
  'sources.yaml',
);
const item = (slug: string, day: number, source?: { id?: string; name: string }) => ({ slug, data: { publishedAt: new Date(Date.UTC(2026, 10, day)), source } });

describe('buildSourceIndex', () => {
  // Newest first, as the site index passes them.
  const index = buildSourceIndex(registry, [
    item('newest', 20, { id: 'chipwire', name: 'Chipwire' }),
    item('legacy', 18, { name: ' ledger   LINES ' }),
    item('renamed-copy', 15, { id: 'chipwire', name: 'Chip Wire (old name)' }),
    item('elsewhere', 14, { name: 'Elsewhere Daily' }),
    item('own', 12),
  ]);

  it('lists each source’s items by id, newest first, with the latest date', () => {
    expect(index.byId.get('chipwire')).toMatchObject({ name: 'Chipwire', articleSlugs: ['newest', 'renamed-copy'], latest: { at: new Date(Date.UTC(2026, 10, 20)), dayAlone: false } });
  });

  it('takes an article without an id by its outlet’s name, case and spacing ignored', () => {
    expect(index.byId.get('ledger')!.articleSlugs).toEqual(['legacy']);
    expect(index.sourceOf.get('legacy')).toEqual({ id: 'ledger', name: 'Ledger Lines' });
  });

  it('leaves out outlets the registry does not follow and the desk’s own articles', () => {
    expect(index.sourceOf.has('elsewhere')).toBe(false);
    expect(index.sourceOf.has('own')).toBe(false);
    expect(index.all.map((source) => source.slug)).toEqual(['chipwire', 'ledger']);
  });
});

describe('source ids in the build', () => {
  const article = (filePath: string, source?: { id?: string; name: string; url: string }) => ({
    id: filePath,
    filePath,
    body: 'Body.',
    data: { title: 'T', description: 'D', publishedAt: new Date('2026-11-01T00:00:00Z'), authors: [], tags: ['AI'], related: [], draft: false, source },
  });

  it('an id the registry lacks is an error naming file and field, drafts included', () => {
    expect(unknownSourceIdProblems(registry, [{ filePath: 'a.md', data: { source: { id: 'chipwir' } } }], 'content/sources.yaml')).toEqual([
      { file: 'a.md', field: 'source.id', severity: 'error', message: '"chipwir" is not a source in content/sources.yaml', hint: 'did you mean "chipwire"?' },
    ]);
    const build = () => buildSiteIndex([article('a.md', { id: 'nowhere', name: 'X', url: 'https://x.example/' })], { now: new Date('2026-12-01T00:00:00Z'), relatedLimit: 3, registry: { sources: registry, file: 'content/sources.yaml' } });
    expect(build).toThrow(ContentError);
    expect(build).toThrow(/a\.md: source\.id: "nowhere" is not a source in content\/sources\.yaml/);
  });

  it('the site index carries each article’s source page', () => {
    const index = buildSiteIndex([article('a.md', { id: 'chipwire', name: 'Chipwire', url: 'https://chipwire.example.com/a' })], { now: new Date('2026-12-01T00:00:00Z'), relatedLimit: 3, registry: { sources: registry, file: 'sources.yaml' } });
    expect(index.articles[0]!.sourcePage).toEqual({ id: 'chipwire', name: 'Chipwire' });
    expect(index.sources.byId.get('chipwire')!.articleSlugs).toEqual(['a']);
  });
});
