import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storyReferenceProblems } from '../../../src/lib/checks/story-references.ts';
import type { CheckedArticle } from '../../../src/lib/checks/cross-article.ts';
import { candidatePairs } from '../../../src/lib/stories/candidates.ts';
import { findStories, type Story, type StoryArticle } from '../../../src/lib/stories/find-stories.ts';
import { distinctOutlets } from '../../../src/lib/stories/outlet.ts';
import { randomText } from '../../helpers/random-text.ts';
import { STORY_TUNING } from '../../../src/lib/stories/tuning.ts';

/** Fixed, so a failure is the same on every run and machine; FC_SEED and FC_RUNS explore further. */
const SEED = Number(process.env.FC_SEED ?? 20261206);
const runs = (count: number) => ({ seed: SEED, numRuns: Number(process.env.FC_RUNS ?? count) });

const WINDOW_HOURS = 72;
const HOUR = 3_600_000;
const START = Date.UTC(2026, 2, 1, 9);
/** Shown to the check as "now": articles after it are scheduled, so not passed to grouping. */
const NOW = new Date(START + 30 * 24 * HOUR);

// Words of several languages and scripts, names shared between events, and the pieces grouping reads specially.
const NAMES = ['Veltrix', 'Veltrix Semiconductor', 'Halvorsen Bank', 'OpenAI', 'ChatGPT', 'FDA', 'Food and Drug Administration', 'Apple', 'M5', 'H20', 'iPhone', 'Nvidia', 'Georgia Tech', 'Theresa May', 'Cyber Monday', 'Tokyo Electron', 'Morgan Stanley'];
const PLACES = ['Denmark', 'Danish', 'Copenhagen', 'EU', 'Brussels', 'Japan', 'Tokyo', 'Korea', 'Britain', 'Jordan', 'Chad', 'Georgia'];
const WORDS = ['fines', 'acquires', 'launches', 'outage', 'breach', 'ransomware', 'attack', 'appeal', 'lawsuit', 'recall', 'unveils', 'chip', 'regulator', 'shares', 'fall', 'week', 'results', 'layoffs', 'the', 'of', 'and', 'in', 'a', 'to'];
const FIGURES = ['$2.5 billion', '2.5bn', '2,5 Milliarden', '40%', '3 nm', '40.000', '4,000 jobs', '€600 million', '10,6 Milliarden Dollar'];
const FOREIGN = [
  'Siemens kauft Altair für 10,6 Milliarden Dollar', 'Le régulateur danois inflige une amende', 'La empresa anuncia despidos', "L'azienda lancia il nuovo chip",
  'Nvidia、中国向けH20の出荷を再開', '米政府が輸出許可', '東京エレクトロン、中国向け売上高が減少', '日中関係', '8日', '中心', '欧盟罚款', '美国', '한국은 반도체',
  'מתקפת כופר על חברת שילוח', 'هجوم فدية على شركة', 'Атака вымогателей на банк', 'Η εταιρεία ανακοίνωσε', 'कंपनी ने घोषणा की', 'บริษัทประกาศ', '🚀🔥',
];
const LABELS = ['Live updates:', 'Live:', 'UPDATE 2-', 'CORRECTED-', 'Analysis:', 'BREAKING:', 'Exclusive:', 'Opinion:', ''];
const ROUNDUPS = ['This Week in AI: Veltrix, OpenAI and more', 'Weekly roundup', 'The Daily Brief', 'Security digest', 'Newsletter #123', 'Live updates', 'What we know so far'];

const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...PLACES) },
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...FIGURES) },
  { weight: 2, arbitrary: fc.constantFrom(...FOREIGN) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);
const sentence = (max: number) => fc.array(token, { maxLength: max }).map((words) => words.join(' '));
const headline = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...LABELS), sentence(8)).map(([label, words]) => `${label} ${words}`.trim()) },
  { weight: 1, arbitrary: fc.constantFrom(...ROUNDUPS) },
);

const OUTLETS = ['Meridian Wire', 'the meridian  wire', 'The Circuit Ledger', 'Breach Bulletin', 'Smith, Jones & Co', 'Nikkan Tech', 'Heise Online'];
const source = fc.option(fc.record({ name: fc.constantFrom(...OUTLETS), id: fc.option(fc.constantFrom('meridian', 'ledger'), { nil: undefined }) }), { nil: undefined, freq: 4 });

/** Hours after START, bunched at the window's edges and at one instant, so ties and boundaries are common. */
const hours = fc.oneof(
  fc.constantFrom(0, 0, 1, WINDOW_HOURS / 2, WINDOW_HOURS, WINDOW_HOURS + 1 / HOUR, WINDOW_HOURS - 1 / HOUR, 2 * WINDOW_HOURS, 3 * WINDOW_HOURS - 1 / HOUR, 24 * 40),
  fc.integer({ min: 0, max: 4 * WINDOW_HOURS }),
);

/** The editor's `story:`, as an index into the archive (resolved to that article's slug), or a slug no article has. */
type StoryChoice = { kind: 'none' } | { kind: 'false' } | { kind: 'missing' } | { kind: 'article'; index: number };
const storyChoice: fc.Arbitrary<StoryChoice> = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'false' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'missing' as const }) },
  { weight: 3, arbitrary: fc.nat({ max: 40 }).map((index) => ({ kind: 'article' as const, index })) },
);

interface Generated {
  article: StoryArticle;
  /** Drafts and scheduled pieces are in the archive the check reads, never among the articles grouped. */
  state: 'published' | 'draft' | 'scheduled';
}

const item = fc.record({
  title: headline,
  description: sentence(10),
  body: fc.oneof(sentence(30), fc.constantFrom('', '# Heading\n\n> quote', '中国向けAI半導体「H20」の出荷を再開すると発表した。'.repeat(40))),
  hours,
  source,
  story: storyChoice,
  state: fc.constantFrom('published', 'published', 'published', 'published', 'draft', 'scheduled'),
  /** Another item whose headline, dek and lead this one repeats (the wire's copy in many outlets), when set. */
  copies: fc.option(fc.nat({ max: 40 }), { nil: undefined, freq: 2 }),
});

/** An archive: unique slugs, editors' `story:` lines pointing anywhere (themselves, drafts, each other, nowhere). */
const archive = fc.array(item, { minLength: 1, maxLength: 40, size: 'medium' }).map((items): Generated[] =>
  items.map((own, index) => {
    const copied = own.copies === undefined ? own : items[own.copies % items.length]!;
    const generated = { ...own, title: copied.title, description: copied.description, body: copied.body };
    const slug = `a${index}-${generated.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 20) || 'x'}`.replace(/-$/, '');
    return { generated, slug };
  }).map(({ generated, slug }, _, all) => {
    const choice = generated.story;
    const story = choice.kind === 'none' ? undefined : choice.kind === 'false' ? false : choice.kind === 'missing' ? 'no-such-article' : all[choice.index % all.length]!.slug;
    const publishedAt = new Date(generated.state === 'scheduled' ? NOW.getTime() + HOUR * (1 + generated.hours) : START + generated.hours * HOUR);
    return {
      state: generated.state,
      article: { slug, title: generated.title, description: generated.description, body: generated.body, publishedAt, story, ...(generated.source ? { source: { ...generated.source, url: `https://example.com/${slug}` } } : {}) },
    };
  }),
);

const published = (list: readonly Generated[]) => list.filter((entry) => entry.state === 'published').map((entry) => entry.article);
const group = (list: readonly StoryArticle[]) => findStories(list, { windowHours: WINDOW_HOURS });

/** What `npm run check:content` says of each article's `story:` line, by slug. */
function storyProblems(list: readonly Generated[]): Map<string, string[]> {
  const checked: CheckedArticle[] = list.map(({ article, state }) => ({
    file: `content/articles/${article.slug}.md`,
    slug: article.slug,
    data: { tags: [], related: [], draft: state === 'draft', publishedAt: article.publishedAt, story: article.story },
  }));
  const bySlug = new Map(checked.map((article) => [article.slug, [article]]));
  const problems = new Map<string, string[]>();
  for (const problem of storyReferenceProblems(checked, bySlug, NOW)) {
    const slug = problem.file.replace(/^content\/articles\/|\.md$/g, '');
    problems.set(slug, [...(problems.get(slug) ?? []), problem.message]);
  }
  return problems;
}

/** Everything wrong with `stories` as the grouping of `articles`, as sentences; empty when all is well. */
function storyFaults(articles: readonly StoryArticle[], stories: readonly Story[]): string[] {
  const faults: string[] = [];
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  const storyOf = new Map<string, string>();
  for (const story of stories) {
    const members = story.articles.map((slug) => bySlug.get(slug));
    if (members.some((member) => !member)) faults.push(`${story.slug} lists an article that was not given: ${story.articles.join(', ')}`);
    if (story.articles.length < 2) faults.push(`${story.slug} has ${story.articles.length} article`);
    if (!story.articles.includes(story.lead)) faults.push(`${story.slug}'s lead ${story.lead} is not among its articles`);
    if (!story.articles.includes(story.slug)) faults.push(`${story.slug} takes its slug from no article of it`);
    for (const slug of story.articles) {
      if (storyOf.has(slug)) faults.push(`${slug} is in ${storyOf.get(slug)} and in ${story.slug}`);
      storyOf.set(slug, story.slug);
    }
    const known = members.filter((member) => member !== undefined);
    const times = known.map((member) => member.publishedAt.getTime());
    if (times.some((time, index) => index > 0 && time < times[index - 1]!)) faults.push(`${story.slug} does not list its articles earliest first`);
    const editorLed = known.some((member) => typeof member.story === 'string' && member.story !== member.slug && story.articles.includes(member.story));
    if (!editorLed && story.slug !== story.articles[0]) faults.push(`${story.slug} is not named after its earliest article ${story.articles[0]}`);
    if (editorLed && !known.some((member) => member.story === story.slug && member.slug !== story.slug)) faults.push(`${story.slug} is led by an article no editor named`);
    if (editorLed && story.lead !== story.slug) faults.push(`${story.slug} is led by ${story.lead}, not the article its editor named`);
    if (!editorLed && story.outlets.length < 2) faults.push(`${story.slug} has one outlet and no editor made it`);
    expect(story.outlets).toEqual(distinctOutlets(known.map((member) => member.source)));
    // Only an editor's `story:` reaches past the window: the articles grouping placed itself stay within it.
    const automatic = known.filter((member) => member.story === undefined).map((member) => member.publishedAt.getTime());
    if (automatic.length > 1 && Math.max(...automatic) - Math.min(...automatic) > WINDOW_HOURS * HOUR) faults.push(`${story.slug} spans more than the window without an editor`);
    for (const member of known) {
      // Only another article's story: line naming it (which the check refuses) puts it in a story, as that story's lead.
      if (member.story === false && member.slug !== story.slug) faults.push(`${member.slug} has story: false yet is in ${story.slug}`);
    }
  }
  if (new Set(stories.map((story) => story.slug)).size !== stories.length) faults.push(`story slugs repeat: ${stories.map((story) => story.slug).join(', ')}`);
  return faults;
}

/** A stable, seeded shuffle, so the property's own randomness is shrinkable. */
const permutation = (length: number) => fc.array(fc.nat(), { minLength: length, maxLength: length }).map((keys) => keys.map((key, index) => [key, index] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, index]) => index));

describe('story grouping on generated archives', () => {
  it('never throws; every article is in one story at most, and each story is two or more articles, led and named by one of them', () => {
    fc.assert(
      fc.property(archive, (list) => {
        const articles = published(list);
        expect(storyFaults(articles, group(articles))).toEqual([]);
      }),
      runs(120),
    );
  });

  it('gives the same stories whatever order the articles come in', () => {
    fc.assert(
      fc.property(archive.chain((list) => fc.tuple(fc.constant(list), permutation(list.length))), ([list, order]) => {
        const articles = published(list);
        const shuffled = published(order.map((index) => list[index]!));
        expect(group(shuffled)).toEqual(group(articles));
      }),
      runs(80),
    );
  });

  it("honours every editor's story: line the check finds nothing wrong with", () => {
    fc.assert(
      fc.property(archive, (list) => {
        const articles = published(list);
        const stories = group(articles);
        const problems = storyProblems(list);
        const storyOf = new Map(stories.flatMap((story) => story.articles.map((slug) => [slug, story] as const)));
        const named = new Set(articles.flatMap((article) => (typeof article.story === 'string' ? [article.story] : [])));
        for (const article of articles) {
          if (article.story === undefined || problems.has(article.slug)) continue;
          if (article.story === false) {
            // Only another article's story: line, which the check refuses, can put it in a story.
            if (!named.has(article.slug)) expect(storyOf.get(article.slug), `${article.slug} has story: false`).toBeUndefined();
            continue;
          }
          if (named.has(article.slug)) continue;
          const story = storyOf.get(article.slug);
          expect(story?.articles, `${article.slug} has story: ${article.story}`).toContain(article.story);
        }
      }),
      runs(120),
    );
  });

  it('keeps its stories, and their slugs, when articles about something else are added', () => {
    // Another beat's coverage: words and names no generated article uses, nor any word of theirs folded ("Foods" would
    // share "food" with the Food and Drug Administration), at the same instants, in other outlets. The
    // archive has a background of other coverage, as any site's has: weights are rarities over the archive, and in an
    // archive of two articles whatever they share is in all of it, so there one more article of any kind moves them.
    const OTHER = ['Quorvane', 'Brimlet Dairies', 'harvest', 'orchard', 'tractor', 'Zelmora', 'cheese', 'festival', '12 tonnes'];
    const unrelated = fc.array(
      fc.record({ words: fc.array(fc.constantFrom(...OTHER), { minLength: 1, maxLength: 8 }), hours, source: fc.constantFrom('Farm Gazette', 'Dairy Daily', undefined) }),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(archive, unrelated, (list, others) => {
        const articles = published(list);
        const added: StoryArticle[] = others.map((other, index) => ({
          slug: `other-${index}`,
          title: other.words.join(' '),
          description: other.words.slice().reverse().join(' '),
          body: '',
          publishedAt: new Date(START + other.hours * HOUR),
          ...(other.source ? { source: { name: other.source, url: `https://example.com/other-${index}` } } : {}),
        }));
        const background: StoryArticle[] = Array.from({ length: 120 }, (_, index) => ({
          slug: `background-${index}`,
          title: randomText(index * 3 + 1, 8),
          description: randomText(index * 3 + 2, 15),
          body: '',
          publishedAt: new Date(START + (index - 60) * 4 * HOUR),
          source: { name: `Outlet ${index % 7}`, url: `https://example.com/background-${index}` },
        }));
        const mine = (stories: Story[]) => stories.filter((story) => !story.articles.some((slug) => /^(?:other|background)-/.test(slug)));
        const before = mine(group([...articles, ...background]));
        const after = mine(group([...articles, ...background, ...added]));
        expect(after).toEqual(before);
      }),
      runs(15),
    );
  });

  it('compares only pairs within the window that share a distinctive feature, or the nearest ones sharing a bursting feature, so work grows with the archive, not its square', () => {
    // Many articles about one subject all through the archive (feature 99), and many about one event within a day
    // (feature 98): both are in more articles than the cap, only the event's bursts.
    const article = fc.oneof(
      { weight: 3, arbitrary: fc.tuple(hours, fc.uniqueArray(fc.nat({ max: 30 }), { maxLength: 6 }), fc.boolean(), fc.constant(false)) },
      { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 100, max: 124 }), fc.uniqueArray(fc.nat({ max: 30 }), { maxLength: 6 }), fc.boolean(), fc.constant(true)) },
    );
    const articleFeatures = fc.array(article, { minLength: 1, maxLength: 400, size: 'max' });
    fc.assert(
      fc.property(articleFeatures, (generated) => {
        const sorted = [...generated].sort((a, b) => a[0] - b[0]);
        const times = Float64Array.from(sorted, ([at]) => START + at * HOUR);
        const ids = sorted.map(([, features, subject, event]) => Int32Array.from([...features, ...(event ? [98] : []), ...(subject ? [99] : [])].sort((a, b) => a - b)));
        const documentFrequency = new Int32Array(100);
        for (const list of ids) for (const id of list) documentFrequency[id]!++;
        const windowMs = WINDOW_HOURS * HOUR;
        const { distinctiveMinimum, distinctiveShare, burst } = STORY_TUNING;
        const cap = Math.max(distinctiveMinimum, Math.ceil(sorted.length * distinctiveShare));
        const distinctive = (id: number) => documentFrequency[id]! <= cap;
        const near = (a: number, b: number) => Math.abs(times[a]! - times[b]!) <= windowMs;
        // Carried around the article at least `lift` times as often as in the rest of the archive (counted as one at least).
        const bursting = (id: number, at: number) => {
          const nearby = ids.filter((_, other) => near(other, at)).length;
          const inside = ids.filter((list, other) => near(other, at) && list.includes(id)).length;
          return inside * (ids.length - nearby) >= burst.lift * nearby * Math.max(documentFrequency[id]! - inside, 1);
        };

        const expected = new Set<string>();
        for (let later = 0; later < ids.length; later++) {
          for (const id of ids[later]!) {
            if (documentFrequency[id]! > cap && !bursting(id, later)) continue;
            // A distinctive feature meets every earlier article carrying it in the window, a bursting one the nearest.
            let met = 0;
            for (let earlier = later - 1; earlier >= 0 && near(earlier, later); earlier--) {
              if (!ids[earlier]!.includes(id)) continue;
              if (!distinctive(id) && met++ >= burst.nearest) break;
              expected.add(`${earlier},${later}`);
            }
          }
        }
        const pairs = candidatePairs({ ids, documentFrequency }, times, windowMs, STORY_TUNING);
        expect(new Set(pairs.map(([a, b]) => `${a},${b}`))).toEqual(expected);
        expect(pairs).toHaveLength(expected.size);
        // Each article meets at most `cap` others per distinctive feature it carries, and `nearest` per bursting one.
        const occurrences = ids.reduce((sum, list) => sum + list.length, 0);
        expect(pairs.length).toBeLessThanOrEqual(Math.max((cap - 1) / 2, burst.nearest) * occurrences);
      }),
      runs(100),
    );
  });
});
