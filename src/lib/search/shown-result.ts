import { pageUrl } from './document-files.ts';
import { marksAroundWordsOnly } from './excerpt-marks.ts';
import { readableMeta } from './unsearchable-meta.ts';

/** What the result template shows of a page Pagefind found. */
export interface ShownPage {
  url: string;
  excerpt: string;
  meta: Readonly<Record<string, string | undefined>>;
}

/**
 * A search result whose data() gives what the result template shows: the page's own URL (./document-files.ts), its
 * metadata readable (./unsearchable-meta.ts) and its excerpt's highlights around words only (./excerpt-marks.ts).
 * The result as Pagefind gave it is left as it was, for what reads the index's own words.
 */
export function shownResult<Page extends ShownPage, Result extends { data(): Promise<Page> }>(result: Result): Result {
  const data = async () => {
    const page = await result.data();
    return { ...page, url: pageUrl(page.url), meta: readableMeta(page.meta), excerpt: marksAroundWordsOnly(page.excerpt) };
  };
  return { ...result, data };
}
