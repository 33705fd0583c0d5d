/** The feed at an address: the address's own document, or else the first feed the web page there links to. */
import { FeedError, parseFeedText, type ParsedFeed } from '../lib/authoring/import/parse-feed.ts';
import { advertisedFeeds } from '../lib/authoring/import/html-page.ts';
import { fetchFeed, type FetchOptions } from './fetch-feed.ts';

export interface FoundFeed {
  /** The feed's address: the one given, or the one the page links to. */
  address: string;
  feed: ParsedFeed;
  /** The page that linked to the feed, when the address given was a page. */
  linkedFrom?: string;
  /** Where the feed was read from, when its address redirected there. */
  servedFrom?: string;
}

const redirected = (address: string, url: string | undefined) => (url !== undefined && url !== new URL(address).href ? { servedFrom: url } : {});

/**
 * Fetches and reads `address`; a web page there is followed to the first feed its head links to, as feed readers
 * do. Throws FetchError or FeedError, in the importer's words, when neither gives a feed.
 */
export async function findFeed(address: string, options: FetchOptions): Promise<FoundFeed> {
  const document = await fetchFeed(address, options);
  try {
    return { address, feed: parseFeedText(document.text, { baseUrl: document.url }), ...redirected(address, document.url) };
  } catch (error) {
    const page = document.url ?? address;
    const [linked] = error instanceof FeedError && error.kind === 'not-a-feed' ? advertisedFeeds(document.text, page) : [];
    if (linked === undefined) throw error;
    const feedDocument = await fetchFeed(linked, options);
    return { address: linked, feed: parseFeedText(feedDocument.text, { baseUrl: feedDocument.url }), linkedFrom: page, ...redirected(linked, feedDocument.url) };
  }
}
