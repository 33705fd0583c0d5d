/**
 * Which Markdown bodies Astro must render while it loads the content: those with pictures in them. Astro turns a
 * body's `![alt](./picture.png)` into an optimised image at page time from what its loader stored (the rendered
 * HTML and the picture's path), so those bodies keep Astro's way; every other body is rendered with its page.
 */

/**
 * False when the body cannot hold a Markdown picture: every one (`![alt](src)`, `![alt][ref]`) starts with `![`.
 * True means only "maybe" (the two characters may sit in code or name an absolute path); rendering tells.
 */
export function mayHavePictures(markdownBody: string): boolean {
  return markdownBody.includes('![');
}

/** Whether Astro's rendering of a body found pictures it resolves at page time (local files or allowed remote ones). */
export function hasResolvablePictures(rendered: { metadata?: { imagePaths?: readonly string[] } } | undefined): boolean {
  return (rendered?.metadata?.imagePaths?.length ?? 0) > 0;
}
