import type { ArticleDate } from '../../../src/lib/content/written-dates.ts';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listingOf } from '../../../src/io/article-listing.ts';
import { parseSources } from '../../../src/lib/aggregation/registry.ts';
import { cardKey } from '../../../src/lib/cards/card-content.ts';
import { planCards } from '../../../src/lib/cards/plan-cards.ts';
import { siteCardJobs } from '../../../src/lib/cards/site-card-jobs.ts';

const root = mkdtempSync(join(tmpdir(), 'newsdesk-card-jobs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const content = join(root, 'articles');
mkdirSync(join(content, 'desk'), { recursive: true });

const article = (title: string, extra = '') => `---\ntitle: "${title}"\ndescription: "A dek."\npublishedAt: 2026-11-01T09:00:00Z\ntags: ["ai"]\n${extra}---\nBody.\n`;
writeFileSync(join(content, 'published.md'), article('Published piece', 'authors: ["Mariko Tanaka"]\n'));
writeFileSync(join(content, 'desk', 'sourced.md'), `---\ntitle: "Sourced piece"\ndescription: "A dek."\npublishedAt: 2026-11-02\ntags: ["AI"]\nsource:\n  name: "Example Wire"\n  url: "https://wire.example.com/a"\n---\n`);
writeFileSync(join(content, 'draft.md'), article('A draft', 'draft: true\n'));
writeFileSync(join(content, 'scheduled.md'), article('Scheduled piece').replace('2026-11-01T09:00:00Z', '2027-01-01T00:00:00Z'));
writeFileSync(join(content, 'broken.md'), '---\ntitle: [unclosed\n---\n');

const now = new Date('2026-12-01T00:00:00Z');
const site = { siteName: 'Newsdesk', formatDate: (date: ArticleDate) => date.at.toISOString().slice(0, 10), cardArticles: 5000 };
const load = (at = now, options = site) => siteCardJobs(listingOf(undefined, content, at, 72), [], options);

describe('the cards of a content folder', () => {
  it('are those of the published articles only, kicker spelled as the site spells the tag', () => {
    expect(load().map((job) => [job.file, job.content.headline, job.content.kicker, job.content.credit]).sort()).toEqual([
      ['published.png', 'Published piece', 'AI', 'By Mariko Tanaka'],
      ['sourced.png', 'Sourced piece', 'AI', 'via Example Wire'],
    ]);
  });

  it('run a Hebrew headline right to left, as its front matter’s language says, though it starts with a Latin name', () => {
    const hebrew = join(root, 'hebrew');
    mkdirSync(hebrew);
    writeFileSync(join(hebrew, 'cloud.md'), article('Google משיקה אזור ענן', 'lang: he\n'));
    expect(siteCardJobs(listingOf(undefined, hebrew, now, 72), [], site).map((job) => job.content.headlineDirection)).toEqual(['rtl']);
  });

  it('are drawn for the newest articles only when the site limits them', () => {
    // sourced.md (2026-11-02) is newer than published.md (2026-11-01).
    expect(load(now, { ...site, cardArticles: 1 }).map((job) => job.content.headline)).toEqual(['Sourced piece']);
  });

  it('include a scheduled piece once the clock passes its time', () => {
    expect(load(new Date('2027-02-01T00:00:00Z')).map((job) => job.content.headline).sort()).toEqual(['Published piece', 'Scheduled piece', 'Sourced piece']);
  });

  it('include a card for each story, headed by its lead article and counting its outlets', () => {
    // An editor's `story:` groups these two outlets' reports with the published piece, which leads the story.
    const joining = (name: string, day: string) => `---\ntitle: "${name} on the piece"\ndescription: "A dek."\npublishedAt: 2026-11-${day}T09:00:00Z\ntags: ["AI"]\nstory: published\nsource:\n  name: "${name}"\n  url: "https://${name.toLowerCase()}.example.com/a"\n---\nBody.\n`;
    writeFileSync(join(content, 'wire.md'), joining('Wire', '02'));
    writeFileSync(join(content, 'daily.md'), joining('Daily', '03'));
    const story = load().find((job) => job.file === 'stories/published.png');
    expect(story?.content).toEqual({ headline: 'Published piece', kicker: 'Story', credit: '3 outlets', date: '2026-11-03', siteName: 'Newsdesk' });
  });
});

describe('the outlets the cards name', () => {
  const folder = join(root, 'registry');
  mkdirSync(folder);
  const sourced = (title: string, day: string, source: string, extra = '') =>
    `---\ntitle: "${title}"\ndescription: "A dek."\npublishedAt: 2026-11-${day}T09:00:00Z\ntags: ["AI"]\nsource:\n${source}  url: "https://news.example.com/${day}"\n${extra}---\nBody.\n`;
  // The front matter keeps the name the outlet had when each item was written; the registry has its name now.
  writeFileSync(join(folder, 'wire-first.md'), sourced('Wire’s first report', '01', '  id: wire\n  name: "Wire Old Name"\n'));
  // An editor's `story:` makes a story of one outlet's two reports.
  writeFileSync(join(folder, 'wire-second.md'), sourced('Wire’s second report', '02', '  id: wire\n  name: "Wire Old Name"\n', 'story: wire-first\n'));
  // Imported before the registry: no id, the outlet's name in other spacing and case.
  writeFileSync(join(folder, 'legacy.md'), sourced('A legacy item', '03', '  name: "daily  post"\n'));
  writeFileSync(join(folder, 'unfollowed.md'), sourced('An outlet not followed', '04', '  name: "Elsewhere"\n'));
  writeFileSync(join(folder, 'own.md'), article('Our own piece', 'authors: ["Mariko Tanaka"]\n'));
  const registry = (wireName: string) =>
    parseSources(`- id: wire\n  name: ${wireName}\n  feed: https://wire.example.com/feed.xml\n- id: daily-post\n  name: Daily Post\n  feed: https://daily.example.com/feed.xml\n`, 'sources.yaml').sources;
  const jobsWith = (wireName: string) => siteCardJobs(listingOf(undefined, folder, now, 72), registry(wireName), site);
  const credits = (wireName: string) => jobsWith(wireName).map((job) => [job.file, job.content.credit]).sort();

  it('credit each outlet by the registry’s name, as the pages do, else by the name the article gives', () => {
    expect(credits('Wire Service')).toEqual([
      ['legacy.png', 'via Daily Post'],
      ['own.png', 'By Mariko Tanaka'],
      ['stories/wire-first.png', 'via Wire Service'],
      ['unfollowed.png', 'via Elsewhere'],
      ['wire-first.png', 'via Wire Service'],
      ['wire-second.png', 'via Wire Service'],
    ]);
  });

  it('are drawn again after a rename in the registry, only those naming the renamed outlet', () => {
    const before = jobsWith('Wire Service');
    const plan = planCards(jobsWith('Wire Service Group'), new Set(before.map((job) => cardKey(job.content))));
    const redrawn = new Set(plan.toMake.map((card) => card.key));
    expect(plan.cards.filter((card) => redrawn.has(card.key)).map((card) => card.file).sort()).toEqual(['stories/wire-first.png', 'wire-first.png', 'wire-second.png']);
    expect(plan.toMake.map((card) => card.content.credit)).toEqual(['via Wire Service Group', 'via Wire Service Group', 'via Wire Service Group']);
  });
});
