import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFieldLines } from '../../../src/io/field-lines.ts';
import { parseArticle } from '../../../src/lib/content/article.ts';
import { articleSchema } from '../../../src/lib/content/schema.ts';
import { buildSiteIndex, ContentError, type ArticleFields, type SourceArticle } from '../../../src/lib/site/site-index.ts';

let folder: string | undefined;
afterEach(() => folder && rmSync(folder, { recursive: true, force: true }));

/** Articles written under content/articles/ in a fresh folder, and handed to the site index as Astro hands them. */
function articlesOnDisk(files: Record<string, string>): SourceArticle<ArticleFields>[] {
  folder = mkdtempSync(join(tmpdir(), 'field-lines-'));
  mkdirSync(join(folder, 'content/articles'), { recursive: true });
  return Object.entries(files).map(([name, text]) => {
    const filePath = `content/articles/${name}`;
    writeFileSync(join(folder!, filePath), text);
    const parsed = parseArticle(filePath, text);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    return { id: name, filePath, data: articleSchema.parse(parsed.article.data) as ArticleFields, body: parsed.article.body };
  });
}

const article = (extra: string) => `---\ntitle: Chip plant opens\ndescription: A dek.\npublishedAt: 2026-11-01\ntags: [AI]\n${extra}---\n\nThe plant opened.\n`;

describe('problems between articles, as the site reports them without the content check (astro dev)', () => {
  it('name the line of their field in the file, as the check does', () => {
    const sources = articlesOnDisk({ 'chip-plant.md': article(''), 'second.md': article('authors: [Ann Lee]\nslug: chip-plant\n') });
    const index = () => buildSiteIndex(sources, { now: new Date('2026-11-25T00:00:00Z'), relatedLimit: 5, lineOf: createFieldLines(folder) });
    expect(index).toThrow(ContentError);
    expect(() => index()).toThrow('content/articles/second.md:7: slug: the slug "chip-plant" is also used by content/articles/chip-plant.md');
  });

  it('give warnings their line too', () => {
    const sources = articlesOnDisk({ 'a.md': article('related: [b]\n'), 'b.md': article('draft: false\n').replace('2026-11-01', '2026-12-01') });
    const { warnings } = buildSiteIndex(sources, { now: new Date('2026-11-25T00:00:00Z'), relatedLimit: 5, lineOf: createFieldLines(folder) });
    expect(warnings).toEqual([expect.objectContaining({ file: 'content/articles/a.md', field: 'related.0', line: 6 })]);
  });
});
