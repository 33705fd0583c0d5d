/**
 * Markdown pictures given by reference (`![alt][label]`, `![label][]`, `![label]`, with `[label]: ./photo.png`
 * elsewhere in the body): Astro copies and optimises only pictures written in place, so a file beside the article
 * named this way is left pointing at nothing on the site.
 */

/** A link reference definition, `[label]: destination`, its destination bare or in angle brackets. */
const DEFINITION = /^ {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*(?:<([^>\n]*)>|(\S+))/gm;
/** `![alt]`, then `[label]`, `[]` or nothing, but not `(` (a picture written in place). */
const REFERENCE = /!\[((?:[^\]\\\n]|\\.)*)\](?!\()(?:\[((?:[^\]\\\n]|\\.)*)\])?/g;

/** Labels match case-insensitively, with runs of spaces as one (CommonMark). */
const labelKey = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();

export interface ReferenceImage {
  /** Offset of the picture's `!` in the text. */
  index: number;
  alt: string;
  /** The label as the picture writes it. */
  label: string;
  /** The definition's destination. */
  path: string;
}

/** Every picture in `text` (a body with its code already blanked out) whose label has a definition. */
export function referenceImages(text: string): ReferenceImage[] {
  const destinations = new Map<string, string>();
  for (const definition of text.matchAll(DEFINITION)) {
    // The first definition of a label is the one Markdown uses.
    const key = labelKey(definition[1]!);
    if (!destinations.has(key)) destinations.set(key, definition[2] ?? definition[3]!);
  }
  if (destinations.size === 0) return [];
  const found: ReferenceImage[] = [];
  for (const picture of text.matchAll(REFERENCE)) {
    const label = picture[2] || picture[1]!;
    const path = destinations.get(labelKey(label));
    if (path !== undefined) found.push({ index: picture.index, alt: picture[1]!, label, path });
  }
  return found;
}
