import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { parseFeedText, type FeedEntry, type ParsedFeed } from '../../../../src/lib/authoring/import/parse-feed.ts';
import { uniqueSlug } from '../../../../src/lib/content/slug.ts';
import { createImportPlanner, planImport, slugForTitle, type ExistingArticle, type ImportDecision, type ImportOptions } from '../../../../src/lib/authoring/import/plan-import.ts';
import { articleSchema, SLUG_PATTERN } from '../../../../src/lib/content/schema.ts';
import { findStories } from '../../../../src/lib/stories/find-stories.ts';
import { checkDraft, onlyDraft, rssItem } from '../../../helpers/feed-import.ts';

const now = new Date('2026-06-01T12:00:00Z');
const options: ImportOptions = { folder: 'content/articles/imported', now, siteLang: 'en' };
const rss = parseFeedText(readFileSync(new URL('../../../fixtures/feeds/rss2.xml', import.meta.url), 'utf8'));

const LONG_BODY = [
  'Three foundries say their newest production lines will ship volume parts by December, but analysts point to yields that are still below sixty percent.',
  'The leader has booked capacity for at least four customers, most of them phone makers who want the power savings for next year’s flagship devices.',
  'Equipment suppliers report that the extreme ultraviolet tools needed for the densest layers are arriving late, which pushes some tape-outs into spring.',
  'Prices for the first wafers are expected to be half again as high as for the previous node, and the gap may persist well into the following year.',
  'Smaller chip designers say they will wait, because the cost of masks alone now exceeds what many of them raise in a funding round.',
].join(' ');

function feedOf(...entries: Array<Partial<FeedEntry>>): ParsedFeed {
  return {
    format: 'rss',
    title: 'Example Times',
    entries: entries.map((entry, i) => ({ title: `Story ${i}`, link: `https://times.example/story-${i}`, contentHtml: `<p>Story ${i}.</p>`, authors: [], categories: ['AI'], ...entry })),
  };
}

function existing(overrides: Partial<ExistingArticle> = {}): ExistingArticle {
  return {
    file: 'content/articles/existing.md',
    slug: 'existing',
    body: 'Unrelated text.',
    data: { tags: ['AI'], related: [], draft: false, publishedAt: new Date('2026-01-01T00:00:00Z') },
    ...overrides,
  };
}

const kinds = (decisions: ImportDecision[]) => decisions.map((decision) => decision.kind);

describe('planImport on a real fixture', () => {
  const decisions = planImport(rss, [], options);

  it('plans one draft per item, each file valid under the article schema', () => {
    expect(kinds(decisions)).toEqual(['import', 'import', 'import']);
    for (const decision of decisions) {
      if (decision.kind !== 'import') continue;
      expect(decision.file).toBe(`content/articles/imported/${decision.slug}.md`);
      const { data, content } = matter(decision.contents, {});
      const parsed = articleSchema.parse(data);
      expect(parsed.draft).toBe(true);
      expect(parsed.title).toBe(decision.title);
      expect(content.trim()).toBe(decision.draft.body);
    }
  });

  it('writes clean deks, tidy tags and the source without tracking parameters', () => {
    const [chips] = decisions;
    if (chips.kind !== 'import') throw new Error(chips.kind);
    expect(chips.slug).toBe('chipmakers-race-to-ship-2-nm-parts-before-the-years-end');
    expect(chips.draft.description).toBe('Three foundries say their 2 nm lines will ship volume parts by December. Analysts are not so sure, pointing to yields that are still below 60%.');
    expect(chips.draft.tags).toEqual(['Semiconductors', 'ai']);
    expect(chips.draft.source).toEqual({ name: 'The Circuit Ledger', url: 'https://circuitledger.example/2026/05/chipmakers-2nm-race/' });
    expect(chips.draft.body).toContain('[our April roadmap survey](https://circuitledger.example/2026/04/foundry-roadmaps/)');
    expect(chips.draft.body).toContain('![A 300 mm wafer under inspection light](https://circuitledger.example/wp-content/uploads/2026/05/wafer.jpg)');
    expect(chips.draft.body).not.toContain('pixel.wp.com');
  });

  it('spells tags the way the site already does', () => {
    const [chips] = planImport(rss, [existing()], options);
    expect(chips.kind === 'import' && chips.draft.tags).toEqual(['Semiconductors', 'AI']);
  });

  it('considers only the first --limit items', () => {
    expect(planImport(rss, [], { ...options, limit: 2 })).toHaveLength(2);
  });
});

describe('coverage the site already has', () => {
  it('skips an item whose link matches a source.url, however the link is spelled', () => {
    const article = existing({ slug: 'chips-story', file: 'content/articles/chips-story.md', sourceUrl: 'http://CircuitLedger.example/2026/05/chipmakers-2nm-race' });
    const [chips] = planImport(rss, [article], options);
    expect(chips).toMatchObject({ kind: 'duplicate', by: 'link', match: { slug: 'chips-story', file: 'content/articles/chips-story.md' } });
  });

  it('skips an item whose GUID matches a source.url', () => {
    const article = existing({ slug: 'eu-rules', sourceUrl: 'https://circuitledger.example/2026/05/eu-data-rules-qa' });
    const feed = feedOf({ link: 'https://elsewhere.example/syndicated', guid: 'https://circuitledger.example/2026/05/eu-data-rules-qa/' });
    expect(planImport(feed, [article], options)[0]).toMatchObject({ kind: 'duplicate', by: 'guid', match: { slug: 'eu-rules' } });
  });

  it('re-running on its own output plans nothing new', () => {
    const first = planImport(rss, [existing()], options);
    const written = first.flatMap((decision) =>
      decision.kind === 'import' ? [{ file: decision.file, slug: decision.slug, sourceUrl: decision.draft.source.url, body: decision.draft.body }] : [],
    );
    expect(kinds(planImport(rss, [existing(), ...written], options))).toEqual(['duplicate', 'duplicate', 'duplicate']);
  });

  it('skips a near-duplicate of an existing article from the same outlet unless similar items are allowed', () => {
    const article = existing({ slug: 'yields', body: LONG_BODY, source: { name: 'the example  times', url: 'https://times.example/yields' } });
    const feed = feedOf({ link: 'https://times.example/rewrite', contentHtml: `<p>${LONG_BODY.replace('below sixty percent', 'under sixty per cent')}</p>` });
    const [decision] = planImport(feed, [article], options);
    expect(decision.kind).toBe('similar');
    expect(decision.kind === 'similar' && decision.similarity).toBeGreaterThanOrEqual(0.8);
    expect(decision.kind === 'similar' && decision.match.slug).toBe('yields');
    expect(planImport(feed, [article], { ...options, allowSimilar: true })[0].kind).toBe('import');
  });

  it('imports a near-duplicate from another outlet, or of our own reporting: that is coverage, not a copy', () => {
    const feed = feedOf({ link: 'https://times.example/rewrite', contentHtml: `<p>${LONG_BODY}</p>` });
    const ours = existing({ slug: 'yields', body: LONG_BODY });
    const wire = existing({ slug: 'wire-yields', file: 'content/articles/wire-yields.md', body: LONG_BODY, source: { name: 'Meridian Wire', url: 'https://wire.example/yields' } });
    expect(kinds(planImport(feed, [ours, wire], options))).toEqual(['import']);
  });

  it('lets syndicated wire copy from three outlets in, and the three make one story', () => {
    const wireText = `<p>${LONG_BODY}</p>`;
    const outlets = ['Meridian Wire', 'The Circuit Ledger', 'Breach Bulletin'];
    const site: ExistingArticle[] = [];
    for (const [index, name] of outlets.entries()) {
      const feed = { ...feedOf({ title: 'Chipmakers race to ship 2 nm parts', link: `https://outlet-${index}.example/2nm`, contentHtml: wireText, publishedAt: new Date(Date.UTC(2026, 4, 30, 8 + index)) }), title: name };
      const [decision] = planImport(feed, site, options);
      if (decision?.kind !== 'import') throw new Error(`${name}: ${decision?.kind}`);
      site.push({ file: decision.file, slug: decision.slug, body: decision.draft.body, sourceUrl: decision.draft.source.url, source: decision.draft.source });
    }
    expect(site.map((article) => article.slug)).toEqual(['chipmakers-race-to-ship-2-nm-parts', 'chipmakers-race-to-ship-2-nm-parts-2', 'chipmakers-race-to-ship-2-nm-parts-3']);
    const published = site.map((article, index) => ({ slug: article.slug, title: 'Chipmakers race to ship 2 nm parts', description: 'Three foundries say their 2 nm lines will ship volume parts by December.', body: article.body, publishedAt: new Date(Date.UTC(2026, 4, 30, 8 + index)), source: article.source }));
    const stories = findStories(published, { windowHours: 72 });
    expect(stories).toHaveLength(1);
    expect(stories[0]!.articles).toEqual(site.map((article) => article.slug));
    expect(stories[0]!.outlets.map((outlet) => outlet.name)).toEqual(outlets);
  });

  it('catches the same story twice within one feed', () => {
    const feed = feedOf(
      { title: 'First', link: 'https://times.example/a', contentHtml: `<p>${LONG_BODY}</p>` },
      { title: 'Again', link: 'https://times.example/a?utm_source=x' },
      { title: 'Reworded', link: 'https://times.example/b', contentHtml: `<p>${LONG_BODY.replace('most of them phone makers', 'mostly handset makers')}</p>` },
    );
    const decisions = planImport(feed, [], options);
    expect(kinds(decisions)).toEqual(['import', 'duplicate', 'similar']);
    expect(decisions[1]).toMatchObject({ match: { slug: 'first' } });
  });

  it('imports every update of a live blog, whose items share one link, each under its own slug', () => {
    const update = (n: number, title = `Update ${n}: results come in`) => ({ title, guid: `live-${n}`, link: `https://times.example/live#update-${n}`, contentHtml: `<p>Update ${n}.</p>` });
    const decisions = planImport(feedOf(update(3, 'Update 1: results come in'), update(2), update(1)), [], options);
    expect(kinds(decisions)).toEqual(['import', 'import', 'import']);
    expect(decisions.map((decision) => decision.kind === 'import' && decision.slug)).toEqual(['update-1-results-come-in', 'update-2-results-come-in', 'update-1-results-come-in-2']);
  });

  it('knows an update imported before by its link, headline and text, and writes one that only shares its headline', () => {
    const update = (n: number, title = `Update ${n}: results come in`) => ({ title, guid: `live-${n}`, link: `https://times.example/live#update-${n}`, contentHtml: `<p>Update ${n}.</p>` });
    const imported = existing({ slug: 'update-1-results-come-in', sourceUrl: 'https://times.example/live', title: 'Update 1: results come in', body: 'Update 1.\n' });
    const decisions = planImport(feedOf(update(3, 'Update 1: results come in'), update(2), update(1)), [imported], options);
    expect(kinds(decisions)).toEqual(['import', 'import', 'duplicate']);
    expect(decisions[2]).toMatchObject({ by: 'link, headline and text', match: { slug: 'update-1-results-come-in' } });
  });

  it('takes the whole feed\'s shared links when given only its new entries, so a new update is not taken for the article an earlier one became', () => {
    const article = existing({ slug: 'update-1', sourceUrl: 'https://times.example/live' });
    const feed = feedOf({ title: 'Update 2', guid: 'live-2', link: 'https://times.example/live' }, { title: 'Update 1', guid: 'live-1', link: 'https://times.example/live' });
    const planner = createImportPlanner([article], { now, siteLang: options.siteLang });
    expect(kinds(planner.plan({ ...feed, entries: feed.entries.slice(0, 1) }, { folder: 'content/articles/imported', sharedLinks: new Set(['times.example/live']) }))).toEqual(['import']);
    expect(kinds(planImport({ ...feed, entries: feed.entries.slice(0, 1) }, [article], options))).toEqual(['duplicate']);
  });
});

describe('slugs', () => {
  it('never reuses a slug: existing articles, reserved names and earlier items push later ones to -2, -3', () => {
    const feed = feedOf({ title: 'Same Title' }, { title: 'Same title' }, { title: 'Same title!' });
    const decisions = planImport(feed, [existing({ slug: 'same-title' })], options, ['same-title-2']);
    expect(decisions.map((decision) => decision.kind === 'import' && decision.slug)).toEqual(['same-title-3', 'same-title-4', 'same-title-5']);
  });

  it('never takes another article\'s former slug, whose old address sends readers on to that article', () => {
    const moved = existing({ slug: 'new-name', data: { tags: ['AI'], related: [], formerSlugs: ['same-title'], draft: false, publishedAt: new Date('2026-01-01T00:00:00Z') } });
    const decisions = planImport(feedOf({ title: 'Same Title' }), [moved], options);
    expect(decisions.map((decision) => decision.kind === 'import' && decision.slug)).toEqual(['same-title-2']);
  });

  it('come from the headline via the site’s slugify, within the schema’s pattern', () => {
    expect(slugForTitle('C++ & Rust: what’s next?')).toBe('c-plus-plus-and-rust-whats-next');
    expect(slugForTitle('日本のAI戦略')).toBe('日本のai戦略');
    expect(slugForTitle('नमस्ते दुनिया')).toMatch(SLUG_PATTERN);
    expect(slugForTitle('🚀🚀')).toBe('');
    const long = slugForTitle('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('-')).toBe(false);
  });

  it('write the Cyrillic and Greek words of a headline that mixes them with Latin ones in Latin, so the slug is in one alphabet', () => {
    expect(slugForTitle('Яндекс launches Alice AI')).toBe('yandeks-launches-alice-ai');
    expect(slugForTitle('Apple представила новый iPhone 17')).toBe('apple-predstavila-novyy-iphone-17');
    expect(slugForTitle('Україна: Київстар restores service')).toBe('ukrayina-kiyivstar-restores-service');
    expect(slugForTitle('Ελλάδα bans AI')).toBe('ellada-bans-ai');
    expect(slugForTitle('Привет, Ελλάδα')).toBe('privet-ellada');
    // A headline in one alphabet keeps its own letters, as one in Japanese does.
    expect(slugForTitle('Яндекс запускает Алису')).toBe('яндекс-запускает-алису');
    expect(slugForTitle('Ελλάδα: νέος νόμος')).toBe('ελλάδα-νέος-νόμος');
    expect(slugForTitle('Яндекс и 日本')).toBe('яндекс-и-日本');
  });

  it('of a headline mixing alphabets pass the check without a warning, in the draft it writes', () => {
    const decision = onlyDraft(rssItem('<title>Яндекс launches Alice AI</title><description>Яндекс said its assistant now answers in English too.</description>'));
    expect(decision).toMatchObject({ slug: 'yandeks-launches-alice-ai', file: 'imported/yandeks-launches-alice-ai.md' });
    expect(checkDraft(decision)).toEqual([]);
  });

  it('stay within the schema’s 200 bytes for non-Latin headlines, clash suffix included, cut between words', () => {
    const bytes = (text: string) => Buffer.byteLength(text);
    const solid = slugForTitle('半導体'.repeat(25));
    expect(bytes(uniqueSlug(solid, new Set([solid])))).toBeLessThanOrEqual(200);
    expect('半導体'.repeat(25).startsWith(solid)).toBe(true);
    const words = slugForTitle('半導体の新工場 '.repeat(20));
    expect(bytes(words)).toBeLessThanOrEqual(200);
    expect(words).toMatch(/^(半導体の新工場-)+半導体の新工場$/);
    const [decision] = planImport(feedOf({ title: '半導体'.repeat(25) }), [], options);
    expect(decision).toMatchObject({ kind: 'import', slug: solid, file: `content/articles/imported/${solid}.md` });
  });

  it('fall back when the headline has no letters', () => {
    const [decision] = planImport(feedOf({ title: '🚀🚀' }), [], options);
    expect(decision.kind === 'import' && decision.slug).toBe('example-times-2026-06-01');
  });

  it('uniqueSlug counts up from 2', () => {
    expect(uniqueSlug('a', new Set())).toBe('a');
    expect(uniqueSlug('a', new Set(['a', 'a-2']))).toBe('a-3');
  });
});

describe('rejections', () => {
  it('rejects items without a link, with the reason', () => {
    expect(planImport(feedOf({ link: undefined, title: 'No link' }), [], options)[0]).toEqual({ kind: 'rejected', title: 'No link', reason: 'it has no http(s) link to the original story: no link, permalink GUID or audio or video enclosure' });
    // A hostile headline is named, not quoted whole, in the report.
    const [long] = planImport(feedOf({ link: undefined, title: `Chips ${'x'.repeat(5000)}` }), [], options);
    expect(long!.title).toHaveLength(120);
    expect(long!.title).toMatch(/^Chips x+…$/);
  });
});

describe('control characters in a feed', () => {
  // Lenient parsers let them through raw in XML, as character references, or as JSON escapes; the checker refuses them in front matter.
  const rssFeed = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Wire\u0008</title><link>https://wire.example/</link>
<item><title>Port\u0008 cranes&#x1b; go electric</title><link>https://wire.example/1</link><dc:creator>Ann\u000bLee</dc:creator><category>Ports\u001f</category><description>The port said on Monday\u0007 that its cranes run on power from the grid.</description></item></channel></rss>`;
  const jsonFeed = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Wire', items: [{ id: '1', url: 'https://wire.example/2', title: 'Ferries \u001b[31mgo\u0000 electric', summary: 'The ferry line said\u0002 its boats charge at the quay.', content_html: '<p>The ferry line said\u0002 its boats charge at the quay.</p>', authors: [{ name: 'Bo\u0007 Berg' }], tags: ['Ferries\u0001'] }] });

  it.each([
    ['RSS', rssFeed, { title: 'Port cranes go electric', description: 'The port said on Monday that its cranes run on power from the grid.', authors: ['Ann Lee'], tags: ['Ports'] }],
    ['JSON Feed', jsonFeed, { title: 'Ferries [31mgo electric', description: 'The ferry line said its boats charge at the quay.', authors: ['Bo Berg'], tags: ['Ferries'] }],
  ])('are dropped from the %s item’s headline, dek, authors and tags, so the item is imported', (_format, text, expected) => {
    const [decision] = planImport(parseFeedText(text), [], options);
    if (decision?.kind !== 'import') throw new Error(JSON.stringify(decision));
    expect(articleSchema.parse(matter(decision.contents, {}).data)).toMatchObject(expected);
  });
});

describe('invisible characters in a feed', () => {
  // Bidi controls and C1 controls the checker refuses, and zero-width characters it warns of; the joiners of emoji and Persian stay.
  const rssFeed = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Wire</title><link>https://wire.example/</link>
<item><title>Port &#x202E;cranes&#x202C; go\u0085 electric 👩&#x200D;💻</title><link>https://wire.example/1</link><dc:creator>Ann&#x2066; Lee&#x2069;</dc:creator><category>Por&#x200B;ts</category><category>می&#x200C;خواهم</category><description>The port said on Monday&#x2060; that its cranes&#xFEFF; run on power from the grid.</description></item></channel></rss>`;

  it('are dropped from the headline, dek, authors and tags, so the item is imported and the check finds nothing', () => {
    const [decision] = planImport(parseFeedText(rssFeed), [], options);
    if (decision?.kind !== 'import') throw new Error(JSON.stringify(decision));
    expect(articleSchema.parse(matter(decision.contents, {}).data)).toMatchObject({
      title: 'Port cranes go electric 👩\u200d💻',
      description: 'The port said on Monday that its cranes run on power from the grid.',
      authors: ['Ann Lee'],
      tags: ['Ports', 'می\u200cخواهم'],
    });
  });
});

describe('createImportPlanner: feed after feed against one content folder', () => {
  it('never plans a story or a slug twice across feeds, and shapes each feed\'s drafts its own way', () => {
    const planner = createImportPlanner([existing()], { now, siteLang: options.siteLang });
    const first = planner.plan(feedOf({ title: 'Chips rise' }), { folder: 'content/articles/aggregated/one' });
    const second = planner.plan(
      feedOf({ title: 'Chips rise', link: 'https://times.example/story-0?utm_source=x' }, { title: 'Chips rise', link: 'https://other.example/chips', contentHtml: '<p>Other words entirely.</p>' }),
      { folder: 'content/articles/aggregated/two', adaptDraft: (draft) => ({ ...draft, draft: false }) },
    );
    expect(kinds(first)).toEqual(['import']);
    expect(kinds(second)).toEqual(['duplicate', 'import']);
    const added = second[1] as Extract<ImportDecision, { kind: 'import' }>;
    expect(added.slug).toBe('chips-rise-2');
    expect(added.file).toBe('content/articles/aggregated/two/chips-rise-2.md');
    expect(added.contents).not.toContain('draft:');
    expect(planner.checkDrafts([...first, ...second])).toEqual([...first, ...second]);
  });
});

describe('a feed with hostile items', () => {
  const deep = (depth: number) => `${'<b>'.repeat(depth)}text${'</b>'.repeat(depth)}`;
  const item = (slug: string, fields: string) => `<item><link>https://wire.example/${slug}</link><guid>${slug}</guid>${fields}</item>`;
  const feedText = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title><link>https://wire.example/</link>
${item('plant', '<title>Chip plant opens</title><description>The plant opened on Friday.</description>')}
${item('cdata', `<title>Nested in CDATA</title><content:encoded><![CDATA[${'<b>'.repeat(200_000)}text]]></content:encoded>`)}
${item('escaped', `<title>Nested and escaped</title><description>${deep(50_000).replace(/</g, '&lt;').replace(/>/g, '&gt;')}</description>`)}
${item('xml', `<title>Nested as XML</title><description>${deep(50_000)}</description>`)}
${item('title', `<title>${deep(50_000)}</title><description>A headline nested fifty thousand deep.</description>`)}
${item('outage', '<title>Cloud outage traced to a config push</title><description>A single change took a region offline.</description>')}
</channel></rss>`;
  const reason = 'its HTML nests more than 100 elements deep, deeper than any article needs';

  it('refuses each hostile item quickly, by name where its headline is readable, and plans the rest', () => {
    const decisions = planImport(parseFeedText(feedText), [], options);
    expect(decisions.map((decision) => [decision.kind, decision.title, decision.kind === 'rejected' ? decision.reason : ''])).toEqual([
      ['import', 'Chip plant opens', ''],
      ['rejected', 'Nested in CDATA', reason],
      ['rejected', 'Nested and escaped', reason],
      ['rejected', 'Nested as XML', reason],
      ['rejected', 'https://wire.example/title', reason],
      ['import', 'Cloud outage traced to a config push', ''],
    ]);
  });
});
