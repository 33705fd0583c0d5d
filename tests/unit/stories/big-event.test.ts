import { describe, expect, it } from 'vitest';
import { createRandom, type Random } from '../../../src/lib/bench/random.ts';
import { generateStoryCorpus } from '../../../src/lib/bench/story-corpus.ts';
import { findStories, type Story, type StoryArticle } from '../../../src/lib/stories/find-stories.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WINDOW = { windowHours: 72 };
const END = new Date('2026-06-01T00:00:00Z');

// One breach as a week's coverage tells it: every report names the company, each in its own headline, dek and lead.
const HEADLINES = [
  'Quillon breach exposes customer records',
  'Quillon confirms hackers stole customer data',
  'Quillon hack: what we know about the stolen records',
  'Quillon tells customers to reset passwords after breach',
  'Inside the Quillon breach',
  'Quillon shares slide as breach widens',
  'How attackers got into Quillon',
  'Quillon says attackers reached its support systems',
  'Quillon data breach hits millions of users',
  'Stolen Quillon data appears on hacking forum',
  'Quillon breach began with a contractor account',
  'What the Quillon hack means for your passwords',
  'Quillon hackers had access for three weeks',
  'Quillon customers face phishing wave after breach',
];
const DEKS = [
  'The payments company says attackers copied names, emails and hashed passwords.',
  'Millions of accounts are affected, the company said in a filing.',
  'Security researchers found the data listed for sale.',
  'The intruders used a contractor login to reach support tools.',
  'Customers are being told to change their passwords.',
  'The company has hired incident responders and told regulators.',
  'Its chief executive apologised in a letter to users.',
  '',
];
const LEADS = [
  'Quillon said on Tuesday that attackers had copied customer records from its support systems.',
  'Hackers broke into Quillon, the payments processor, and stole names, email addresses and hashed passwords.',
  'A breach at Quillon exposed customer data after intruders used a contractor account, the company said.',
  'Quillon is forcing password resets for all users after the breach of its customer database.',
  'The Quillon breach, disclosed late on Monday, is one of the largest this year.',
  'Data taken from Quillon has surfaced on a hacking forum, researchers said.',
  'Users of Quillon reported suspicious emails within hours of the disclosure.',
  'Shares in Quillon fell sharply as the scale of the breach became clear.',
];
const OUTLETS = ['Meridian Wire', 'The Circuit Ledger', 'Breach Bulletin', 'Ops Weekly', 'Lab Notes', 'Fintech Dispatch', 'Gadget Line', 'Dublin Digital', 'Market Tape', 'Dev Dispatch', 'Money Wire', 'Orbit Today'];

/** `count` reports of the breach over the two days from `start`, from a dozen outlets and our own newsroom. */
function breachCoverage(count: number, start: number, random: Random): StoryArticle[] {
  return Array.from({ length: count }, (_, index) => {
    const slug = `quillon-breach-${index}`;
    const lead = random.pick(LEADS);
    return {
      slug,
      title: random.pick(HEADLINES),
      description: random.pick(DEKS),
      body: `${lead} ${random.pick(LEADS.filter((other) => other !== lead))}`,
      publishedAt: new Date(start + random.next() * 2 * DAY),
      ...(random.chance(0.1) ? {} : { source: { name: random.pick(OUTLETS), url: `https://example.com/${slug}` } }),
    };
  });
}

/** The company in the news before and after the breach, on other things, each told by one outlet. */
function otherQuillonNews(burstStart: number): StoryArticle[] {
  return [
    [-9 * DAY, 'Quillon hires new finance chief', 'The payments company poached a bank executive.'],
    [-2 * DAY, 'Quillon raises prices for business plans', 'Merchants will pay more from July.'],
    [8 * DAY, 'Quillon opens office in Lisbon', 'The payments company will hire 200 engineers there.'],
  ].map(([offset, title, description], index) => ({
    slug: `quillon-other-${index}`,
    title: title as string,
    description: description as string,
    body: description as string,
    publishedAt: new Date(burstStart + (offset as number)),
    source: { name: OUTLETS[index]!, url: `https://example.com/quillon-other-${index}` },
  }));
}

const isBreach = (slug: string) => slug.startsWith('quillon-breach-');
const breachStories = (stories: readonly Story[]) => stories.filter((story) => story.articles.some(isBreach));

/** Twenty days of other coverage, 50 articles a day, `count` reports of the breach in the middle of them, grouped. */
function weekOfTheBreach(count: number): Story[] {
  const { articles } = generateStoryCorpus({ count: 1000, perDay: 50, end: END });
  const burstStart = END.getTime() - 10 * DAY;
  return findStories([...articles, ...breachCoverage(count, burstStart, createRandom(count)), ...otherQuillonNews(burstStart)], WINDOW);
}

describe("the week's most-covered event", () => {
  it.each([65, 150, 300])('is one story when %i reports of it from several outlets come among 1,000 on other events', (count) => {
    const breach = breachStories(weekOfTheBreach(count));
    expect(breach).toHaveLength(1);
    // Every report of the breach, and nothing else: not the company's other news, not the week's other events.
    expect(breach[0]!.articles).toHaveLength(count);
    expect(breach[0]!.articles.every(isBreach)).toBe(true);
    expect(breach[0]!.outlets.length).toBeGreaterThan(10);
  });

  it('is one story holding nearly all its reports when they are 600, more than any report meets as candidates', () => {
    const breach = breachStories(weekOfTheBreach(600)).sort((a, b) => b.articles.length - a.articles.length);
    expect(breach[0]!.articles.length).toBeGreaterThanOrEqual(540);
    expect(breach[0]!.articles.every(isBreach)).toBe(true);
  });
});

describe("the week's most-covered event and its follow-ups", () => {
  // Among the breach's reports, a lawsuit, a regulator's inquiry and a fine over it, each told by two outlets: with the
  // breach they make the company's headlines report four kinds of event within the window.
  const FOLLOW_UPS = [
    ['lawsuit', 'Quillon sued by customers over breach', 'A class action was filed in California.',
      'Customers of Quillon filed a class action in federal court in San Francisco, claiming the company failed to protect their data. The suit seeks damages for millions of users.'],
    ['lawsuit', 'Customers sue Quillon over data breach', 'The class action seeks damages for millions of users.',
      'A class action filed in San Francisco accuses Quillon of negligence in protecting customer data, lawyers for the plaintiffs said.'],
    ['inquiry', 'Regulators open probe into Quillon breach', 'The data protection authority will examine the company.',
      'The Irish Data Protection Commission said it had opened an inquiry into Quillon over the breach, to examine whether the company met its obligations.'],
    ['inquiry', 'Quillon faces inquiry from Irish regulator', 'The Data Protection Commission is examining the breach.',
      'Ireland’s Data Protection Commission opened an investigation into Quillon on Wednesday, the regulator said.'],
    ['fine', 'Quillon faces fine over breach, regulator says', 'The penalty could reach 4% of revenue.',
      'A regulator said Quillon could be fined up to 4% of its global revenue over the breach, under the GDPR.'],
    ['fine', 'Quillon could be fined 4% of revenue over breach', 'The GDPR penalty would be among the largest.',
      'Quillon may face a penalty of up to 4% of annual revenue, a regulator said, after the breach of its customer database.'],
  ];
  const followUps = (burstStart: number): StoryArticle[] =>
    FOLLOW_UPS.map(([kind, title, description, body], index) => ({
      slug: `quillon-${kind}-${index}`,
      title: title!,
      description: description!,
      body: body!,
      publishedAt: new Date(burstStart + DAY + index * 3 * HOUR),
      source: { name: OUTLETS[index]!, url: `https://example.com/quillon-${kind}-${index}` },
    }));

  it.each([65, 150, 300])('is one story of all %i reports, and each follow-up a story of its own', (count) => {
    const { articles } = generateStoryCorpus({ count: 1000, perDay: 50, end: END });
    const burstStart = END.getTime() - 10 * DAY;
    const coverage = breachCoverage(count, burstStart, createRandom(count));
    const stories = findStories([...articles, ...coverage, ...followUps(burstStart), ...otherQuillonNews(burstStart)], WINDOW);

    const breach = breachStories(stories);
    expect(breach).toHaveLength(1);
    expect(breach[0]!.articles).toHaveLength(count);
    expect(breach[0]!.articles.every(isBreach)).toBe(true);
    const quillon = stories.filter((story) => story.articles.some((slug) => slug.startsWith('quillon-')) && story !== breach[0]);
    expect(quillon.map((story) => story.articles)).toEqual([
      ['quillon-lawsuit-0', 'quillon-lawsuit-1'],
      ['quillon-inquiry-2', 'quillon-inquiry-3'],
      ['quillon-fine-4', 'quillon-fine-5'],
    ]);
  });
});

describe('an everyday word', () => {
  // Explainers on no event in particular, told in the words everyone uses: each headline appears hundreds of times.
  const HOW_TOS = [
    ['How to use AI at work', 'A few tools can save you hours every week.'],
    ['The best AI tools for students', 'From note taking to revision, these apps help.'],
    ['What is new in AI this month', 'The updates worth knowing about, in plain words.'],
    ['AI tools every small business should try', 'Most are free to start and easy to set up.'],
    ['How AI is changing customer service', 'Chat assistants now answer most simple questions.'],
    ['Is AI coming for your job?', 'What the research says about work and automation.'],
    ['Five ways to get better answers from AI', 'Clear questions and examples make the difference.'],
    ['How to spot an AI generated photo', 'Look at the hands, the text and the light.'],
  ];
  const explainers = (count: number, days: number, random: Random): StoryArticle[] =>
    Array.from({ length: count }, (_, index) => {
      const [title, description] = random.pick(HOW_TOS);
      const slug = `everyday-${index}`;
      return {
        slug,
        title: title!,
        description: description!,
        body: `${description} Here is what you need to know about AI and the tools people use every day.`,
        publishedAt: new Date(END.getTime() - random.next() * days * DAY),
        source: { name: random.pick(OUTLETS), url: `https://example.com/${slug}` },
      };
    });

  it('carried by thousands of articles over months makes no story of them, while a burst of one event among them does', () => {
    const random = createRandom(7);
    // Three thousand explainers over four months: two outlets give the same headline within a day many times over.
    const everyday = explainers(3000, 120, random);
    const burstStart = END.getTime() - 60 * DAY;
    // The breach's reports say "AI" too, as so much coverage does.
    const coverage = breachCoverage(300, burstStart, random).map((article) => ({ ...article, body: `${article.body} AI tools flagged the intrusion.` }));
    const stories = findStories([...everyday, ...coverage], WINDOW);

    expect(stories.filter((story) => !story.articles.every(isBreach))).toEqual([]);
    expect(breachStories(stories).map((story) => story.articles.length)).toEqual([300]);
  });

  it('makes no story in an archive of a few days, too short to show whether a word is everyday or the news of the week', () => {
    const stories = findStories(explainers(1000, 3, createRandom(8)), WINDOW);
    expect(stories).toEqual([]);
  });
});
