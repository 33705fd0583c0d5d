import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { readFrontMatter } from '../../../src/lib/content/front-matter.ts';
import { parseArticle } from '../../../src/lib/content/article.ts';
import { parseDate } from '../../../src/lib/content/parse-date.ts';
import { articleSchema, collectionSchema, createArticleSchema, isWebUrl, SLUG_PATTERN, spelledOutDay } from '../../../src/lib/content/schema.ts';
import { slugify } from '../../../src/lib/content/slug.ts';

const minimal = { title: 'Japan gains ground', description: 'A short dek.', publishedAt: '2026-11-24', tags: ['AI'] };

interface Problem {
  field: string;
  message: string;
}

/** The problems an editor would see: the dotted field and the message. */
function problems(input: unknown): Problem[] {
  const result = articleSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
}

/** Messages read "what is wrong; what to do" (the checker shows the part after "; " as the hint). */
const SAYS_WHAT_TO_DO = /; (?:add|write|use|set|remove|check|did you mean|an update cannot)\b/;

/** Exactly one problem, on `field`, saying what to do and mentioning each of `mentions`. */
function expectOneProblem(input: unknown, field: string, ...mentions: Array<string | RegExp>): string {
  const found = problems(input);
  expect(found, JSON.stringify(found)).toHaveLength(1);
  const [{ field: actual, message }] = found as [Problem];
  expect(actual).toBe(field);
  expect(message).toMatch(SAYS_WHAT_TO_DO);
  for (const mention of mentions) expect(message).toMatch(mention);
  return message;
}

function parsed(input: unknown) {
  const result = articleSchema.safeParse(input);
  if (!result.success) throw new Error(`expected valid front matter, got ${JSON.stringify(problems(input))}`);
  return result.data;
}

describe('a valid article', () => {
  it('needs only title, description, publishedAt and tags; the rest gets defaults', () => {
    expect(parsed(minimal)).toEqual({
      title: 'Japan gains ground',
      description: 'A short dek.',
      publishedAt: new Date('2026-11-24T00:00:00Z'),
      dayAlone: { publishedAt: true },
      tags: ['AI'],
      authors: [],
      related: [],
      formerSlugs: [],
      draft: false,
    });
  });

  it("gives readers the headline and dek with the body's quotation marks, in the article's language or else the site's", () => {
    const english = parsed({ ...minimal, title: 'Q&A: "Why passkeys still stall" at banks', description: "The provider's answer." });
    expect([english.title, english.description]).toEqual(['Q&A: “Why passkeys still stall” at banks', 'The provider’s answer.']);
    const german = parsed({ ...minimal, title: 'Scholz: "Wir schaffen das"', lang: 'de' });
    expect(german.title).toBe('Scholz: „Wir schaffen das“');
  });

  it("gives readers the lead picture's alt text with the same quotation marks as its headline", () => {
    const image = (alt: string, lang?: string) => parsed({ ...minimal, ...(lang ? { lang } : {}), image: { src: './lead.jpg', alt } }).image;
    expect(image('The "Halvorsen" depot\'s gate')).toEqual({ src: './lead.jpg', alt: 'The “Halvorsen” depot’s gate' });
    expect(image('Plakat: "Wir schaffen das"', 'de')?.alt).toBe('Plakat: „Wir schaffen das“');
  });

  it('reads the lead picture\'s alt text as typed where the file is checked or rewritten', () => {
    const typed = articleSchema.in.parse({ ...minimal, image: { src: './lead.jpg', alt: 'The "Halvorsen" depot' } });
    expect(typed.image?.alt).toBe('The "Halvorsen" depot');
  });

  it('accepts every documented field', () => {
    const data = parsed({
      ...minimal,
      updatedAt: '2026-11-25T08:30:00Z',
      authors: ['Mariko Tanaka', 'Alex Kim'],
      tags: ['AI', 'Policy', '日本'],
      source: { name: 'Tortoise Media', url: 'https://www.tortoisemedia.com/' },
      image: { src: './lead.jpg', alt: 'Servers in a data centre' },
      related: ['ai-infrastructure-costs-hybrid-cloud', 'x-vpn-no-logs-audit'],
      formerSlugs: ['japan-in-the-ai-race'],
      draft: true,
      slug: 'japan-ai-race',
    });
    expect(data.updatedAt).toEqual(new Date('2026-11-25T08:30:00Z'));
    expect(data.source).toEqual({ name: 'Tortoise Media', url: 'https://www.tortoisemedia.com/' });
    expect(data.image).toEqual({ src: './lead.jpg', alt: 'Servers in a data centre' });
    expect(data.slug).toBe('japan-ai-race');
    expect(data.formerSlugs).toEqual(['japan-in-the-ai-race']);
    expect(data.draft).toBe(true);
  });

  it('trims surrounding spaces from text fields', () => {
    expect(parsed({ ...minimal, title: '  Spaced out  ' }).title).toBe('Spaced out');
  });

  it('keeps emoji, whose two halves together are one character XML carries', () => {
    expect(parsed({ ...minimal, title: 'Launch 🚀', authors: ['Zoë 🎉'] }).title).toBe('Launch 🚀');
  });
});

describe('error messages name the field and say what to do', () => {
  it('lists every missing required field at once', () => {
    const found = problems({});
    expect(found.map((problem) => problem.field)).toEqual(['title', 'description', 'publishedAt', 'tags']);
    for (const { message } of found) expect(message).toMatch(SAYS_WHAT_TO_DO);
    expect(found.find((problem) => problem.field === 'publishedAt')?.message).toContain('2026-05-01');
    expect(found.find((problem) => problem.field === 'tags')?.message).toContain('["AI"');
  });

  it('leaves the joiners of emoji and of Persian and Indic spelling, tabs, line breaks and zero-width spaces (warned of by the check) to the text', () => {
    const texts = { title: 'Coders 👩\u200d💻 at work', description: 'می\u200cخواهم\tand\nक्\u200dष.', authors: ['Jane\u200bRoe'], tags: ['A\u2060I', 'Chip\ufeffs'] };
    expect(problems({ ...minimal, ...texts })).toEqual([]);
    // The flags of Scotland and Wales are written with tag characters, which close with CANCEL TAG.
    const flags = { title: 'Scotland \u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} and Wales \u{1F3F4}\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F} draw' };
    expect(problems({ ...minimal, ...flags })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string, ...RegExp[]]>([
    ['an empty title', { title: '   ' }, 'title', /empty/, /headline/],
    ['a title that is a number', { title: 42 }, 'title', /must be text, and YAML reads 42 as a number/, /"42"/],
    ['an empty description', { description: '' }, 'description', /empty/, /dek/],
    ['no tags', { tags: [] }, 'tags', /at least one tag/, /"AI"/],
    ['a bare "tags:" line', { tags: null }, 'tags', /empty/, /"AI"/],
    ['tags as a single string', { tags: 'AI' }, 'tags', /list/, /"AI"/],
    ['an empty tag', { tags: ['AI', ' '] }, 'tags.1', /empty/, /tag/],
    ['a tag YAML reads as true', { tags: ['AI', true] }, 'tags.1', /YAML reads true as a boolean/, /"true"/],
    ['a headline YAML reads as a date', { title: new Date('2026-05-01T00:00:00Z') }, 'title', /must be text, and YAML reads 2026-05-01 as a date/, /"2026-05-01"/],
    ['a tag YAML reads as a date and time', { tags: ['AI', new Date('2026-05-01T09:00:00Z')] }, 'tags.1', /YAML reads it as a date and time/, /double quotes/],
    ['a headline of invisible characters only', { title: '\u200b\u200b\ufeff' }, 'title', /is empty/, /headline/],
    ['a tag of a zero-width space and a soft hyphen', { tags: ['AI', '\u200b\u00ad'] }, 'tags.1', /empty/, /tag/],
    ['a headline of a Hangul filler, a letter that draws nothing', { title: '\u3164' }, 'title', /is empty/, /headline/],
    ['a byline of the half-width Hangul filler and the leading-consonant filler', { authors: ['\uffa0\u115f'] }, 'authors.0', /is empty/, /author/],
    ['a headline of blank braille patterns', { title: '\u2800 \u2800' }, 'title', /is empty/, /headline/],
    ['a dek of accents with no letter under them', { description: '\u0301\u0308' }, 'description', /is empty/, /dek/],
    ['a tag of variation selectors and a combining grapheme joiner', { tags: ['AI', '\ufe0f\u034f'] }, 'tags.1', /empty/, /tag/],
    ['an author of control characters', { authors: ['\u0007'] }, 'authors.0', /empty/, /author/],
    ['a headline with a control character among its words', { title: 'Chips \u000b shortage' }, 'title', /control character U\+000B/, /remove it/],
    ['a tag with an escape character', { tags: ['AI', 'Ctl\u001bTag'] }, 'tags.1', /control character U\+001B/],
    ['a headline with the noncharacter U+FFFE, which XML forbids too', { title: 'Chips \ufffe shortage' }, 'title', /invisible character U\+FFFE/, /XML feeds cannot carry/],
    ['a byline with half a surrogate pair', { authors: ['Jane \ud83d Roe'] }, 'authors.0', /invisible character U\+D83D/],
    ['a headline turned around by a right-to-left override', { title: 'Chips \u202eetaerc\u202c shortage' }, 'title', /U\+202E \(RIGHT-TO-LEFT OVERRIDE\)/, /reorders the text/, /; remove it/],
    ['a dek with a left-to-right embedding', { description: 'Prices \u202arose\u202c.' }, 'description', /U\+202A \(LEFT-TO-RIGHT EMBEDDING\)/],
    ['a byline with a first-strong isolate', { authors: ['\u2068Jane Roe\u2069'] }, 'authors.0', /U\+2068 \(FIRST STRONG ISOLATE\)/, /a direction mark \(U\+200F or U\+200E\) keeps it in place/],
    ['a headline hiding "ign" in tag characters', { title: 'Chips shortage\u{E0069}\u{E0067}\u{E006E}' }, 'title', /U\+E0069 \(TAG LATIN SMALL LETTER I\)/, /carries text no reader sees/],
    ['a byline with a lone CANCEL TAG', { authors: ['Jane Roe\u{E007F}'] }, 'authors.0', /U\+E007F \(CANCEL TAG\)/],
    ['a tag letter after a flag but never closed', { title: 'Flag \u{1F3F4}\u{E0067}\u{E0062}' }, 'title', /U\+E0067 \(TAG LATIN SMALL LETTER G\)/],
    ['a dek with a deprecated shaping control', { description: 'Prices \u206crose.' }, 'description', /U\+206C \(INHIBIT ARABIC FORM SHAPING\)/, /remove it/],
    ['a headline broken by a line separator', { title: 'Chips\u2028shortage' }, 'title', /U\+2028 \(LINE SEPARATOR\)/, /write a space instead/],
    ['a dek with a paragraph separator', { description: 'Prices rose.\u2029Again.' }, 'description', /U\+2029 \(PARAGRAPH SEPARATOR\)/],
    ['a headline with an interlinear annotation', { title: 'Chips \ufff9a\ufffab\ufffb shortage' }, 'title', /U\+FFF9 \(INTERLINEAR ANNOTATION ANCHOR\)/],
    ['a tag with the C1 control NEXT LINE', { tags: ['AI', 'Chip\u0085s'] }, 'tags.1', /control character U\+0085 \(NEXT LINE\)/, /remove it/],
    ['a headline with DELETE', { title: 'Chips\u007f shortage' }, 'title', /control character U\+007F \(DELETE\)/],
    ['a headline with a carriage return', { title: 'Chips\rshortage' }, 'title', /control character U\+000D \(CARRIAGE RETURN\)/],
    ['authors as a single string', { authors: 'Mariko Tanaka' }, 'authors', /list/, /\["Mariko Tanaka"\]/],
    ['tags written as one line of commas', { tags: 'AI, Cloud,' }, 'tags', /must be a list; write tags: \["AI", "Cloud"\]$/],
    ['bylines written as one line of commas', { authors: 'Jane Roe, John Doe' }, 'authors', /must be a list; write authors: \["Jane Roe", "John Doe"\]$/],
    ['related slugs written as one line', { related: 'chips, cloud-outage' }, 'related', /must be a list; write related: \["chips", "cloud-outage"\]$/],
    ['a former slug that is not a slug', { formerSlugs: ['Old Headline'] }, 'formerSlugs.0', /"Old Headline" is not a slug/],
    ['former slugs written as one line', { formerSlugs: 'old-one' }, 'formerSlugs', /must be a list; write formerSlugs: \["old-one"\]$/],
    ['tags as a map', { tags: { AI: true } }, 'tags', /must be a list; write tags: \["AI", "Policy"\]$/],
    ['draft as text', { draft: 'yes' }, 'draft', /true or false/],
    ['source as text', { source: 'Reuters' }, 'source', /name/, /url/, /https:\/\//],
    ['a source without a name', { source: { url: 'https://example.com/a' } }, 'source.name', /missing/, /publisher/],
    ['a source without a url', { source: { name: 'Reuters' } }, 'source.url', /missing/, /https:\/\//],
    ['a source id that cannot be a URL segment', { source: { id: 'Chip Wire', name: 'Chipwire', url: 'https://chipwire.example.com/a' } }, 'source.id', /"Chip Wire" is not a source id/, /chip-wire/],
    ['a source excerpt mark that is not true or false', { source: { name: 'Chipwire', url: 'https://chipwire.example.com/a', excerpt: 'yes' } }, 'source.excerpt', /true or false/],
    ['a slug with capitals and spaces', { slug: 'Japan AI' }, 'slug', /"Japan AI" is not a slug/, /write japan-ai \(/],
    ['a related entry that is not a slug', { related: ['ok-slug', 'Not A Slug'] }, 'related.1', /"Not A Slug" is not a slug/],
    ['a slug YAML reads as a number', { slug: 2026 }, 'slug', /must be text, and YAML reads 2026 as a number/, /"2026"/],
    ['a related entry YAML reads as a number', { related: [404] }, 'related.0', /YAML reads 404 as a number/, /"404"/],
  ])('%s', (_, change, field, ...mentions) => {
    expectOneProblem({ ...minimal, ...change }, field, ...mentions);
  });

  it('rejects an unknown field, since it is usually a typo, and suggests the right one', () => {
    expectOneProblem({ ...minimal, tilte: 'Typo' }, '', /unknown field "?tilte/, /title/);
    expectOneProblem({ ...minimal, formerSlug: ['old-name'] }, '', /unknown field "?formerSlug"/, /did you mean "formerSlugs"/);
  });

  it('lists the allowed fields when a name is nothing like any of them', () => {
    expectOneProblem({ ...minimal, colour: 'red' }, '', /unknown field "?colour/, /title, description, publishedAt/);
  });

  it('takes a field named as every JavaScript object\'s own (constructor) for an unknown field, not for another generator\'s name', () => {
    const message = expectOneProblem({ ...minimal, ...(JSON.parse('{"constructor": 1}') as object) }, '', /unknown field "constructor"/, /allowed: title, description/);
    expect(message).not.toMatch(/function|native code/);
  });

  it('rejects unknown fields inside source and image too', () => {
    expectOneProblem({ ...minimal, source: { name: 'X', url: 'https://x.example/', link: 'y' } }, 'source', /unknown field "?link/);
    expectOneProblem({ ...minimal, image: { src: './a.png', alt: 'A', caption: 'c' } }, 'image', /unknown field "?caption/);
  });

  describe('a value YAML reads as bytes (!!binary), pasted where text or a set of fields belongs', () => {
    const pasted = (field: string) => readFrontMatter(`---\n${field}: !!binary R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7\n---\n`).data as object;

    it.each([
      ['image', /image: \{ src: "\.\/photo\.jpg", alt: "What the photo shows" \}/],
      ['source', /source: \{ name: "Example Times", url: "https:\/\/example\.com\/story" \}/],
    ])('is one problem on %s, written out whole, not an unknown field for each byte', (field, written) => {
      expectOneProblem({ ...minimal, ...pasted(field) }, field, /is binary data \(YAML reads a value tagged !!binary as bytes\)/, written);
    });

    it.each(['title', 'publishedAt', 'slug'])('is named as binary data in %s, not as a set of fields', (field) => {
      const message = expectOneProblem({ ...minimal, ...pasted(field) }, field, /binary data/);
      expect(message).not.toMatch(/set of fields/);
    });
  });
});

describe('dates', () => {
  // Offset-less date-times must not depend on the machine's zone: pretend to be in New York.
  const zone = process.env.TZ;
  beforeAll(() => void (process.env.TZ = 'America/New_York'));
  afterAll(() => void (zone === undefined ? delete process.env.TZ : (process.env.TZ = zone)));

  it.each([
    ['a YAML date (already a Date)', new Date('2026-11-24T00:00:00Z'), '2026-11-24T00:00:00.000Z'],
    ['an ISO date, as midnight UTC', '2026-11-24', '2026-11-24T00:00:00.000Z'],
    ['a date-time in UTC', '2026-11-24T07:00:00Z', '2026-11-24T07:00:00.000Z'],
    ['a date-time with an offset, converted to the same instant', '2026-11-25T09:00:00+09:00', '2026-11-25T00:00:00.000Z'],
    ['a negative offset', '2026-09-22T07:45:00-04:00', '2026-09-22T11:45:00.000Z'],
    ['an offset without a colon', '2026-11-25T09:00:00+0900', '2026-11-25T00:00:00.000Z'],
    ['a date-time without an offset, read as UTC', '2026-11-24T07:00:00', '2026-11-24T07:00:00.000Z'],
    ['a space instead of T, without seconds', '2026-11-24 07:00', '2026-11-24T07:00:00.000Z'],
    ['fractional seconds', '2026-11-24T07:00:00.250Z', '2026-11-24T07:00:00.250Z'],
  ])('accepts %s', (_, input, instant) => {
    expect(parsed({ ...minimal, publishedAt: input }).publishedAt.toISOString()).toBe(instant);
  });

  it.each([
    ['words', 'yesterday'],
    ['a US-style date', '11/24/2026'],
    ['a month that does not exist', '2026-13-01'],
    ['a day that does not exist in its month', '2026-02-30'],
    ['31 April', '2026-04-31'],
    ['a minute out of range', '2026-11-24T07:61:00Z'],
    ['an offset out of range', '2026-11-24T07:00:00+25:00'],
    ['a bare number', 20261124],
    ['an invalid Date object', new Date('nope')],
  ])('rejects %s and shows the expected format', (_, input) => {
    expectOneProblem({ ...minimal, publishedAt: input }, 'publishedAt', /is not a date/, /2026-05-01T09:00:00Z/);
  });

  it.each([
    ['Nov 24, 2026', '2026-11-24'],
    ['24 November 2026', '2026-11-24'],
    ['Sept. 3rd, 2026', '2026-09-03'],
  ])('offers %s written as the date it names', (input, written) => {
    expectOneProblem({ ...minimal, publishedAt: input }, 'publishedAt', /is not a date/, `use ${written} or 2026-05-01T09:00:00Z`);
  });

  it.each([
    ['2026-11-5', '2026-11-05'],
    ['2026-11-05T10:00:00 Europe/Berlin', '2026-11-05T10:00:00+01:00'],
  ])('offers %s written as the schema reads it', (input, written) => {
    expectOneProblem({ ...minimal, publishedAt: input }, 'publishedAt', /is not a date/, `use ${written} or 2026-05-01T09:00:00Z`);
  });

  it.each([
    ['publishedAt', 20261105],
    ['publishedAt', '20261105'],
    ['updatedAt', 20261105],
    ['publishedAt', '2026/11/05'],
    ['updatedAt', '2026.11.05'],
  ])('offers %s: %j, year first, written with hyphens', (field, input) => {
    expectOneProblem({ ...minimal, publishedAt: '2026-11-01', [field]: input }, field, `${JSON.stringify(input)} is not a date; use 2026-11-05 or 2026-05-01T09:00:00Z`);
  });

  it('offers both readings of a day written in digits only, which is May or December by country', () => {
    expectOneProblem({ ...minimal, publishedAt: '05/12/2026' }, 'publishedAt', '"05/12/2026" is not a date; use 2026-12-05 if the day comes first, or 2026-05-12 if the month does');
    expectOneProblem({ ...minimal, publishedAt: '12.05.2026' }, 'publishedAt', 'use 2026-05-12 if the day comes first, or 2026-12-05 if the month does');
  });

  it.each([
    ['31/12/2026', '2026-12-31'],
    ['12/31/2026', '2026-12-31'],
    ['05/05/2026', '2026-05-05'],
  ])('offers the one reading of %s that is a day', (input, written) => {
    const message = expectOneProblem({ ...minimal, publishedAt: input }, 'publishedAt', `is not a date; use ${written} or 2026-05-01T09:00:00Z`);
    expect(message).not.toMatch(/if the month does/);
  });

  it.each(['11/24/2026', 'Nov 31, 2026', 'Nov 24, 2026 10:30', 'November 2026', 'Nov or Dec 24, 2026'])('offers no reading of %s, which has none certain', (input) => {
    expect(spelledOutDay(input)).toBeUndefined();
  });

  it('judges a date by the year written: refuses 1899 in any zone, and takes 1900 in its own zone though 1899 in UTC', () => {
    const dated = (text: string) => (readFrontMatter(`---\npublishedAt: ${text}\n---\n`).data as { publishedAt: unknown }).publishedAt;
    for (const written of ['1900-01-01T00:30:00+02:00', '1900-01-01T00:00:00+14:00']) {
      expect(problems({ ...minimal, publishedAt: dated(written) }), written).toEqual([]);
      expect(problems({ ...minimal, publishedAt: written }), written).toEqual([]);
    }
    expectOneProblem({ ...minimal, publishedAt: dated('1899-12-31') }, 'publishedAt', '1899-12-31 is too early: dates before 1900 are not accepted', /check the year/);
    expectOneProblem({ ...minimal, publishedAt: '1899-12-31' }, 'publishedAt', '1899-12-31 is too early: dates before 1900 are not accepted');
    for (const written of ['1899-12-31T23:00:00Z', '1899-12-31T23:00:00-02:00', '1899-12-31 23:59:59']) {
      expectOneProblem({ ...minimal, publishedAt: dated(written) }, 'publishedAt', `${written} is too early: dates before 1900 are not accepted`, /check the year/);
      expectOneProblem({ ...minimal, publishedAt: written }, 'publishedAt', `${written} is too early: dates before 1900 are not accepted`);
    }
    // An instant handed over without its text (by a tool, not front matter) is 1900 once it is 1900 anywhere.
    expect(problems({ ...minimal, publishedAt: new Date('1899-12-31T23:00:00Z') })).toEqual([]);
    expectOneProblem({ ...minimal, publishedAt: new Date('1899-12-31T09:59:59Z') }, 'publishedAt', '1899-12-31T09:59:59Z is too early');
  });

  it('accepts 29 February in a leap year only', () => {
    expect(parseDate('2028-02-29')?.toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(parseDate('2026-02-29')).toBeUndefined();
  });

  it('rejects an updatedAt before publishedAt, on the updatedAt field', () => {
    expectOneProblem(
      { ...minimal, publishedAt: '2026-11-24T09:00:00Z', updatedAt: '2026-11-24T08:59:59Z' },
      'updatedAt',
      '2026-11-24T08:59:59Z is before publishedAt 2026-11-24T09:00:00Z; an update cannot precede publication, so set updatedAt to publishedAt or later',
    );
  });

  it('says that an updatedAt written as the day of publication alone is midnight, before the piece was published', () => {
    const dated = (text: string) => (parseArticle('a.md', `---\npublishedAt: 2026-11-24T09:00:00Z\nupdatedAt: ${text}\n---\n`) as { article: { data: object } }).article.data;
    expectOneProblem(
      { ...minimal, ...dated('2026-11-24') },
      'updatedAt',
      "2026-11-24 is before publishedAt 2026-11-24T09:00:00Z; an update cannot precede publication, so set updatedAt to publishedAt or later (a date without a time is midnight UTC: write the update's time too, e.g. 2026-11-24T09:00:00Z)",
    );
    // Written with its time, though at midnight in UTC, it is named as written, and needs no word about days.
    expectOneProblem(
      { ...minimal, ...dated('2026-11-23T19:00:00-05:00') },
      'updatedAt',
      '2026-11-24T00:00:00Z is before publishedAt 2026-11-24T09:00:00Z; an update cannot precede publication, so set updatedAt to publishedAt or later',
    );
  });

  it('compares updatedAt and publishedAt as instants, offsets included', () => {
    // 09:00 in Tokyo is midnight UTC, so an update at 01:00Z comes after it even though "01" < "09".
    expect(problems({ ...minimal, publishedAt: '2026-11-25T09:00:00+09:00', updatedAt: '2026-11-25T01:00:00Z' })).toEqual([]);
  });

  it('allows updatedAt equal to publishedAt', () => {
    expect(problems({ ...minimal, publishedAt: '2026-11-24', updatedAt: '2026-11-24' })).toEqual([]);
  });
});

describe('links are http(s) only', () => {
  it.each(['https://www.tortoisemedia.com/', 'http://example.com/story?id=1'])('accepts a source url %s', (url) => {
    expect(problems({ ...minimal, source: { name: 'X', url } })).toEqual([]);
  });

  it.each(['javascript:alert(1)', 'ftp://example.com/a', 'data:text/html,hi', 'mailto:desk@example.com', '//example.com/a', 'example.com/story', ''])(
    'rejects a source url %j, saying to use a full web address',
    (url) => {
      expectOneProblem({ ...minimal, source: { name: 'X', url } }, 'source.url', `${JSON.stringify(url)} is not a web address`, /https:\/\//);
    },
  );

  it.each(['https://desk:secret@example.com/story', 'https://bank.example@phish.example/login'])('rejects a source url %j with a user name or password in it', (url) => {
    expectOneProblem({ ...minimal, source: { name: 'X', url } }, 'source.url', 'holds a user name or password before its host', /remove it/);
  });

  it('isWebUrl takes the allowed schemes', () => {
    expect(isWebUrl('mailto:desk@example.com', ['mailto:'])).toBe(true);
    expect(isWebUrl('http://example.com/', ['https:'])).toBe(false);
  });
});

describe('images', () => {
  it('accept a path next to the article or an absolute https URL', () => {
    expect(problems({ ...minimal, image: { src: './lead.jpg', alt: 'Lead' } })).toEqual([]);
    expect(problems({ ...minimal, image: { src: 'https://images.example.com/a.jpg', alt: 'Lead' } })).toEqual([]);
  });

  it("hand Astro's image() the path without the spaces around it, as the checker looks the file up", () => {
    const given: string[] = [];
    const schema = createArticleSchema(() => z.string().transform((path) => given.push(path) && path));
    expect(schema.safeParse({ ...minimal, image: { src: ' ./lead.jpg ', alt: 'Lead' } }).success).toBe(true);
    expect(given).toEqual(['./lead.jpg']);
  });

  describe("in Astro's collection, whose schema is built once", () => {
    /** An image() as Astro binds it to an entry's file: it records the paths it is given, after a pause as a file lookup takes. */
    const boundTo = (file: string, seen: string[][]) => () =>
      z.string().transform(async (path) => {
        await new Promise((settle) => setTimeout(settle, 5));
        seen.push([file, path]);
        return `${file}:${path}`;
      });

    it("hands each entry's picture to the image() bound to that entry, though the entries are parsed at once", async () => {
      const factory = collectionSchema();
      const seen: string[][] = [];
      const first = factory({ image: boundTo('first.md', seen) }).safeParseAsync({ ...minimal, image: { src: './a.jpg', alt: 'A' } });
      const second = factory({ image: boundTo('second.md', seen) }).safeParseAsync({ ...minimal, image: { src: './b.jpg', alt: 'B' } });
      const [a, b] = await Promise.all([first, second]);
      expect(a.data?.image?.src).toBe('first.md:./a.jpg');
      expect(b.data?.image?.src).toBe('second.md:./b.jpg');
      expect(seen.sort()).toEqual([
        ['first.md', './a.jpg'],
        ['second.md', './b.jpg'],
      ]);
      expect(factory({ image: boundTo('third.md', seen) })).toBe(factory({ image: boundTo('fourth.md', seen) }));
    });

    it('refuses a picture the entry\'s image() refuses, naming the field', async () => {
      const factory = collectionSchema();
      const refusing = () => z.string().refine(() => false, { message: 'Image ./gone.jpg does not exist.' });
      const result = await factory({ image: refusing }).safeParseAsync({ ...minimal, image: { src: './gone.jpg', alt: 'Gone' } });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['image.src']);
    });
  });

  it('need alt text', () => {
    expectOneProblem({ ...minimal, image: { src: './lead.jpg' } }, 'image.alt', /missing/, /readers who cannot see it/);
    expectOneProblem({ ...minimal, image: { src: './lead.jpg', alt: ' ' } }, 'image.alt', /empty/, /readers who cannot see it/);
  });

  it('tells an http:// picture to use its https:// address', () => {
    expectOneProblem({ ...minimal, image: { src: 'http://images.example.com/a.jpg', alt: 'Lead' } }, 'image.src', '"http://images.example.com/a.jpg" is an http:// address, which browsers show as not secure on an https page or do not load; use its https:// address');
  });

  it.each(['http://images.example.com/a.jpg', 'javascript:alert(1)', 'data:image/png;base64,AAAA'])(
    'reject %j, which is neither a local path nor an https URL',
    (src) => {
      expectOneProblem({ ...minimal, image: { src, alt: 'Lead' } }, 'image.src', /path next to the article/, /https:\/\//);
    },
  );
});

describe('slugs in front matter', () => {
  it.each(['japan-ai-race', '日本', 'québec-2026', 'データ-センター', 'हिन्दी'])('accepts %j', (slug) => {
    expect(problems({ ...minimal, slug, related: [slug] })).toEqual([]);
  });

  it('accepts every slug that a file name can produce, so any article can be listed under related', () => {
    for (const name of ['My_Article', 'データ センター', 'हिन्दी समाचार', 'İstanbul', 'C++ in 2026', 'Québec']) {
      expect(SLUG_PATTERN.test(slugify(name)), `${name} → ${slugify(name)}`).toBe(true);
    }
  });

  it('composes an accent typed as a letter and a combining mark, as file names are, so both spellings are one URL', () => {
    const decomposed = 'cafe\u0301-news';
    const result = articleSchema.safeParse({ ...minimal, slug: decomposed, related: [decomposed], story: decomposed });
    expect(result.success).toBe(true);
    const data = result.data!;
    expect([data.slug, data.related[0], data.story]).toEqual(['caf\u00e9-news', 'caf\u00e9-news', 'caf\u00e9-news']);
    expect(data.slug).toBe(slugify('café news'));
  });

  it.each(['Japan', 'two  spaces', '-leading', 'trailing-', 'double--hyphen', 'under_score'])('rejects %j', (slug) => {
    expectOneProblem({ ...minimal, slug }, 'slug', /is not a slug/);
  });

  it.each([
    ['My Great Story', 'my-great-story'],
    ['C++ in 2026!', 'c-plus-plus-in-2026'],
    ['under_score', 'under-score'],
    ['-leading', 'leading'],
    ['Québec News', 'québec-news'],
  ])('offers the slug the site makes of %j, which it then accepts', (written, made) => {
    expectOneProblem({ ...minimal, slug: written }, 'slug', `"${written}" is not a slug; write ${made} (lower-case words joined by hyphens)`);
    expectOneProblem({ ...minimal, related: ['ok', written] }, 'related.1', `write ${made} `);
    expect(parsed({ ...minimal, slug: made }).slug).toBe(made);
  });

  it.each([
    ['japan-ai-race.md', 'japan-ai-race'],
    ['desk/Japan AI Race.mdx', 'japan-ai-race'],
    ['/articles/japan-ai-race/', 'japan-ai-race'],
    ['https://news.example.org/articles/japan-ai-race/?utm_source=x', 'japan-ai-race'],
  ])('offers the slug of an article named by its file or its address (%j), not one made of the whole text', (written, made) => {
    const fix = `write ${made} (the article's slug alone, without its folder, address or .md)`;
    expectOneProblem({ ...minimal, related: ['ok', written] }, 'related.1', /^".+" is not a slug; write /, fix);
    expectOneProblem({ ...minimal, slug: written }, 'slug', fix);
  });

  it('offers no slug where the site would make none, or one too long to take', () => {
    expectOneProblem({ ...minimal, slug: '!!!' }, 'slug', '"!!!" is not a slug; use lower-case words joined by hyphens, e.g. japan-ai-race');
    const long = `Long ${'word '.repeat(50)}`;
    expect(problems({ ...minimal, slug: long })[0]?.message).toMatch(/is not a slug; use lower-case words joined by hyphens, e\.g\. japan-ai-race$/);
  });
});

describe('the article’s language', () => {
  it('is optional and kept in canonical spelling', () => {
    expect(parsed(minimal).lang).toBeUndefined();
    expect(parsed({ ...minimal, lang: ' de-ch ' }).lang).toBe('de-CH');
    expect(parsed({ ...minimal, lang: 'AR' }).lang).toBe('ar');
  });

  it.each(['de-', '', 'Klingon', 'Deutsch-CH'])('refuses %j, naming the field and giving an example tag', (lang) => {
    expectOneProblem({ ...minimal, lang }, 'lang', /is not a language tag/, /de-CH/);
  });

  it.each([
    ['english', 'en'],
    ['English', 'en'],
    ['Deutsch', 'de'],
    ['Français', 'fr'],
  ])('refuses the language name %j, giving its tag', (lang, tag) => {
    expectOneProblem({ ...minimal, lang }, 'lang', `"${lang}" is not a language tag; write ${tag} (a language tag is the language's code, not its name)`);
    expect(parsed({ ...minimal, lang: tag }).lang).toBe(tag);
  });

  it('refuses a locale written with underscores, giving the tag it stands for', () => {
    expectOneProblem({ ...minimal, lang: 'EN_us' }, 'lang', '"EN_us" is not a language tag; write en-US (language tags join their parts with hyphens)');
  });

  it('asks for quotes when YAML reads the value as something else', () => {
    expectOneProblem({ ...minimal, lang: 1 }, 'lang', /YAML reads 1 as a number/);
  });
});
