/**
 * `sources/feeds.opml`: every outlet the site follows, as an OPML file a reader's feed reader imports to follow them
 * too. A route with a parameter only so that a site following no outlet has no file (OPML needs one outline).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { followedFeedsOpml } from '../../lib/aggregation/opml.ts';
import { getSiteIndex, siteConfig } from '../../site.ts';

export const getStaticPaths = (async () => {
  const { sources } = await getSiteIndex();
  return sources.all.length > 0 ? [{ params: { list: 'feeds' }, props: { outlets: sources.all } }] : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute<Awaited<ReturnType<typeof getStaticPaths>>[number]['props']> = ({ props }) =>
  new Response(followedFeedsOpml(props.outlets, `The outlets ${siteConfig.name} follows`), { headers: { 'Content-Type': 'text/x-opml; charset=utf-8' } });
