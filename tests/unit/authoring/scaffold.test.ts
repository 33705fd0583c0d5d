import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { existingForScaffold, PLACEHOLDER_DEK, scaffoldArticle, type ExistingArticle } from '../../../src/lib/authoring/scaffold.ts';
import { parseArticle } from '../../../src/lib/content/article.ts';
import { isoSeconds } from '../../../src/lib/content/iso-seconds.ts';
import { articleSchema } from '../../../src/lib/content/schema.ts';

const NOW = new Date('2026-11-25T09:30:15.123Z');
const EXISTING: ExistingArticle[] = [
  { file: 'content/articles/desk/chip-plant-opens.md', slug: 'chip-plant-opens', tags: ['AI', 'Manufacturing'] },
  { file: 'content/articles/b.md', slug: 'b', tags: ['AI', 'Policy'] },
];

function frontMatter(text: string): unknown {
  return yaml.load(text.split('\n---\n')[0]!.slice(4));
}

describe('scaffoldArticle', () => {
  it('writes a draft the schema accepts, dated now, with the slug made from the headline', () => {
    const result = scaffoldArticle({ title: 'Regulators: "AI" rules – what’s next?', tags: ['ai', 'New Tag'], now: NOW }, EXISTING);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.slug).toBe('regulators-ai-rules-whats-next');
    expect(result.fileName).toBe('regulators-ai-rules-whats-next.md');
    const data = articleSchema.parse(frontMatter(result.text));
    // As readers see it: the straight quotes typed on the command line take the body's marks.
    expect(data).toMatchObject({ title: 'Regulators: “AI” rules – what’s next?', draft: true, tags: ['AI', 'New Tag'], description: PLACEHOLDER_DEK });
    expect(data.publishedAt).toEqual(new Date('2026-11-25T09:30:15Z'));
    expect(result.text).toContain('publishedAt: 2026-11-25T09:30:15Z\n');
  });

  it('keeps the slug of a long headline short enough to be a file name and a valid slug', () => {
    for (const title of ['Very long headline word '.repeat(12).trim(), 'あ'.repeat(150)]) {
      const result = scaffoldArticle({ title, tags: ['AI'], now: NOW }, EXISTING);
      if (!result.ok) throw new Error(result.errors.join('\n'));
      expect(Buffer.byteLength(result.fileName)).toBeLessThanOrEqual(203);
      expect(articleSchema.safeParse({ ...(frontMatter(result.text) as object), slug: result.slug }).success).toBe(true);
    }
  });

  it('makes the slug of a headline mixing Cyrillic and Latin words in Latin letters, as an import does', () => {
    const result = scaffoldArticle({ title: 'Яндекс launches Alice AI', tags: ['AI'], now: NOW }, EXISTING);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.fileName).toBe('yandeks-launches-alice-ai.md');
  });

  it('fills in the optional fields it is given', () => {
    const result = scaffoldArticle(
      { title: 'Wire story', tags: ['Policy'], description: 'A real dek.', authors: ['Mariko Tanaka', 'Sam Okafor'], sourceName: 'Example Wire', sourceUrl: 'https://wire.example.com/x', now: NOW },
      EXISTING,
    );
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(articleSchema.parse(frontMatter(result.text))).toMatchObject({
      description: 'A real dek.',
      authors: ['Mariko Tanaka', 'Sam Okafor'],
      source: { name: 'Example Wire', url: 'https://wire.example.com/x' },
    });
  });

  it('refuses a slug that any article already has, naming that file', () => {
    const result = scaffoldArticle({ title: 'Chip plant opens', tags: ['AI'], now: NOW }, EXISTING);
    expect(result).toEqual({ ok: false, errors: ['the slug "chip-plant-opens" is already used by content/articles/desk/chip-plant-opens.md; choose another headline or pass --slug'] });
  });

  it('refuses a slug that is another article\'s former slug, whose old address sends readers on to it', () => {
    const file = 'content/articles/plant.md';
    const existing = existingForScaffold([{ file, result: parseArticle(file, '---\ntitle: Plant\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\nformerSlugs: [chip-plant-opens]\n---\n\nBody.\n') }]);
    const result = scaffoldArticle({ title: 'Chip plant opens', tags: ['AI'], now: NOW }, existing);
    expect(result).toEqual({ ok: false, errors: ['the slug "chip-plant-opens" is a former slug of content/articles/plant.md, whose old address sends readers on to it; choose another headline or pass --slug'] });
  });

  it('refuses a --slug that is not one, offering the slug its words make', () => {
    const result = scaffoldArticle({ title: 'Café au lait', tags: ['AI'], slug: 'Café Au Lait', now: NOW }, EXISTING);
    expect(result).toEqual({ ok: false, errors: ['"Café Au Lait" is not a slug; use lower-case words joined by hyphens, e.g. --slug café-au-lait'] });
  });

  it('writes a byline given twice, in any case, once, as first given', () => {
    const result = scaffoldArticle({ title: 'Wire story', tags: ['AI'], authors: ['Mariko Tanaka', 'Sam Okafor', 'mariko  tanaka'], now: NOW }, EXISTING);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.text).toContain('authors: ["Mariko Tanaka", "Sam Okafor"]\n');
  });

  it('reports what the schema would reject, against the option the editor typed', () => {
    const result = scaffoldArticle({ title: 'Story', tags: [' '], sourceUrl: 'javascript:alert(1)', now: NOW }, EXISTING);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      '--tags: is empty; add at least one tag, e.g. tags: ["AI"]',
      '--source-name: is empty; write the original publisher\'s name',
      '--source-url: "javascript:alert(1)" is not a web address; use a full http:// or https:// URL',
    ]);
  });

  it('answers a --source-url typed without its scheme with the whole address, as npm run import does', () => {
    const errorsFor = (sourceUrl: string) => {
      const result = scaffoldArticle({ title: 'Story', tags: ['AI'], sourceName: 'Wire', sourceUrl, now: NOW }, EXISTING);
      return !result.ok && result.errors;
    };
    expect(errorsFor('example.com/x')).toEqual(['--source-url: "example.com/x" is not a web address; give its whole address: https://example.com/x']);
    expect(errorsFor(' www.bbc.co.uk/news/1 ')).toEqual(['--source-url: "www.bbc.co.uk/news/1" is not a web address; give its whole address: https://www.bbc.co.uk/news/1']);
    expect(errorsFor('localhost:4000/story')).toEqual(['--source-url: "localhost:4000/story" is not a web address; give its whole address: http://localhost:4000/story']);
    // What reads as no address keeps the general advice.
    expect(errorsFor('story.html')).toEqual(['--source-url: "story.html" is not a web address; use a full http:// or https:// URL']);
  });

  it('asks for a slug when the headline has no letters to make one from', () => {
    const result = scaffoldArticle({ title: '!!!', tags: ['AI'], now: NOW }, EXISTING);
    expect(!result.ok && result.errors[0]).toMatch(/no slug can be made from "!!!"; pass one with --slug/);
    const given = scaffoldArticle({ title: '!!!', tags: ['AI'], slug: 'exclamations', now: NOW }, EXISTING);
    expect(given.ok && given.fileName).toBe('exclamations.md');
  });

  it('formats instants to the second, in UTC', () => {
    expect(isoSeconds(NOW)).toBe('2026-11-25T09:30:15Z');
  });
});
