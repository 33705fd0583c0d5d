/**
 * Which font files a card needs. Font packages split each family into subsets by script (latin, latin-ext,
 * cyrillic, a hundred-odd Japanese slices); a card loads only the subsets its text uses, and a character that no
 * subset of the text's own family covers falls back to the next family, so a Japanese headline set in the serif
 * takes its kana and kanji from the Japanese family instead of showing boxes.
 */
import { inRanges, type CodePointRange } from './unicode-ranges.ts';

/** One file of one family at one weight, covering the code points of its subset. */
export interface FontFace {
  family: string;
  weight: number;
  subset: string;
  ranges: readonly CodePointRange[];
  /** Where the file is (the renderer reads it); unique per face. */
  file: string;
}

/** A run of text as the card sets it: in this family, at this weight, then the fallbacks in order. */
export interface TextStyle {
  families: readonly string[];
  weight: number;
}

export interface FaceChoice {
  /** The faces that set this text, in the order to try them. */
  faces: FontFace[];
  /** Characters no face covers (they would render as boxes or not at all), each listed once. */
  uncovered: string[];
}

/**
 * Controls and format characters need no glyph of their own, the ordinary space is in every font file, and emoji
 * and their parts (a skin tone, a flag's letters, the emoji presentation selector) are drawn as pictures: some CJK
 * slices claim emoji they would only load for nothing. Any other space (an ideographic one, say) is set like a
 * letter: its width would otherwise come from whatever font the machine has.
 */
const NEEDS_NO_GLYPH = /[ \p{Cc}\p{Cf}\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\uFE0F]/u;

/** The faces that cover `text` in `style`: for each character, the first family with a face of that weight covering it. */
export function chooseFaces(catalogue: readonly FontFace[], style: TextStyle, text: string): FaceChoice {
  const candidates = candidatesFor(catalogue, style);
  const chosen = new Set<FontFace>();
  const uncovered = new Set<string>();
  for (const char of new Set(text)) {
    if (NEEDS_NO_GLYPH.test(char)) continue;
    const codePoint = char.codePointAt(0)!;
    const face = candidates.find((candidate) => inRanges(candidate.ranges, codePoint));
    if (face) chosen.add(face);
    else uncovered.add(char);
  }
  return { faces: candidates.filter((face) => chosen.has(face)), uncovered: [...uncovered] };
}

/** Every card asks for the same few styles, so each one's faces are listed once per catalogue. */
const candidatesByCatalogue = new WeakMap<readonly FontFace[], Map<string, FontFace[]>>();

/** The faces of `style`'s families at its weight, family by family in order. */
function candidatesFor(catalogue: readonly FontFace[], style: TextStyle): FontFace[] {
  let byStyle = candidatesByCatalogue.get(catalogue);
  if (!byStyle) candidatesByCatalogue.set(catalogue, (byStyle = new Map()));
  const key = `${style.weight} ${style.families.join('|')}`;
  let candidates = byStyle.get(key);
  if (!candidates) byStyle.set(key, (candidates = style.families.flatMap((family) => closestWeight(catalogue.filter((face) => face.family === family), style.weight))));
  return candidates;
}

/** A family's faces at the weight nearest the one asked for (all of its subsets). */
function closestWeight(faces: readonly FontFace[], weight: number): FontFace[] {
  if (faces.length === 0) return [];
  const nearest = faces.reduce((best, face) => (Math.abs(face.weight - weight) < Math.abs(best - weight) ? face.weight : best), faces[0]!.weight);
  return faces.filter((face) => face.weight === nearest);
}
