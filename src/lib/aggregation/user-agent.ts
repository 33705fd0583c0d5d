/** The User-Agent the aggregator sends: the site's name and address, so a publisher can see who reads its feed and where it appears. */
export function aggregatorUserAgent(siteName: string, siteUrl: string): string {
  const product = siteName.replace(/[^A-Za-z0-9!#$%&'*+.^_`|~-]+/g, '-') || 'Newsdesk';
  return `${product}/1.0 (feed aggregator; +${siteUrl})`;
}
