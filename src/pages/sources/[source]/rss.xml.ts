/** One RSS 2.0 feed per source: the newest published articles of its listing. */
import { facetFeedRoute } from '../../../facet-feed-route.ts';

export const { getStaticPaths, GET } = facetFeedRoute('source', (index) => index.sources.all);
