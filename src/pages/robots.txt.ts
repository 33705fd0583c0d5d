/** robots.txt: everything may be crawled; the sitemap index says what there is. */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/site/paths.ts';
import { paths } from '../site.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(site!.href, paths.asset('sitemap-index.xml'))}`, ''].join('\n'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
