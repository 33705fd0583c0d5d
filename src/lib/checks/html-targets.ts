/**
 * Raw-HTML paths in a body (`<img src="./x.png">`, `<video src="./clip.mp4">`, `<a href="./report.pdf">`) that name a
 * file beside the article: Astro copies and optimises only Markdown images, and the site publishes no other file
 * from the content folder, so such a path is left pointing at nothing on the site. Links and pictures whose scheme
 * the build removes (`<a href="tel:…">`, `<img src="data:…">`) lead nowhere either, an iframe of anything but a
 * video player is removed whole, and so is a `<noscript>` with all it holds.
 */
import { isImagePath } from './bundled-files.ts';
import { isKeptInRawHtml, isProtocolRelative, LINK_SCHEMES, MEDIA_SCHEMES_BY_TAG } from '../content/url-scheme.ts';
import { keptEmbedUrl } from '../output/embeds.ts';
import { isRelativePath, relativeLinkProblem, removedSchemeProblem, shortened, unpublishedFileProblem } from './relative-links.ts';

/** The tags whose paths a reader's browser fetches or follows, and the attributes that hold them. */
const TARGET_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
  a: ['href'],
};
/** Before a tag's `<`: no backslash, or an even run of them, since Markdown reads `\<img …>` as the text it shows. */
const NOT_ESCAPED = String.raw`(?<=(?:^|[^\\])(?:\\\\)*)`;
const TARGET_TAG = new RegExp(String.raw`${NOT_ESCAPED}<(img|source|video|audio|track|iframe|a)(?=[\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>`, 'gi');
const TARGET_ATTRIBUTE = /\s(src|srcset|poster|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

/** False when `text` cannot hold such a tag: a cheap test before blanking code and looking tag by tag. */
export function mayHaveHtmlTargets(text: string): boolean {
  return /<(?:img|source|video|audio|track|iframe|a)[\s/>]/i.test(text);
}

export interface RelativeHtmlTarget {
  /** Offset of the tag's `<` in the text. */
  index: number;
  /** `img`, `video`, `a`…, as written. */
  tag: string;
  /** `src`, `srcset`, `poster` or `href`, in lower case. */
  attribute: string;
  /** The path or address, one srcset candidate's URL when it came from srcset. */
  path: string;
}

/**
 * Every relative path in the attributes above of those tags in `text` (a body with its code already blanked out).
 * Web addresses, other schemes, root paths (`/logo.png`, served from public/) and fragments are fine.
 */
export function relativeHtmlTargets(text: string): RelativeHtmlTarget[] {
  // An iframe keeps only a video player's address, never a path: warned of with the addresses the build removes.
  return htmlTargets(text).filter((target) => isRelativePath(target.path) && target.tag.toLowerCase() !== 'iframe');
}

/**
 * A link, picture, video, audio, poster or caption track in `text` whose address the build removes, with what is
 * wrong with it: readers would see the link's text leading nowhere, a broken image, or a player with nothing to play.
 * The schemes kept are the sanitiser's, tag by tag (url-scheme.ts), so a caption track over http: is warned of too.
 */
export function removedSchemeHtmlTargets(text: string): Array<RelativeHtmlTarget & { message: string; hint: string }> {
  return htmlTargets(text).flatMap((target) => {
    const problem = removedHtmlTargetProblem(target);
    return problem ? [{ ...target, ...problem }] : [];
  });
}

/** What readers would miss when each kind of address is removed, and where to put the file instead. */
function removedHtmlTargetProblem({ tag, attribute, path }: RelativeHtmlTarget): { message: string; hint: string } | undefined {
  if (tag.toLowerCase() === 'iframe') return removedEmbedProblem(path);
  const lowerTag = tag.toLowerCase() as keyof typeof MEDIA_SCHEMES_BY_TAG | 'a';
  const schemes = lowerTag === 'a' ? LINK_SCHEMES : MEDIA_SCHEMES_BY_TAG[lowerTag];
  if (isKeptInRawHtml(path, schemes)) return undefined;
  const kind = attribute === 'href' ? 'link' : lowerTag === 'img' || attribute === 'srcset' ? 'picture' : undefined;
  const [what, missed, example] =
    kind === 'link'
      ? ['the link', 'its text leading nowhere', '']
      : kind === 'picture'
        ? ['the picture', 'a broken image', '']
        : attribute === 'poster'
          ? ['the poster', 'no picture before the video plays', 'poster.jpg']
          : lowerTag === 'track'
            ? ['the caption track', 'no captions', 'captions.vtt']
            : [`the ${lowerTag === 'source' ? 'video or audio source' : lowerTag}`, 'a player with nothing to play', 'clip.mp4'];
  // `//host/…` is read with the page's scheme by browsers, but the sanitiser takes no address without its own.
  if (isProtocolRelative(path)) {
    return {
      message: `${what} "${shortened(path)}" names its host without a scheme, and the build removes such an address from HTML, so readers would see ${missed}`,
      hint: `write https: before it (https://${path.trim().replace(/^[/\\]{2}/, '')})`,
    };
  }
  if (kind) return removedSchemeProblem(path, kind, schemes);
  return {
    message: `${what} "${shortened(path)}" is removed when the site is built (only ${schemes.map((scheme) => `${scheme}:`).join(' and ')} addresses are kept there), so readers would see ${missed}`,
    hint: `use an https:// address, or put the file under public/ and write its path from there (public/files/${example} is /files/${example})`,
  };
}

const IMG_TAG = new RegExp(String.raw`${NOT_ESCAPED}<img(?=[\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>`, 'gi');
const ALT_ATTRIBUTE = /\salt(?=\s*[=/>]|\s)/i;

/**
 * The `<img>` tags in `text` (a body with its code already blanked out) that have no alt attribute at all: screen
 * readers then read out the picture's address. `alt=""` is kept as written: a picture marked as decoration.
 */
export function htmlImagesWithoutAlt(text: string): Array<{ index: number; src: string | undefined }> {
  return [...uncommented(text).matchAll(IMG_TAG)]
    .filter((tag) => !ALT_ATTRIBUTE.test(tag[0]))
    .map((tag) => ({ index: tag.index, src: htmlTargets(tag[0]).find((target) => target.attribute === 'src')?.path }));
}

/** An iframe the build removes: any but a YouTube or Vimeo player's address (embeds.ts), which it keeps over https. */
function removedEmbedProblem(path: string): { message: string; hint: string } | undefined {
  if (keptEmbedUrl(path)) return undefined;
  const withScheme = isProtocolRelative(path) ? keptEmbedUrl(`https:${path.trim()}`) : undefined;
  if (withScheme) {
    return {
      message: `the embed "${shortened(path)}" names its host without a scheme, and the build removes such an address from HTML, so readers would see nothing in its place`,
      hint: `write https: before it (${withScheme})`,
    };
  }
  return {
    message: `the embed "${shortened(path)}" is removed when the site is built (only YouTube and Vimeo players are kept), so readers would see nothing in its place`,
    hint: "embed the player's address (https://www.youtube.com/embed/… or https://player.vimeo.com/video/…), or link to the page instead: [what it shows](https://…)",
  };
}

const NOSCRIPT = new RegExp(String.raw`${NOT_ESCAPED}<noscript(?=[\s>])(?:[^>"']|"[^"]*"|'[^']*')*>([\s\S]*?)(?:</noscript\s*>|$)`, 'gi');

/** False when `text` cannot hold a `<noscript>`: a cheap test before blanking code and looking for one. */
export function mayHaveNoscript(text: string): boolean {
  return /<noscript[\s>]/i.test(text);
}

/**
 * The `<noscript>` elements in `text` (a body with its code already blanked out), which the build removes with what
 * they hold, as it does a script's code (markdown-safety.ts): what a reader without JavaScript would have seen in a
 * pasted embed's place (a picture, a link, "Enable JavaScript to see the chart") is on no page.
 */
export function removedNoscripts(text: string): Array<{ index: number; message: string; hint: string }> {
  return [...uncommented(text).matchAll(NOSCRIPT)].flatMap((element) => {
    const contents = element[1]!;
    const held = contents.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    const what = held ? `"${shortened(held)}"` : /<img[\s/>]/i.test(contents) ? 'a picture' : contents.trim() ? 'its HTML' : undefined;
    if (!what) return [];
    const message = `<noscript> is removed when the site is built, with what it holds (${what}), so readers would never see it`;
    return [{ index: element.index, message, hint: "write what it shows as the article's own text (a picture as ![what it shows](https://…)), or remove the <noscript>" }];
  });
}

/**
 * HTML's embedded content that the sanitiser does not allow (markdown-safety.ts): the element is dropped and only
 * the text inside it kept, so a PDF embed vanishes, an inline chart becomes loose labels and a formula reads wrong
 * (r<sup>2</sup> as "r2"). Pictures, video, audio and players' iframes are kept, or warned of above.
 */
const REMOVED_EMBEDDED_HINTS: Readonly<Record<string, string>> = {
  embed: 'link to the file instead: [what it shows](https://…)',
  object: 'link to the file instead: [what it shows](https://…)',
  svg: 'save it as a picture beside the article and write ![what it shows](./chart.svg)',
  canvas: 'save what it shows as a picture beside the article and write ![what it shows](./chart.png)',
  math: 'write the formula as text (r² or r^2), or as a picture: ![the formula](./formula.svg)',
};
const REMOVED_EMBEDDED_TAGS = Object.keys(REMOVED_EMBEDDED_HINTS).join('|');
const REMOVED_EMBEDDED = new RegExp(String.raw`${NOT_ESCAPED}<(${REMOVED_EMBEDDED_TAGS})(?=[\s/>])`, 'gi');
const MAY_HAVE_REMOVED_EMBEDDED = new RegExp(String.raw`<(?:${REMOVED_EMBEDDED_TAGS})[\s/>]`, 'i');

/** False when `text` cannot hold such an element: a cheap test before blanking code and looking for one. */
export function mayHaveRemovedEmbeds(text: string): boolean {
  return MAY_HAVE_REMOVED_EMBEDDED.test(text);
}

/** The `<embed>`, `<object>`, `<svg>`, `<canvas>` and `<math>` elements in `text` (a body with its code already blanked out). */
export function removedEmbeds(text: string): Array<{ index: number; message: string; hint: string }> {
  return [...uncommented(text).matchAll(REMOVED_EMBEDDED)].map((element) => {
    const tag = element[1]!.toLowerCase();
    const message = `<${tag}> is removed when the site is built, and only the text inside it kept, so readers would not see what it shows`;
    return { index: element.index, message, hint: REMOVED_EMBEDDED_HINTS[tag]! };
  });
}

/** What is commented out never reaches the page: blanked, so offsets and line numbers hold. */
const uncommented = (text: string) => text.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));

/** Every path in the attributes above of those tags in `text`, but MDX expressions. */
function htmlTargets(text: string): RelativeHtmlTarget[] {
  const found: RelativeHtmlTarget[] = [];
  for (const tag of uncommented(text).matchAll(TARGET_TAG)) {
    const allowed = TARGET_ATTRIBUTES[tag[1]!.toLowerCase()]!;
    for (const match of tag[0].matchAll(TARGET_ATTRIBUTE)) {
      const attribute = match[1]!.toLowerCase();
      if (!allowed.includes(attribute)) continue;
      const value = (match[2] ?? match[3] ?? match[4]!).trim();
      // srcset: comma-separated candidates, each a URL then an optional width or density.
      const paths = attribute === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!) : [value];
      // `{…}` is an MDX expression, whose value is the code's business (an imported image's src, say).
      for (const path of paths) if (path && !path.startsWith('{')) found.push({ index: tag.index, tag: tag[1]!, attribute, path });
    }
  }
  return found;
}

/**
 * What is wrong with one such path: a picture (`<img>`, or a `<source>` of a `<picture>`) is offered as a Markdown
 * image, which the build copies; a link is judged as a Markdown link is; any other file (a video, its poster, a
 * caption track) goes under public/.
 */
export function htmlTargetProblem({ tag, attribute, path }: RelativeHtmlTarget): { message: string; hint: string } | undefined {
  if (attribute === 'href') return relativeLinkProblem(path);
  const lowerTag = tag.toLowerCase();
  if (lowerTag === 'img' || (lowerTag === 'source' && (attribute === 'srcset' || isImagePath(path)))) {
    return {
      message: `the HTML <${tag}> path "${path}" is never copied to the site, so readers would see a broken image`,
      hint: `write it as a Markdown image, ![what it shows](${path}), or use an https:// URL`,
    };
  }
  return unpublishedFileProblem(`the HTML <${tag}> ${attribute} "${path}"`, path, (published) => `write ${attribute}="${published}"`);
}
