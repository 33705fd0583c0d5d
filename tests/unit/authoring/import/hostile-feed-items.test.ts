import { describe, expect, it } from 'vitest';
import { aggregateFeed, checkDraft, onlyDraft, rssItem } from '../../../helpers/feed-import.ts';

describe('feeds property tests found wanting (feed-properties.test.ts)', () => {
  it('files a tag and credits a byline without the direction marks an Arabic feed puts in them, so each has its one page', () => {
    const decision = onlyDraft(rssItem('<title>أخبار اليوم</title><description>نص الخبر.</description><category>\u200Fتقنية</category><category>AI\u061C</category><dc:creator>جين دو\u200E</dc:creator>'));
    expect(decision.draft.tags).toEqual(['تقنية', 'AI']);
    expect(decision.draft.authors).toEqual(['جين دو']);
    expect(checkDraft(decision)).toEqual([]);
  });

  it('reads a headline, byline, outlet or picture description of invisible characters alone as none, rather than refuse the item as empty', () => {
    const decision = onlyDraft(
      rssItem('<title>\u200E</title><description>Chip plant opens in Ohio. More to follow.</description><dc:creator>\u0301</dc:creator><source url="https://other.example/">\u3164</source><media:content url="https://img.example/plant.jpg" medium="image"><media:title>\u200D</media:title></media:content>'),
    );
    expect(decision.draft).toMatchObject({ title: 'Chip plant opens in Ohio', authors: [], source: { name: 'Wire' }, image: { src: 'https://img.example/plant.jpg', alt: 'Chip plant opens in Ohio' } });
    expect(checkDraft(decision)).toEqual([]);
  });

  it('credits a feed whose own title is invisible characters alone by its host, rather than refuse every item', () => {
    const feed = rssItem('<title>Chip plant opens</title><description>Body.</description>').replace('<title>Wire</title>', '<title>\u200F\u0301</title>');
    expect(onlyDraft(feed).draft.source.name).toBe('news.example');
  });

  it('imports a story whose text quotes an HTML tag, such as an XSS payload, as the text it is rather than refuse it for a broken image', () => {
    const decision = onlyDraft(rssItem('<title>A filter bypass</title><description>&lt;p&gt;The payload &amp;lt;img src=x onerror=alert(1)&amp;gt; slipped through.&lt;/p&gt;</description>'));
    expect(decision.draft.body).toBe(String.raw`The payload \<img src=x onerror=alert(1)> slipped through.`);
    expect(checkDraft(decision)).toEqual([]);
  });

  it('files a category that lists several topics as a tag each, as the check parts a tag, and keeps a place name whole', () => {
    const decision = onlyDraft(rssItem('<title>Clinics go digital</title><description>Body.</description><category>Health, Fitness</category><category>AI; Cloud</category><category>Washington, D.C.</category>'));
    expect(decision.draft.tags).toEqual(['Health', 'Fitness', 'AI', 'Cloud', 'Washington, D.C.']);
    expect(checkDraft(decision)).toEqual([]);
  });

  it('credits no byline made of no letter or digit, which would share the author page /authors/author/ with every other', () => {
    const decision = onlyDraft(rssItem('<title>Chip plant opens</title><description>Body.</description><dc:creator>-</dc:creator><dc:creator>😀</dc:creator><dc:creator>Jane Doe</dc:creator>'));
    expect(decision.draft.authors).toEqual(['Jane Doe']);
    expect(checkDraft(decision)).toEqual([]);
  });

  it('files two categories that would share a tag page (AI and A.I.) as one tag, the first', () => {
    const decision = onlyDraft(rssItem('<title>Models get cheaper</title><description>Body.</description><category>AI</category><category>A.I.</category><category>Wi-Fi</category><category>Wi Fi</category>'));
    expect(decision.draft.tags).toEqual(['AI', 'Wi-Fi']);
    expect(checkDraft(decision)).toEqual([]);
  });

  it('reads an escaped CDATA section in an Atom xhtml headline as what it holds, not its markers', () => {
    const feed = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><entry><link href="https://news.example/a/1"/><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">&lt;![CDATA[Chip plant]]&gt; opens</div></title><summary>It opens.</summary></entry></feed>';
    expect(onlyDraft(feed).draft.title).toBe('Chip plant opens');
  });

  it('publishes an item with no text from a full-text source as an excerpt, which leads readers on to the story, not as an empty page', () => {
    const [decision] = aggregateFeed(rssItem('<title>Chip plant opens in Ohio</title>'), { content: 'full', publish: 'auto' });
    if (decision?.kind !== 'import') throw new Error(`expected an item, got ${JSON.stringify(decision)}`);
    expect(decision.draft).toMatchObject({ draft: false, body: 'Chip plant opens in Ohio', source: { excerpt: true, url: 'https://news.example/a/1' } });
    expect(checkDraft(decision)).toEqual([]);
  });

  it('gives an excerpt of a post of emoji alone a body, its dek, rather than an empty page', () => {
    const [decision] = aggregateFeed(rssItem('<title>🎉🎉🎉</title><description>🎉🎉🎉 🚀</description>'), { content: 'excerpt', publish: 'auto' });
    if (decision?.kind !== 'import') throw new Error(`expected an item, got ${JSON.stringify(decision)}`);
    expect(decision.draft.body).toBe(decision.draft.description);
    expect(decision.draft.body).not.toBe('');
    expect(checkDraft(decision)).toEqual([]);
  });

  it('writes a rule so that a body opening with a boxed note in lower case ("tags: …") does not read as a second front matter', () => {
    const decision = onlyDraft(rssItem('<title>Chip plant opens</title><description>&lt;hr&gt;&lt;p&gt;tags: chips, ohio&lt;/p&gt;&lt;hr&gt;&lt;p&gt;The plant opens in May.&lt;/p&gt;</description>'));
    expect(decision.draft.body).toBe('* * *\n\ntags: chips, ohio\n\n* * *\n\nThe plant opens in May.');
    expect(checkDraft(decision)).toEqual([]);
  });

  it('starts a body’s headings at ## and goes down one level at a time, as a feed’s h3 subheads under no h2 (or an empty one) would skip one', () => {
    const decision = onlyDraft(rssItem('<title>Chip plant opens</title><description>&lt;h2&gt;&lt;/h2&gt;&lt;h3&gt;The plan&lt;/h3&gt;&lt;p&gt;It opens.&lt;/p&gt;&lt;h5&gt;Costs&lt;/h5&gt;&lt;p&gt;High.&lt;/p&gt;&lt;h1&gt;Next&lt;/h1&gt;&lt;p&gt;Soon.&lt;/p&gt;</description>'));
    expect(decision.draft.body).toBe('## The plan\n\nIt opens.\n\n### Costs\n\nHigh.\n\n## Next\n\nSoon.');
    expect(checkDraft(decision)).toEqual([]);
  });

  it('keeps inline code written against an address in the text as code, rather than let the address’s link run into it and show a picture', () => {
    const decision = onlyDraft(rssItem('<title>Clone the repository</title><description>&lt;p&gt;Clone https://git.example/repo&lt;code&gt;![logo](logo.png)&lt;/code&gt; today.&lt;/p&gt;</description>'));
    expect(decision.draft.body).toBe('Clone https://git.example/repo `![logo](logo.png)` today.');
    expect(checkDraft(decision)).toEqual([]);
  });
});
