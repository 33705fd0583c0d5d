/**
 * A deterministic synthetic archive for the benchmark and scale tests: technology-news articles of realistic
 * length and Markdown shape, long-tailed tags and authors, curated related lists, drafts and scheduled pieces.
 */
import { slugify } from '../content/slug.ts';
import { createRandom, createZipf, distinct, type Random } from './random.ts';

/** 60 tags, most common first: the Zipf sampler makes the first few very frequent and the tail rare. */
export const CORPUS_TAGS: readonly string[] = [
  'AI', 'Security', 'Cloud', 'Policy', 'Networking', 'Fintech', 'Open Source', 'Semiconductors', 'Privacy', 'Startups',
  'Regulation', 'Machine Learning', 'Mobile', 'Data Centers', 'Cybercrime', 'Europe', 'Enterprise', 'Developer Tools', '5G', 'Quantum Computing',
  'Payments', 'Hardware', 'Energy', 'Space', 'Robotics', 'Climate Tech', 'Crypto', 'Browsers', 'Linux', 'Supply Chain',
  'Identity', 'Ransomware', 'Japan', 'China', 'India', 'Antitrust', 'Social Media', 'Streaming', 'Gaming', 'Automotive',
  'Batteries', 'Health Tech', 'Education', 'Labor', 'E-commerce', 'Advertising', 'Databases', 'Kubernetes', 'Rust', 'WebAssembly',
  'Wi-Fi', 'Satellites', 'Subsea Cables', 'Chips Act', 'Accessibility', 'Open Data', 'Elections', 'Deepfakes', 'Wearables', 'Smart Home',
];

const AUTHORS: readonly string[] = [
  'Mariko Tanaka', 'Daniel Okafor', 'Priya Raman', 'Lena Fischer', 'Tomás Herrera', 'Grace Liu', 'Samuel Adeyemi', 'Ingrid Johansson',
  'Rafael Costa', 'Aisha Karim', 'Jonas Weber', 'Chloé Martin', 'Kenji Watanabe', 'Olivia Brennan', 'Mateo Rossi', 'Hannah Schultz',
  'Yusuf Demir', 'Sofia Lindqvist', 'Arjun Mehta', 'Nora Haddad', 'Ethan Park', 'Zanele Dlamini', 'Lucas Moreau', 'Ewa Nowak',
  'Diego Alvarez', 'Mei Chen', 'Oskar Nilsson', 'Fatima Zahra', 'Liam Gallagher', 'Ana Petrović', 'Newsdesk Staff', 'Ravi Iyer',
  'Clara Becker', 'Hiro Sato', 'Julia Santos', 'Kwame Mensah', 'Elif Yılmaz', 'Patrick Doyle', 'Sara Cohen', 'Viktor Horvat',
];

const PUBLISHERS: readonly string[] = [
  'The Register', 'Ars Technica', 'Wired', 'The Verge', 'Reuters', 'Nikkei Asia', 'Heise', 'Rest of World', 'TechCrunch', 'Bloomberg',
  'Financial Times', 'Light Reading', 'BleepingComputer', 'IEEE Spectrum', 'Le Monde', 'Tortoise Media',
];

const ORGS: readonly string[] = [
  'Regulators', 'Carriers', 'Chipmakers', 'Banks', 'Researchers', 'Startups', 'Cloud providers', 'Hospitals', 'Universities', 'Cities',
  'Insurers', 'Retailers', 'Automakers', 'Broadcasters', 'Governments', 'Developers', 'Operators', 'Investors', 'Open-source maintainers', 'Lawmakers',
];

const HEADLINE_VERBS: readonly string[] = [
  'bet on', 'push back on', 'rethink', 'race to adopt', 'quietly abandon', 'test', 'struggle with', 'double down on', 'scrutinise', 'rebuild',
  'fund', 'weigh', 'pause', 'expand', 'open up', 'standardise', 'audit', 'consolidate', 'price in', 'hedge against',
];

// Content words of everyday news prose, most common first (drawn with a Zipf law, as words are in real text).
const GENERAL = (
  'company companies year market data people users service services system systems new first last report reports ' +
  'plan plans government industry customers network security cost costs price prices growth according percent ' +
  'launch launched announced million billion team teams world global early later public private major small large ' +
  'product products platform platforms software hardware model models rules law laws country countries region ' +
  'investment investors deal deals partner partners support access infrastructure technology technologies research ' +
  'analysts executives officials experts engineers staff group groups business businesses decision decisions policy ' +
  'risk risks problem problems change changes pressure demand supply capacity traffic outage outages incident ' +
  'response program pilot rollout update updates release version standard standards framework compliance budget ' +
  'revenue profit loss losses quarter month week day today future past recent current key critical important clear ' +
  'strong weak fast slow open closed local national international european american asian digital online ' +
  'physical remote mobile central independent smaller larger biggest leading existing previous upcoming ' +
  'build building built move moved expect expected show showed shows found find keep kept start started ' +
  'continue continued increase increased reduce reduced allow allowed require required offer offered ' +
  'help helped create created provide provided remain remained become include included including run running ' +
  'face faced raise raised cut cuts spend spending hire hiring warn warned argue argued claim claims ' +
  'question questions answer evidence study studies survey result results figure figures number numbers ' +
  'office offices site sites center centers city cities community communities school schools hospital hospitals ' +
  'contract contracts vendor vendors supplier suppliers chip chips device devices phone phones app apps ' +
  'account accounts password passwords payment payments bank banks card cards fraud scam scams attack attacks ' +
  'attacker attackers breach breaches patch patches bug bugs flaw flaws tool tools code developers open-source ' +
  'license licenses court courts case cases ruling fine fines complaint complaints regulator regulators agency'
).split(' ');

// Function words: real prose is about half of these, and they shape the Markdown engine's workload.
const FUNCTION_WORDS = (
  'the of and to a in that is for on with as was it by at from this be are have has not but an or which their ' +
  'they its more than been will would can about also after who into over two three some most while could other'
).split(' ');

// Specialist vocabulary: each tag is given its own slice, so articles sharing a tag share distinctive terms.
const SPECIALIST = (
  'transformer inference tokens gpu accelerator finetuning benchmark hallucination agent embeddings ' +
  'vulnerability exploit zero-day phishing malware firewall encryption certificate sandbox telemetry ' +
  'hyperscaler region serverless egress tenancy workload autoscaling migration outage-report latency ' +
  'legislation consultation directive enforcement lobbying white-paper ministry parliament treaty mandate ' +
  'spectrum backhaul fibre peering router packet bandwidth handover antenna throughput ' +
  'lending ledger settlement onboarding neobank remittance underwriting stablecoin interchange custody ' +
  'maintainer repository fork contributor governance licensing upstream pull-request changelog foundation ' +
  'wafer foundry lithography nanometre packaging yield fab substrate chiplet interconnect ' +
  'tracking consent cookies anonymisation surveillance profiling data-broker retention biometrics opt-out ' +
  'founders seed-round valuation accelerator-programme runway pivot unicorn acquisition layoffs term-sheet ' +
  'guidance sanction watchdog investigation auditor rulebook filing disclosure penalty oversight ' +
  'training-data gradient classifier dataset overfitting labelling feature-store evaluation pipeline drift ' +
  'handset android ios battery-life modem foldable app-store sideloading carrier-lock firmware ' +
  'cooling megawatt colocation rack hyperscale water-use grid-connection substation floor-space campus ' +
  'extortion darknet botnet mule laundering cybergang takedown indictment phishing-kit credential-stuffing ' +
  'brussels commission member-states single-market schengen eurozone strasbourg gdpr dma dsa ' +
  'procurement erp mainframe vendor-lock crm integration consultancy digital-transformation middleware sla ' +
  'compiler debugger ide linter build-system package-manager terminal refactoring profiler ci-pipeline ' +
  'standalone slicing mmwave small-cells core-network open-ran base-station 3gpp roaming private-network ' +
  'qubit error-correction superconducting entanglement cryogenic annealing post-quantum photonic coherence logical-qubit'
).split(' ');

// A long tail of rarer words (names, jargon, places), made from syllables: real archives of a few thousand
// articles hold tens of thousands of distinct words, which is what search indexes and term statistics scale with.
const SYLLABLES = 'ka ro ven tel mi sar dor lin qua ex bri nof tor ela ush pim gra zo det cul wen hax ri mon pel sto vai jun ber lo cam nix tha ord fe gul ys tri'.split(' ');
const LEXICON_SIZE = 40_000;
const lexicon: string[] = [];
function rareWord(rank: number): string {
  let word = lexicon[rank];
  if (word === undefined) {
    word = '';
    let n = rank + SYLLABLES.length;
    while (n > 0) {
      word += SYLLABLES[n % SYLLABLES.length];
      n = Math.floor(n / SYLLABLES.length);
    }
    lexicon[rank] = word;
  }
  return word;
}

const TERMS_PER_TAG = 6;
const tagTerms = (tagIndex: number): string[] =>
  Array.from({ length: TERMS_PER_TAG }, (_, k) => SPECIALIST[(tagIndex * TERMS_PER_TAG + k) % SPECIALIST.length]!);

const LANGUAGES: ReadonlyArray<[string, readonly string[]]> = [
  ['bash', ['curl -sSf https://example.org/install.sh | sh', 'export API_TOKEN="…"', 'kubectl get pods --all-namespaces', 'openssl s_client -connect example.org:443', 'git log --oneline | head']],
  ['ts', ['const client = createClient({ region: "eu-west-1" });', 'await client.rotateKeys();', 'if (!response.ok) throw new Error(response.statusText);', 'export const limit = 50;', 'for (const item of items) queue.push(item);']],
  ['python', ['import numpy as np', 'model = load_model("baseline")', 'scores = model.predict(batch)', 'print(f"{accuracy:.2%}")', 'for row in rows: writer.writerow(row)']],
];

/** What the scale test and the bench need to know about a generated article without re-parsing it. */
export interface CorpusArticle {
  /** Relative to the content directory, e.g. "2026/05/banks-rethink-fraud-3k.md". */
  path: string;
  slug: string;
  status: 'published' | 'draft' | 'scheduled';
  title: string;
  description: string;
  tags: string[];
  authors: string[];
  publishedAt: Date;
  related: string[];
  /** Words of prose written into the body. */
  words: number;
  /** The Markdown after the front matter. */
  body: string;
  /** The whole file: front matter and Markdown body. */
  content: string;
}

export interface CorpusOptions {
  count: number;
  /** Same seed, same corpus. Default 1. */
  seed?: number;
  /** The build's clock: published articles lie before it, scheduled ones after. */
  now: Date;
  /** Articles per day of archive, which sets how far back dates go. Default 12. */
  perDay?: number;
}

/** Shares of the corpus that are not on the site. */
export const DRAFT_SHARE = 0.02;
export const SCHEDULED_SHARE = 0.01;
/** Share of published articles with an editor-curated related list. */
export const CURATED_SHARE = 0.03;

const DAY = 86_400_000;

export function generateCorpus(options: CorpusOptions): CorpusArticle[] {
  const random = createRandom(options.seed ?? 1);
  const perDay = options.perDay ?? 12;
  const tagSampler = createZipf(CORPUS_TAGS.length, 1);
  const authorSampler = createZipf(AUTHORS.length, 0.9);
  const writer = createProseWriter(random);

  const articles: CorpusArticle[] = [];
  for (let index = 0; index < options.count; index++) {
    const tagIndexes = distinct(random, tagSampler, random.int(2, 5));
    const authorCount = random.chance(0.03) ? 0 : random.chance(0.2) ? 2 : 1;
    const authors = distinct(random, authorSampler, authorCount).map((a) => AUTHORS[a]!);
    const status = random.chance(DRAFT_SHARE) ? 'draft' : random.chance(SCHEDULED_SHARE / (1 - DRAFT_SHARE)) ? 'scheduled' : 'published';
    const publishedAt =
      status === 'scheduled'
        ? new Date(options.now.getTime() + random.int(1, 30) * DAY + random.int(0, 23) * 3_600_000)
        : new Date(options.now.getTime() - (index / perDay) * DAY - random.int(1, 600) * 60_000);
    publishedAt.setUTCSeconds(0, 0);
    const topic = writer.topicWords(tagIndexes);
    const title = writer.headline(topic);
    const description = writer.dek(topic);
    const slug = `${slugify(title).split('-').slice(0, 7).join('-')}-${index.toString(36)}`;
    const month = String(publishedAt.getUTCMonth() + 1).padStart(2, '0');
    // Beta(2, 3) over 280-1,380 words, plus the last section's overrun (about 60 words): 300-1,500 words,
    // mean about 780, most articles 500-1,000, a few long reads.
    const targetWords = Math.round(280 + 1100 * betaTwoThree(random));
    const { markdown, words } = writer.body(topic, targetWords);
    articles.push({
      path: `${publishedAt.getUTCFullYear()}/${month}/${slug}.md`,
      slug,
      status,
      title,
      description,
      tags: tagIndexes.map((t) => CORPUS_TAGS[t]!),
      authors,
      publishedAt,
      related: [],
      words,
      body: markdown,
      content: '',
    });
  }

  // Curated lists point back at older published pieces, as editors link to earlier coverage.
  const published = articles.filter((article) => article.status === 'published');
  published.forEach((article, position) => {
    const older = published.length - position - 1;
    if (older < 3 || !random.chance(CURATED_SHARE)) return;
    const picks = distinct(random, (r) => position + 1 + Math.floor(r.next() * older), random.int(1, 3));
    article.related = picks.map((p) => published[p]!.slug);
  });

  for (const article of articles) article.content = frontMatter(article, random) + article.body;
  return articles;
}

/** Counts the scale test and the bench report need. */
export interface CorpusSummary {
  published: number;
  drafts: number;
  scheduled: number;
  meanWords: number;
  /** Published articles per tag, most used first. */
  tagCounts: Array<[string, number]>;
  /** Published articles per author, most used first. */
  authorCounts: Array<[string, number]>;
}

export function summarizeCorpus(articles: readonly CorpusArticle[]): CorpusSummary {
  const published = articles.filter((article) => article.status === 'published');
  const count = (names: (article: CorpusArticle) => string[]) => {
    const counts = new Map<string, number>();
    for (const article of published) for (const name of names(article)) counts.set(name, (counts.get(name) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  };
  return {
    published: published.length,
    drafts: articles.filter((article) => article.status === 'draft').length,
    scheduled: articles.filter((article) => article.status === 'scheduled').length,
    meanWords: articles.length === 0 ? 0 : articles.reduce((sum, article) => sum + article.words, 0) / articles.length,
    tagCounts: count((article) => article.tags),
    authorCounts: count((article) => article.authors),
  };
}

function betaTwoThree(random: Random): number {
  // The 2nd smallest of 4 uniforms is Beta(2, 3).
  const draws = [random.next(), random.next(), random.next(), random.next()].sort((a, b) => a - b);
  return draws[1]!;
}

function frontMatter(article: CorpusArticle, random: Random): string {
  const lines = ['---', `title: ${JSON.stringify(article.title)}`];
  lines.push(`description: ${JSON.stringify(article.description)}`);
  lines.push(`publishedAt: ${article.publishedAt.toISOString().replace('.000Z', 'Z')}`);
  if (article.status === 'published' && random.chance(0.15)) {
    const updated = new Date(article.publishedAt.getTime() + random.int(1, 72) * 3_600_000);
    lines.push(`updatedAt: ${updated.toISOString().replace('.000Z', 'Z')}`);
  }
  if (article.authors.length > 0) lines.push(`authors: ${JSON.stringify(article.authors)}`);
  lines.push(`tags: ${JSON.stringify(article.tags)}`);
  if (random.chance(0.5)) {
    lines.push('source:', `  name: ${JSON.stringify(random.pick(PUBLISHERS))}`, `  url: "https://news.example.com/${article.slug}"`);
  }
  if (article.related.length > 0) lines.push('related:', ...article.related.map((slug) => `  - ${slug}`));
  if (article.status === 'draft') lines.push('draft: true');
  lines.push('---', '', '');
  return lines.join('\n');
}

interface Topic {
  tags: number[];
  terms: string[];
}

function createProseWriter(random: Random) {
  const general = createZipf(GENERAL.length, 0.9);
  const functionWord = createZipf(FUNCTION_WORDS.length, 1);
  const rare = createZipf(LEXICON_SIZE, 1);

  const word = (topic: Topic): string => {
    const roll = random.next();
    if (roll < 0.45) return FUNCTION_WORDS[functionWord(random)]!;
    if (roll < 0.75) return GENERAL[general(random)]!;
    if (roll < 0.87) return rareWord(rare(random));
    return random.pick(topic.terms);
  };
  const phrase = (topic: Topic, length: number): string[] => Array.from({ length }, () => word(topic));
  const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

  /** One sentence, sometimes with inline emphasis, a link or code; returns its text and word count. */
  const sentence = (topic: Topic): [string, number] => {
    const length = random.int(8, 26);
    const words = phrase(topic, length);
    const roll = random.next();
    const at = random.int(1, Math.max(1, length - 4));
    if (roll < 0.08) words.splice(at, 2, `*${words[at]} ${words[at + 1] ?? 'today'}*`);
    else if (roll < 0.12) words.splice(at, 1, `**${words[at]}**`);
    else if (roll < 0.19) words.splice(at, 3, `[${words.slice(at, at + 3).join(' ')}](https://example.org/${words[at]}/${random.int(1000, 99999)})`);
    else if (roll < 0.21) words.splice(at, 1, `\`${words[at]}()\``);
    // Straight quotes and apostrophes, about 8 per 1,000 words as in the real articles: the Markdown engine turns
    // them into typographic ones (’ “ ”), so rendered HTML carries non-ASCII text as real HTML does.
    const typo = random.next();
    const where = random.int(1, length - 1);
    if (/^[a-z]+$/.test(words[where]!)) {
      if (typo < 0.06) words[where] = `${words[where]}'s`;
      else if (typo < 0.09) words[where] = random.pick(["don't", "isn't", "it's", "won't", "can't", "they're"]);
      else if (typo < 0.11 && where + 1 < length) words.splice(where, 2, `"${words[where]} ${words[where + 1]}"`);
    }
    return [`${capitalise(words.join(' '))}.`, length];
  };

  const paragraph = (topic: Topic, sentences: number): [string, number] => {
    const parts: string[] = [];
    let words = 0;
    for (let s = 0; s < sentences; s++) {
      const [text, count] = sentence(topic);
      parts.push(text);
      words += count;
    }
    return [parts.join(' '), words];
  };

  return {
    topicWords(tags: number[]): Topic {
      return { tags, terms: tags.flatMap(tagTerms) };
    },

    headline(topic: Topic): string {
      const subject = random.pick(ORGS);
      const verb = random.pick(HEADLINE_VERBS);
      const focus = `${random.pick(topic.terms)} ${random.pick(topic.terms)}`.replace(/-/g, ' ');
      const tail = random.chance(0.4) ? ` as ${GENERAL[general(random)]} ${random.pick(['stalls', 'grows', 'shifts', 'slips', 'returns'])}` : '';
      return `${subject} ${verb} ${focus}${tail}`;
    },

    /** One or two plain sentences: the dek has no Markdown. */
    dek(topic: Topic): string {
      const words = phrase(topic, random.int(18, 32));
      return `${capitalise(words.join(' '))}.`;
    },

    body(topic: Topic, targetWords: number): { markdown: string; words: number } {
      const blocks: string[] = [];
      let words = 0;
      const add = ([text, count]: [string, number]) => {
        blocks.push(text);
        words += count;
      };
      add(paragraph(topic, random.int(3, 5)));
      let table = random.chance(0.1);
      let code = random.chance(0.08);
      while (words < targetWords) {
        const heading = phrase(topic, random.int(3, 6));
        add([`## ${capitalise(heading.join(' '))}`, heading.length]);
        const paragraphs = random.int(1, 3);
        for (let p = 0; p < paragraphs && words < targetWords; p++) add(paragraph(topic, random.int(3, 6)));
        if (random.chance(0.3)) {
          const ordered = random.chance(0.3);
          const items = Array.from({ length: random.int(3, 6) }, (_, i) => {
            const [text, count] = sentence(topic);
            words += count;
            return `${ordered ? `${i + 1}.` : '-'} ${text}`;
          });
          blocks.push(items.join('\n'));
        }
        if (random.chance(0.15)) {
          const [quote, count] = sentence(topic);
          add([`> ${quote}\n>\n> — ${random.pick(AUTHORS)}, ${random.pick(ORGS).toLowerCase()}`, count + 3]);
        }
        if (table && words > targetWords / 2) {
          table = false;
          const rows = Array.from({ length: random.int(3, 5) }, () => `| ${capitalise(GENERAL[general(random)]!)} | ${random.int(1, 99)}% | ${random.int(100, 9999)} |`);
          add([['| Item | Share | Volume |', '| --- | ---: | ---: |', ...rows].join('\n'), 3 + rows.length * 3]);
        }
        if (code && words > targetWords / 3) {
          code = false;
          const [language, lines] = random.pick(LANGUAGES);
          const body = Array.from({ length: random.int(3, 7) }, () => random.pick(lines));
          blocks.push(['```' + language, ...body, '```'].join('\n'));
        }
      }
      return { markdown: `${blocks.join('\n\n')}\n`, words };
    },
  };
}
