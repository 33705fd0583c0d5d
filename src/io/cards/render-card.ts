/** One card's PNG: the layout set by satori (text as vector paths) and rasterised by sharp (libvips). */
import { readFileSync } from 'node:fs';
import satori, { type SatoriOptions } from 'satori';
import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH, type CardContent } from '../../lib/cards/card-content.ts';
import { cardLayout, cardTextStyle } from '../../lib/cards/card-template.ts';
import { chooseFaces, type FontFace } from '../../lib/cards/font-set.ts';
import { emojiSetPicture, type EmojiPicture } from './emoji-set.ts';

type SatoriFont = SatoriOptions['fonts'][number];

export interface RenderedCard {
  png: Buffer;
  /** Text that no card font could set (it is missing from the card): empty when every letter rendered. */
  missing: string[];
}

export interface CardRenderer {
  render(content: CardContent): Promise<RenderedCard>;
}

/**
 * zlib's level 4, not sharp's default 6: a slightly larger file for less of each card's time (BENCHMARKS.md). It
 * is part of the template: changing it changes every card's bytes, so CARD_TEMPLATE_VERSION goes up with it.
 */
const PNG_COMPRESSION_LEVEL = 4;

/** Each subset is its own family for satori, which otherwise keeps one file per family name and weight. */
const faceName = (face: FontFace) => `${face.family} ${face.subset} ${face.weight}`;

/** Fonts are read once per renderer, and each set of faces is one array, which satori keys its parsed fonts by. */
export function createCardRenderer(catalogue: readonly FontFace[], emojiPicture: EmojiPicture = emojiSetPicture): CardRenderer {
  const fontData = new Map<string, Buffer>();
  const fontSets = new Map<string, SatoriFont[]>();
  const fontsFor = (faces: readonly FontFace[]): SatoriFont[] => {
    const key = faces.map(faceName).sort().join('|');
    let fonts = fontSets.get(key);
    if (!fonts) {
      fonts = faces.map((face) => {
        let data = fontData.get(face.file);
        if (!data) fontData.set(face.file, (data = readFileSync(face.file)));
        return { name: faceName(face), data, weight: face.weight as SatoriFont['weight'], style: 'normal' as const };
      });
      fontSets.set(key, fonts);
    }
    return fonts;
  };

  return {
    async render(content) {
      const faces = new Set<FontFace>();
      const tree = cardLayout(content, (role, text) => {
        const choice = chooseFaces(catalogue, cardTextStyle(role, text), text);
        for (const face of choice.faces) faces.add(face);
        return choice.faces.map(faceName).join(', ');
      });
      const missing: string[] = [];
      const svg = await satori(tree as unknown as Parameters<typeof satori>[0], {
        width: CARD_WIDTH,
        height: CARD_HEIGHT,
        fonts: fontsFor([...faces]),
        // satori asks for more only for text none of the given fonts can set: an emoji it draws as a picture, any
        // other text would be missing.
        loadAdditionalAsset: async (language, segment) => {
          const picture = language === 'emoji' ? emojiPicture(segment) : undefined;
          if (picture !== undefined) return picture;
          missing.push(segment);
          return [];
        },
      });
      // Text is already paths, so the rasteriser needs no fonts. sharp frees each image as it goes, so a long-lived
      // worker's memory stays flat however many cards it makes.
      const png = await sharp(Buffer.from(svg)).png({ compressionLevel: PNG_COMPRESSION_LEVEL }).toBuffer();
      return { png, missing };
    },
  };
}
