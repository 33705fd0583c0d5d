import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import matter from 'gray-matter';
import { parseDocument, DomUtils } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../../../src/lib/authoring/import/parse-feed.ts';
import type { ImportDecision } from '../../../../src/lib/authoring/import/plan-import.ts';
import { createMarkdownToHtml } from '../../../../src/lib/output/markdown-processor.ts';
import { REFUSED_CHARACTER, ZERO_WIDTH } from '../../../../src/lib/text/invisible-characters.ts';
import { feed, feedDocument } from '../../../helpers/feed-arbitraries.ts';
import { aggregateFeed, checkDraft, importFeed } from '../../../helpers/feed-import.ts';

const SITE = 'https://news.example.org';
/** Fixed, so a failure is the same on every run and machine; fast-check prints the shrunk feed. */
const RUN = { seed: 20261206, numRuns: 100 } as const;

/** What reached the planner's own validation or the checker's: the importer let through a draft it should have mended. */
const CHECKER_REJECTION = /^(?:the draft would not pass the checker|the content checker would reject it)/;

/**
 * What the check warns of that the importer does on purpose: a reference its publisher escaped twice is decoded once
 * more and what that gives stays text (README, "Importing coverage": `&amp;lt;b&amp;gt;` reads <b>).
 */
const LEFT_AS_DESIGNED = [/^checker warning on (?:title|description|tags\.\d+|authors\.\d+): readers would see .* as typed/];

/** How a feed is taken in: by `npm run import`, or by `npm run aggregate` as a source with these settings. */
type Intake = 'import' | { content: 'excerpt' | 'full'; publish: 'review' | 'auto' };
const intake: fc.Arbitrary<Intake> = fc.oneof(fc.constant('import' as const), fc.record({ content: fc.constantFrom('excerpt', 'full'), publish: fc.constantFrom('review', 'auto') }));

/** Everything wrong with what an import (or aggregation) makes of `document`, as sentences; empty when all is well. */
async function importProblems(document: string, toHtml: (body: string, lang?: string) => Promise<string>, how: Intake = 'import'): Promise<string[]> {
  let decisions: ImportDecision[];
  try {
    decisions = how === 'import' ? importFeed(document) : aggregateFeed(document, how);
  } catch (error) {
    if (error instanceof FeedError && error.message.trim()) return [];
    return [`the import threw ${String(error)}`];
  }
  const problems: string[] = [];
  for (const decision of decisions) {
    if (decision.kind === 'rejected' && CHECKER_REJECTION.test(decision.reason)) problems.push(`rejected by its own validation: ${decision.reason}`);
    if (decision.kind !== 'import') continue;
    const { draft, contents } = decision;
    problems.push(...checkDraft(decision).filter((problem) => !LEFT_AS_DESIGNED.some((pattern) => pattern.test(problem))));

    const { data, content } = matter(contents, {});
    // A published item's file has no `draft` line.
    const readBack = { ...data, draft: data.draft ?? false, publishedAt: data.publishedAt instanceof Date ? data.publishedAt.getTime() : data.publishedAt, body: content.trim() };
    const written = { ...draft, publishedAt: draft.publishedAt.getTime(), body: draft.body.trim(), source: Object.fromEntries(Object.entries(draft.source).filter(([, value]) => value !== undefined)) };
    if (!isDeepStrictEqual(readBack, written)) problems.push(`gray-matter reads ${JSON.stringify(readBack)}, not ${JSON.stringify(written)}`);
    if (!/^https?:\/\//.test(draft.source.url)) problems.push(`source.url ${draft.source.url}`);
    if (draft.image && !/^https:\/\//.test(draft.image.src)) problems.push(`image.src ${draft.image.src}`);
    for (const [field, value] of [['title', draft.title], ['description', draft.description]] as const) {
      if (REFUSED_CHARACTER.test(value) || ZERO_WIDTH.test(value)) problems.push(`${field} has an invisible character: ${JSON.stringify(value)}`);
      if (value.includes('<![CDATA[')) problems.push(`${field} has a CDATA section's markers: ${JSON.stringify(value)}`);
    }

    const html = await toHtml(draft.body, draft.lang);
    for (const element of DomUtils.findAll(() => true, parseDocument(html).children)) {
      if (['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'base', 'meta'].includes(element.name)) problems.push(`body renders <${element.name}>`);
      for (const [name, value] of Object.entries(element.attribs)) {
        if (/^on/i.test(name)) problems.push(`body renders ${name}= on <${element.name}>`);
        if (['href', 'src', 'srcset', 'action', 'formaction', 'poster'].includes(name) && /^\s*[a-z][a-z0-9+.-]*:/i.test(value) && !/^\s*(?:https?|mailto):/i.test(value)) problems.push(`body renders ${name}="${value}"`);
      }
    }
  }
  return problems;
}

describe('importing feeds nobody has seen', async () => {
  const toHtml = await createMarkdownToHtml(SITE);

  it('never crashes, and every draft passes the check, reads back and renders safely', async () => {
    const details = await fc.check(
      fc.asyncProperty(feed, intake, async (generated, how) => (await importProblems(feedDocument(generated), toHtml, how)).length === 0),
      RUN,
    );
    // The smallest failing feed, as its publisher would serve it, how it was taken in, and what went wrong with it.
    const [generated, how] = details.counterexample ?? [];
    const failure = generated === undefined ? null : feedDocument(generated);
    expect(failure === null ? null : { feed: failure, how, problems: await importProblems(failure, toHtml, how) }).toBeNull();
  });
});


describe('importing text its publisher escaped twice', async () => {
  const toHtml = await createMarkdownToHtml(SITE);
  /** What an outlet's HTML escaping writes, references by number for the typographic characters as many CMSs do. */
  const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/’/g, '&#8217;').replace(/“/g, '&#8220;').replace(/”/g, '&#x201D;');
  const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const headline = fc.array(fc.constantFrom('AT&T', 'R&D', 'Q&A', '3 < 4', 'a > b', '<b>', 'Tom’s', '“Chips”', 'café', 'fab', 'opens', 'Veltrix', '&', '—'), { minLength: 2, maxLength: 8 }).map((words) => words.join(' '));
  const LEAD = 'The plant opens in May.';
  /** One item carrying `text` as its headline, its summary and its body, each escaped once more than its field's type asks. */
  const feeds = (text: string) => {
    const html = `<p>${escapeHtml(escapeHtml(text))} ${LEAD}</p>`;
    return {
      rss: `<rss version="2.0"><channel><title>Wire</title><item><title>${escapeXml(escapeHtml(escapeHtml(text)))}</title><link>https://news.example/a/1</link><description>${escapeXml(html)}</description></item></channel></rss>`,
      atom: `<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:w</id><updated>2026-11-30T00:00:00Z</updated><entry><title type="html">${escapeXml(escapeHtml(escapeHtml(text)))}</title><id>urn:1</id><link href="https://news.example/a/2"/><updated>2026-11-30T00:00:00Z</updated><content type="html">${escapeXml(html)}</content></entry></feed>`,
      'atom text': `<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:w</id><updated>2026-11-30T00:00:00Z</updated><entry><title type="text">${escapeXml(escapeHtml(text))}</title><id>urn:1</id><link href="https://news.example/a/3"/><updated>2026-11-30T00:00:00Z</updated><summary type="text">${escapeXml(`${escapeHtml(text)} ${LEAD}`)}</summary></entry></feed>`,
      json: JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Wire', items: [{ id: '1', url: 'https://news.example/a/4', title: escapeHtml(text), summary: `${escapeHtml(text)} ${LEAD}`, content_html: html }] }),
    };
  };

  it('shows it as written, in the headline, the dek and the body, with nothing for the check to warn of but a tag written as text', async () => {
    const details = await fc.check(
      fc.asyncProperty(headline, intake, async (text, how) => {
        for (const document of Object.values(feeds(text))) {
          const decisions = how === 'import' ? importFeed(document) : aggregateFeed(document, how);
          if (decisions.length !== 1 || decisions[0]!.kind !== 'import') return false;
          const [decision] = decisions;
          const body = DomUtils.textContent(parseDocument(await toHtml(decision.draft.body)).children).replace(/\s+/g, ' ').trim();
          const warnings = checkDraft(decision).filter((problem) => !/readers would see "<b>" as typed/.test(problem));
          if (decision.draft.title !== text || decision.draft.description !== `${text} ${LEAD}` || body !== `${text} ${LEAD}` || warnings.length) return false;
        }
        return true;
      }),
      RUN,
    );
    const [text, how] = details.counterexample ?? [];
    const drafts = text === undefined ? null : Object.entries(feeds(text)).map(([format, document]) => {
      const [decision] = how === 'import' ? importFeed(document) : aggregateFeed(document, how!);
      return decision?.kind === 'import' ? { format, title: decision.draft.title, description: decision.draft.description, body: decision.draft.body, problems: checkDraft(decision) } : { format, decision };
    });
    expect(drafts === null ? null : { text, how, drafts }).toBeNull();
  });
});
