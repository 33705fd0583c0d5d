import matter from 'gray-matter';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { buildDraft, serializeDraft, verifyDraftFile, type Draft } from '../../../../src/lib/authoring/import/draft.ts';
import { parseFeedText, type FeedEntry, type ParsedFeed } from '../../../../src/lib/authoring/import/parse-feed.ts';
import { markupInPlainText } from '../../../../src/lib/checks/plain-text-markup.ts';
import { articleSchema } from '../../../../src/lib/content/schema.ts';

const now = new Date('2026-06-01T12:00:00Z');
const siteLang = 'en';
const feed: ParsedFeed = { format: 'rss', title: 'Example Times', homeUrl: 'https://times.example/', entries: [] };

function entry(overrides: Partial<FeedEntry> = {}): FeedEntry {
  return {
    title: 'Headline',
    link: 'https://times.example/story?utm_source=rss#top',
    summaryHtml: '<p>The summary sentence. A second sentence.</p>',
    contentHtml: '<p>The body text.</p>',
    authors: ['Ada Lovelace'],
    categories: ['AI'],
    publishedAt: new Date('2026-05-01T09:30:00.123Z'),
    ...overrides,
  };
}

function draftOf(result: ReturnType<typeof buildDraft>): Draft {
  if (!result.ok) throw new Error(result.reason);
  return result.draft;
}

describe('buildDraft', () => {
  it('fills every field from the entry', () => {
    const draft = draftOf(buildDraft(entry(), feed, { now, siteLang }));
    expect(draft).toEqual({
      title: 'Headline',
      description: 'The summary sentence. A second sentence.',
      publishedAt: new Date('2026-05-01T09:30:00Z'),
      authors: ['Ada Lovelace'],
      tags: ['AI'],
      source: { name: 'Example Times', url: 'https://times.example/story' },
      body: 'The body text.',
      draft: true,
    });
  });

  it("keeps the feed's picture as a remote lead image, alt from the feed or else the headline", () => {
    expect(draftOf(buildDraft(entry({ image: { url: 'https://cdn.times.example/a.jpg', alt: 'A chip' } }), feed, { now, siteLang })).image).toEqual({ src: 'https://cdn.times.example/a.jpg', alt: 'A chip' });
    expect(draftOf(buildDraft(entry({ image: { url: 'https://cdn.times.example/a.jpg' } }), feed, { now, siteLang })).image).toEqual({ src: 'https://cdn.times.example/a.jpg', alt: 'Headline' });
    expect(draftOf(buildDraft(entry(), feed, { now, siteLang })).image).toBeUndefined();
  });

  it('leaves out of the body the picture it opens with when that is the lead picture, shown above it already', () => {
    const bodyOf = (contentHtml: string) => draftOf(buildDraft(entry({ contentHtml, image: { url: 'https://cdn.times.example/a.jpg?w=1200&h=630' } }), feed, { now, siteLang })).body;
    expect(bodyOf('<p><a href="/a.jpg"><img src="https://cdn.times.example/a.jpg?w=1200&amp;h=630" alt="Racks"></a></p><p>The body text.</p>')).toBe('The body text.');
    expect(bodyOf('<img src="https://cdn.times.example/a.jpg?w=1200&amp;h=630" alt="Racks"><br>The body text.')).toBe('The body text.');
    expect(bodyOf('<p>The body text.</p><p><img src="https://cdn.times.example/a.jpg?w=1200&amp;h=630" alt="Racks"></p>')).toBe('The body text.\n\n![Racks](https://cdn.times.example/a.jpg?w=1200&h=630)');
    expect(bodyOf('<p><img src="https://cdn.times.example/b.jpg" alt="Other"></p><p>The body text.</p>')).toBe('![Other](https://cdn.times.example/b.jpg)\n\nThe body text.');
  });

  it('writes the picture into the front matter, where the schema reads it back unchanged and readers see it typeset', () => {
    const draft = draftOf(buildDraft(entry({ image: { url: 'https://cdn.times.example/a.jpg?w=1200&h=630', alt: 'Racks: "cold" aisle' } }), feed, { now, siteLang }));
    const text = serializeDraft(draft);
    expect(verifyDraftFile(text, draft)).toEqual([]);
    expect(articleSchema.in.parse(matter(text, {}).data).image).toEqual({ src: 'https://cdn.times.example/a.jpg?w=1200&h=630', alt: 'Racks: "cold" aisle' });
    expect(articleSchema.parse(matter(text, {}).data).image?.alt).toBe('Racks: “cold” aisle');
  });

  it('cuts a headline or picture text longer than the schema takes, and leaves out a byline too long to be a name, rather than lose the item', () => {
    const sentence = 'Regulators in Brussels, Washington and Tokyo agreed on Monday to share the results of their audits of the largest cloud providers';
    const title = `${sentence}. ${sentence.replace('Monday', 'Tuesday')}. ${sentence.replace('Monday', 'Friday')}.`;
    const writer = `Ada Lovelace, ${'senior correspondent covering cloud infrastructure '.repeat(3)}`;
    const draft = draftOf(buildDraft(entry({ title, authors: [writer, 'Grace Hopper'], image: { url: 'https://cdn.times.example/a.jpg', alt: `${sentence}. `.repeat(10) } }), feed, { now, siteLang }));
    expect(title.length).toBeGreaterThan(300);
    expect(draft.title).toBe(`${sentence}. ${sentence.replace('Monday', 'Tuesday')}.`);
    expect(draft.authors).toEqual(['Grace Hopper']);
    expect(draft.image!.alt.length).toBeLessThanOrEqual(1000);
    expect(draft.image!.alt.startsWith(`${sentence}. ${sentence}.`)).toBe(true);
    expect(verifyDraftFile(serializeDraft(draft), draft)).toEqual([]);
    expect(articleSchema.safeParse(matter(serializeDraft(draft), {}).data).success).toBe(true);
  });

  it('cuts a one-sentence headline at a word, marked with an ellipsis', () => {
    const title = Array.from({ length: 60 }, (_, index) => `word${index}`).join(' ');
    const draft = draftOf(buildDraft(entry({ title }), feed, { now, siteLang }));
    expect([...draft.title].length).toBeLessThanOrEqual(300);
    expect(draft.title).toMatch(/^word0 word1 .* word\d+…$/);
    expect(title.startsWith(draft.title.slice(0, -1))).toBe(true);
  });

  it('dates undated entries from the feed, else now', () => {
    expect(draftOf(buildDraft(entry({ publishedAt: undefined }), { ...feed, publishedAt: new Date('2026-04-01T00:00:00Z') }, { now, siteLang })).publishedAt.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(draftOf(buildDraft(entry({ publishedAt: undefined }), feed, { now, siteLang })).publishedAt).toEqual(now);
  });

  it('dates an entry the feed dates in the future now, so it is not scheduled until then', () => {
    expect(draftOf(buildDraft(entry({ publishedAt: new Date('2099-11-30T00:00:00Z') }), feed, { now, siteLang })).publishedAt).toEqual(now);
    expect(draftOf(buildDraft(entry({ publishedAt: undefined }), { ...feed, publishedAt: new Date('2099-11-30T00:00:00Z') }, { now, siteLang })).publishedAt).toEqual(now);
  });

  it('takes the publisher name from --source-name, else the feed title, else the host', () => {
    expect(draftOf(buildDraft(entry(), feed, { now, siteLang, sourceName: 'The Times' })).source.name).toBe('The Times');
    expect(draftOf(buildDraft(entry(), { ...feed, title: undefined }, { now, siteLang })).source.name).toBe('times.example');
  });

  it('credits the outlet an item names as its own (an RSS <source>, as Google News gives) over the feed title, and --source-name over both', () => {
    expect(draftOf(buildDraft(entry({ outlet: 'Reuters' }), feed, { now, siteLang })).source).toEqual({ name: 'Reuters', url: 'https://times.example/story' });
    expect(draftOf(buildDraft(entry({ outlet: 'Reuters' }), feed, { now, siteLang, sourceName: 'The Times' })).source.name).toBe('The Times');
  });

  it('adds --tags, falls back to News, and writes tags the way the site spells them', () => {
    expect(draftOf(buildDraft(entry({ categories: [] }), feed, { now, siteLang })).tags).toEqual(['News']);
    expect(draftOf(buildDraft(entry({ categories: ['ai', 'Uncategorized', 'https://x.example/tags/y'] }), feed, { now, siteLang, extraTags: ['Policy', 'AI'], siteTags: new Map([['ai', 'AI']]) })).tags).toEqual(['AI', 'Policy']);
    // Paths are not topics, but a topic's name may hold a slash.
    expect(draftOf(buildDraft(entry({ categories: ['/category/tech', 'news/technology', 'blog/', 'AR/VR', 'C/C++', 'TCP/IP'] }), feed, { now, siteLang })).tags).toEqual(['AR/VR', 'C/C++', 'TCP/IP']);
  });

  it('uses the body as the body and the summary only when there is no body', () => {
    expect(draftOf(buildDraft(entry({ contentHtml: undefined }), feed, { now, siteLang })).body).toBe('The summary sentence. A second sentence.');
  });

  it('drops a heading that repeats the headline at the top of the body (Medium opens every post so), from body and dek', () => {
    const draft = draftOf(buildDraft(entry({ title: 'Scaling our cache to 10 TB', summaryHtml: undefined, contentHtml: '<h3>Scaling our cache  to 10&nbsp;TB</h3><p>Our cache grew tenfold.</p><h3>Scaling our cache to 10 TB</h3>' }), feed, { now, siteLang }));
    expect(draft.body).toBe('Our cache grew tenfold.\n\n## Scaling our cache to 10 TB');
    expect(draft.description).toBe('Our cache grew tenfold.');
  });

  it('derives a headline from the text of an untitled entry', () => {
    expect(draftOf(buildDraft(entry({ title: '', summaryHtml: undefined, contentHtml: '<p>Ligatures arrive in the terminal. More later.</p>' }), feed, { now, siteLang })).title).toBe('Ligatures arrive in the terminal');
  });

  it('rejects entries without a web link or without any text', () => {
    expect(buildDraft(entry({ link: undefined }), feed, { now, siteLang })).toEqual({ ok: false, reason: 'it has no http(s) link to the original story: no link, permalink GUID or audio or video enclosure' });
    expect(buildDraft(entry({ title: '', summaryHtml: undefined, contentHtml: undefined }), feed, { now, siteLang }).ok).toBe(false);
  });
});

describe('feeds that escape their text twice', () => {
  const draftsOf = (document: string) => parseFeedText(document).entries.map((item) => draftOf(buildDraft(item, feed, { now, siteLang })));

  it('give headlines, deks and bylines as readers expect them, which the content check then has nothing to say of', () => {
    const drafts = [
      ...draftsOf(
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><item><title>Q&amp;amp;A: AT&amp;amp;T</title><link>https://x.example/a</link><description><![CDATA[<p>Tom&amp;#39;s Q&amp;amp;A on chips.</p>]]></description><dc:creator>Anne O&amp;amp;#39;Neil</dc:creator></item></channel></rss>',
      ),
      ...draftsOf(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>2026-05-01T00:00:00Z</updated><entry><title type="text">Q&amp;amp;A: AT&amp;amp;T</title><summary type="text">Tom&amp;#39;s Q&amp;amp;A on chips.</summary><author><name>Anne O&amp;amp;#39;Neil</name></author><id>urn:1</id><link href="https://x.example/b"/><updated>2026-05-01T00:00:00Z</updated></entry></feed>',
      ),
      ...draftsOf(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', url: 'https://x.example/c', title: 'Q&amp;A: AT&amp;T', summary: 'Tom&#39;s Q&amp;A on chips.', authors: [{ name: 'Anne O&#39;Neil' }] }] })),
    ];
    for (const draft of drafts) {
      expect({ title: draft.title, description: draft.description, authors: draft.authors }).toEqual({ title: 'Q&A: AT&T', description: "Tom's Q&A on chips.", authors: ["Anne O'Neil"] });
      for (const text of [draft.title, draft.description, ...draft.authors]) expect(markupInPlainText(text), text).toBeUndefined();
    }
  });
});

describe('feeds that leave a CDATA section in a field, escaped or wrapped in a second one', () => {
  it('give the headline, dek and body it holds, without its markers, rather than show them or lose what they wrap', () => {
    const drafts = parseFeedText(
      [
        '<rss version="2.0"><channel><title>T</title>',
        '<item><title>&lt;![CDATA[Chips &amp;amp; ships]]&gt;</title><link>https://x.example/a</link><description>&lt;![CDATA[&lt;p&gt;The fab opens in May.&lt;/p&gt;]]&gt;</description></item>',
        '<item><title><![CDATA[<![CDATA[Fabs ship]]>]]></title><link>https://x.example/b</link><description><![CDATA[<![CDATA[<p>Shipping <b>starts</b> today.</p>]]>]]></description></item>',
        '</channel></rss>',
      ].join(''),
    ).entries.map((item) => draftOf(buildDraft(item, feed, { now, siteLang })));
    expect(drafts.map(({ title, description, body }) => ({ title, description, body }))).toEqual([
      { title: 'Chips & ships', description: 'The fab opens in May.', body: 'The fab opens in May.' },
      { title: 'Fabs ship', description: 'Shipping starts today.', body: 'Shipping **starts** today.' },
    ]);
  });

  it('in an Atom title, of any type', () => {
    const titles = parseFeedText(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><entry><title type="html">&lt;![CDATA[Chips &amp;amp; ships]]&gt;</title><id>urn:1</id><link href="https://x.example/a"/></entry><entry><title type="text">&lt;![CDATA[Fabs &amp;amp; ships]]&gt;</title><id>urn:2</id><link href="https://x.example/b"/></entry></feed>',
    ).entries.map((entry) => entry.title);
    expect(titles).toEqual(['Chips & ships', 'Fabs & ships']);
  });
});

describe('bylines as feeds write them', () => {
  it('leave out the "By" the site puts before every byline, and keep one name with its outlet whole', () => {
    const [draft] = parseFeedText(
      '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><item><title>Chips</title><link>https://x.example/a</link><dc:creator>By Jane Doe</dc:creator><dc:creator>BY: John Roe</dc:creator><dc:creator>Jane Doe, Reuters</dc:creator><dc:creator>Byron Smith</dc:creator></item></channel></rss>',
    ).entries.map((item) => draftOf(buildDraft(item, feed, { now, siteLang })));
    expect(draft!.authors).toEqual(['Jane Doe', 'John Roe', 'Jane Doe, Reuters', 'Byron Smith']);
  });
});

describe('serializeDraft: YAML that reads back exactly', () => {
  const tricky = [
    'yes',
    'null',
    '2026-05-01',
    '1e3',
    '#hashtag: not a comment',
    'Key: value pairs & colons',
    '"Quoted" and \'single\'',
    '--- three dashes',
    'Line one\nline two',
    'Tab\there and a backslash \\ too',
    '[not, a, list]',
    '{not: a map}',
    '@at `tick` *star &anchor !tag %percent |pipe >fold',
    '日本語の見出し — with “curly” quotes',
    'Emoji 🚀 and RTL עברית',
    '\u2028line separator',
  ];

  it.each(tricky)('keeps %j as a string in every field', (text) => {
    const draft: Draft = {
      title: text.trim() || 'x',
      description: text.trim() || 'x',
      publishedAt: new Date('2026-05-01T09:30:00Z'),
      authors: [text.trim() || 'x'],
      tags: [text.trim() || 'x'],
      source: { name: text.trim() || 'x', url: 'https://times.example/story' },
      image: { src: 'https://times.example/photo.jpg', alt: text.trim() || 'x' },
      body: 'Body.',
      draft: true,
    };
    const file = serializeDraft(draft);
    expect(verifyDraftFile(file, draft)).toEqual([]);
    // Astro reads front matter with js-yaml 4; it must agree with gray-matter.
    const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(file)![1];
    const astroView = articleSchema.in.parse(load(frontMatter));
    expect(astroView.title).toBe(draft.title);
    expect(astroView.authors).toEqual(draft.authors);
  });

  it('writes the layout editors are used to', () => {
    const draft = draftOf(buildDraft(entry(), feed, { now, siteLang }));
    expect(serializeDraft(draft)).toBe(
      [
        '---',
        'title: "Headline"',
        'description: "The summary sentence. A second sentence."',
        'publishedAt: 2026-05-01T09:30:00Z',
        'authors: ["Ada Lovelace"]',
        'tags: ["AI"]',
        'source:',
        '  name: "Example Times"',
        '  url: "https://times.example/story"',
        'draft: true',
        '---',
        '',
        'The body text.',
        '',
      ].join('\n'),
    );
    expect(matter(serializeDraft(draft), {}).data.draft).toBe(true);
  });
});

describe('the draft’s language', () => {
  it('is the one the feed declares when that is not the site’s, written after the image and read back unchanged', () => {
    const draft = draftOf(buildDraft(entry({ language: 'AR', image: { url: 'https://cdn.times.example/a.jpg', alt: 'A chip' } }), feed, { now, siteLang }));
    expect(draft.lang).toBe('ar');
    const file = serializeDraft(draft);
    expect(file).toContain('  alt: "A chip"\nlang: "ar"\ndraft: true\n');
    expect(verifyDraftFile(file, draft)).toEqual([]);
  });

  it('is left out when the feed declares the site’s language, or none', () => {
    for (const language of ['en', 'en-us', undefined]) {
      const draft = draftOf(buildDraft(entry({ language }), feed, { now, siteLang }));
      expect(draft.lang).toBeUndefined();
      expect(serializeDraft(draft)).not.toContain('lang:');
    }
  });
});

describe('verifyDraftFile', () => {
  const draft = draftOf(buildDraft(entry(), feed, { now, siteLang }));

  it('reports schema errors', () => {
    const broken = serializeDraft(draft).replace('tags: ["AI"]', 'tags: []');
    expect(verifyDraftFile(broken, draft).join()).toContain('tags');
  });

  it('reports fields that did not survive the round trip', () => {
    const changed = serializeDraft(draft).replace('title: "Headline"', 'title: Other');
    expect(verifyDraftFile(changed, draft)).toEqual(['title reads back as "Other", not "Headline"']);
  });
});

describe('serializeDraft: items from the sources registry', () => {
  it('records the source id and the excerpt mark, and writes no draft line for published items', () => {
    const draft: Draft = { ...draftOf(buildDraft(entry(), feed, { now, siteLang })), source: { id: 'example-times', name: 'Example Times', url: 'https://times.example/story', excerpt: true }, draft: false };
    const file = serializeDraft(draft);
    expect(file).toContain('source:\n  id: "example-times"\n  name: "Example Times"\n  url: "https://times.example/story"\n  excerpt: true\n---');
    expect(file).not.toContain('draft:');
    expect(verifyDraftFile(file, draft)).toEqual([]);
    expect(matter(file, {}).data.draft).toBeUndefined();
  });
});
