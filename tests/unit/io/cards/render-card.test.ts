import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { CardContent } from '../../../../src/lib/cards/card-content.ts';
import { loadFontCatalogue } from '../../../../src/io/cards/font-catalogue.ts';
import { createCardRenderer } from '../../../../src/io/cards/render-card.ts';

const catalogue = loadFontCatalogue();
const renderer = createCardRenderer(catalogue);
const card = (headline: string, more: Partial<CardContent> = {}): CardContent => ({ headline, kicker: 'AI', credit: 'By Mariko Tanaka', date: 'Nov 24, 2026', siteName: 'Newsdesk', ...more });

const [ACCENT, PAPER, RULE] = ['#a4161a', '#f6f4ef', '#d9d5cc'];

/** The card's pixels, each colour as "#rrggbb". */
async function pixels(png: Buffer) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const colour = (x: number, y: number) => `#${data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3).toString('hex')}`;
  /** The columns with anything but paper in them, between rows `top` and `bottom`. */
  const inkedColumns = (top: number, bottom: number) =>
    Array.from({ length: info.width }, (_, x) => x).filter((x) => Array.from({ length: bottom - top }, (_, index) => top + index).some((y) => colour(x, y) !== PAPER));
  /** Whether any pixel below the accent bar is of a hue the card's own greys and red never have. */
  const hasHue = (hue: 'green' | 'blue') =>
    Array.from({ length: info.height - 14 }, (_, index) => 14 + index).some((y) =>
      Array.from({ length: info.width }, (_, x) => x).some((x) => {
        const [red, green, blue] = [1, 3, 5].map((at) => parseInt(colour(x, y).slice(at, at + 2), 16)) as [number, number, number];
        const [own, others] = hue === 'green' ? [green, [red, blue]] : [blue, [red, green]];
        return others.every((other) => own > other + 80);
      }),
    );
  return { ...info, colour, inkedColumns, hasHue };
}

/** Width and height from the PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('rendering a card', () => {
  it('makes a 1200 × 630 PNG of a sensible size', async () => {
    const { png, missing } = await renderer.render(card('Is Japan Gaining Ground in the Global AI Race?'));
    expect(pngSize(png)).toEqual([1200, 630]);
    expect(png.length).toBeGreaterThan(5_000);
    expect(png.length).toBeLessThan(200_000);
    expect(missing).toEqual([]);
  });

  it('sets a Japanese headline, kicker and credit with real glyphs', async () => {
    const { png, missing } = await renderer.render(card('日本のAI競争：政府支援とデータセンターが差を縮める', { kicker: '日本', credit: 'via 日経クロステック' }));
    expect(pngSize(png)).toEqual([1200, 630]);
    expect(missing).toEqual([]);
  });

  it('sets accented, Cyrillic and Vietnamese letters', async () => {
    const { missing } = await renderer.render(card('Québec’s Ørsted deal: Zürich „wins“ €2bn; Łódź, Москва, Tiếng Việt'));
    expect(missing).toEqual([]);
  });

  it('sets Korean and Chinese headlines, kickers and credits with real glyphs', async () => {
    for (const content of [card('삼성전자, 차세대 AI 반도체 양산 돌입', { kicker: '반도체', credit: 'via 전자신문' }), card('人工智能正在改变新闻业：数据中心与芯片之争', { kicker: '人工智能', credit: 'via 36氪' }), card('臺灣半導體產業鏈擴張，台積電赴美設廠', { kicker: '科技', credit: 'via 數位時代' })]) {
      expect((await renderer.render(content)).missing, content.headline).toEqual([]);
    }
  });

  it('notices letters it cannot set (the checks above can fail): without the CJK families, kana, kanji and Hangul are missing', async () => {
    const withoutCjk = createCardRenderer(catalogue.filter((face) => !['Noto Sans JP', 'Noto Sans SC', 'Noto Sans KR'].includes(face.family)));
    const { missing } = await withoutCjk.render(card('日本のAI競争 반도체'));
    expect(missing.join('')).toContain('日本');
    expect(missing.join('')).toContain('の');
    expect(missing.join('')).toContain('반도체');
  });

  it('leaves out letters no card font has, whatever fonts the machine has', async () => {
    const [mongolian, without] = await Promise.all([renderer.render(card('Ulaanbaatar ᠮᠣᠩᠭᠣᠯ summit')), renderer.render(card('Ulaanbaatar  summit'))]);
    expect(new Set(mongolian.missing)).toEqual(new Set('ᠮᠣᠩᠭᠣᠯ'));
    expect(mongolian.png.equals(without.png)).toBe(true);
  });

  it('draws different pictures for different headlines, the same one for the same', async () => {
    const [first, again, other] = await Promise.all([renderer.render(card('Alpha')), renderer.render(card('Alpha')), renderer.render(card('Beta'))]);
    expect(again.png.equals(first.png)).toBe(true);
    expect(other.png.equals(first.png)).toBe(false);
  });

  it('draws the same picture for the same card whatever the renderer drew before it (a right-to-left card, say)', async () => {
    // A site name whose kerning ("AV.") a right-to-left measure would lose, set against the right margin.
    const latin = card('Rates hold', { siteName: 'AV. AV. AV.' });
    const own = createCardRenderer(catalogue);
    const first = (await own.render(latin)).png;
    await own.render(card('הבנק משאיר את הריבית', { credit: 'מאת דנה כהן', date: '24 בנובמבר' }));
    expect((await own.render(latin)).png.equals(first)).toBe(true);
  });

  it('draws the accent bar across the top and the rule above the credit, inside the margins', async () => {
    const { colour, height, width } = await pixels((await renderer.render(card('Is Japan Gaining Ground in the Global AI Race?'))).png);
    const row = (y: number, from = 0, to = width) => new Set(Array.from({ length: to - from }, (_, index) => colour(from + index, y)));

    for (const y of [0, 7, 13]) expect(row(y)).toEqual(new Set([ACCENT]));
    expect(row(14, 0, 60)).toEqual(new Set([PAPER]));
    const ruleRows = Array.from({ length: height - 315 }, (_, index) => 315 + index).filter((y) => colour(600, y) === RULE);
    expect(ruleRows).toHaveLength(3);
    expect(ruleRows[2]! - ruleRows[0]!).toBe(2);
    for (const y of ruleRows) {
      expect(row(y, 72, 1128)).toEqual(new Set([RULE]));
      expect([colour(71, y), colour(1128, y)]).toEqual([PAPER, PAPER]);
    }
  });
});

describe('rendering a card in other scripts, with emoji and long words', () => {
  it('sets Arabic, Hebrew, Devanagari and Thai headlines, kickers and credits with real glyphs', async () => {
    const cards = [
      card('الذكاء الاصطناعي يغير صناعة الأخبار في 2026', { kicker: 'تقنية', credit: 'بقلم ليلى حسن' }),
      card('הבינה המלאכותית משנה את עולם החדשות', { kicker: 'טכנולוגיה', credit: 'מאת דנה כהן' }),
      card('भारत में कृत्रिम बुद्धिमत्ता का उदय', { kicker: 'तकनीक' }),
      card('ปัญญาประดิษฐ์ในประเทศไทย', { kicker: 'เทคโนโลยี' }),
    ];
    for (const content of cards) expect((await renderer.render(content)).missing, content.headline).toEqual([]);
  });

  it('starts a right-to-left headline at the right margin', async () => {
    const { inkedColumns } = await pixels((await renderer.render(card('أخبار التقنية', { kicker: undefined }))).png);
    // Between the accent bar and the rule: the headline alone.
    const headline = inkedColumns(14, 480);
    expect(headline.at(-1)).toBeGreaterThan(1100);
    expect(headline.at(-1)).toBeLessThanOrEqual(1128);
    expect(headline[0]).toBeGreaterThan(600);
  });

  it('draws emoji as pictures, those with a skin tone, a joiner or a keycap whole', async () => {
    const { png, missing } = await renderer.render(card('Tests pass ✅ on the new chip 🚀 🎉 👩‍💻 👍🏽 ❤️ #️⃣', { kicker: '🤖 AI' }));
    expect(missing).toEqual([]);
    // The card's own colours are greys and one red: green comes only from the check mark's picture.
    expect((await pixels(png)).hasHue('green')).toBe(true);
  });

  it('draws flags, of countries and of subdivisions, as the flags themselves', async () => {
    const { png, missing } = await renderer.render(card('Trade talks 🇪🇺 🇯🇵 🇺🇸, and Scotland 🏴󠁧󠁢󠁳󠁣󠁴󠁿', { kicker: undefined }));
    expect(missing).toEqual([]);
    // Blue comes only from the flags.
    expect((await pixels(png)).hasHue('blue')).toBe(true);
    expect((await pixels((await renderer.render(card('Trade talks'))).png)).hasHue('blue')).toBe(false);
  });

  it('draws the stars of the United States’ flag, which its picture draws with a marker', async () => {
    const { colour } = await pixels((await renderer.render(card('🇺🇸', { kicker: undefined }))).png);
    // The canton: where the flag's navy is, and the light pixels of the stars on it.
    const navy = Array.from({ length: 300 * 300 }, (_, index) => [index % 300, 14 + Math.floor(index / 300)] as const).filter(([x, y]) => colour(x, y) === '#192f5d');
    const [xs, ys] = [navy.map(([x]) => x), navy.map(([, y]) => y)];
    let stars = 0;
    for (let y = Math.min(...ys) + 1; y < Math.max(...ys); y++) for (let x = Math.min(...xs) + 1; x < Math.max(...xs); x++) if ([1, 3, 5].every((at) => parseInt(colour(x, y).slice(at, at + 2), 16) > 128)) stars++;
    expect(navy.length).toBeGreaterThan(500);
    expect(stars).toBeGreaterThan(50);
  });

  it('notices emoji it has no picture for (the checks above can fail)', async () => {
    expect((await renderer.render(card('Trade talks 🇦🇦'))).missing).toEqual(['🇦🇦']);
    expect((await createCardRenderer(catalogue, () => undefined).render(card('Launch day 🚀'))).missing).toEqual(['🚀']);
    expect((await createCardRenderer(catalogue, () => '<svg broken').render(card('Launch day 🚀'))).missing).toEqual(['🚀']);
  });

  it('leaves an emoji it has no picture for out of the line, as if it were not written', async () => {
    const [withEmoji, without] = await Promise.all([renderer.render(card('Family 👨‍👩‍👧 day')), renderer.render(card('Family  day'))]);
    expect(withEmoji.missing).toEqual(['👨‍👩‍👧']);
    expect(withEmoji.png.equals(without.png)).toBe(true);
  });

  it('breaks a word too long for the line inside the card', async () => {
    for (const headline of ['Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft wins', 'https://example.com/aVeryLongUnbrokenPathSegmentWithoutAnySlashesOrHyphens12345']) {
      const { inkedColumns } = await pixels((await renderer.render(card(headline))).png);
      expect(inkedColumns(14, 630).at(-1), headline).toBeLessThanOrEqual(1128);
    }
  });
});
