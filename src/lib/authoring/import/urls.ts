/** URLs from feeds: resolving relative ones, dropping tracking noise, and the comparison key used to spot coverage we already have. */
import { HOST_NAME } from '../../content/url-scheme.ts';

/** Query parameters that only track the click; they never change which story a link points to. */
const TRACKING_PARAMETER = /^(?:utm_.+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_hsenc|_hsmi|mkt_tok)$/i;

/** `href` resolved against `base` when it is an absolute http(s) URL afterwards; undefined otherwise (javascript:, data:, garbage). */
export function resolveWebUrl(href: string | undefined, base?: string): string | undefined {
  const text = href?.trim();
  if (!text) return undefined;
  let url: URL;
  try {
    url = base ? new URL(text, base) : new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!url.hostname) return undefined;
  return url.href;
}

/** Whether the address carries a user name or password, which anything published or committed must not. */
export function hasCredentials(address: string): boolean {
  const url = URL.parse(address);
  return Boolean(url?.username || url?.password);
}

/** `feed://host/rss` and `feed:https://host/rss`, which some readers write to hand links to a feed reader, as the address they stand for. */
export function withoutFeedScheme(address: string): string {
  return address.replace(/^feed:\/\//i, 'http://').replace(/^feed:(?=https?:)/i, '');
}

/**
 * The link as it should be stored: tracking parameters, the fragment and any user name or password removed (the
 * link is committed and published, and "https://bank.example@elsewhere.example/" names another host than it
 * seems to), everything else as published.
 */
export function cleanUrl(href: string): string {
  const url = new URL(href);
  url.username = '';
  url.password = '';
  for (const name of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMETER.test(name)) url.searchParams.delete(name);
  }
  url.hash = '';
  // URLSearchParams leaves a bare "?" behind when every parameter was removed.
  return url.href.replace(/\?$/, '');
}

/**
 * The identity of a story's or a feed's URL, the one comparison of addresses: http, https and feed: treated alike,
 * host case, a leading `www.` and default ports ignored, tracking parameters and the fragment dropped, remaining
 * parameters sorted, a trailing slash ignored; the rest of the path and the parameters still tell addresses apart.
 * Returns undefined for anything that is not an http(s) URL, so such values never match each other.
 */
export function urlKey(href: string | undefined): string | undefined {
  const absolute = resolveWebUrl(href && withoutFeedScheme(href.trim()));
  if (!absolute) return undefined;
  const url = new URL(cleanUrl(absolute));
  url.searchParams.sort();
  const path = url.pathname.replace(/\/+$/, '');
  const query = url.search.replace(/\?$/, '');
  const port = url.port ? `:${url.port}` : '';
  return `${siteHost(url.hostname)}${port}${path}${query}`;
}

/**
 * A host name as urlKey compares it: outlets serve the same pages on www.host and host; `www.com` stays a host of its
 * own. Every leading `www.` goes, so that a key read again as an address (state.ts reads old keys so) is the same key.
 */
function siteHost(hostname: string): string {
  return hostname.replace(/^(?:www\.)+(?=[^.]+\.)/, '');
}

/** The site an address is on, compared as urlKey compares hosts; undefined for anything that is not an http(s) URL. */
export function siteOf(href: string | undefined): string | undefined {
  const absolute = resolveWebUrl(href && withoutFeedScheme(href.trim()));
  return absolute && siteHost(new URL(absolute).hostname);
}

/**
 * The web address meant by `text` typed without its scheme (`example.com/feed`, `127.0.0.1:8080/feed.xml`), else
 * undefined: http:// for a machine's own or an IP address, which seldom serve https, else https://.
 */
export function addressWithoutScheme(text: string): string | undefined {
  const [host = '', port] = text.split('/', 1)[0]!.split(':');
  if (port !== undefined && !/^\d{1,5}$/.test(port)) return undefined;
  const local = host === 'localhost' || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host);
  // A feed's own file name (feed.xml) looks like a host name too.
  if (!local && (!HOST_NAME.test(host) || /\.(?:xml|rss|atom|rdf|json|html?|opml|txt)$/i.test(host))) return undefined;
  return `${local ? 'http' : 'https'}://${text}`;
}

/** What every command answers an address typed without its scheme: `give its whole address: https://…`; undefined for what reads as no address. */
export function wholeAddressAdvice(text: string): string | undefined {
  const address = addressWithoutScheme(text);
  return address && `give its whole address: ${address}`;
}
