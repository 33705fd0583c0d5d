/**
 * Emoji on a card are drawn as pictures from an emoji set in Iconify's JSON format, not with an emoji font: one
 * picture per grapheme draws a skin tone, a ZWJ sequence or a keycap whole, the same on every machine.
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
  const drawn = withMarkersDrawn(icon.body);
  const body = hFlip || vFlip ? `<g transform="translate(${hFlip ? width : 0} ${vFlip ? height : 0}) scale(${hFlip ? -1 : 1} ${vFlip ? -1 : 1})">${drawn}</g>` : drawn;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
}

/** The corners of a path of straight lines (M, L, H, V and Z, absolute or relative), or undefined for any other path. */
function pathVertices(path: string): [number, number][] | undefined {
  const tokens = path.match(/[a-df-z]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi) ?? [];
  const vertices: [number, number][] = [];
  let [x, y, startX, startY] = [0, 0, 0, 0];
  let command = '';
  for (let index = 0; index < tokens.length; ) {
    if (/[a-z]/i.test(tokens[index]!)) command = tokens[index++]!;
    const relative = command === command.toLowerCase();
    const next = () => Number(tokens[index++]);
    switch (command.toUpperCase()) {
      case 'M':
      case 'L': {
        const [dx, dy] = [next(), next()];
        [x, y] = relative ? [x + dx, y + dy] : [dx, dy];
        if (command.toUpperCase() === 'M') {
          [startX, startY] = [x, y];
          // Further pairs after a move are lines.
          command = relative ? 'l' : 'L';
        }
        break;
      }
      case 'H':
        x = relative ? x + next() : next();
        break;
      case 'V':
        y = relative ? y + next() : next();
        break;
      case 'Z':
        [x, y] = [startX, startY];
        break;
      default:
        return undefined;
    }
    if (Number.isNaN(x + y)) return undefined;
    vertices.push([x, y]);
  }
  return vertices;
}

/**
 * An icon's body with each marker drawn out at the corners its path puts it on: Skia's SVG reader leaves markers out,
 * and the flag set draws the stars of the United States' flags with one. Markers as the set uses them: on the middle
 * corners of a path of straight lines, unturned, at the scale of a one-unit stroke.
 */
export function withMarkersDrawn(body: string): string {
  const markers = new Map<string, string>();
  const rest = body.replace(/<marker id="([^"]+)"[^>]*>([\s\S]*?)<\/marker>/g, (_, id: string, content: string) => (markers.set(id, content), ''));
  if (markers.size === 0) return body;
  return rest.replace(/<path ([^>]*)marker-mid="url\(#([^)]+)\)"([^>]*)\/>/g, (path, before: string, id: string, after: string) => {
    const marker = markers.get(id);
    const vertices = pathVertices(/\bd="([^"]*)"/.exec(before + after)?.[1] ?? '');
    if (marker === undefined || vertices === undefined) return path;
    const drawn = vertices.slice(1, -1).map(([x, y]) => `<g transform="translate(${x} ${y})">${marker}</g>`);
    return `<path ${`${before.trimEnd()} ${after.trimStart()}`.trim()}/>${drawn.join('')}`;
  });
}

const REGIONAL_INDICATOR_A = 0x1f1e6;
const TAG_LATIN_SMALL_A = 0xe0061;
const BLACK_FLAG = 0x1f3f4;
const CANCEL_TAG = 0xe007f;

/** The letter a regional indicator or a tag character stands for, or undefined for any other code point. */
function letterOf(codePoint: number, first: number): string | undefined {
  return codePoint >= first && codePoint < first + 26 ? String.fromCharCode(0x61 + codePoint - first) : undefined;
}

/**
 * The flag set's icon (4:3) for a flag emoji: a region's, written as two regional indicator letters (🇯🇵 → "jp-4x3"),
 * or a subdivision's, written as a black flag, tag letters and a cancel tag (England, "gbeng" → "gb-eng-4x3").
 * Emoji sets drawn as pictures of objects leave flags out; a flag set draws them as the flags themselves.
 */
export function flagIconName(grapheme: string): string | undefined {
  const codePoints = [...grapheme].map((char) => char.codePointAt(0)!);
  if (codePoints.length === 2) {
    const letters = codePoints.map((codePoint) => letterOf(codePoint, REGIONAL_INDICATOR_A));
    return letters.every(Boolean) ? `${letters.join('')}-4x3` : undefined;
  }
  if (codePoints[0] !== BLACK_FLAG || codePoints.at(-1) !== CANCEL_TAG) return undefined;
  const letters = codePoints.slice(1, -1).map((codePoint) => letterOf(codePoint, TAG_LATIN_SMALL_A));
  if (letters.length < 3 || !letters.every(Boolean)) return undefined;
  const code = letters.join('');
  return `${code.slice(0, 2)}-${code.slice(2)}-4x3`;
}
