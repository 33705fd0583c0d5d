/**
 * Emoji on a card are drawn as pictures from an emoji set in Iconify's JSON format, not with an emoji font: satori
 * picks the font for a cluster by its first code point (and keeps it for later ones sharing its first UTF-16 unit),
 * so a font in slices cannot draw a skin tone, a ZWJ sequence or a keycap whole.
 */

/** The parts of an Iconify icon set that drawing one of its icons needs. */
export interface IconSet {
  icons: Record<string, { body: string; width?: number; height?: number; hFlip?: boolean; vFlip?: boolean; rotate?: number }>;
  /** A name for another icon, mirrored or turned (e.g. a hand pointing right as the left one mirrored). */
  aliases?: Record<string, { parent: string; hFlip?: boolean; vFlip?: boolean; rotate?: number }>;
  width?: number;
  height?: number;
}

/**
 * The key an emoji set's `chars` table gives a grapheme: its code points in hex, at least four digits, joined by
 * "-", without the emoji presentation selector (U+FE0F), which the table leaves out: "❤️" → "2764".
 */
export function emojiKey(grapheme: string): string {
  return [...grapheme]
    .filter((char) => char !== '\uFE0F')
    .map((char) => char.codePointAt(0)!.toString(16).padStart(4, '0'))
    .join('-');
}

/** The SVG document of the icon `name` (following aliases), or undefined when the set has no such icon or it is turned. */
export function iconSvg(set: IconSet, name: string): string | undefined {
  let hFlip = false;
  let vFlip = false;
  let rotate = 0;
  let current = name;
  for (let alias = set.aliases?.[current]; alias; alias = set.aliases?.[current]) {
    hFlip = hFlip !== Boolean(alias.hFlip);
    vFlip = vFlip !== Boolean(alias.vFlip);
    rotate += alias.rotate ?? 0;
    current = alias.parent;
  }
  const icon = set.icons[current];
  if (!icon) return undefined;
  hFlip = hFlip !== Boolean(icon.hFlip);
  vFlip = vFlip !== Boolean(icon.vFlip);
  // The cards' set turns none of its icons: one that did would be drawn unturned, so it is left out (and reported missing).
  if ((rotate + (icon.rotate ?? 0)) % 4 !== 0) return undefined;
  const width = icon.width ?? set.width ?? 16;
  const height = icon.height ?? set.height ?? 16;
  const body = hFlip || vFlip ? `<g transform="translate(${hFlip ? width : 0} ${vFlip ? height : 0}) scale(${hFlip ? -1 : 1} ${vFlip ? -1 : 1})">${icon.body}</g>` : icon.body;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
}
