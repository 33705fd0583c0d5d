/** The build's warning for a card that leaves out what it cannot draw. */
import { inertLine } from '../text/inert-line.ts';
import { isEmoji } from './card-template.ts';

/** `"ᠮ" (U+182E)`: the code points too, since some of what goes missing (a rare space, a joined emoji) cannot be told apart by eye. */
const named = (text: string) => `"${text}" (${[...text].map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ')})`;

/** One line, whatever the file is named, naming the card's source, the letters no card font has and the emoji with no picture. */
export function missingTextWarning(source: string, missing: readonly string[]): string {
  const emoji = missing.filter(isEmoji);
  const letters = missing.filter((text) => !isEmoji(text));
  const lacks = [letters.length > 0 && `no card font has ${letters.map(named).join(', ')}`, emoji.length > 0 && `no emoji picture is there for ${emoji.map(named).join(', ')}`].filter(Boolean);
  return inertLine(`warning: ${source}: social card: ${lacks.join('; ')}, so the card leaves them out`);
}
