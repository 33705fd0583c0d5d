/**
 * Where a search document is written for Pagefind's indexer, and the page a result of it links to. The indexer
 * takes a page's URL from its file's path. A folder per document (`articles/<slug>/index.html`, whose URL is the
 * page's own) cost the creation and removal of a folder on the disk for every article, so each document is a file
 * named after its page instead (`articles/<slug>.html`), and the search page links each result to `pageUrl` of
 * the URL the index holds for it.
 */

const FILE_ENDING = '.html';

/**
 * The file, relative to the documents' folder and with `/` between folders, of the document of the page at `url`
 * (`/articles/<slug>/`), with the slug's percent-encoding undone, as Pagefind percent-encodes the path itself.
 */
export function documentFile(url: string): string {
  const segments = url.split('/').filter(Boolean).map(decodeURIComponent);
  if (segments.length === 0 || segments.some((segment) => segment === '.' || segment === '..' || segment.includes('/'))) throw new Error(`${url} is not a page's URL`);
  return `${segments.join('/')}${FILE_ENDING}`;
}

/**
 * The URL of the page whose document Pagefind's index holds under `indexedUrl` (any base path before it kept):
 * `…/<slug>.html` is `…/<slug>/`. Pagefind gives a file named `index.html` its folder's URL (`…/`), which is the
 * document of a page whose slug is `index`.
 */
export function pageUrl(indexedUrl: string): string {
  return indexedUrl.endsWith(FILE_ENDING) ? `${indexedUrl.slice(0, -FILE_ENDING.length)}/` : `${indexedUrl}index/`;
}
