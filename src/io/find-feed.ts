/** The feed at an address: the address's own document, or else the first feed the web page there links to. */
import { FeedError, parseFeedText, type ParsedFeed } from '../lib/authoring/import/parse-feed.ts';
import { advertisedFeeds } from '../lib/authoring/import/html-page.ts';
import { fetchFeed, FetchError, withDecodingWarning, type FeedDocument, type FetchOptions } from './fetch-feed.ts';

export interface FoundFeed {
  /** The feed's address: the one given, or the one the page links to. */
  address: string;
  feed: ParsedFeed;
  /** The page that linked to the feed, when the address given was a page. */
  linkedFrom?: string;
  /** Where the feed was read from, when its address redirected there. */
  servedFrom?: string;
  /** With `servedFrom`: every redirect on the way was permanent (the publisher moved the feed for good). */
  movedPermanently?: boolean;
}

/**
 * Fetches and reads `address`; a web page there is followed to the first feed its head links to, as feed readers
 * do. Throws FetchError or FeedError, in the importer's words, when neither gives a feed.
 */
export async function findFeed(address: string, options: FetchOptions): Promise<FoundFeed> {
  const document = await fetchFeed(address, options);
  try {
    return { address, feed: readFeed(document), ...redirected(address, document) };
  } catch (error) {
    const page = document.url ?? address;
    const [linked] = error instanceof FeedError && error.kind === 'not-a-feed' ? advertisedFeeds(document.text, page) : [];
    if (linked === undefined) throw error;
    try {
      const feedDocument = await fetchFeed(linked, options);
      return { address: linked, feed: readFeed(feedDocument), linkedFrom: page, ...redirected(linked, feedDocument) };
    } catch (failure) {
      const why = `the page links to its feed at ${linked}, which cannot be read: ${(failure as Error).message}`;
      if (failure instanceof FeedError) throw new FeedError(failure.kind, why);
      if (failure instanceof FetchError) throw new FetchError(why);
      throw failure;
    }
  }
}

/** The document as a feed; a refusal says how the server labelled what it sent. */
function readFeed(document: FeedDocument): ParsedFeed {
  try {
    return withDecodingWarning(parseFeedText(document.text, { baseUrl: document.url, contentEncoding: document.headers?.['content-encoding'] }), document);
  } catch (error) {
    if (!(error instanceof FeedError) || !document.contentType) throw error;
    throw new FeedError(error.kind, `${error.message} (served as ${document.contentType})`);
  }
}

const redirected = (address: string, document: FeedDocument) =>
  document.url !== undefined && document.url !== new URL(address).href ? { servedFrom: document.url, movedPermanently: document.movedPermanently === true } : {};
