/**
 * The emoji the cards draw: Fluent Emoji Flat (MIT licence), from its Iconify package, installed by npm and never
 * fetched at build. The set is read on the first emoji a thread draws, so cards without emoji never load it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { emojiKey, iconSvg, type IconSet } from '../../lib/cards/emoji-pictures.ts';

/** A picture of an emoji (a data: URL of an SVG) for satori to draw in its place, or undefined when the set lacks it. */
export type EmojiPicture = (grapheme: string) => string | undefined;

const readPackageJson = <T>(file: string): T => JSON.parse(readFileSync(fileURLToPath(import.meta.resolve(`@iconify-json/fluent-emoji-flat/${file}`)), 'utf8')) as T;

/** The icons, and the icon name of each emoji by its key (`emojiKey`). */
let fluent: { icons: IconSet; names: Record<string, string> } | undefined;
const pictures = new Map<string, string | undefined>();

export const fluentEmojiPicture: EmojiPicture = (grapheme) => {
  if (!pictures.has(grapheme)) {
    fluent ??= { icons: readPackageJson<IconSet>('icons.json'), names: readPackageJson<Record<string, string>>('chars.json') };
    const name = fluent.names[emojiKey(grapheme)];
    const svg = name === undefined ? undefined : iconSvg(fluent.icons, name);
    pictures.set(grapheme, svg === undefined ? undefined : `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);
  }
  return pictures.get(grapheme);
};
