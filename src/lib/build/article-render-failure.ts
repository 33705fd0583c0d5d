/**
 * An article page Astro could not make: MDX whose code throws when it runs (`{items.map(…)}` over nothing, a
 * component that throws), which the content check cannot find without running it. Astro names the page and the
 * error; the build names the article's file, and the line of the component when Astro names one, as the check
 * does, and says what to do.
 */
import { inertLine } from '../text/inert-line.ts';

export interface FailedArticlePage {
  slug: string;
  /** What Astro says was thrown, e.g. `Error: kaboom`. */
  error: string;
  /** The component Astro could not render: Astro reports a component that throws so, not by its error. */
  component?: string;
}

// Astro writes the page's path without the base path, whatever BASE_PATH is.
const CAUGHT_RENDERING = /Caught error rendering \/articles\/([^/\s]+)\/: (.*)$/m;
const UNRENDERED_COMPONENT = /Unable to render `([^`]+)`/;

/** The article page whose rendering stopped Astro, from what Astro wrote to standard error (colours removed). */
export function failedArticlePage(stderr: string): FailedArticlePage | undefined {
  const match = CAUGHT_RENDERING.exec(stderr);
  if (!match) return undefined;
  let slug = match[1]!;
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // Not percent-encoded after all: the slug as written.
  }
  const error = match[2]!.trim();
  const component = UNRENDERED_COMPONENT.exec(error)?.[1];
  return { slug, error, ...(component && { component }) };
}

/** The line (from 1) of the first tag of `component` in an article's text, or undefined when it has none. */
export function componentLine(text: string, component: string): number | undefined {
  const name = component.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const tag = new RegExp(`<${name}(?=[\\s/>])`).exec(text);
  return tag ? text.slice(0, tag.index).split('\n').length : undefined;
}

/**
 * The line naming the article's file (the path the check shows) and the component's line when known, or its
 * address when the file is not known.
 */
export function articleRenderFailureMessage({ slug, error, component }: FailedArticlePage, file?: { path: string; line?: number }): string {
  const where = file ? `${file.path}${file.line ? `:${file.line}` : ''}` : `the article at /articles/${slug}/`;
  const what = component
    ? `the component <${component}> failed while the page was built (Astro: "${error}")`
    : `the MDX threw ${error ? `"${error}"` : 'an error'} while its page was built`;
  const fix = component ? `fix the component or what it is given` : 'fix the code between { and } that fails when it runs';
  return inertLine(
    `${where}: ${what}, so the site cannot be built with this article; ${fix} (npm run dev shows the page with the error), ` +
      'or set draft: true to build the site without it until it is fixed',
  );
}
