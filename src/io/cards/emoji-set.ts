/**
 * The emoji the cards draw: Fluent Emoji Flat (MIT licence), and flags from Flag Icons (MIT licence), which Fluent
 * lacks, from their Iconify packages, installed by npm and never fetched at build. Each set is read on the first
 * emoji a thread draws from it, so cards without emoji never load them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { emojiKey, flagIconName, iconSvg, type IconSet } from '../../lib/cards/emoji-pictures.ts';

/** A picture of an emoji (an SVG document) to draw in its place, or undefined when the sets lack it. */
export type EmojiPicture = (grapheme: string) => string | undefined;

const readPackageJson = <T>(name: string, file: string): T => JSON.parse(readFileSync(fileURLToPath(import.meta.resolve(`${name}/${file}`)), 'utf8')) as T;

/** The icons, and the icon name of each emoji by its key (`emojiKey`). */
let fluent: { icons: IconSet; names: Record<string, string> } | undefined;
let flags: IconSet | undefined;

function emojiSvg(grapheme: string): string | undefined {
  const flag = flagIconName(grapheme);
  if (flag !== undefined) return iconSvg((flags ??= readPackageJson<IconSet>('@iconify-json/flag', 'icons.json')), flag);
  fluent ??= { icons: readPackageJson<IconSet>('@iconify-json/fluent-emoji-flat', 'icons.json'), names: readPackageJson<Record<string, string>>('@iconify-json/fluent-emoji-flat', 'chars.json') };
  const name = fluent.names[emojiKey(grapheme)];
  return name === undefined ? undefined : iconSvg(fluent.icons, name);
}

/** The renderer keeps each emoji's drawn picture, so each is asked for once per thread. */
export const emojiSetPicture: EmojiPicture = emojiSvg;
