/**
 * The card's layout: kicker, headline, then a rule over the credit, date and site name. Light, large and
 * high-contrast, so it reads at thumbnail size. Laid out here as positioned lines and boxes from a measure of text
 * widths; the renderer only draws them.
 */
import createBidi from 'bidi-js';
import LineBreaker from 'linebreak';
import { CARD_HEIGHT, CARD_WIDTH, type CardContent } from './card-content.ts';
import type { TextStyle } from './font-set.ts';
import { firstLetterDirection } from '../text/letter-direction.ts';

/**
 * For letters the site's own families lack, tried in this order. Arabic from IBM Plex Sans Arabic, which draws each
 * letter whole. The Chinese and Korean families come after the other scripts' own: their packages' slices claim
 * some Arabic letters too.
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

/**
 * How much room a text takes, in Latin letters: a letter with its marks is one, and wide characters (CJK) and emoji,
 * however many code points spell them, take about twice the room.
 */
function visualLength(text: string): number {
  let length = 0;
  for (const grapheme of graphemes(text)) length += grapheme.codePointAt(0)! >= 0x2e80 || isEmoji(grapheme) ? 1.8 : 1;
  return length;
}

/** Short headlines large, long ones smaller; four lines at most, the rest ellipsised. */
export function headlineSize(headline: string): number {
  const length = visualLength(headline);
  return length <= 45 ? 80 : length <= 75 ? 68 : length <= 110 ? 58 : 50;
}

/** How one text on the card is set; `font` names its faces, as `fontFamily(role, text)` gave them. */
export interface CardTextSpec {
  role: CardTextRole;
  font: string;
  weight: number;
  size: number;
  letterSpacing: number;
  color: string;
}

/**
 * A stretch of one line drawn at `x`: letters of one direction in the text's faces, or one emoji drawn as a picture
 * in a square of the text's size.
 */
export interface PlacedRun {
  kind: 'text' | 'emoji';
  text: string;
  direction: 'ltr' | 'rtl';
  x: number;
  width: number;
}

export interface PlacedLine {
  spec: CardTextSpec;
  /** The text's whole line, for tests and messages. */
  text: string;
  baseline: number;
  /** The paragraph's direction, which its runs are ordered by. */
  direction: 'ltr' | 'rtl';
  /** In reading order. */
  runs: PlacedRun[];
}

export interface CardBox {
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
}

export interface CardDrawing {
  background: string;
  boxes: CardBox[];
  lines: PlacedLine[];
}

/**
 * How wide `text` is set in `spec`, running in `direction` (letters only: the layout measures emoji itself). The
 * direction is part of the measure: shaped right to left, a left-to-right text loses its kerning.
 */
export type MeasureText = (text: string, spec: CardTextSpec, direction: 'ltr' | 'rtl') => number;
/**
 * The faces that set `text` in `role`, as one font-family list, and what is left out of it: the characters none of
 * them has and the emoji with no picture.
 */
export type FontFamily = (role: CardTextRole, text: string) => { font: string; uncovered?: readonly string[] };

const MARGIN = 72;
const TOP = 14 + 52;
const BOTTOM = CARD_HEIGHT - 48;
const RIGHT = CARD_WIDTH - MARGIN;
const RULE_HEIGHT = 3;
const LINE_HEIGHT = 1.25;
const HEADLINE_LINE_HEIGHT = 1.12;
const HEADLINE_LINES = 4;
const META_WIDTH = 760;
const ELLIPSIS = '…';

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemes = (text: string): string[] => Array.from(graphemeSegmenter.segment(text), (segment) => segment.segment);

/**
 * A grapheme drawn as a picture: a pictograph with emoji presentation (by default, or asked for with U+FE0F), a skin
 * tone, a joined sequence, a keycap or a flag. A pictograph in text presentation (©, ™) stays a letter.
 */
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}|\uFE0F|\u200D|\u20E3|\p{Emoji_Modifier}|\p{Regional_Indicator}/u;
export const isEmoji = (grapheme: string): boolean => PICTOGRAPH.test(grapheme) && EMOJI_PRESENTATION.test(grapheme);

/** Every emoji a card shows, each once. */
export function cardEmoji(content: CardContent): string[] {
  const texts = [content.kicker, content.headline, content.credit, content.date, content.siteName];
  return [...new Set(texts.flatMap((text) => graphemes(text ?? '').filter(isEmoji)))];
}

const bidi = createBidi();
const OBJECT_REPLACEMENT = '\uFFFC';

interface Run {
  kind: 'text' | 'emoji';
  text: string;
  /** The embedding level Unicode's bidirectional algorithm gives it in a paragraph of `direction`: odd is right to left. */
  level: number;
}

/**
 * A line's letters and emoji as runs in reading order, each run of letters of one direction. An emoji takes the
 * direction of the letters around it, as any symbol does: in a Latin name inside a right-to-left line it reads with
 * the name.
 */
function runsOf(text: string, direction: 'ltr' | 'rtl'): Run[] {
  const parts = graphemes(text).map((grapheme) => ({ grapheme, kind: isEmoji(grapheme) ? ('emoji' as const) : ('text' as const) }));
  // The algorithm's table reads each half of a surrogate pair as a left-to-right letter: an emoji is given to it as
  // object replacement characters instead, neutral as the emoji is, one for each of its UTF-16 units.
  const neutral = parts.map(({ grapheme, kind }) => (kind === 'emoji' ? OBJECT_REPLACEMENT.repeat(grapheme.length) : grapheme)).join('');
  const { levels } = bidi.getEmbeddingLevels(neutral, direction);
  const runs: Run[] = [];
  let index = 0;
  for (const { grapheme, kind } of parts) {
    const level = levels[index]!;
    index += grapheme.length;
    const last = runs.at(-1);
    if (kind === 'text' && last?.kind === 'text' && last.level === level) last.text += grapheme;
    else runs.push({ kind, text: grapheme, level });
  }
  return runs;
}

/** Runs in the order they appear from left to right: each stretch at a level or higher reversed, highest first (rule L2). */
function leftToRight<T extends { level: number }>(runs: readonly T[]): T[] {
  const order = [...runs];
  const levels = runs.map((run) => run.level);
  const lowestOdd = Math.min(...levels.filter((level) => level % 2 === 1));
  for (let level = Math.max(...levels); level >= lowestOdd; level--) {
    for (let start = 0; start < order.length; start++) {
      if (order[start]!.level < level) continue;
      let end = start;
      while (end < order.length && order[end]!.level >= level) end++;
      order.splice(start, end - start, ...order.slice(start, end).reverse());
      start = end;
    }
  }
  return order;
}

const runDirection = (run: Run): 'ltr' | 'rtl' => (run.level % 2 === 1 ? 'rtl' : 'ltr');

const runWidth = (run: Run, spec: CardTextSpec, measure: MeasureText): number => (run.kind === 'emoji' ? spec.size : measure(run.text, spec, runDirection(run)));

const widthOf = (text: string, spec: CardTextSpec, direction: 'ltr' | 'rtl', measure: MeasureText): number =>
  runsOf(text, direction).reduce((width, run) => width + runWidth(run, spec, measure), 0);

/** Scripts written without spaces between words, whose line breaks Unicode's rules leave to a dictionary. */
const COMPLEX_CONTEXT = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * The stretches of `text` between the places a line may break, each with its trailing spaces: Unicode's
 * line-breaking rules, and between the words of Thai, Lao, Khmer and Burmese, found by ICU's dictionaries.
 */
function breakableParts(text: string): string[] {
  const positions = new Set<number>();
  const breaker = new LineBreaker(text);
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) positions.add(next.position);
  if (COMPLEX_CONTEXT.test(text)) {
    for (const { index } of wordSegmenter.segment(text)) {
      if (index > 0 && COMPLEX_CONTEXT.test(text[index - 1]!) && COMPLEX_CONTEXT.test(text[index]!)) positions.add(index);
    }
  }
  const parts: string[] = [];
  let start = 0;
  for (const position of [...positions].sort((a, b) => a - b)) {
    if (position > start) parts.push(text.slice(start, position));
    start = position;
  }
  return parts;
}

/**
 * `text` in lines that each `fits`, at most `maxLines`, the last ellipsised when text is left over: as far into the
 * text as fits, as CSS's text-overflow does. A word wider than a line is broken between its letters rather than left
 * to run off the card.
 */
function wrap(text: string, maxLines: number, fits: (line: string) => boolean): string[] {
  // Each line with its trailing spaces, which are not drawn.
  const lines: string[] = [];
  let current = '';
  const place = (part: string) => {
    if (fits((current + part).trimEnd())) return void (current += part);
    if (current) lines.push(current);
    current = '';
    for (const grapheme of graphemes(part)) {
      if (current && !fits((current + grapheme).trimEnd())) {
        lines.push(current);
        current = '';
      }
      current += grapheme;
    }
  };
  for (const part of breakableParts(text)) place(part);
  if (current.trim()) lines.push(current);
  if (lines.length <= maxLines) return lines.map((line) => line.trimEnd());
  let last = graphemes(lines[maxLines - 1]! + lines[maxLines]!);
  while (last.length > 0 && !fits(`${last.join('').trimEnd()}${ELLIPSIS}`)) last = last.slice(0, -1);
  return [...lines.slice(0, maxLines - 1).map((line) => line.trimEnd()), `${last.join('').trimEnd()}${ELLIPSIS}`];
}

/** A line's runs placed side by side from `left`, in the order the bidirectional algorithm shows them. */
function placeLine(text: string, spec: CardTextSpec, left: number, baseline: number, direction: 'ltr' | 'rtl', measure: MeasureText): PlacedLine {
  const runs = runsOf(text, direction).map((run) => ({ ...run, width: runWidth(run, spec, measure), x: 0 }));
  let x = left;
  for (const run of leftToRight(runs)) {
    run.x = x;
    x += run.width;
  }
  return { spec, text, baseline, direction, runs: runs.map((run) => ({ kind: run.kind, text: run.text, direction: runDirection(run), x: run.x, width: run.width })) };
}

/** Where a line's letters sit in a line box of `lineHeight` from `top`: centred on the box, as CSS centres them. */
const baselineIn = (top: number, spec: CardTextSpec, lineHeight: number) => top + (spec.size * lineHeight) / 2 + spec.size * 0.35;

interface Block {
  spec: CardTextSpec;
  lines: string[];
  widths: number[];
  direction: 'ltr' | 'rtl';
}

/**
 * The text as the page shows it: runs of spaces, tabs and line breaks as one space (CSS's white-space: normal), and no
 * other control character (U+0085, U+007F), which a page draws as nothing but Skia would take from the host's fonts.
 */
const asShown = (text: string) => text.replace(/[ \t\n\r\f]+/g, ' ').replace(/\p{Cc}/gu, '');

/** The whole card, laid out: `fontFamily` chooses each text's faces, `measure` says how wide letters are set in them. */
export function cardDrawing(content: CardContent, fontFamily: FontFamily, measure: MeasureText): CardDrawing {
  /** A text's lines; a one-line block's `ending` is kept whole, the text before it ellipsised to leave it room. */
  const block = (
    role: CardTextRole,
    written: string,
    size: number,
    color: string,
    width: number,
    maxLines: number,
    { letterSpacing = 0, ending = '', direction: givenDirection }: { letterSpacing?: number; ending?: string; direction?: 'ltr' | 'rtl' } = {},
  ): Block => {
    const { font, uncovered = [] } = fontFamily(role, written + ending);
    // A letter no card font has is left out, rather than drawn in whatever font the machine happens to have (a space
    // becomes an ordinary one), and an emoji with no picture rather than leaving a blank square.
    const stand = (text: string) => (!uncovered.includes(text) ? text : /^\s$/u.test(text) ? ' ' : '');
    const covered = (part: string) => (uncovered.length > 0 ? graphemes(part).map((grapheme) => (uncovered.includes(grapheme) ? stand(grapheme) : [...grapheme].map(stand).join(''))).join('') : part);
    const [text, end] = [asShown(covered(written)).trim(), asShown(covered(ending))];
    const blockSpec: CardTextSpec = { role, font, weight: CARD_TEXT_STYLES[role].weight, size, letterSpacing, color };
    const direction = givenDirection ?? firstLetterDirection(text + end);
    const lines = wrap(text, maxLines, (line) => widthOf(line + end, blockSpec, direction, measure) <= width).map((line) => line + end);
    return { spec: blockSpec, lines, widths: lines.map((line) => widthOf(line, blockSpec, direction, measure)), direction };
  };
  const lines: PlacedLine[] = [];
  /**
   * A block's lines, the first on `baseline`: each starting at the left margin or, by default for a right-to-left
   * text, ending at the right one.
   */
  const setBlock = ({ spec: blockSpec, lines: texts, widths, direction }: Block, baseline: number, lineHeight: number, align: 'start' | 'left' | 'right' = 'start') => {
    const side = align === 'start' ? (direction === 'rtl' ? 'right' : 'left') : align;
    texts.forEach((text, index) => {
      const lineLeft = side === 'right' ? RIGHT - widths[index]! : MARGIN;
      lines.push(placeLine(text, blockSpec, lineLeft, baseline + index * blockSpec.size * lineHeight, direction, measure));
    });
  };

  const textWidth = RIGHT - MARGIN;
  let top = TOP;
  if (content.kicker) {
    const kicker = block('kicker', content.kicker.toUpperCase(), 32, COLORS.accent, textWidth, 1, { letterSpacing: 2 });
    setBlock(kicker, baselineIn(top, kicker.spec, LINE_HEIGHT), LINE_HEIGHT);
    top += kicker.spec.size * LINE_HEIGHT + 20;
  }
  const headline = block('headline', content.headline, headlineSize(content.headline), COLORS.text, textWidth, HEADLINE_LINES, { letterSpacing: -0.5, direction: content.headlineDirection });
  setBlock(headline, baselineIn(top, headline.spec, HEADLINE_LINE_HEIGHT), HEADLINE_LINE_HEIGHT);

  // The bottom row: the site's name on the right, resting on the bottom margin, and the credit and date on the left,
  // on the name's baseline, as one line of text of two sizes would be.
  const siteName = block('siteName', content.siteName, 40, COLORS.text, textWidth / 2, 1);
  const siteNameTop = BOTTOM - siteName.spec.size * LINE_HEIGHT;
  const bottomBaseline = baselineIn(siteNameTop, siteName.spec, LINE_HEIGHT);
  setBlock(siteName, bottomBaseline, LINE_HEIGHT, 'right');
  const metaWidth = Math.min(META_WIDTH, textWidth - (siteName.widths[0] ?? 0) - 32);
  // The date is kept whole: a credit too long for the row is ellipsised before it.
  const metaBlock = content.credit ? block('meta', content.credit, 30, COLORS.muted, metaWidth, 1, { ending: `  ·  ${content.date}` }) : block('meta', content.date, 30, COLORS.muted, metaWidth, 1);
  setBlock(metaBlock, bottomBaseline, LINE_HEIGHT, 'left');

  const ruleTop = siteNameTop - 24 - RULE_HEIGHT;
  return {
    background: COLORS.paper,
    boxes: [
      { x: 0, y: 0, width: CARD_WIDTH, height: 14, color: COLORS.accent },
      { x: MARGIN, y: ruleTop, width: textWidth, height: RULE_HEIGHT, color: COLORS.rule },
    ],
    lines,
  };
}
