import { describe, expect, it } from 'vitest';
import { checkArticles } from '../../../src/lib/checks/check-content.ts';
import { nearDuplicateProblems } from '../../../src/lib/checks/near-duplicate-problems.ts';
import { formatProblem } from '../../../src/lib/checks/problems.ts';
import { edit, randomText } from '../../helpers/random-text.ts';

describe('the content checker’s near-duplicate warnings', () => {
  const article = (title: string, body: string) =>
    new TextEncoder().encode(`---\ntitle: "${title}"\ndescription: "Dek."\npublishedAt: 2026-05-01\ntags: ["AI"]\n---\n\n${body}\n`);
  const story = randomText(40, 300);
  const paragraph = randomText(41, 50);

  it('warns on both articles of a near-identical pair and on a repeated paragraph, never as errors', () => {
    const sources = [
      { file: 'content/articles/a.md', absolutePath: '/site/a.md', bytes: article('A', story) },
      { file: 'content/articles/b.md', absolutePath: '/site/b.md', bytes: article('B', edit(story, 70)) },
      { file: 'content/articles/c.md', absolutePath: '/site/c.md', bytes: article('C', `${paragraph}\n\n${randomText(42, 50)}\n\n${paragraph}`) },
    ];
    const { problems } = checkArticles(sources, { now: new Date('2026-06-01T00:00:00Z'), contentDir: '/site', projectRoot: '/project', inspectFile: () => ({ kind: 'missing' as const }) });
    expect(problems.map((problem) => formatProblem(problem))).toEqual([
      expect.stringMatching(/^content\/articles\/a\.md:8: warning: the text is a near-duplicate of content\/articles\/b\.md \(\d\d% of their five-word phrases are shared\); keep one of them/),
      expect.stringMatching(/^content\/articles\/b\.md:8: warning: the text is a near-duplicate of content\/articles\/a\.md/),
      'content/articles/c.md:12: warning: this paragraph repeats the one on line 8 (100% similar); cut one of them or merge what is new into the other',
    ]);
  });

  it('lists at most five repeated paragraphs of one article and counts the rest, so a pasted-twice article cannot bury other messages', () => {
    const paragraph = randomText(60, 50);
    const body = Array.from({ length: 400 }, () => paragraph).join('\n\n');
    const warnings = nearDuplicateProblems([{ file: 'long.md', body, bodyLine: 7 }]);
    expect(warnings).toHaveLength(5);
    expect(warnings[4]!.message).toMatch(/; 394 more repeated paragraphs follow$/);
  });

  it('reports on the files asked about exactly what the whole report says of them, each pair once', () => {
    const texts = [story, edit(story, 71), edit(story, 72), randomText(43, 300), `${paragraph}\n\n${randomText(44, 60)}\n\n${paragraph}`];
    const bodies = texts.map((body, index) => ({ file: `${'abcde'[index]}.md`, body, bodyLine: 7 }));
    const whole = nearDuplicateProblems(bodies);
    const key = (problem: { file: string; line?: number; message: string }) => `${problem.file}:${problem.line}: ${problem.message}`;
    for (const only of [new Set(['a.md']), new Set(['b.md', 'c.md']), new Set(['d.md']), new Set(['e.md', 'a.md']), new Set(['a.md', 'b.md'])]) {
      const asked = nearDuplicateProblems(bodies, {}, only).map(key).sort();
      expect(asked, [...only].join()).toEqual(whole.filter((problem) => only.has(problem.file)).map(key).sort());
    }
    expect(whole.filter((problem) => problem.file === 'a.md')).toHaveLength(2);
  });

  it('finds nothing in articles that merely share a topic', () => {
    expect(nearDuplicateProblems([
      { file: 'a.md', body: randomText(50, 300), bodyLine: 7 },
      { file: 'b.md', body: randomText(51, 300), bodyLine: 7 },
    ])).toEqual([]);
  });
});
