import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findStories, type StoryArticle } from '../../../src/lib/stories/find-stories.ts';
import { pairwiseQuality } from '../../../src/lib/stories/pairwise-quality.ts';

interface LabelledItem {
  id: string;
  story?: string;
  source?: string;
  at: string;
  title: string;
  /** Absent when the item's feed gave none. */
  dek?: string;
  lead: string;
}

const WINDOW = { windowHours: 72 };

function toArticle(item: LabelledItem): StoryArticle {
  return {
    slug: item.id,
    title: item.title,
    description: item.dek ?? '',
    body: item.lead,
    publishedAt: new Date(item.at),
    source: item.source ? { name: item.source, url: `https://${item.source.toLowerCase().replace(/\W+/g, '-')}.example/${item.id}` } : undefined,
  };
}

/** A labelled set's items, their articles, and the stories an editor would make of them. */
function readLabelledSet(file: string) {
  const items = parse(readFileSync(`tests/fixtures/stories/${file}`, 'utf8')) as LabelledItem[];
  const expected = Object.values(Object.groupBy(items.filter((item) => item.story), (item) => item.story!)).map((group) => group!.map((item) => item.id));
  return { items, articles: items.map(toArticle), expected };
}

const { articles } = readLabelledSet('labelled.yaml');

describe.each([
  // Written alongside the grouping, so its score flatters it.
  { file: 'labelled.yaml', minPrecision: 0.9, minRecall: 0.75 },
  // Written apart from it, on other beats, styles and languages: what a good grouper reaches on coverage it has not seen.
  { file: 'held-out.yaml', minPrecision: 0.9, minRecall: 0.75 },
])('the labelled set $file', ({ file, minPrecision, minRecall }) => {
  const set = readLabelledSet(file);

  it('is the size the measure needs: 40+ items, 8+ multi-outlet stories, 12+ items that belong to no story', () => {
    expect(set.items.length).toBeGreaterThanOrEqual(40);
    const multiOutlet = set.expected.filter((group) => new Set(group.map((id) => set.items.find((item) => item.id === id)!.source ?? '')).size >= 2);
    expect(multiOutlet.length).toBeGreaterThanOrEqual(8);
    expect(set.items.filter((item) => !item.story).length).toBeGreaterThanOrEqual(12);
  });

  it(`is grouped with pairwise precision of at least ${minPrecision} and recall of at least ${minRecall}`, () => {
    const quality = pairwiseQuality(set.expected, findStories(set.articles, WINDOW).map((story) => story.articles));
    expect(quality.precision).toBeGreaterThanOrEqual(minPrecision);
    expect(quality.recall).toBeGreaterThanOrEqual(minRecall);
  });

  it('gives the same stories whatever order the articles come in', () => {
    const reversed = findStories([...set.articles].reverse(), WINDOW);
    expect(reversed).toEqual(findStories(set.articles, WINDOW));
  });
});

const labelledStories = findStories(articles, WINDOW);
const storyOf = (slug: string) => labelledStories.find((story) => story.articles.includes(slug))?.slug;

describe('hard negatives', () => {
  it.each([
    ['two ransomware attacks on different victims the same day', 'halvorsen-wire', 'brigid-breach'],
    ["two countries' export rules the same week", 'nl-export-wire', 'jp-export-wire'],
    ["a company's second product launch a week later", 'pulse-x2-verge', 'pulse-tab-launch'],
    ['a follow-up analysis ten days on', 'pulse-x2-own', 'pulse-analysis'],
    ['a follow-up a week later', 'halvorsen-wire', 'halvorsen-restored'],
    ['the same company in other news two days later', 'kestrel-deal-wire', 'kestrel-layoffs'],
    ['another regulator question about the same company', 'lumio-fine-wire', 'lumio-ai-inquiry'],
    ['another flaw disclosed the same day', 'libvexa-bulletin', 'marlin-flaw'],
    ["two governments' chip export rules told in the same words, the headline naming only the country", 'jp-gov-export-wire', 'nl-gov-export'],
    ["two governments banning one company's phones", 'orbitek-ban-ca-wire', 'orbitek-ban-au'],
    ["two countries' regulators fining one company the same day", 'lumio-cookies-es-brussels', 'lumio-cookies-it'],
    ["two countries' regulators punishing a bank whose name holds a capital (Morgan Stanley) the same day", 'ms-bonds-jp-wire', 'ms-bonds-hk'],
    ["two countries' regulators fining one company the same day, told in Japanese, which writes the countries in its own script", 'velora-fine-kr-nikkan', 'velora-fine-de-kabuto'],
  ])('%s are not one story', (_, a, b) => {
    expect(storyOf(a)).toBeDefined();
    expect(storyOf(b)).not.toBe(storyOf(a));
  });

  it("two outlets' round-ups of the same week are in no story", () => {
    expect(storyOf('privacy-week-brussels')).toBeUndefined();
    expect(storyOf('privacy-week-ledger')).toBeUndefined();
  });
});

describe('headlines that name the country instead of who acted', () => {
  it.each([
    ['Danish regulator', 'Copenhagen watchdog', 'halvorsen-bank-wire', 'halvorsen-bank-fintech'],
    ['German cartel office', "Berlin's competition watchdog", 'voltaro-chargers-wire', 'voltaro-chargers-auto'],
    ['French regulator', 'CNIL', 'marisol-fine-wire', 'marisol-fine-brussels'],
    ['South Korean regulator', 'Seoul', 'corvane-fine-wire', 'corvane-fine-nikkan'],
    ['EU', 'Brussels', 'tessaly-unbundle-wire', 'tessaly-unbundle-brussels'],
    ['Japanese government', 'Tokyo', 'jp-gov-export-wire', 'jp-gov-export-nikkan'],
    ['Canadian government', 'Ottawa', 'orbitek-ban-ca-wire', 'orbitek-ban-ca-gadget'],
    ['Spanish watchdog', 'Madrid regulator', 'lumio-cookies-es-brussels', 'lumio-cookies-es-wire'],
  ])('a headline opening "%s" and one saying "%s" are one story', (_, __, a, b) => {
    expect(storyOf(a)).toBeDefined();
    expect(storyOf(b)).toBe(storyOf(a));
  });
});

describe('a headline naming only a country and one naming a company of it', () => {
  it("are one story when the company's report names the ministry rather than the country", () => {
    expect(storyOf('jp-export-wire')).toBeDefined();
    expect(storyOf('jp-export-nikkan')).toBe(storyOf('jp-export-wire'));
  });
});

describe('headlines that open with a day', () => {
  it('are about the company after the day: a report that does not give the day joins them', () => {
    expect(storyOf('ostrava-ransomware-wire')).toBeDefined();
    expect(storyOf('ostrava-ransomware-breach')).toBe(storyOf('ostrava-ransomware-wire'));
  });

  it('about different companies are not one story for sharing the day', () => {
    expect(storyOf('kessler-ransomware')).toBeUndefined();
  });
});

describe('reports in English and in German, French or Spanish', () => {
  const heldOut = findStories(readLabelledSet('held-out.yaml').articles, WINDOW);
  const storyWith = (slug: string) => heldOut.find((story) => story.articles.includes(slug))?.slug;

  it('of one event are one story, though they share only names and figures', () => {
    expect(storyWith('starship-wire')).toBeDefined();
    expect(storyWith('starship-de')).toBe(storyWith('starship-wire'));
  });

  it('are not one story for sharing a single name: a Spanish report of one FDA approval and an English one of another FDA decision', () => {
    expect(storyWith('lilly-pill-es')).toBeDefined();
    expect(storyWith('novavax-crl')).toBeUndefined();
  });
});

describe('reports in Japanese and in English of one event', () => {
  it.each([
    ['the company in katakana and the amount in myriads (70億ドル for $7 billion)', 'kioxia-plant-wire', 'kioxia-plant-nikkan'],
    ['the English headline naming the company, which the Japanese report writes in katakana (ルネサス for Renesas)', 'renesas-sic-wire', 'renesas-sic-nikkan'],
  ])('are one story: %s', (_, a, b) => {
    expect(storyOf(a)).toBeDefined();
    expect(storyOf(b)).toBe(storyOf(a));
  });
});

/** A piece of coverage `hours` into a news day, and the story it is in among the labelled set's articles. */
function report(slug: string, source: string, hours: number, title: string, description: string, body: string): StoryArticle {
  return { slug, title, description, body, publishedAt: new Date(Date.UTC(2026, 10, 19, 6) + hours * 3_600_000), source: { name: source, url: `https://example.com/${slug}` } };
}
const storyAmong = (list: StoryArticle[], slug: string) => findStories([...articles, ...list], WINDOW).find((story) => story.articles.includes(slug));

describe('headlines about different companies', () => {

  it('keep apart a breach that recalls an earlier one the same day, however alike their wording', () => {
    const list = [
      report('nordwell', 'Breach Bulletin', 0, 'Nordwell Bank confirms data breach affecting 1.2 million customers', 'The bank says names, addresses and account numbers were accessed through a third-party supplier.',
        'Nordwell Bank confirmed on Thursday a data breach affecting 1.2 million customers after attackers accessed a system run by a third-party supplier. Names, addresses and account numbers were exposed; the bank said no passwords were taken. It has informed regulators.'),
      report('tarrow', 'Meridian Wire', 3, 'Tarrow Insurance confirms data breach affecting 800,000 customers', 'The insurer says names, addresses and policy numbers were accessed through a third-party supplier, hours after Nordwell Bank disclosed a similar breach.',
        'Tarrow Insurance confirmed on Thursday a data breach affecting 800,000 customers after attackers accessed a system run by a third-party supplier, hours after Nordwell Bank disclosed a breach affecting 1.2 million customers. Names, addresses and policy numbers were exposed. It has informed regulators.'),
    ];
    expect(storyAmong(list, 'tarrow')).toBeUndefined();
  });

  it('keep apart two outages the same day whose headlines name nobody, when their deks name different companies', () => {
    const list = [
      report('cloud-outage', 'Meridian Wire', 0, 'Cloud outage disrupts online banking across Europe', 'Stratus Cloud said a faulty network change in its Frankfurt data centre took services offline for four hours on Tuesday.',
        'Stratus Cloud said a faulty network change in its Frankfurt data centre took services offline for four hours on Tuesday, disrupting online banking and card payments for millions of customers across Europe. Banks said their apps were back by the afternoon.'),
      report('payments-outage', 'Payments Brief', 2, 'Payments outage disrupts card payments across Europe', 'Paynetic said a faulty software update in its Frankfurt data centre took services offline for four hours on Tuesday.',
        'Paynetic said a faulty software update in its Frankfurt data centre took services offline for four hours on Tuesday, disrupting card payments and online banking for millions of customers across Europe. Retailers said their tills were back by the afternoon.'),
    ];
    expect(storyAmong(list, 'payments-outage')).toBeUndefined();
  });

  it("keep apart a chipmaker's results and a rival's that mention them", () => {
    const list = [
      report('veltrix', 'Meridian Wire', 0, 'Veltrix Semiconductor beats forecasts as data-centre sales jump 62%', 'The Austin chipmaker reported third-quarter revenue of $8.4 billion.',
        'Veltrix Semiconductor on Tuesday reported revenue of $8.4 billion for its fiscal third quarter, up 41% from a year earlier, as sales of its Orion accelerators to cloud providers climbed 62%.'),
      report('corso', 'Silicon Street', 2, 'Corso Micro misses revenue estimates as Veltrix takes share', 'The memory maker reported quarterly revenue of $3.1 billion, below forecasts.',
        'Corso Micro reported third-quarter revenue of $3.1 billion on Tuesday, short of the $3.3 billion analysts expected, as rival Veltrix Semiconductor, which reported earnings the same day, won more data-centre orders.'),
    ];
    expect(storyAmong(list, 'corso')).toBeUndefined();
  });

  it("keep apart two regulators' fines on one company the same day", () => {
    const list = [
      report('fine-eu', 'Brussels Policy Review', 0, 'Apple fined €500 million by EU over music streaming', 'The European Commission says Apple blocked apps from telling users about cheaper offers.',
        'The European Commission fined Apple €500 million on Monday for preventing music-streaming apps from telling iPhone users about cheaper subscriptions outside the App Store.'),
      report('fine-eu-wire', 'Meridian Wire', 1, 'EU hits Apple with €500m antitrust fine', 'Brussels says the App Store rules harmed music-streaming rivals.',
        'Apple was fined €500m by the European Commission over App Store rules that stopped streaming apps from pointing users to cheaper offers.'),
      report('fine-kr', 'Nikkan Tech', 2, 'South Korea fines Apple over App Store payment rules', 'The Korea Communications Commission says Apple forced developers to use its payment system.',
        'The Korea Communications Commission fined Apple on Monday for forcing app developers to use its in-app payment system, breaching a 2021 law.'),
    ];
    expect(storyAmong(list, 'fine-eu')?.articles).toEqual(['fine-eu', 'fine-eu-wire']);
  });

  it("still join a report that shortens the company's name to its own word", () => {
    // An archive in which "semiconductor" is a common word, as it is in a real one.
    const archive = Array.from({ length: 20 }, (_, day) =>
      report(`chips-${day}`, 'Chip Digest', -24 * (day + 5), `Semiconductor tariffs, day ${day + 1}`, 'Trade news for the semiconductor industry.', 'Semiconductor makers await the ruling.'),
    );
    const list = [
      ...archive,
      report('veltrix-full', 'Meridian Wire', 0, 'Veltrix Semiconductor beats forecasts as data-centre sales jump 62%', 'The Austin chipmaker reported third-quarter revenue of $8.4 billion.',
        'Veltrix Semiconductor on Tuesday reported revenue of $8.4 billion for its fiscal third quarter, as sales of its Orion accelerators climbed 62%.'),
      report('veltrix-short', 'Silicon Street', 1, 'Veltrix posts $8.4bn quarter on Orion demand', 'Data-centre sales rose 62%.', 'Veltrix reported $8.4bn in quarterly revenue, with Orion accelerator sales up 62%.'),
    ];
    expect(storyAmong(list, 'veltrix-short')?.articles).toEqual(['veltrix-full', 'veltrix-short']);
  });

  it('still join a report whose feed repeats its Title Case headline as its dek, its capital still a place', () => {
    const lead = 'Velora was fined 12 billion won over the payment rules of its Orbit app store, which force developers to use its own billing system, the Korea Fair Trade Commission said.';
    const headline = 'Seoul Fines Velora Over Orbit Store Payment Rules';
    const list = [
      report('velora-seoul', 'Meridian Wire', 0, headline, headline, lead),
      report('velora-korea', 'Nikkan Tech', 4, 'South Korea fines Velora over Orbit app store billing', 'The Korea Fair Trade Commission ordered Velora to let developers use rival payment providers.',
        lead.replace('Velora was', 'The app maker was')),
    ];
    expect(storyAmong(list, 'velora-korea')?.articles).toEqual(['velora-seoul', 'velora-korea']);
  });

  it('still join a report that names the company only at the start of its sentences', () => {
    const list = [
      report('brightlane-wire', 'Meridian Wire', 0, 'Brightlane reopens withdrawals after $40 million theft', 'Customers will be repaid from a loan by its investors.',
        'Brightlane restored withdrawals on Sunday, four days after attackers took $40 million from one of its wallets. Brightlane said every customer would be repaid.'),
      report('brightlane-chain', 'Chain Daily', 2, 'Withdrawals are back on Brightlane', 'Investors are lending the exchange enough to cover the theft.',
        'Customers of Brightlane could withdraw again on Sunday morning, the exchange said.'),
    ];
    expect(storyAmong(list, 'brightlane-chain')?.articles).toEqual(['brightlane-wire', 'brightlane-chain']);
  });

  it('still join a report that names an agency by its initials and one that spells it out', () => {
    const list = [
      report('pill-wire', 'Meridian Wire', 0, 'Food and Drug Administration clears Corvex migraine pill', 'The once-daily tablet is the first of its class.',
        'The Food and Drug Administration on Thursday approved a once-daily migraine pill from Corvex, the first drug of its class taken as a tablet.'),
      report('pill-desk', 'BioPharma Desk', 3, 'FDA nod for once-daily migraine tablet', 'A first for its class, analysts say.',
        'Regulators approved the once-daily migraine tablet on Thursday, a first for its class.'),
    ];
    expect(storyAmong(list, 'pill-desk')?.articles).toEqual(['pill-wire', 'pill-desk']);
  });

  it('keep apart two companies whose names share their initials', () => {
    const list = [
      report('kavel', 'Meridian Wire', 0, 'Why Kavel Tordo is buying Minsar', 'The purchase is about talent in Lisbon.', 'Kavel Tordo announced the purchase of Minsar, a Lisbon software company, on Monday.'),
      report('kiro', 'Market Tape', 2, 'Why Kiro Tel is buying Bridor', 'The purchase is about talent in Lisbon.', 'Kiro Tel announced the purchase of Bridor, a Lisbon software company, on Monday.'),
    ];
    expect(storyAmong(list, 'kiro')).toBeUndefined();
  });

  it('still join reports of one event whose headlines read a name differently', () => {
    const list = [
      report('skyline-down', 'Meridian Wire', 0, 'Outage takes down Skyline Cloud services in Europe', "Customers report errors across the provider's Frankfurt region.",
        "Skyline Cloud's Frankfurt region suffered an outage on Friday morning, with customers reporting errors from storage and compute services."),
      report('skyline-region', 'Ops Weekly', 2, 'Skyline Cloud Frankfurt region down', 'Storage and compute errors hit European customers of Skyline Cloud.',
        "An outage in Skyline Cloud's Frankfurt region disrupted storage and compute services for European customers on Friday."),
    ];
    expect(storyAmong(list, 'skyline-region')?.slug).toBe('skyline-down');
  });
});

describe("a headline's label", () => {
  // The labelled set writes "Analysis" only in "Google's Threat Analysis Group", so the archive knows it as a name.
  it.each(['Analysis: ', 'BREAKING: ', 'Exclusive: ', 'UPDATE 2-'])('"%s" is no subject: the report joins the story of the event it tells', (label) => {
    const list = [
      report('m5-wire', 'Meridian Wire', 0, 'Apple unveils M5 chip for MacBook Pro', 'The new chip brings a faster GPU and Neural Engine to the MacBook Pro and iPad Pro.',
        'Apple on Friday announced the M5, its next-generation chip for Macs and iPads, built on a 3 nm process with a 10-core GPU.'),
      report('m5-labelled', 'Gadget Line', 4, `${label}Apple's new M5 chip arrives in the MacBook Pro`, 'Apple announced the M5 chip on Friday.',
        'Apple has announced the M5 chip, which is coming to the MacBook Pro and iPad Pro.'),
    ];
    expect(storyAmong(list, 'm5-wire')?.articles).toEqual(['m5-wire', 'm5-labelled']);
  });
});

describe('one company in many headlines the same day', () => {
  // Ten outlets, ten events, one subject: every headline opens with OpenAI, which is rare in the archive as a whole.
  const outlets = ['The Verge', 'Engadget', 'TechCrunch', 'Wired', 'Reuters', 'Bloomberg', 'The Information', 'Axios', 'CNBC', 'Ars Technica'];
  const day = [
    ['OpenAI releases GPT-6 to ChatGPT Plus users', 'The model is rolling out today, with Pro subscribers getting higher limits.', 'OpenAI on Monday began rolling out GPT-6, its newest large language model, to paying ChatGPT subscribers. The company says the model makes fewer factual errors and is better at writing code. Free users will get access in the coming weeks.'],
    ['OpenAI hires former Meta executive as chief of hardware', 'The company is building its own consumer devices.', 'OpenAI has hired Dana Whitfield, who ran Reality Labs hardware at Meta, to lead its consumer hardware team. Whitfield will report to chief executive Sam Altman and oversee the first device, expected next year.'],
    ['OpenAI faces new copyright lawsuit from newspapers', 'A group of regional papers sued in New York, seeking billions in damages.', 'A coalition of eight regional newspapers sued OpenAI and Microsoft in federal court in New York on Monday, claiming the companies used millions of articles without permission to train their chatbots.'],
    ['OpenAI signs data centre deal with Oracle in Texas', 'The Stargate site will add 2 gigawatts of capacity.', 'OpenAI and Oracle agreed to build another data centre in Abilene, Texas, as part of the Stargate project. The site will draw 2 gigawatts when complete in 2028, the companies said on Monday.'],
    ['OpenAI says ChatGPT has 900 million weekly users', 'Usage has nearly doubled this year, driven by India and Brazil.', 'ChatGPT now has 900 million weekly active users, OpenAI said on Monday, up from 500 million in March. Growth has been fastest in India and Brazil, where cheaper plans launched this summer.'],
    ['OpenAI launches Sora app in Europe', 'The video app arrives in the EU after a delay over privacy rules.', 'OpenAI made its Sora video app available in the European Union on Monday, months after its US launch. The company delayed the rollout to comply with the Digital Services Act.'],
    ['OpenAI researchers publish paper on reasoning models', 'The paper describes a new training method for long chains of thought.', 'OpenAI published a research paper on Monday describing how its reasoning models learn to check their own work. The researchers say the method cuts errors on maths problems by a third.'],
    ['OpenAI board member steps down', 'The departure follows a dispute over governance of the nonprofit.', 'Adebayo Mensah, a member of the OpenAI board since 2023, resigned on Monday, the company said. People familiar with the matter said he disagreed with plans to loosen the control of the nonprofit.'],
    ['OpenAI outage takes its chatbot offline for hours', 'Users reported errors worldwide on Monday afternoon.', 'ChatGPT was unavailable for several hours on Monday after an outage at OpenAI. The company blamed a faulty configuration change and said service had been restored by evening.'],
    ['OpenAI raises $40 billion at $500 billion valuation', 'SoftBank led the round, the largest private financing ever.', 'OpenAI has closed a $40 billion funding round led by SoftBank that values the ChatGPT maker at $500 billion, the company said on Monday. The money will pay for data centres and chips.'],
  ].map(([title, dek, body], index) => report(`openai-${index}`, outlets[index]!, index, title!, dek!, body!));

  it('are ten events, none in a story with another, though every headline opens with the same name', () => {
    const stories = findStories([...articles, ...day], WINDOW);
    expect(stories.filter((story) => story.articles.some((slug) => slug.startsWith('openai-')))).toEqual([]);
  });

  it('are one story when they all tell one event, in few words beyond the name', () => {
    const breach = [
      report('brannock-wire', 'Meridian Wire', 0, 'Hackers breach Brannock Bank, stealing customer data', 'The Scottish lender said 2 million customers were affected.',
        'Brannock Bank said on Tuesday that hackers had stolen data on 2 million customers.'),
      report('brannock-live', 'The Daily Courier', 2, 'Live: Brannock Bank breach', 'Latest updates', 'Brannock Bank customers are being told to change passwords.'),
      report('brannock-update', 'Meridian Wire', 6, 'Brannock Bank breach hit 3 million customers', 'The bank raised its estimate.',
        'Brannock Bank said the breach affected 3 million customers, up from 2 million.'),
      report('brannock-correction', 'Meridian Wire', 8, 'Correction: Hackers breach Brannock Bank, stealing customer data', 'Corrects the number of customers affected.',
        'Brannock Bank said on Tuesday that hackers had stolen data on 3 million customers.'),
      { ...report('brannock-ours', 'unused', 10, 'What the Brannock Bank breach means for customers', 'Our guide to what to do now.', 'If you bank with Brannock Bank, here is what the breach means for you.'), source: undefined },
    ];
    expect(storyAmong(breach, 'brannock-wire')?.articles).toEqual(['brannock-wire', 'brannock-live', 'brannock-update', 'brannock-correction', 'brannock-ours']);
  });

  it("still gather the coverage of one of those events, in other words and in German, and none of the day's others", () => {
    const launch = [
      report('gpt6-wire', 'Meridian Wire', 0.5, 'OpenAI launches GPT-6, says it makes fewer mistakes', 'The new model goes to paying ChatGPT users first.',
        'OpenAI released GPT-6 on Monday, saying the model is better at coding and reasoning and hallucinates less than GPT-5.'),
      report('gpt6-explainer', 'Gadget Line', 1, 'GPT-6 is here: what to know', "OpenAI's newest model is rolling out in ChatGPT now.", 'OpenAI’s GPT-6 is now available to ChatGPT Plus and Pro subscribers. Here is what is new.'),
      report('gpt6-tested', 'Lab Notes', 8, "OpenAI's GPT-6, tested: better code, same quirks", 'We put the new model through our usual coding and reasoning tests.',
        'We spent a day with GPT-6. It writes better code than GPT-5 and makes fewer errors, but it still invents citations.'),
      report('gpt6-de', 'heise online', 10, 'OpenAI veröffentlicht GPT-6', 'Das neue Sprachmodell ist zunächst für zahlende ChatGPT-Nutzer verfügbar.',
        'OpenAI hat am Montag GPT-6 vorgestellt. Das Modell soll weniger Fehler machen und besser programmieren.'),
    ];
    const story = storyAmong([...day.slice(1), ...launch], 'gpt6-wire');
    expect(story?.articles).toEqual(['gpt6-wire', 'gpt6-explainer', 'gpt6-tested', 'gpt6-de']);
  });
});

describe('round-ups of the week', () => {
  const nvidia = report('nvidia-results', 'Meridian Wire', 0, 'Nvidia beats forecasts as data-centre revenue jumps 66%', 'The chipmaker reported quarterly revenue of $57 billion.',
    'Nvidia reported third-quarter revenue of $57 billion on Wednesday, up 62% from a year earlier, as data-centre sales of its Blackwell chips jumped 66%.');
  const digestBody = 'Nvidia reported revenue of $57 billion as Blackwell data-centre sales jumped 66%. The European Commission fined Meta €200 million. OpenAI raised $40 billion at a $300 billion valuation.';
  const digests = [
    report('twiai', 'Silicon Street', 30, 'This Week in AI: Nvidia’s $57 billion quarter, Meta’s EU fine and OpenAI’s raise', 'Nvidia, Meta and OpenAI made the week’s news.', digestBody),
    report('review', 'The Circuit Ledger', 32, 'The Week in Review: Nvidia results, Meta fined by EU, OpenAI funding', 'Nvidia’s $57 billion quarter, Meta’s €200 million fine and OpenAI’s $40 billion raise.', digestBody),
    report('weekly', 'Ops Weekly', 33, 'Weekly roundup: Nvidia’s Blackwell quarter, Meta’s fine, OpenAI’s $40 billion', 'What happened this week.', digestBody),
    report('newsletter', 'Lab Notes', 34, 'Newsletter #123: Nvidia, Meta and OpenAI', 'Nvidia’s $57 billion quarter and more.', digestBody),
    report('week-48', 'Gadget Line', 35, 'Week 48 recap: Nvidia’s $57 billion quarter and Meta’s EU fine', 'OpenAI’s $40 billion raise too.', digestBody),
    report('links', 'Fintech Dispatch', 36, 'Links for the week: Nvidia $57 billion, Meta fine, OpenAI $40 billion', 'Our picks.', digestBody),
  ];

  it('join no story with each other, however much of the week they share', () => {
    for (const digest of digests) expect(storyAmong(digests, digest.slug)).toBeUndefined();
  });

  it('join no story with a report of an event they lead with', () => {
    const roundup = report('weekly-nvidia', 'Ops Weekly', 4, 'Weekly roundup: Nvidia beats forecasts as data-centre revenue jumps 66%', 'Also: Meta’s EU fine and OpenAI’s raise.', nvidia.body);
    expect(storyAmong([nvidia, roundup], 'nvidia-results')).toBeUndefined();
  });

  it.each(['Security digest', 'Friday roundup', 'Tech briefing', 'Weekend reading', 'Apple, Epic and the M5: the week’s biggest stories'])(
    'join no story when titled only as a digest (%j), though they tell two of the day’s events in their own words',
    (title) => {
      const day = [
        report('m5-wire', 'Meridian Wire', 0, 'Apple unveils M5 chip', 'The new chip brings a faster GPU to the MacBook Pro and iPad Pro.',
          'Apple on Friday announced the M5, its next-generation chip for Macs and iPads, built on a 3 nm process with a 10-core GPU.'),
        report('m5-gadget', 'Gadget Line', 2, "Apple's M5 is here: what to know", 'Everything Apple announced about its new silicon.',
          'Apple has taken the wraps off the M5. Here is what the new chip means for MacBook Pro and iPad Pro buyers.'),
        report('epic-wire', 'Meridian Wire', 1, 'Apple sues Epic over Fortnite payments', 'Apple filed suit against Epic Games in California.',
          'Apple on Friday sued Epic Games, alleging that the Fortnite maker broke its App Store rules.'),
        report('epic-street', 'Silicon Street', 3, 'Apple takes Epic Games to court again', 'The iPhone maker accuses Epic of violating App Store rules.',
          'Apple sued Epic Games in federal court in California on Friday.'),
        report('digest', 'Lab Notes', 9, title, 'Apple unveiled its M5 chip and sued Epic Games over Fortnite.',
          'Apple had a busy Friday: it announced the M5 chip for the MacBook Pro and filed a lawsuit against Epic Games.'),
      ];
      expect(storyAmong(day, 'digest')).toBeUndefined();
      expect(storyAmong(day, 'm5-wire')?.articles).toEqual(['m5-wire', 'm5-gadget']);
      expect(storyAmong(day, 'epic-wire')?.articles).toEqual(['epic-wire', 'epic-street']);
    },
  );

  it('are told by the headline only: events with "week" in their headline still join', () => {
    const list = [
      report('shares-wire', 'Meridian Wire', 0, 'Nvidia shares fall for third week on China export worries', 'The chipmaker has lost 11% of its market value since the start of the month.',
        'Nvidia shares fell 4% on Friday, a third weekly decline, as investors worried about new US limits on exports of its H20 chips to China. The stock has lost 11% this month.'),
      report('shares-street', 'Silicon Street', 2, 'Nvidia stock slides for a third straight week', 'Export worries over the H20 knock 11% off the chipmaker this month.',
        'Nvidia stock dropped 4% on Friday for its third straight weekly loss, down 11% this month, on fears of tighter US export rules for H20 chips sold to China.'),
      report('m5-wire', 'Meridian Wire', 1, 'Apple to ship M5 MacBook Pro next week', 'The laptops with the M5 chip reach stores on 24 October, priced from $1,599.',
        'Apple will ship its M5 MacBook Pro next week, on 24 October, starting at $1,599, the company said in a statement announcing the M5 chip.'),
      report('m5-gadget', 'Gadget Line', 3, 'M5 MacBook Pro arrives next week from $1,599', 'Apple says the first M5 laptops ship on 24 October.',
        'The M5 MacBook Pro goes on sale next week, on 24 October, from $1,599, Apple said as it unveiled the M5 chip.'),
    ];
    expect(storyAmong(list, 'shares-wire')?.articles).toEqual(['shares-wire', 'shares-street']);
    expect(storyAmong(list, 'm5-wire')?.articles).toEqual(['m5-wire', 'm5-gadget']);
  });
});

describe('a story', () => {
  const at = (hours: number) => new Date(Date.UTC(2026, 0, 5, 8) + hours * 3_600_000);
  const wire = (slug: string, hours: number, source?: string): StoryArticle => ({
    slug,
    title: 'Halvorsen Logistics hit by ransomware attack',
    description: 'The Norwegian freight company suspended bookings after the Akira gang encrypted servers in Bergen.',
    body: 'Halvorsen Logistics said a ransomware attack encrypted servers at its Bergen data centre. The Akira gang claimed it.',
    publishedAt: at(hours),
    source: source ? { name: source, url: `https://example.com/${slug}` } : undefined,
  });

  it('needs two outlets: one outlet telling an event twice is not a story', () => {
    expect(findStories([wire('first', 0, 'Meridian Wire'), wire('second', 2, 'meridian  wire')], WINDOW)).toEqual([]);
  });

  it("counts the site's own reporting as an outlet", () => {
    const [story] = findStories([wire('ours', 1), wire('theirs', 0, 'Meridian Wire')], WINDOW);
    expect(story).toMatchObject({ slug: 'theirs', lead: 'theirs', articles: ['theirs', 'ours'] });
    expect(story!.outlets).toEqual([{ key: 'name:meridian wire', name: 'Meridian Wire' }, { key: '' }]);
  });

  it('keeps its slug, that of its earliest article, when later coverage joins', () => {
    const before = findStories([wire('wire-first', 0, 'Meridian Wire'), wire('ledger-second', 3, 'The Circuit Ledger')], WINDOW);
    const after = findStories([wire('wire-first', 0, 'Meridian Wire'), wire('ledger-second', 3, 'The Circuit Ledger'), wire('bulletin-later', 30, 'Breach Bulletin')], WINDOW);
    expect(before.map((story) => story.slug)).toEqual(['wire-first']);
    expect(after.map((story) => story.slug)).toEqual(['wire-first']);
    expect(after[0]!.articles).toEqual(['wire-first', 'ledger-second', 'bulletin-later']);
  });

  it('takes its headline from the first report whose headline names what it is about, keeping the earliest for its URL', () => {
    const list = [
      report('live', 'The Daily Courier', 0, 'Live updates', 'Apple is expected to unveil the M5 chip for the MacBook Pro.',
        'Welcome to our live coverage of the Apple event, where the company is expected to unveil its M5 chip.'),
      report('known', 'Breach Bulletin', 1, 'What we know so far', 'Apple’s M5 chip, explained.', 'Apple’s M5 chip is in the new MacBook Pro and iPad Pro. Here is what we know.'),
      report('wire', 'Meridian Wire', 2, 'Apple unveils M5 chip', 'The new chip brings a faster GPU to the MacBook Pro and iPad Pro.',
        'Apple on Tuesday announced the M5, its next-generation chip for Macs and iPads, built on a 3 nm process with a 10-core GPU.'),
    ];
    expect(storyAmong(list, 'wire')).toMatchObject({ slug: 'live', lead: 'wire', articles: ['live', 'known', 'wire'] });
  });

  it('keeps the earliest report as its headline when none says more, when it says more without a capital, or in a script without capitals', () => {
    const nameless = (slug: string, hours: number, source: string, title: string): StoryArticle => ({ ...wire(slug, hours, source), title });
    const [story] = findStories([nameless('live', 0, 'The Daily Courier', 'Live updates'), nameless('known', 1, 'Breach Bulletin', 'What we know so far')], WINDOW);
    expect(story).toMatchObject({ slug: 'live', lead: 'live' });
    const lowerCase = nameless('flaw', -1, 'The Daily Courier', 'Critical libvexa flaw lets attackers run code through crafted images');
    const [withLowerCase] = findStories([lowerCase, wire('wire', 0, 'Meridian Wire')], WINDOW);
    expect(withLowerCase).toMatchObject({ slug: 'flaw', lead: 'flaw' });
    const hebrew = { ...nameless('he', -1, 'Kan News', 'מתקפת כופר על חברת שילוח נורווגית'), description: 'Halvorsen Logistics: the Akira gang encrypted servers in Bergen.' };
    const [withHebrew] = findStories([hebrew, wire('wire', 0, 'Meridian Wire')], WINDOW);
    expect(withHebrew).toMatchObject({ slug: 'he', lead: 'he' });
  });

  it('joins reports in two languages that give one amount in their own words', () => {
    const list = [
      report('siemens-en', 'Meridian Wire', 0, 'Siemens to buy Altair Engineering for $10.6 billion', 'The German industrial group is expanding its simulation software business.',
        'Siemens agreed to acquire Altair Engineering, a US maker of simulation software, for $10.6 billion in cash, the German company said on Wednesday.'),
      report('siemens-de', 'Heise Online', 1, 'Siemens kauft Altair Engineering für 10,6 Milliarden Dollar', 'Der Münchner Konzern baut sein Geschäft mit Simulationssoftware aus.',
        'Siemens übernimmt den US-Softwarehersteller Altair Engineering für 10,6 Milliarden US-Dollar in bar, teilte der Konzern am Mittwoch mit.'),
    ];
    expect(storyAmong(list, 'siemens-de')?.articles).toEqual(['siemens-en', 'siemens-de']);
  });

  it('joins Japanese reports of one event, written without spaces, and keeps apart another about the same market', () => {
    const list = [
      report('h20-nikkan', 'Nikkan Tech', 0, 'Nvidia、中国向けH20の出荷を再開', '米政府が輸出許可を出す見通しとなり、中国の顧客への販売を再び始める。',
        '米半導体大手のNvidiaは15日、中国向けAI半導体「H20」の出荷を再開すると発表した。米商務省から輸出許可が得られる見通しになったという。'),
      report('h20-keizai', 'Tokyo Keizai Online', 2, 'NVIDIA、H20の対中出荷再開へ　米政府が輸出許可', 'AI半導体H20の中国向け出荷を再開する。米商務省が輸出許可を出す方針を伝えた。',
        '米エヌビディア（NVIDIA）は15日、中国向けに設計したAI半導体H20の出荷を再開すると明らかにした。米政府は4月に同製品の対中輸出を事実上禁じていた。'),
      report('h20-kabuto', 'Kabuto Shimbun', 5, '米Nvidia株が上昇、H20の中国出荷再開を好感', '中国向けAI半導体の販売再開で、売上高の回復を期待した買いが入った。',
        '15日の米株式市場でNvidia株が上昇した。同社が中国向けAI半導体H20の出荷を再開すると発表し、中国事業の回復を期待した買いが広がった。'),
      report('tel-results', 'Nikkan Tech', 3, '東京エレクトロン、中国向け売上高が減少　7〜9月期', '半導体製造装置の中国向け販売が落ち込み、純利益は前年同期比で減った。',
        '半導体製造装置大手の東京エレクトロンが発表した7〜9月期決算は、中国向け売上高が前年同期比で減少した。中国の顧客による設備投資が一巡した。'),
    ];
    expect(storyAmong(list, 'h20-nikkan')?.articles).toEqual(['h20-nikkan', 'h20-keizai', 'h20-kabuto']);
    expect(storyAmong(list, 'tel-results')).toBeUndefined();
  });

  it('keeps apart two countries fining one company the same day, told in Japanese with one character for each country', () => {
    const list = [
      report('tessaro-us-nikkan', 'Nikkan Tech', 0, '米当局、Tessaroに制裁金　利用者データを国外に移転', '米当局は、Tessaroが利用者のデータを無断で国外に移したと認定した。',
        '米当局は3日、Tessaroに制裁金を科すと発表した。利用者のデータを無断で国外に移転したことが法律に違反すると判断した。'),
      report('tessaro-us-keizai', 'Tokyo Keizai Online', 2, '米政府、Tessaroに制裁金　データの国外移転で', '米当局は、Tessaroが利用者のデータを国外に移したと判断した。',
        '米当局は3日、Tessaroに制裁金を科すと明らかにした。利用者のデータを無断で国外に移転したと判断した。'),
      report('tessaro-uk-kabuto', 'Kabuto Shimbun', 3, '英当局、Tessaroに制裁金　利用者データを国外に移転', '英当局は、Tessaroが利用者のデータを無断で国外に移したと認定した。',
        '英当局は3日、Tessaroに制裁金を科すと発表した。利用者のデータを無断で国外に移転したことが法律に違反すると判断した。'),
    ];
    expect(storyAmong(list, 'tessaro-us-nikkan')?.articles).toEqual(['tessaro-us-nikkan', 'tessaro-us-keizai']);
    expect(storyAmong(list, 'tessaro-uk-kabuto')).toBeUndefined();
  });

  it('joins a lawsuit one outlet reports as a suit and another as a court case under competition law', () => {
    const list = [
      report('apple-sued', 'Meridian Wire', 0, 'Apple sued over App Store fees by Dutch developers', 'A foundation representing app makers seeks €600 million in damages in Amsterdam.',
        "A Dutch foundation representing thousands of app developers sued Apple in an Amsterdam court on Tuesday, claiming the company's 30% commission on App Store sales abused a dominant position. The foundation seeks €600 million in damages. Apple said it would defend itself."),
      report('apple-court', 'The Circuit Ledger', 2, 'Developers take Apple to court in the Netherlands over 30% cut', 'The class action claims the App Store commission broke competition law.',
        'Apple faces a class action in Amsterdam from developers who say its 30% App Store commission is unlawful. The claim, worth €600 million, was filed on Tuesday.'),
    ];
    expect(storyAmong(list, 'apple-court')?.articles).toEqual(['apple-sued', 'apple-court']);
  });

  it('needs a shared name or figure: the same words about no one in particular are not an event', () => {
    const generic = (slug: string, source: string): StoryArticle => ({
      slug,
      title: 'Operators rethink pricing as demand for capacity grows',
      description: 'operators say demand for network capacity keeps growing and prices will follow.',
      body: 'network operators are rethinking prices as demand for capacity grows faster than planned.',
      publishedAt: at(0),
      source: { name: source, url: `https://example.com/${slug}` },
    });
    expect(findStories([generic('one', 'Meridian Wire'), generic('two', 'Ops Weekly')], WINDOW)).toEqual([]);
  });

  it('never spans more than the window', () => {
    const stories = findStories([wire('a', 0, 'One'), wire('b', 40, 'Two'), wire('c', 80, 'Three')], WINDOW);
    for (const story of stories) expect(story.articles).not.toEqual(['a', 'b', 'c']);
    expect(findStories([wire('a', 0, 'One'), wire('c', 80, 'Three')], WINDOW)).toEqual([]);
    expect(findStories([wire('a', 0, 'One'), wire('c', 80, 'Three')], { windowHours: 96 })).toHaveLength(1);
  });

  it("lists an outlet's updated version of its report beside its first", () => {
    const [story] = findStories([wire('wire-first', 0, 'Meridian Wire'), wire('ledger', 2, 'The Circuit Ledger'), { ...wire('wire-update', 5, 'Meridian Wire'), title: 'Halvorsen Logistics restores bookings after ransomware attack' }], WINDOW);
    expect(story!.articles).toEqual(['wire-first', 'ledger', 'wire-update']);
    expect(story!.outlets.map((outlet) => outlet.name)).toEqual(['Meridian Wire', 'The Circuit Ledger']);
  });

  it('counts an outlet once by its registry id when it has one, whatever its name is spelt', () => {
    const withId = (slug: string, hours: number, name: string) => ({ ...wire(slug, hours, name), source: { id: 'meridian', name, url: `https://example.com/${slug}` } });
    expect(findStories([withId('a', 0, 'Meridian Wire'), withId('b', 1, 'Meridian')], WINDOW)).toEqual([]);
  });
});

describe('editor overrides', () => {
  const base = articles.filter((article) => article.slug.startsWith('halvorsen') || article.slug.startsWith('brigid'));
  const bySlug = (list: StoryArticle[]) => findStories(list, WINDOW);

  it('story: <slug> puts an article into the story of that article, which leads it', () => {
    const stories = bySlug(base.map((article) => (article.slug === 'brigid-irish' ? { ...article, story: 'halvorsen-own' } : article)));
    const halvorsen = stories.find((story) => story.articles.includes('halvorsen-wire'))!;
    expect(halvorsen.articles).toContain('brigid-irish');
    expect(halvorsen.lead).toBe('halvorsen-own');
    expect(halvorsen.slug).toBe('halvorsen-own');
    expect(stories.some((story) => story.articles.includes('brigid-breach'))).toBe(false);
  });

  it('story: false keeps an article out of every story', () => {
    const stories = bySlug(base.map((article) => (article.slug === 'halvorsen-breach' ? { ...article, story: false as const } : article)));
    expect(stories.flatMap((story) => story.articles)).not.toContain('halvorsen-breach');
    expect(stories.find((story) => story.articles.includes('halvorsen-wire'))!.articles).toEqual(['halvorsen-wire', 'halvorsen-own']);
  });

  it('story: <slug> makes a story of articles grouping would keep apart', () => {
    const [story, ...rest] = bySlug([
      { ...articles.find((article) => article.slug === 'pulse-x2-verge')!, story: undefined },
      { ...articles.find((article) => article.slug === 'pulse-analysis')!, story: 'pulse-x2-verge' },
    ]);
    expect(rest).toEqual([]);
    expect(story).toMatchObject({ slug: 'pulse-x2-verge', articles: ['pulse-x2-verge', 'pulse-analysis'] });
  });

  it("a chain of story: lines, which the check refuses, does not make a story of one outlet's coverage", () => {
    const own = (slug: string, hours: number, story?: string): StoryArticle => ({
      slug,
      title: 'Halvorsen Logistics hit by ransomware attack',
      description: 'The Akira gang encrypted servers in Bergen.',
      body: 'Halvorsen Logistics said a ransomware attack encrypted servers at its Bergen data centre.',
      publishedAt: new Date(Date.UTC(2026, 0, 5, 8 + hours)),
      story,
    });
    // Our own two reports are one outlet's, so no story; "follow-up" names "explainer", which itself names "first".
    const stories = bySlug([own('first', 0), own('second', 1), own('follow-up', 3, 'explainer'), own('explainer', 4, 'first')]);
    expect(stories).toEqual([{ slug: 'explainer', lead: 'explainer', articles: ['follow-up', 'explainer'], outlets: [{ key: '' }] }]);
  });

  it('a story: naming an article that is not published puts the article in no story', () => {
    expect(bySlug([{ ...articles[0]!, story: 'not-published-yet' }])).toEqual([]);
  });
});

describe("a court's next step after its ruling", () => {
  const ruling = [
    report('tollgate-ruling', 'Meridian Wire', 0, 'Judge orders Tollgate to open its app store to rival payment providers', "Judge Hana Okafor's ruling in the state's antitrust case stops short of a fine.",
      "A federal judge in Denver on Wednesday ordered Tollgate to let developers offer rival payment providers in its app store, but rejected the state's request for a $900 million fine."),
    report('tollgate-ruling-blog', 'Byte Review', 2, 'Tollgate loses app store payments case', 'Judge Hana Okafor said developers may use rival payment providers.',
      'Judge Hana Okafor ordered Tollgate to open its app store to rival payment providers, but no fine.'),
  ];
  const appeal = (hours: number) =>
    report('tollgate-appeal', 'Capital Newswire', hours, 'Tollgate to appeal app store payments order', 'The company asked the court to pause the order while the appeal is heard.',
      'Tollgate said it would appeal the order requiring it to let developers use rival payment providers in its app store, and asked Judge Hana Okafor to suspend it pending the appeal.');

  it('is a story of its own a day or more after the ruling, and part of the ruling\'s story the same day', () => {
    expect(storyAmong([...ruling, appeal(4)], 'tollgate-appeal')?.articles).toEqual(['tollgate-ruling', 'tollgate-ruling-blog', 'tollgate-appeal']);
    expect(storyAmong([...ruling, appeal(30)], 'tollgate-ruling')?.articles).toEqual(['tollgate-ruling', 'tollgate-ruling-blog']);
    expect(storyAmong([...ruling, appeal(30)], 'tollgate-appeal')).toBeUndefined();
  });

  it("keeps the held-out set's appeal three days after a ruling out of the ruling's story", () => {
    const heldOut = findStories(readLabelledSet('held-out.yaml').articles, WINDOW);
    expect(heldOut.find((story) => story.articles.includes('google-remedies-wire'))?.articles).not.toContain('google-appeal');
  });
});
