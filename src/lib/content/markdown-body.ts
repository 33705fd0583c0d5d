/** The Markdown body of an article file, cut the way Astro's content loader cuts it: front matter removed, then trimmed. */

// The pattern Astro's front-matter parser uses (@astrojs/internal-helpers), so both see the same body.
const FRONT_MATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

export function markdownBody(fileText: string): string {
  const match = FRONT_MATTER.exec(fileText);
  return (match ? fileText.slice(match.index + match[0].length) : fileText).trim();
}
