/** One RSS 2.0 feed per tag: the newest published articles of its listing. */
import { facetFeedRoute } from '../../../facet-feed-route.ts';

export const { getStaticPaths, GET } = facetFeedRoute('tag', (index) => index.tags.all);
