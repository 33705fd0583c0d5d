/**
 * A deterministic synthetic news stream for the story benchmark: events (deals, attacks, launches, fines, outages)
 * each covered by one to four outlets in their own words within two days, among many single-outlet pieces, with
 * invented company and place names so that every event has names of its own, as real ones do.
 */
import type { StoryArticle } from '../stories/find-stories.ts';
import { createRandom, createZipf, type Random } from './random.ts';

export interface StoryCorpusOptions {
  count: number;
  /** Same seed, same stream. Default 1. */
  seed?: number;
  /** Articles per day, which sets how many share a time window. Default 500. */
  perDay?: number;
  /** The newest article's time. */
  end: Date;
}

export interface StoryCorpus {
  articles: StoryArticle[];
  /** The event each article reports, by slug: articles with the same event are one story. */
  eventOf: Map<string, number>;
}

const OUTLETS = [
  'Meridian Wire', 'The Circuit Ledger', 'Breach Bulletin', 'Ops Weekly', 'Lab Notes', 'Fintech Dispatch', 'Gadget Line', 'Brussels Brief',
  'Capitol Tech Report', 'Orbit Today', 'Dublin Digital', 'Nikkan Tech', 'Market Tape', 'Dev Dispatch', 'Telecom Times', 'Money Wire',
];
const PLACES = ['Bergen', 'Lisbon', 'Osaka', 'Leeds', 'Austin', 'Lagos', 'Pune', 'Tallinn', 'Porto', 'Busan', 'Denver', 'Gdansk', 'Cork', 'Lyon', 'Quito', 'Perth'];
const SYLLABLES = 'ka ro ven tel mi sar dor lin qua bri nof tor ela ush pim gra zo det cul wen hax ri mon pel sto vai jun ber cam nix tha ord fe gul tri'.split(' ');

/** [headline, dek, lead] templates per kind of event; {A} and {B} are companies, {P} a place, {F} a figure. */
const KINDS: ReadonlyArray<ReadonlyArray<readonly [string, string, string]>> = [
  [
    ['{A} agrees to buy {B} for ${F} million', 'The deal gives {A} a foothold in {P}.', '{A} will acquire {B}, a {P} software company, for ${F} million in cash, the companies said.'],
    ["{A}'s ${F}m deal for {B} is its biggest yet", 'Analysts say {B} brings customers in {P}.', 'The acquisition of {B} by {A} values the {P} company at ${F} million.'],
    ['Why {A} is buying {B}', "The ${F} million purchase is about {P}'s talent.", '{A} announced the purchase of {B} for ${F} million on Monday.'],
  ],
  [
    ['Ransomware attack halts {A} systems in {P}', 'The company took its platforms offline after attackers encrypted servers.', '{A} said a ransomware attack encrypted servers at its {P} data centre and halted operations; {F} GB of data was stolen.'],
    ['{A} confirms cyberattack, gang claims {F} GB of data', 'The group listed the {P} company on its leak site.', 'A ransomware gang claimed the attack on {A} in {P} and said it stole {F} GB of records.'],
    ['Customers scramble as {A} stays offline', 'A day after the ransomware attack in {P}, orders go by phone.', 'Customers of {A} re-routed work after the {P} company was hit by ransomware.'],
  ],
  [
    ['{A} unveils {B} phone with {F}-megapixel camera', 'The handset goes on sale in {P} next month.', '{A} announced the {B} at an event in {P}, its first phone with a {F}-megapixel camera.'],
    ["{A}'s new {B} drops rival modem", 'The {B} is the first with an in-house chip, revealed in {P}.', 'The {B}, launched by {A} in {P}, uses a modem designed in-house and a {F}-megapixel sensor.'],
    ['Hands-on with the {B}', "We tried {A}'s phone in {P} after the launch.", "{A}'s {B} leads with a {F}-megapixel sensor; we spent an hour with it in {P}."],
  ],
  [
    ['Regulators fine {A} €{F} million over data transfers', 'The company must stop sending data out of {P} within six months.', '{A} was fined €{F} million for transferring users\' personal data without protection, regulators in {P} said.'],
    ['Record penalty for {A} as watchdog overrules {P} office', 'The binding decision raised the fine the {P} regulator proposed.', 'The board forced the {P} regulator to fine {A} €{F} million, above its draft decision.'],
    ["{A} says it will appeal €{F}m fine", 'The company calls the ruling a conflict of laws.', '{A} will challenge the €{F} million penalty imposed by regulators in {P}.'],
  ],
  [
    ['{A} outage knocks services offline for {F} hours', 'A faulty configuration change in its {P} region took down customers.', 'A {F}-hour outage at {A} disrupted banking and airline services; the provider blamed a change in its {P} region.'],
    ['{A} blames config push for {P} meltdown', 'The incident report says an automated rollout skipped its canary stage.', "{A}'s report says the {P} outage began when a deployment pushed a configuration everywhere at once; recovery took {F} hours."],
    ['One region, {F} hours, thousands down', "The {A} failure in {P} shows how much runs in one place.", 'When {A} lost its {P} region, businesses went down with it for {F} hours.'],
  ],
];

const FILLER = (
  'company customers market report analysts executives industry officials growth revenue investors users service platform network ' +
  'security data cloud software hardware rules regulators quarter week plans launch support access infrastructure partners deal ' +
  'cost prices demand supply capacity engineers staff teams product products region country business systems update version'
).split(' ');

const DAY = 86_400_000;
const HOUR = 3_600_000;

export function generateStoryCorpus(options: StoryCorpusOptions): StoryCorpus {
  const random = createRandom(options.seed ?? 1);
  const perDay = options.perDay ?? 500;
  const filler = createZipf(FILLER.length, 1);
  const articles: StoryArticle[] = [];
  const eventOf = new Map<string, number>();
  const start = options.end.getTime() - (options.count / perDay) * DAY;
  for (let event = 0; articles.length < options.count; event++) {
    const kind = KINDS[random.int(0, KINDS.length - 1)]!;
    const names = { A: inventName(random, 2), B: inventName(random, 1), P: random.pick(PLACES), F: String(random.int(2, 990)) };
    const at = start + (articles.length / perDay) * DAY;
    const outlets = random.chance(0.7) ? 1 : random.int(2, 4);
    const chosen = new Set<string>();
    for (let coverage = 0; coverage < outlets && articles.length < options.count; coverage++) {
      let outlet = random.pick(OUTLETS);
      while (chosen.has(outlet)) outlet = random.pick(OUTLETS);
      chosen.add(outlet);
      const [title, description, lead] = kind[coverage % kind.length]!.map((template) => fill(template, names));
      const slug = `event-${event}-${coverage}`;
      const extra = Array.from({ length: 40 }, () => FILLER[filler(random)]).join(' ');
      articles.push({
        slug,
        title: title!,
        description: description!,
        body: `${lead} ${extra}.`,
        publishedAt: new Date(at + random.int(0, 48) * HOUR),
        source: random.chance(0.1) ? undefined : { name: outlet, url: `https://example.com/${slug}` },
      });
      eventOf.set(slug, event);
    }
  }
  return { articles, eventOf };
}

function inventName(random: Random, words: number): string {
  return Array.from({ length: words }, () => {
    const word = Array.from({ length: random.int(2, 3) }, () => random.pick(SYLLABLES)).join('');
    return word[0]!.toUpperCase() + word.slice(1);
  }).join(' ');
}

function fill(template: string, names: Record<string, string>): string {
  return template.replace(/\{([ABPF])\}/g, (_, key: string) => names[key]!);
}
