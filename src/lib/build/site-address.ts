/** SITE_URL is written into every canonical link, feed and sitemap entry: it must be a whole http(s) address. */
export function siteUrlProblem(siteUrl: string): string | undefined {
  const url = URL.parse(siteUrl);
  const isWeb = url !== null && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  if (isWeb) return url.username || url.password ? `SITE_URL="${url.origin}…" holds a user name or password, which every page would publish; set it to the site's public address` : undefined;
  return `SITE_URL="${siteUrl}" is not a web address; set it to the site's full address, such as https://news.example.org (and any path in BASE_PATH)`;
}
