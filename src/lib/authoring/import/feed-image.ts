/**
 * The picture a feed offers for an item, as a remote lead image: Media RSS content or thumbnails, an image
 * enclosure (RSS or Atom), a JSON Feed image, or else the first real image of the item's HTML. Only https
 * addresses are kept, as the article schema requires of remote images (they are shown as-is, never fetched).
 */
import type { MediaNs } from 'feedsmith';
import { Parser } from 'htmlparser2';
import { HtmlTooComplexError } from './html-limits.ts';
import { plain } from './feed-fields.ts';
import { isEmojiAlt, sanitizeFeedHtml } from './html.ts';
import { resolveWebUrl } from './urls.ts';

export interface FeedImage {
  /** Absolute https URL. */
  url: string;
  /** The feed's description of the picture, as plain text, when it gives one. */
  alt?: string;
}

const IMAGE_FILE = /\.(?:avif|gif|jpe?g|png|webp)(?:[?#]|$)/i;

/** A picture declared narrower or shorter than this is an avatar, icon or tiny thumbnail, never a lead picture. */
const MIN_LEAD_SIDE = 100;

/** Whether the declared size (feed attributes or HTML width/height, either may be missing) is big enough to lead. */
function leadSized(width: number | string | undefined, height: number | string | undefined): boolean {
  return [width, height].every((side) => {
    const pixels = typeof side === 'string' ? Number.parseInt(side, 10) : side;
    return pixels === undefined || Number.isNaN(pixels) || pixels >= MIN_LEAD_SIDE;
  });
}

/** `href` as an image when it is (or resolves to) an https URL. */
export function feedImage(href: string | undefined, base: string | undefined, alt?: string): FeedImage | undefined {
  const url = resolveWebUrl(href, base);
  if (!url?.startsWith('https:')) return undefined;
  const text = alt && plain(alt);
  return text ? { url, alt: text } : { url };
}

/** The first candidate that gives an image. */
export function firstImage(...candidates: Array<() => FeedImage | undefined>): FeedImage | undefined {
  for (const candidate of candidates) {
    const image = candidate();
    if (image) return image;
  }
  return undefined;
}

const isImageContent = (content: MediaNs.Content) =>
  content.medium === 'image' || content.type?.startsWith('image/') === true || (!content.medium && !content.type && IMAGE_FILE.test(content.url ?? ''));

const describe = (...texts: Array<{ value?: string } | undefined>) => texts.find((text) => text?.value?.trim())?.value;

/** media:content (directly or in a media:group) that is an image, then media:thumbnail (of the item, its content or a group). */
export function mediaImage(media: MediaNs.ItemOrFeed | undefined, base: string | undefined): FeedImage | undefined {
  if (!media) return undefined;
  const contents = [...(media.contents ?? []), ...(media.groups ?? []).flatMap((group) => (group.contents ?? []).map((content) => ({ ...content, description: content.description ?? group.description })))];
  for (const content of contents) {
    const image = isImageContent(content) && leadSized(content.width, content.height) ? feedImage(content.url, base, describe(content.description, content.title, media.description, media.title)) : undefined;
    if (image) return image;
  }
  const described = (thumbnails: MediaNs.Thumbnail[] | undefined, alt: string | undefined) => (thumbnails ?? []).map((thumbnail) => ({ ...thumbnail, alt }));
  const itemAlt = describe(media.description, media.title);
  const thumbnails = [
    ...described(media.thumbnails, itemAlt),
    ...contents.flatMap((content) => described(content.thumbnails, itemAlt)),
    // A group's description is of the video it groups (YouTube's runs to chapters and links), not of its still.
    ...(media.groups ?? []).flatMap((group) => described(group.thumbnails, describe(group.title, media.title))),
  ];
  for (const thumbnail of thumbnails) {
    const image = leadSized(thumbnail.width, thumbnail.height) ? feedImage(thumbnail.url, base, thumbnail.alt) : undefined;
    if (image) return image;
  }
  return undefined;
}

/** An enclosure (RSS `<enclosure>`, Atom `rel="enclosure"`) whose type says it is an image. */
export function enclosureImage(enclosures: ReadonlyArray<{ url?: string; href?: string; type?: string }> | undefined, base: string | undefined): FeedImage | undefined {
  for (const enclosure of enclosures ?? []) {
    if (!enclosure.type?.startsWith('image/')) continue;
    const image = feedImage(enclosure.url ?? enclosure.href, base);
    if (image) return image;
  }
  return undefined;
}

/**
 * The first image of the item's HTML that survives cleaning (tracking pixels and unsafe sources are gone by then),
 * is not an emoji and is big enough to lead when its size is given.
 * HTML beyond the importer's bounds has none: the item is refused for it with its headline (map-feeds.ts).
 */
export function contentImage(html: string | undefined, base: string | undefined): FeedImage | undefined {
  if (!html) return undefined;
  let safe: string;
  try {
    safe = sanitizeFeedHtml(html, base);
  } catch (error) {
    if (error instanceof HtmlTooComplexError) return undefined;
    throw error;
  }
  let found: FeedImage | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (found || name !== 'img' || !leadSized(attributes.width, attributes.height) || isEmojiAlt(attributes.alt)) return;
      found = feedImage(attributes.src, base, attributes.alt);
      if (found) parser.pause();
    },
  });
  parser.end(safe);
  return found;
}
