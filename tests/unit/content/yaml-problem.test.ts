import { describe, expect, it } from 'vitest';
import { commentedValueHint } from '../../../src/lib/content/yaml-problem.ts';

describe('the hint for a value YAML reads as a comment', () => {
  it('quotes what the editor wrote after a field’s name or a list item’s dash', () => {
    expect(commentedValueHint('title: #1 in AI')).toBe('YAML reads a value starting with # as a comment: to keep it, quote it (title: "#1 in AI")');
    expect(commentedValueHint('  - #AI\r')).toBe('YAML reads a value starting with # as a comment: to keep it, quote it (- "#AI")');
    expect(commentedValueHint('description: #MeToo "and" more  ')).toContain('(description: "#MeToo \\"and\\" more")');
  });

  it('says nothing of an empty field, a quoted value or a comment line', () => {
    for (const line of ['title:', 'title: "#1 in AI"', '# a note', 'title: AI #1']) expect(commentedValueHint(line), line).toBeUndefined();
  });
});
