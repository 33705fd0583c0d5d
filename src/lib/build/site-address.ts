/**
 * SITE_URL is written into every canonical link, feed and sitemap entry: it must be a whole http(s) address. BASE_PATH
 * is in every link: it must be a path. siteUrlProblem says what is wrong with either.
 */
import { basePathProblem, createPaths } from '../site/paths.ts';

/**
 * `basePath` is BASE_PATH: links are made from the origin and it alone, so a path in SITE_URL is dropped from every
 * absolute URL; one that is not the base path means the site's addresses are not the ones its owner gave.
 */
export function siteUrlProblem(siteUrl: string, basePath: string): string | undefined {
  const baseProblem = basePathProblem(basePath);
  if (baseProblem) return baseProblem;
  const url = URL.parse(siteUrl);
  const isWeb = url !== null && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  // Build logs are often public: a password typed into the address is never repeated, even in one that does not parse.
  const shown = siteUrl.replace(/:[^/?#]*@/, ':…@');
  if (!isWeb) return `SITE_URL="${shown}" is not a web address; set it to the site's full address, such as https://news.example.org (and any path in BASE_PATH)`;
  if (url.username || url.password) return `SITE_URL="${shown}" holds a user name or password, which every page would publish; set it to the site's public address`;
  if (/[?#]/.test(siteUrl)) {
    return `SITE_URL="${siteUrl}" has a query or fragment (?… or #…), which canonical links, feeds and the sitemap would drop; set SITE_URL=${url.origin}${url.pathname === '/' ? '' : url.pathname}`;
  }
  const path = createPaths(url.pathname).root;
  const base = createPaths(basePath).root;
  // The address's path comes %-escaped (/d%C3%A9sk/ for /désk/), in either case of hex digit, as the base path may be written.
  const sent = (text: string) => new URL(text, url.origin).pathname.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());
  if (path !== '/' && sent(path) !== sent(base)) {
    return `SITE_URL="${siteUrl}" has the path ${path}, but BASE_PATH is ${base}: canonical links, feeds and the sitemap would leave ${path} out; set SITE_URL=${url.origin}, with BASE_PATH=${path} if the site lives there`;
  }
  return undefined;
}
