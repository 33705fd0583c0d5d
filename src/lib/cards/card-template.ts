/**
 * The card's layout as a satori element tree (plain objects, the shape React elements have): kicker, headline,
 * then a rule over the credit, date and site name. Light, large and high-contrast, so it reads at thumbnail size.
 */
import type { CardContent } from './card-content.ts';
import type { TextStyle } from './font-set.ts';
import { textDirection } from './text-direction.ts';

export interface CardElement {
  type: 'div';
  props: { style: Record<string, string | number>; children?: string | CardElement[] };
}

/**
 * For letters the site's own families lack, tried in this order. Arabic from IBM Plex Sans Arabic, not Noto Sans
 * Arabic: Noto builds dotted letters from a dotless one and a dot mark the font places, which satori places wrongly
 * (ة loses its dots); Plex draws each letter whole. The Chinese and Korean families come after the other scripts'
 * own: their packages' slices claim some Arabic letters too.
 */
const FALLBACK_FAMILIES = ['Noto Sans JP', 'IBM Plex Sans Arabic', 'Noto Sans Hebrew', 'Noto Sans Devanagari', 'Noto Sans Thai', 'Noto Sans SC', 'Noto Sans KR'] as const;

/** How each kind of text on the card is set: the site's serif for headline and name, its sans for the rest. */
export const CARD_TEXT_STYLES = {
  headline: { families: ['Source Serif 4', ...FALLBACK_FAMILIES], weight: 700 },
  kicker: { families: ['Source Sans 3', ...FALLBACK_FAMILIES], weight: 600 },
  meta: { families: ['Source Sans 3', ...FALLBACK_FAMILIES], weight: 400 },
  siteName: { families: ['Source Serif 4', ...FALLBACK_FAMILIES], weight: 700 },
} as const satisfies Record<string, TextStyle>;

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * How `text` is set in `role`. Japanese and Chinese write many of the same characters in different shapes: a text
 * with kana is Japanese, so its kanji come from the Japanese family; any other text takes its Han characters from
 * the Chinese one first.
 */
export function cardTextStyle(role: CardTextRole, text: string): TextStyle {
  const style = CARD_TEXT_STYLES[role];
  if (KANA.test(text)) return style;
  return { ...style, families: [...style.families.filter((family) => family !== 'Noto Sans JP'), 'Noto Sans JP'] };
}

export type CardTextRole = keyof typeof CARD_TEXT_STYLES;

/** The site's light palette (src/styles/global.css). */
const COLORS = { paper: '#f6f4ef', text: '#1b1b1b', muted: '#555555', rule: '#d9d5cc', accent: '#a4161a' };

/** Wide characters (CJK) take about twice the room of Latin letters. */
function visualLength(text: string): number {
  let length = 0;
  for (const char of text) length += char.codePointAt(0)! >= 0x2e80 ? 1.8 : 1;
  return length;
}

/** Short headlines large, long ones smaller; four lines at most, the rest ellipsised. */
export function headlineSize(headline: string): number {
  const length = visualLength(headline);
  return length <= 45 ? 80 : length <= 75 ? 68 : length <= 110 ? 58 : 50;
}

/** A text starts on the side its script starts from. A word too long for the line is broken rather than left to run off the card. */
const text = (style: Record<string, string | number>, children: string): CardElement => ({
  type: 'div',
  props: { style: { direction: textDirection(children), overflowWrap: 'break-word', ...style }, children },
});
const box = (style: Record<string, string | number>, children: CardElement[]): CardElement => ({ type: 'div', props: { style: { display: 'flex', ...style }, children } });

/** `fontFamily(role, text)` names the faces that set `text` (the renderer registers each subset under its own name). */
export function cardLayout(content: CardContent, fontFamily: (role: CardTextRole, text: string) => string): CardElement {
  const meta = [content.credit, content.date].filter(Boolean).join('  ·  ');
  const size = headlineSize(content.headline);
  // The accent bar and the rule are filled boxes, not borders: satori draws a border through nested clip paths,
  // which the rasteriser takes longer over, for the same pixels.
  return box({ width: '100%', height: '100%', flexDirection: 'column', backgroundColor: COLORS.paper }, [
    box({ height: 14, backgroundColor: COLORS.accent }, []),
    box({ flexGrow: 1, flexDirection: 'column', paddingTop: 52, paddingRight: 72, paddingBottom: 48, paddingLeft: 72 }, [
      ...(content.kicker
        ? [text({ fontFamily: fontFamily('kicker', content.kicker), fontWeight: 600, fontSize: 32, letterSpacing: 2, textTransform: 'uppercase', color: COLORS.accent, marginBottom: 20 }, content.kicker)]
        : []),
      box({ flexGrow: 1, flexDirection: 'column' }, [
        text({ display: 'block', fontFamily: fontFamily('headline', content.headline), fontWeight: 700, fontSize: size, lineHeight: 1.12, letterSpacing: -0.5, color: COLORS.text, lineClamp: 4 }, content.headline),
      ]),
      box({ height: 3, backgroundColor: COLORS.rule }, []),
      box({ justifyContent: 'space-between', alignItems: 'flex-end', paddingTop: 24 }, [
        text({ fontFamily: fontFamily('meta', meta), fontWeight: 400, fontSize: 30, color: COLORS.muted, maxWidth: 760 }, meta),
        text({ fontFamily: fontFamily('siteName', content.siteName), fontWeight: 700, fontSize: 40, color: COLORS.text }, content.siteName),
      ]),
    ]),
  ]);
}
