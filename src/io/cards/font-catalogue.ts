/** The card fonts: open-licence (SIL OFL) families from @fontsource packages, installed by npm, never fetched at build. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CARD_TEXT_STYLES } from '../../lib/cards/card-template.ts';
import type { FontFace } from '../../lib/cards/font-set.ts';
import { parseUnicodeRange } from '../../lib/cards/unicode-ranges.ts';

/** Family name → its @fontsource package (each subset as a WOFF file, which Skia reads). */
const PACKAGES: Record<string, string> = {
  'Source Serif 4': '@fontsource/source-serif-4',
  'Source Sans 3': '@fontsource/source-sans-3',
  'Noto Sans JP': '@fontsource/noto-sans-jp',
  'Noto Sans SC': '@fontsource/noto-sans-sc',
  'Noto Sans KR': '@fontsource/noto-sans-kr',
  'IBM Plex Sans Arabic': '@fontsource/ibm-plex-sans-arabic',
  'Noto Sans Hebrew': '@fontsource/noto-sans-hebrew',
  'Noto Sans Devanagari': '@fontsource/noto-sans-devanagari',
  'Noto Sans Thai': '@fontsource/noto-sans-thai',
};

/** Every subset file of every family at the weights the card template uses. */
export function loadFontCatalogue(): FontFace[] {
  const weights = new Map<string, Set<number>>();
  for (const style of Object.values(CARD_TEXT_STYLES)) {
    for (const family of style.families) weights.set(family, (weights.get(family) ?? new Set()).add(style.weight));
  }
  return [...weights].flatMap(([family, familyWeights]) => {
    const name = PACKAGES[family];
    if (!name) throw new Error(`no font package is listed for the card family "${family}"`);
    const folder = dirname(fileURLToPath(import.meta.resolve(name)));
    const id = name.split('/')[1]!;
    // unicode.json: subset → unicode-range; numbered slices are keyed "[0]" and named "0" in file names.
    const subsets = Object.entries(JSON.parse(readFileSync(join(folder, 'unicode.json'), 'utf8')) as Record<string, string>);
    // Latin first: most text needs only it, and its ranges overlap the others' (combining marks, punctuation).
    subsets.sort(([a], [b]) => Number(b === 'latin') - Number(a === 'latin'));
    return [...familyWeights].flatMap((weight) =>
      subsets.flatMap(([key, range]) => {
        const subset = key.replace(/^\[(\d+)\]$/, '$1');
        const file = join(folder, 'files', `${id}-${subset}-${weight}-normal.woff`);
        return existsSync(file) ? [{ family, weight, subset, ranges: parseUnicodeRange(range), file }] : [];
      }),
    );
  });
}
