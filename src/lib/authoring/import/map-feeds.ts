/** Each feed format's fields (namespaces included) onto the one `ParsedFeed` shape. */
import type { AtomFeed, MediaNs, parseFeed as parseWithFeedsmith } from 'feedsmith';
import { firstDate } from './feed-dates.ts';
import { contentImage, enclosureImage, feedImage, firstImage, mediaImage } from './feed-image.ts';
import { authorNames, enclosureLink, link, oneLine, plain, textAsHtml, uniqueNames, withoutArxivAnnouncement, withoutCoverageList, withoutOutlet } from './feed-fields.ts';
import { htmlLimitProblem, HtmlTooComplexError } from './html-limits.ts';
import { htmlToText, plainFeedText } from './html.ts';
import type { FeedEntry, ParsedFeed, ParseOptions } from './parse-feed.ts';
import { resolveWebUrl, siteOf } from './urls.ts';

/** What feedsmith returns, for each of the formats it detects. */
export type FeedsmithResult = ReturnType<typeof parseWithFeedsmith>;
type FeedOf<Format extends FeedsmithResult['format']> = Extract<FeedsmithResult, { format: Format }>['feed'];

/**
 * One item, read so that markup beyond the importer's bounds (html-limits.ts) refuses that item alone, quickly:
 * it keeps its identity (and its headline, when that was readable) and the reason, and loses the HTML.
 */
function readItem(identity: Pick<FeedEntry, 'link' | 'guid' | 'htmlBase'>, read: () => Omit<FeedEntry, 'link' | 'guid' | 'htmlBase'>): FeedEntry {
  let entry: FeedEntry;
  try {
    entry = { ...identity, ...read() };
  } catch (error) {
    if (!(error instanceof HtmlTooComplexError)) throw error;
    return { ...identity, title: '', authors: [], categories: [], refusal: error.message };
  }
  const { summaryHtml, contentHtml, ...readable } = entry;
  const refusal = [contentHtml, summaryHtml].map((html) => html && htmlLimitProblem(html)).find(Boolean);
  return refusal ? { ...readable, refusal } : entry;
}

/** RSS authors are often only an e-mail address; its local part is not a byline. */
function personName(person: { name?: string; email?: string } | undefined): string | undefined {
  return person?.name;
}

/** Media RSS's description of the item or its media:group, as HTML: the only text a YouTube entry carries. */
function mediaSummary(media: MediaNs.ItemOrFeed | undefined): string | undefined {
  const description = [media?.description, ...(media?.groups ?? []).map((group) => group.description)].find((text) => text?.value?.trim());
  if (!description?.value) return undefined;
  return description.type === 'html' ? description.value : textAsHtml(description.value);
}

/**
 * An RSS or RDF channel's format, title and home page, and the base its item links resolve against: its xml:base,
 * which any XML document may carry, over the address it was fetched from.
 */
function channel(format: 'rss' | 'rdf', feed: { link?: string; title?: string; xml?: { base?: string } }, options: ParseOptions) {
  const documentBase = xmlBase(feed, options.baseUrl);
  const homeUrl = link(feed.link, documentBase);
  return { base: documentBase ?? homeUrl, header: { format, title: plain(feed.title) || undefined, homeUrl } };
}

export function mapRss(feed: FeedOf<'rss'>, options: ParseOptions): ParsedFeed {
  const { base: feedBase, header } = channel('rss', feed, options);
  // A <source> on the feed's own site (some feeds cite themselves in every item) passes on no other outlet's story.
  const ownSites = new Set([siteOf(header.homeUrl), siteOf(options.baseUrl)].filter((site) => site !== undefined));
  return {
    ...header,
    publishedAt: firstDate(feed.pubDate, feed.lastBuildDate, feed.dc?.dates?.[0], feed.atom?.updated),
    entries: (feed.items ?? []).map((item) => {
      const base = xmlBase(item, feedBase);
      const guid = item.guid?.value;
      const permalink = item.guid?.isPermaLink === false ? undefined : guid;
      const pageLink = link(item.link, base) ?? link(item.atom?.links?.find((candidate) => !candidate.rel || candidate.rel === 'alternate')?.href, base) ?? resolveWebUrl(permalink);
      // The show notes' relative links are the site's, not the audio host's.
      const htmlBase = item.xml?.base || feed.xml?.base ? base : (pageLink ?? base);
      return readItem({ link: pageLink ?? enclosureLink(item.enclosures, base), guid, htmlBase }, () => {
        // Read inside readItem, as every field, so markup beyond the bounds refuses this item alone.
        const outlet = ownSites.has(siteOf(link(item.source?.url, base)) ?? '') ? '' : plain(item.source?.title);
        return {
          title: withoutOutlet(plain(item.title ?? item.dc?.titles?.[0]), outlet),
          ...(outlet ? { outlet } : {}),
          summaryHtml: withoutCoverageList(withoutArxivAnnouncement(item.description)) ?? mediaSummary(item.media),
          contentHtml: item.content?.encoded,
          publishedAt: firstDate(item.pubDate, item.dc?.dates?.[0], item.atom?.published, item.atom?.updated),
          authors: authorNames([...(item.authors ?? []).map(personName), ...(item.dc?.creators ?? []), ...(item.atom?.authors ?? []).map((author) => author.name), item.itunes?.author]),
          categories: uniqueNames([...(item.categories ?? []).map((category) => category.name), ...(item.dc?.subjects ?? [])]),
          language: item.dc?.languages?.[0] ?? feed.language ?? feed.dc?.languages?.[0],
          image: firstImage(
            () => mediaImage(item.media, base),
            () => enclosureImage(item.enclosures, base),
            // A podcast episode's artwork.
            () => feedImage(item.itunes?.image, base),
            () => contentImage(item.content?.encoded ?? item.description, htmlBase),
          ),
        };
      });
    }),
  };
}

export function mapRdf(feed: FeedOf<'rdf'>, options: ParseOptions): ParsedFeed {
  const { base, header } = channel('rdf', feed, options);
  return {
    ...header,
    publishedAt: firstDate(feed.dc?.dates?.[0]),
    entries: (feed.items ?? []).map((item) => {
      const itemLink = link(item.link, base) ?? resolveWebUrl(item.rdf?.about);
      const htmlBase = itemLink ?? base;
      return readItem({ link: itemLink, guid: item.rdf?.about, htmlBase }, () => ({
        title: plain(item.title),
        summaryHtml: item.description,
        contentHtml: item.content?.encoded,
        publishedAt: firstDate(item.dc?.dates?.[0], item.dcterms?.modified?.[0]),
        authors: authorNames(item.dc?.creators ?? []),
        categories: uniqueNames(item.dc?.subjects ?? []),
        language: item.dc?.languages?.[0] ?? feed.dc?.languages?.[0],
        image: contentImage(item.content?.encoded ?? item.description, htmlBase),
      }));
    }),
  };
}

/** Atom text constructs say what they hold: type="text" is plain, "html" and "xhtml" carry markup. */
function atomText(text: AtomFeed.Text | undefined): string {
  if (!text?.value) return '';
  return oneLine(text.type === 'html' || text.type === 'xhtml' ? htmlToText(text.value) : plainFeedText(text.value));
}

function atomHtml(text: AtomFeed.Text | AtomFeed.Content | undefined): string | undefined {
  if (!text?.value) return undefined;
  return text.type === 'html' || text.type === 'xhtml' || text.type?.includes('html') ? text.value : textAsHtml(text.value);
}

/** A link's type that names a web page, or none (which Atom leaves to the page itself). */
const isPageType = (type: string | undefined) => !type || /^(?:text\/html|application\/xhtml\+xml)\s*(?:;|$)/i.test(type.trim());

/** The alternate that is a web page, where Atom offers others too (JSON, another feed), else the first alternate. */
function atomAlternate(links: FeedOf<'atom'>['links'] | undefined, base: string | undefined): string | undefined {
  const alternates = links?.filter((candidate) => !candidate.rel || candidate.rel === 'alternate') ?? [];
  const alternate = alternates.find((candidate) => isPageType(candidate.type)) ?? alternates[0];
  return link(alternate?.href, base);
}

/** An element's xml:base resolved against the base around it (Atom's rule for relative links), else that base. */
function xmlBase(element: { xml?: { base?: string } }, outer: string | undefined): string | undefined {
  return link(element.xml?.base, outer) ?? outer;
}

export function mapAtom(feed: FeedOf<'atom'>, options: ParseOptions): ParsedFeed {
  const documentBase = xmlBase(feed, options.baseUrl);
  const homeUrl = atomAlternate(feed.links, documentBase);
  const selfUrl = link(feed.links?.find((candidate) => candidate.rel === 'self')?.href, documentBase);
  const base = documentBase ?? homeUrl ?? selfUrl;
  const feedAuthors = authorNames((feed.authors ?? []).map((author) => author.name));
  return {
    format: 'atom',
    title: atomText(feed.title) || undefined,
    homeUrl,
    publishedAt: firstDate(feed.updated),
    entries: (feed.entries ?? []).map((entry) => {
      const entryBase = xmlBase(entry, base);
      const entryLink = atomAlternate(entry.links, entryBase) ?? resolveWebUrl(entry.id);
      const htmlBase = entry.xml?.base || feed.xml?.base ? entryBase : (entryLink ?? entryBase);
      const enclosures = entry.links?.filter((candidate) => candidate.rel === 'enclosure');
      return readItem({ link: entryLink ?? enclosureLink(enclosures, entryBase), guid: entry.id, htmlBase }, () => {
        // arXiv's Atom feed, as its RSS, names a paper's authors in one <name> and opens each summary with its announcement.
        const authors = authorNames((entry.authors ?? []).map((author) => author.name));
        const summary = entry.summary && { ...entry.summary, value: withoutArxivAnnouncement(entry.summary.value) };
        return {
          title: atomText(entry.title),
          summaryHtml: atomHtml(summary) ?? mediaSummary(entry.media),
          contentHtml: entry.content?.src ? undefined : atomHtml(entry.content),
          publishedAt: firstDate(entry.published, entry.updated),
          authors: authors.length ? authors : feedAuthors,
          categories: uniqueNames((entry.categories ?? []).map((category) => category.label ?? category.term)),
          // xml:lang, like xml:base, holds for everything inside the element that carries it.
          language: entry.xml?.lang ?? feed.xml?.lang,
          image: firstImage(
            () => mediaImage(entry.media, entryBase),
            () => enclosureImage(enclosures, entryBase),
            () => contentImage(atomHtml(entry.content) ?? atomHtml(entry.summary), htmlBase),
          ),
        };
      });
    }),
  };
}

export function mapJson(feed: FeedOf<'json'>, options: ParseOptions): ParsedFeed {
  const homeUrl = link(feed.home_page_url, options.baseUrl);
  const base = options.baseUrl ?? homeUrl ?? link(feed.feed_url, undefined);
  const feedAuthors = authorNames((feed.authors ?? []).map((author) => author.name));
  return {
    format: 'json',
    title: plain(feed.title) || undefined,
    homeUrl,
    entries: (feed.items ?? []).map((item) => {
      const itemLink = link(item.url, base) ?? link(item.external_url, base) ?? resolveWebUrl(item.id);
      const htmlBase = itemLink ?? base;
      const attachments = item.attachments?.map((attachment) => ({ url: attachment.url, type: attachment.mime_type }));
      return readItem({ link: itemLink ?? enclosureLink(attachments, base), guid: item.id, htmlBase }, () => {
        const authors = authorNames((item.authors ?? []).map((author) => author.name));
        return {
          title: plain(item.title),
          summaryHtml: textAsHtml(item.summary),
          contentHtml: item.content_html ?? textAsHtml(item.content_text),
          publishedAt: firstDate(item.date_published, item.date_modified),
          authors: authors.length ? authors : feedAuthors,
          categories: uniqueNames(item.tags ?? []),
          language: item.language ?? feed.language,
          image: firstImage(
            () => feedImage(item.image ?? item.banner_image, base),
            () => contentImage(item.content_html, htmlBase),
          ),
        };
      });
    }),
  };
}
