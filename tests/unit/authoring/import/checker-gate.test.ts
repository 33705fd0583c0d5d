import { describe, expect, it } from 'vitest';
import { gateThroughChecker } from '../../../../src/lib/authoring/import/checker-gate.ts';
import { serializeDraft, type Draft } from '../../../../src/lib/authoring/import/draft.ts';
import type { ImportDecision } from '../../../../src/lib/authoring/import/plan-import.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const draft: Draft = {
  title: 'Chip plant opens',
  description: 'A new plant.',
  publishedAt: new Date('2026-11-30T09:00:00Z'),
  authors: [],
  tags: ['Chips'],
  source: { name: 'Wire', url: 'https://wire.example/a' },
  body: 'Body.',
  draft: true,
};
const importing = (file: string, contents: string): ImportDecision => ({ kind: 'import', title: draft.title, slug: 'x', file, contents, draft });
const existing = (file: string, text: string) => ({ file, absolutePath: `/site/${file}`, bytes: new TextEncoder().encode(text) });
const options = { now: NOW, contentDir: '/site', projectRoot: '/project', inspectFile: () => ({ kind: 'missing' as const }), absolutePathOf: (file: string) => `/site/${file}` };

describe('gateThroughChecker', () => {
  it('lets through drafts the checker accepts and leaves other decisions alone', () => {
    const duplicate: ImportDecision = { kind: 'duplicate', title: 'Old', match: { slug: 'old', file: 'old.md' }, by: 'link' };
    const decisions = [importing('imported/chip-plant-opens.md', serializeDraft(draft)), duplicate];
    expect(gateThroughChecker(decisions, [], options)).toEqual(decisions);
  });

  it('rejects a draft the checker would refuse, saying why, without writing it', () => {
    const clash = existing('chip-plant-opens.md', serializeDraft(draft));
    const [decision] = gateThroughChecker([importing('imported/chip-plant-opens.md', serializeDraft(draft))], [clash], options);
    expect(decision).toMatchObject({ kind: 'rejected', title: 'Chip plant opens' });
    expect(decision!.kind === 'rejected' && decision!.reason).toMatch(/^the content checker would reject it: .*chip-plant-opens/);
  });
});
