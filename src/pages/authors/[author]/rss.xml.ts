/** One RSS 2.0 feed per author: the newest published articles of its listing. */
import { facetFeedRoute } from '../../../facet-feed-route.ts';

export const { getStaticPaths, GET } = facetFeedRoute('author', (index) => index.authors.all);
