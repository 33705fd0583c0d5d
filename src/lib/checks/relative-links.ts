/**
 * Relative links in an article's body that lead nowhere on the site: an article's page is /articles/<slug>/, so a
 * link resolves against that address, not against the article's file.
 */
import { basename } from 'node:path';
import { ARTICLE_LIKE_FILE } from '../content/article-file-name.ts';
import { slugify } from '../content/slug.ts';
import { HAS_SCHEME, HOST_NAME, isKeptInRawHtml, isSafeUrl, LINK_SCHEMES } from '../content/url-scheme.ts';

/** A link written in place whose address has no scheme, starts with no /, # or ?, and has a dot. */
const RELATIVE_DOTTED_LINK = /\]\(\s*<?(?![a-z][a-z\d+.-]*:|[/#?])[^\s)>]*\.[a-z]/i;
/** The same as a reference's definition (`[label]: ./report.pdf`). */
const RELATIVE_DOTTED_DEFINITION = /^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?(?![a-z][a-z\d+.-]*:|[/#?])[^\s)>]*\.[a-z]/im;

/** Whether `body` may hold such a link: a cheap test before its links are read (a definition needs "]:"). */
export function mayHaveRelativeFileLinks(body: string): boolean {
  return RELATIVE_DOTTED_LINK.test(body) || (body.includes(']:') && RELATIVE_DOTTED_DEFINITION.test(body));
}

/** A link in place or a definition whose scheme the site removes (`javascript:`, `data:`, `tel:`). */
const REMOVED_SCHEME_LINK = /\]\(\s*<?(?!(?:https?|mailto):)[a-z][a-z\d+.-]*:/i;
const REMOVED_SCHEME_DEFINITION = /^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?(?!(?:https?|mailto):)[a-z][a-z\d+.-]*:/im;

/** A cheap test: the definition's pattern, anchored at line starts, is tried only on a body that has "]:". */
export function mayHaveRemovedSchemeLinks(body: string): boolean {
  return REMOVED_SCHEME_LINK.test(body) || (body.includes(']:') && REMOVED_SCHEME_DEFINITION.test(body));
}

/**
 * A link or picture the build removes for its scheme: readers would see its text leading nowhere, or no picture.
 * `schemes` are those kept where it is written (raw HTML's pictures keep fewer than Markdown's).
 */
export function removedSchemeProblem(url: string, kind: 'link' | 'picture', schemes?: readonly string[]): { message: string; hint: string } | undefined {
  if (schemes ? isKeptInRawHtml(url, schemes) : isSafeUrl(url)) return undefined;
  const kept = LINK_SCHEMES.map((scheme) => `${scheme}:`).join(', ');
  return kind === 'link'
    ? { message: `the link "${shortened(url)}" is removed when the site is built (only ${kept} links are kept), so readers would see its text leading nowhere`, hint: 'link to a web page (https://…), or remove the link and keep its text' }
    : { message: `the picture "${shortened(url)}" is removed when the site is built, so readers would see a broken image`, hint: 'save the picture beside the article and write ![what it shows](./photo.png), or use an https:// URL' };
}

/** A `data:` address may be a whole file: the message shows its start. */
export const shortened = (url: string) => (url.length > 80 ? `${url.slice(0, 60)}…` : url);

/** Files an editor links to for download; a name with one of these extensions is a file, not a host. */
const FILE_EXTENSION = /\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|odp|rtf|csv|tsv|txt|json|xml|ya?ml|zip|gz|tgz|7z|tar|epub|key|numbers|pages|mp3|m4a|wav|ogg|mp4|m4v|mov|webm)$/i;
/** A page (its own matter) or a picture (the picture checks report those, given by reference included). */
const PAGE_OR_PICTURE = /\.(?:html?|png|jpe?g|gif|webp|avif|svg)$/i;

/** Whether `url` resolves against the article's page: no scheme, and no /, # or ? to start it. */
export function isRelativePath(url: string): boolean {
  return !HAS_SCHEME.test(url) && !/^[/#?]/.test(url);
}

/** What is wrong with a body link's `url`, or undefined when it leads somewhere. */
export function relativeLinkProblem(url: string): { message: string; hint: string } | undefined {
  if (!isRelativePath(url)) return undefined;
  const path = url.replace(/[?#].*/, '');
  if (ARTICLE_LIKE_FILE.test(path)) {
    return {
      message: `the link "${url}" names an article's file, which has no address on the site, so readers would find nothing there`,
      hint: `link to the article's page, e.g. [its headline](/articles/${slugify(basename(path).replace(ARTICLE_LIKE_FILE, ''))}/) (its slug field, if it has one, names the page instead)`,
    };
  }
  if (PAGE_OR_PICTURE.test(path)) return undefined;
  if (FILE_EXTENSION.test(path)) return unpublishedFileProblem(`the link "${url}"`, url, (published) => `link to ${published}`);
  const [first = ''] = path.split('/');
  if (!path.startsWith('.') && HOST_NAME.test(first)) {
    return {
      message: `the link "${url}" has no https:// in front, so it leads to a page of this site that does not exist`,
      hint: `write https://${url}`,
    };
  }
  return undefined;
}

/**
 * The problem with a relative `url` to a file beside the article, `named` as the message's subject; `refer` says how
 * to point at the file once it is under public/ (`link to /files/report.pdf`).
 */
export function unpublishedFileProblem(named: string, url: string, refer: (published: string) => string): { message: string; hint: string } {
  const name = basename(url.replace(/[?#].*/, ''));
  return {
    message: `${named} leads to a file beside the article, which the site does not publish, so readers would find nothing there`,
    hint: `put the file under public/ (public/files/${name}, say) and ${refer(`/files/${name}`)}`,
  };
}
