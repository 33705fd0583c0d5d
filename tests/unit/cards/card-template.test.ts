import { describe, expect, it } from 'vitest';
import type { CardContent } from '../../../src/lib/cards/card-content.ts';
import { cardDrawing, cardTextStyle, headlineSize, isEmoji, type MeasureText } from '../../../src/lib/cards/card-template.ts';

/** Every letter half the text's size wide: enough to check where lines break and where they sit. */
const halfEm: MeasureText = (text, spec) => [...text].length * spec.size * 0.5;
const content = (more: Partial<CardContent> = {}): CardContent => ({ headline: 'Headline', kicker: 'AI', credit: 'By Ada', date: 'Nov 1, 2026', siteName: 'Newsdesk', ...more });
const draw = (more: Partial<CardContent> = {}) => cardDrawing(content(more), () => ({ font: 'Serif' }), halfEm);
const linesOf = (role: string, more: Partial<CardContent> = {}) => draw(more).lines.filter((line) => line.spec.role === role);
const right = (run: { x: number; width: number }) => run.x + run.width;

describe('the card layout', () => {
  it('shows kicker (in capitals), headline, credit with date, and site name, in that order', () => {
    expect(draw().lines.map((line) => line.text)).toEqual(['AI', 'Headline', 'Newsdesk', 'By Ada · Nov 1, 2026']);
    expect(draw({ kicker: 'Chips' }).lines[0]!.text).toBe('CHIPS');
    const [kicker, headline, siteName, meta] = draw().lines;
    expect(kicker!.baseline).toBeLessThan(headline!.baseline);
    expect(headline!.baseline).toBeLessThan(meta!.baseline);
    expect(meta!.runs[0]!.x).toBe(72);
    expect(right(siteName!.runs[0]!)).toBe(1128);
  });

  it('sets runs of spaces and line breaks as one space, as the page shows the text', () => {
    expect(linesOf('headline', { headline: ' Rates  rise\n again ' })[0]!.text).toBe('Rates rise again');
    expect(linesOf('meta', { credit: 'By  Ada' })[0]!.text).toBe('By Ada · Nov 1, 2026');
  });

  it('leaves out control characters, which the page draws as nothing', () => {
    expect(linesOf('headline', { headline: 'Rates\u0085rise\u007f again\u009c' })[0]!.text).toBe('Ratesrise again');
    expect(linesOf('meta', { credit: 'By\u0085 Ada' })[0]!.text).toBe('By Ada · Nov 1, 2026');
  });

  it('leaves out a missing kicker and credit', () => {
    expect(draw({ kicker: undefined, credit: undefined }).lines.map((line) => line.text)).toEqual(['Headline', 'Newsdesk', 'Nov 1, 2026']);
  });

  it('sets each text in the faces chosen for it', () => {
    const asked: string[] = [];
    const drawing = cardDrawing(content({ headline: '日本', kicker: undefined, credit: undefined }), (role, text) => {
      asked.push(`${role}:${text}`);
      return { font: `${role} faces` };
    }, halfEm);
    expect(asked).toEqual(['headline:日本', 'siteName:Newsdesk', 'meta:Nov 1, 2026']);
    expect(drawing.lines.map((line) => line.spec.font)).toEqual(['headline faces', 'siteName faces', 'meta faces']);
  });

  it('leaves out letters no card font has', () => {
    const drawing = cardDrawing(content({ headline: 'Ulaanbaatar ᠮᠣᠩᠭᠣᠯ summit', kicker: undefined }), (_role, text) => ({ font: 'Serif', uncovered: [...text].filter((char) => /\p{Script=Mongolian}/u.test(char)) }), halfEm);
    expect(drawing.lines[0]!.text).toBe('Ulaanbaatar summit');
  });

  it('sets a space no card font has as an ordinary space', () => {
    const drawing = cardDrawing(content({ headline: 'Tokyo\u1680Osaka', kicker: undefined }), () => ({ font: 'Serif', uncovered: ['\u1680'] }), halfEm);
    expect(drawing.lines[0]!.text).toBe('Tokyo Osaka');
  });

  it('leaves out an emoji with no picture rather than a blank square', () => {
    const drawing = cardDrawing(content({ headline: 'Family 👨‍👩‍👧 day 🚀', kicker: undefined }), () => ({ font: 'Serif', uncovered: ['👨‍👩‍👧'] }), halfEm);
    expect(drawing.lines[0]!.text).toBe('Family day 🚀');
    expect(drawing.lines[0]!.runs.filter((run) => run.kind === 'emoji').map((run) => run.text)).toEqual(['🚀']);
  });

  it('draws the accent bar across the top and the rule between the margins, above the bottom row', () => {
    const { boxes, lines } = draw();
    expect(boxes[0]).toMatchObject({ x: 0, y: 0, width: 1200, height: 14 });
    const rule = boxes[1]!;
    expect([rule.x, rule.x + rule.width, rule.height]).toEqual([72, 1128, 3]);
    expect(rule.y).toBeGreaterThan(lines[1]!.baseline);
    expect(rule.y + rule.height).toBeLessThan(lines[2]!.baseline - 40);
  });

  it('sets the credit and date on the site name’s baseline, though their letters are smaller', () => {
    const [siteName, meta] = linesOf('siteName').concat(linesOf('meta'));
    expect(meta!.spec.size).toBeLessThan(siteName!.spec.size);
    expect(meta!.baseline).toBe(siteName!.baseline);
  });

  it('starts a right-to-left text from the right margin, each text by its own script', () => {
    const drawing = draw({ headline: 'الذكاء الاصطناعي يغير صناعة الأخبار', credit: 'מאת דנה כהן' });
    expect([...new Map(drawing.lines.map((line) => [line.spec.role, line.direction]))]).toEqual([
      ['kicker', 'ltr'],
      ['headline', 'rtl'],
      ['siteName', 'ltr'],
      ['meta', 'rtl'],
    ]);
    for (const headline of drawing.lines.filter((line) => line.spec.role === 'headline')) expect(right(headline.runs[0]!)).toBe(1128);
    expect(linesOf('headline', { headline: 'أخبار التقنية' })[0]!.runs[0]!.x).toBeGreaterThan(600);
    // The bottom row keeps its sides: the credit on the left, the name on the right.
    expect(Math.min(...drawing.lines.find((line) => line.spec.role === 'meta')!.runs.map((run) => run.x))).toBe(72);
  });

  it('starts a headline whose direction is stated from the right margin, though its first letter is Latin', () => {
    const [line] = linesOf('headline', { headline: 'Google משיקה מודל חדש', headlineDirection: 'rtl' });
    expect(line!.direction).toBe('rtl');
    // "Google" starts the line, at its right end.
    const google = line!.runs.find((run) => run.text.includes('Google'))!;
    expect(right(google)).toBe(1128);
  });

  it('places a right-to-left line’s emoji after the letters before it, to their left', () => {
    const [headline] = linesOf('headline', { headline: 'أخبار 🚀 التقنية' });
    const [before, rocket, after] = headline!.runs;
    expect(rocket).toMatchObject({ kind: 'emoji', text: '🚀' });
    expect(right(rocket!)).toBe(before!.x);
    expect(right(after!)).toBe(rocket!.x);
  });

  it('reads an emoji in a Latin name inside a right-to-left line with the name, left to right', () => {
    const [headline] = linesOf('headline', { headline: 'أطلقت Apple 🍎 Watch اليوم' });
    const run = (text: string) => headline!.runs.find((candidate) => candidate.text.includes(text))!;
    expect(right(run('Apple'))).toBe(run('🍎').x);
    expect(right(run('🍎'))).toBe(run('Watch').x);
    expect(right(run('Watch'))).toBe(run('أطلقت').x);
    expect(right(run('اليوم'))).toBe(run('Apple').x);
    expect([run('Apple').direction, run('أطلقت').direction]).toEqual(['ltr', 'rtl']);
  });

  it('reads an emoji between right-to-left letters and a Latin name in the line’s direction', () => {
    const [meta] = linesOf('meta', { credit: 'מאת דנה כהן 🍎 iPhone', date: '' });
    const run = (text: string) => meta!.runs.find((candidate) => candidate.text.includes(text))!;
    expect(right(run('iPhone'))).toBeLessThanOrEqual(run('🍎').x);
    expect(right(run('🍎'))).toBeLessThanOrEqual(run('כהן').x);
  });

  it('wraps a long headline within the margins, four lines at most, the last ellipsised', () => {
    const headline = 'A much longer headline that keeps going well past what four lines of the card can hold at the size it is set in, and then goes on for a good many more words than any editor would write';
    const lines = linesOf('headline', { headline });
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line.runs.every((run) => run.x >= 72 && right(run) <= 1128)).toBe(true);
    expect(lines.at(-1)!.text.endsWith('…')).toBe(true);
    const shown = lines.map((line) => line.text).join(' ').slice(0, -1);
    expect(headline.startsWith(shown)).toBe(true);
    expect(linesOf('headline', { headline: 'Short' }).map((line) => line.text)).toEqual(['Short']);
  });

  it('breaks a word too long for the line between its letters', () => {
    const lines = linesOf('headline', { headline: 'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft' });
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((line) => line.text).join('')).toBe('Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft');
    for (const line of lines) expect(right(line.runs.at(-1)!)).toBeLessThanOrEqual(1128);
  });

  it('breaks Chinese and Japanese between characters, where they have no spaces', () => {
    const lines = linesOf('headline', { headline: '日本のAI競争：政府支援とデータセンターが差を縮める、半導体と電力網の整備も急ぐ' });
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(right(line.runs.at(-1)!)).toBeLessThanOrEqual(1128);
  });

  it('breaks Thai between its words, which it writes without spaces', () => {
    const headline = 'ปัญญาประดิษฐ์กำลังเปลี่ยนแปลงอุตสาหกรรมข่าวในประเทศไทยอย่างรวดเร็ว';
    const lines = linesOf('headline', { headline });
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((line) => line.text).join('')).toBe(headline);
    const words = new Set(Array.from(new Intl.Segmenter('th', { granularity: 'word' }).segment(headline), (word) => word.index));
    let at = 0;
    for (const line of lines.slice(0, -1)) {
      at += line.text.length;
      expect(words.has(at), `a line ends inside a word: ${line.text}`).toBe(true);
    }
  });

  it('ellipsises a kicker too long for its line as far into its text as fits, not after its last whole word', () => {
    // Half an em wide, a letter of the kicker's 32 px takes 16 px: 66 to the line.
    const [kicker] = linesOf('kicker', { kicker: `${'a'.repeat(60)} ${'b'.repeat(20)}` });
    expect(kicker!.text).toBe(`${'A'.repeat(60)} BBBB…`);
  });

  it('keeps the credit to one line beside the site name, ellipsised before the date, which stays whole', () => {
    const [meta] = linesOf('meta', { credit: `By ${'Someone With A Very Long Name, '.repeat(6)}` });
    expect(linesOf('meta', { credit: `By ${'Someone With A Very Long Name, '.repeat(6)}` })).toHaveLength(1);
    expect(meta!.text).toMatch(/^By Someone With A Very Long Name,.*… · Nov 1, 2026$/);
    const [siteName] = linesOf('siteName');
    expect(right(meta!.runs.at(-1)!)).toBeLessThan(siteName!.runs[0]!.x);
  });

  it('counts a letter with its marks, or an emoji of several code points, as one character', () => {
    const latin = 'Rail strike ends after talks in Mumbai';
    expect(headlineSize(`${latin} 👨‍👩‍👧`)).toBe(headlineSize(`${latin} 🚀`));
    // Twenty letters, each with its vowel sign: set as large as twenty Latin letters.
    expect(headlineSize('की '.repeat(20))).toBe(headlineSize('k '.repeat(20)));
  });

  it('sets long headlines smaller, counting wide (CJK) characters as wider', () => {
    expect(headlineSize('Short headline')).toBeGreaterThan(headlineSize('A much longer headline that will need three or even four lines on the card'));
    expect(headlineSize('日本のAI競争：政府支援とデータセンターが差を縮める')).toBeLessThan(headlineSize('Japan narrows the AI gap with its neighbours'));
  });
});

describe('emoji on a card', () => {
  it('are drawn as pictures: emoji, with a skin tone, joined, keycaps and flags', () => {
    for (const emoji of ['🚀', '✅', '❤️', '👍🏽', '👩‍💻', '#️⃣', '🇯🇵', '🏴󠁧󠁢󠁳󠁣󠁴󠁿']) expect(isEmoji(emoji), emoji).toBe(true);
  });

  it('leave letters, digits and symbols in text presentation as text', () => {
    for (const text of ['A', '7', '#', '©', '™', '日', 'ة', '—']) expect(isEmoji(text), text).toBe(false);
  });

  it('are runs of their own, a square of the text’s size each', () => {
    const [headline] = linesOf('headline', { headline: 'Launch 🚀 day' });
    expect(headline!.runs.map((run) => [run.kind, run.text])).toEqual([
      ['text', 'Launch '],
      ['emoji', '🚀'],
      ['text', ' day'],
    ]);
    expect(headline!.runs[1]!.width).toBe(headline!.spec.size);
  });
});

describe('the families a card text is set in', () => {
  const hanFamilies = (text: string) => cardTextStyle('headline', text).families.filter((family) => family === 'Noto Sans JP' || family === 'Noto Sans SC');

  it('take the Han characters of a text with kana from the Japanese family first', () => {
    expect(hanFamilies('日本のAI競争')).toEqual(['Noto Sans JP', 'Noto Sans SC']);
    expect(hanFamilies('ソフトバンク')).toEqual(['Noto Sans JP', 'Noto Sans SC']);
  });

  it('take those of any other text from the Chinese family first', () => {
    expect(hanFamilies('人工智能正在改变新闻业')).toEqual(['Noto Sans SC', 'Noto Sans JP']);
    expect(hanFamilies('Plain English')).toEqual(['Noto Sans SC', 'Noto Sans JP']);
  });

  it('start with the site’s own family either way', () => {
    expect(cardTextStyle('headline', '日本のAI').families[0]).toBe('Source Serif 4');
    expect(cardTextStyle('meta', '人工智能').families[0]).toBe('Source Sans 3');
  });
});
