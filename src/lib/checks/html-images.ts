/**
 * Raw-HTML pictures in a body (`<img src="./x.png">`, `<source srcset="…">`) that name a file beside the article:
 * Astro copies and optimises only Markdown images, so such a path is left pointing at nothing on the site.
 */
import { HAS_SCHEME } from '../content/url-scheme.ts';

const PICTURE_TAG = /<(img|source)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const PICTURE_ATTRIBUTE = /\s(src|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

/** False when `text` cannot hold such a tag: a cheap test before blanking code and looking tag by tag. */
export function mayHaveHtmlPictures(text: string): boolean {
  return /<(?:img|source)\b/i.test(text);
}

export interface RelativeHtmlPicture {
  /** Offset of the tag's `<` in the text. */
  index: number;
  /** `img` or `source`, as written. */
  tag: string;
  /** The relative path, one srcset candidate's URL when it came from srcset. */
  path: string;
}

/**
 * Every relative path in the `src` or `srcset` of an `<img>` or `<source>` in `text` (a body with its code already
 * blanked out). Web addresses, other schemes and root paths (`/logo.png`, served from public/) are fine.
 */
export function relativeHtmlPictures(text: string): RelativeHtmlPicture[] {
  // What is commented out never reaches the page; blanked, so offsets and line numbers hold.
  const uncommented = text.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
  const found: RelativeHtmlPicture[] = [];
  for (const tag of uncommented.matchAll(PICTURE_TAG)) {
    for (const attribute of tag[0].matchAll(PICTURE_ATTRIBUTE)) {
      const value = (attribute[2] ?? attribute[3] ?? attribute[4]!).trim();
      // srcset: comma-separated candidates, each a URL then an optional width or density.
      const paths = attribute[1]!.toLowerCase() === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!) : [value];
      // `{…}` is an MDX expression, whose value is the code's business (an imported image's src, say).
      for (const path of paths) if (path && !HAS_SCHEME.test(path) && !path.startsWith('/') && !path.startsWith('{')) found.push({ index: tag.index, tag: tag[1]!, path });
    }
  }
  return found;
}
