/**
 * The video players articles may embed: the one list the Markdown sanitiser keeps iframes for and the pages'
 * Content-Security-Policy lets frames load from, so the two cannot drift apart (and the checker warns of the rest). Privacy-friendly hosts only:
 * YouTube embeds are moved to youtube-nocookie.com, which sets no cookies until the reader plays the video.
 */

const EMBED_ORIGINS = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'] as const;

/** Host names for the sanitiser's iframe allow-list. */
export const EMBED_HOSTS: readonly string[] = EMBED_ORIGINS.map((origin) => new URL(origin).hostname);

/** The CSP directive for the pages. */
export const FRAME_SRC_DIRECTIVE = `frame-src ${EMBED_ORIGINS.join(' ')}` as const;

/**
 * What an embedded player may do: run its own scripts on its own origin, go full screen and open the video on
 * its site; never navigate the article's page or open dialogs over it.
 */
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox';

/** Read out by screen readers when the editor gave the iframe no title of its own. */
export const DEFAULT_EMBED_TITLE = 'Embedded video';

const YOUTUBE_HOSTS = new Set(['www.youtube.com', 'youtube.com', 'm.youtube.com']);

/**
 * The address an embedded player is loaded from: a YouTube embed moved to youtube-nocookie.com, and every player
 * over https, the only scheme the CSP lets frames load from (an http:// address would leave an empty frame).
 * Undefined for any other address, whose iframe the sanitiser removes and the checker warns of.
 */
export function keptEmbedUrl(src: string): string | undefined {
  let url: URL;
  try {
    url = new URL(src.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (YOUTUBE_HOSTS.has(url.hostname) && url.pathname.startsWith('/embed/')) url.hostname = 'www.youtube-nocookie.com';
  if (!EMBED_HOSTS.includes(url.hostname)) return undefined;
  url.protocol = 'https:';
  return url.href;
}
