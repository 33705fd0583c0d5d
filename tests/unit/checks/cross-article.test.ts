import { describe, expect, it } from 'vitest';
import { crossArticleProblems, type CheckedArticle } from '../../../src/lib/checks/cross-article.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const article = (file: string, slug: string, data: Partial<CheckedArticle['data']> = {}): CheckedArticle => ({
  file,
  slug,
  data: { tags: ['AI'], related: [], draft: false, publishedAt: new Date('2026-11-01T00:00:00Z'), ...data },
});

describe('crossArticleProblems', () => {
  it('reports a duplicate slug on every file that has it, each naming the others', () => {
    const problems = crossArticleProblems([article('a/story.md', 'story'), article('b/story.md', 'story'), article('c.md', 'story', { slug: 'story' })], NOW);
    expect(problems.map((p) => [p.file, p.field, p.message])).toEqual([
      ['a/story.md', undefined, 'the slug "story" (from the file name) is also used by b/story.md and c.md'],
      ['b/story.md', undefined, 'the slug "story" (from the file name) is also used by a/story.md and c.md'],
      ['c.md', 'slug', 'the slug "story" is also used by a/story.md and b/story.md'],
    ]);
    expect(problems.every((p) => p.severity === 'error' && p.hint)).toBe(true);
  });

  it('says so when two file names that clash look the same, differing only in how an accent is encoded', () => {
    const problems = crossArticleProblems([article('caf\u00e9.md', 'caf\u00e9'), article('cafe\u0301.md', 'caf\u00e9')], NOW);
    expect(problems.map((p) => p.hint)).toEqual([
      'the two file names look the same but encode an accented letter differently (composed and decomposed); keep one of the files',
      'the two file names look the same but encode an accented letter differently (composed and decomposed); keep one of the files',
    ]);
  });

  it('checks related slugs: unknown, itself, a draft (errors) and a scheduled piece (warning)', () => {
    const problems = crossArticleProblems(
      [
        article('main.md', 'main', { related: ['nowhere', 'main', 'held', 'later', 'fine', 'tonight'] }),
        article('held.md', 'held', { draft: true }),
        article('later.md', 'later', { publishedAt: new Date('2026-12-01T00:00:00Z'), dayAlone: { publishedAt: true } }),
        // `2026-12-01T19:00:00-05:00`: a time, at midnight in UTC.
        article('tonight.md', 'tonight', { publishedAt: new Date('2026-12-02T00:00:00Z') }),
        article('fine.md', 'fine'),
      ],
      NOW,
    );
    expect(problems.map((p) => [p.field, p.severity, p.message])).toEqual([
      ['related.0', 'error', 'no article has the slug "nowhere"'],
      ['related.1', 'error', '"main" is this article\'s own slug, and "Explore more" lists other articles'],
      ['related.2', 'error', '"held" (held.md) is a draft and would never be shown'],
      ['related.3', 'warning', '"later" (later.md) is scheduled for 2026-12-01'],
      ['related.5', 'warning', '"tonight" (tonight.md) is scheduled for 2026-12-02T00:00:00Z'],
    ]);
  });

  it('names the article a related slug moved to, or the slug it is likely a typo of (never the article itself)', () => {
    const problems = crossArticleProblems(
      [
        article('chip-rules.md', 'chip-rules', { related: ['chip-plant-opens', 'chip-plant-open', 'chip-rule', 'quantum-leap'] }),
        article('desk/plant.md', 'chip-plant', { formerSlugs: ['chip-plant-opens'] }),
        article('other.md', 'chip-plant-opening'),
      ],
      NOW,
    );
    expect(problems.map((p) => [p.field, p.severity, p.message, p.hint])).toEqual([
      ['related.0', 'error', '"chip-plant-opens" is a former slug of desk/plant.md, whose slug is now "chip-plant"', 'write chip-plant'],
      ['related.1', 'error', 'no article has the slug "chip-plant-open"', 'did you mean "chip-plant-opening"? Otherwise remove it'],
      ['related.2', 'error', 'no article has the slug "chip-rule"', "check the spelling (an article's slug is its file name without .md, or its slug field) or remove it"],
      ['related.3', 'error', 'no article has the slug "quantum-leap"', "check the spelling (an article's slug is its file name without .md, or its slug field) or remove it"],
    ]);
  });

  it('warns about tags that differ only in case or spacing, naming the spelling the site shows', () => {
    const problems = crossArticleProblems(
      [article('a.md', 'a', { tags: ['AI', 'Machine Learning'] }), article('b.md', 'b', { tags: ['AI'] }), article('c.md', 'c', { tags: ['ai', 'Machine  Learning'] })],
      NOW,
    );
    expect(problems.map((p) => [p.file, p.field, p.severity, p.message])).toEqual([
      ['c.md', 'tags.0', 'warning', 'tag "ai" is shown as "AI", its most common spelling'],
      ['c.md', 'tags.1', 'warning', 'tag "Machine  Learning" has extra spaces and is shown as "Machine Learning"'],
    ]);
  });

  it('warns about a tag whose URL another, more used tag already has', () => {
    const problems = crossArticleProblems([article('a.md', 'a'), article('b.md', 'b'), article('c.md', 'c', { tags: ['A.I.'] })], NOW);
    expect(problems.map((p) => [p.file, p.field, p.severity, p.message, p.hint])).toEqual([
      ['c.md', 'tags.0', 'warning', 'tag "A.I." would have the same URL as "AI" (/tags/ai/), so its page is /tags/ai-2/', 'write "AI" if they are one topic; otherwise name it so that its URL differs'],
    ]);
  });

  it('warns about a byline or tag differing from another only in accents, naming the one more articles use, or both when used alike', () => {
    const problems = crossArticleProblems(
      [
        article('a.md', 'a', { authors: ['Mariko Tanaka'], tags: ['Québec'] }),
        article('b.md', 'b', { authors: ['Mariko Tanaka'], tags: ['AI'] }),
        article('c.md', 'c', { authors: ['Maríko Tanaka'], tags: ['Quebec'] }),
      ],
      NOW,
    );
    expect(problems.map((p) => [p.file, p.field, p.message, p.hint])).toEqual([
      ['a.md', 'tags.0', 'tag "Québec" differs from "Quebec" (on 1 article) only in its accents, so each has a page of its own', 'write "Quebec" if they are one topic'],
      ['c.md', 'tags.0', 'tag "Quebec" differs from "Québec" (on 1 article) only in its accents, so each has a page of its own', 'write "Québec" if they are one topic'],
      ['c.md', 'authors.0', 'byline "Maríko Tanaka" differs from "Mariko Tanaka" (on 2 articles) only in its accents, so each has a page of its own', 'write "Mariko Tanaka" if they are one person'],
    ]);
  });

  it('warns about bylines as about tags: another spelling more articles use, and a name whose page address another already has', () => {
    const problems = crossArticleProblems(
      [
        article('a.md', 'a', { authors: ['Ann Lee', 'Ada Lovelace'] }),
        article('b.md', 'b', { authors: ['Ann Lee', 'Ada Lovelace'] }),
        article('c.md', 'c', { authors: ['Ann-Lee', 'ada lovelace'] }),
      ],
      NOW,
    );
    expect(problems.map((p) => [p.file, p.field, p.severity, p.message, p.hint])).toEqual([
      ['c.md', 'authors.0', 'warning', 'byline "Ann-Lee" would have the same URL as "Ann Lee" (/authors/ann-lee/), so its page is /authors/ann-lee-2/', 'write "Ann Lee" if they are one person; otherwise name it so that its URL differs'],
      ['c.md', 'authors.1', 'warning', 'byline "ada lovelace" is shown as "Ada Lovelace", its most common spelling', 'write "Ada Lovelace" to match the other articles'],
    ]);
  });

  it('finds nothing wrong with a clean corpus', () => {
    expect(crossArticleProblems([article('a.md', 'a', { related: ['b'] }), article('b.md', 'b')], NOW)).toEqual([]);
  });
});
