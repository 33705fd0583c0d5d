import { describe, expect, it } from 'vitest';
import { CARD_TEXT_STYLES, cardTextStyle } from '../../../../src/lib/cards/card-template.ts';
import { chooseFaces } from '../../../../src/lib/cards/font-set.ts';
import { loadFontCatalogue } from '../../../../src/io/cards/font-catalogue.ts';

const catalogue = loadFontCatalogue();
const families = (text: string, role: keyof typeof CARD_TEXT_STYLES = 'headline') => {
  const choice = chooseFaces(catalogue, cardTextStyle(role, text), text);
  return { families: [...new Set(choice.faces.map((face) => face.family))], uncovered: choice.uncovered };
};

describe('the card fonts, as the card chooses from them', () => {
  it('set a Latin headline in the site’s own families only, so no other font file is read for it', () => {
    expect(families('Is Japan Gaining Ground in the Global AI Race?')).toEqual({ families: ['Source Serif 4'], uncovered: [] });
    expect(families('By Mariko Tanaka  ·  Nov 24, 2026', 'meta')).toEqual({ families: ['Source Sans 3'], uncovered: [] });
  });

  it('have a face for every letter of Arabic and Hebrew headlines, in every role', () => {
    for (const role of Object.keys(CARD_TEXT_STYLES) as (keyof typeof CARD_TEXT_STYLES)[]) {
      expect(families('الذكاء الاصطناعي يغير صناعة الأخبار', role)).toEqual({ families: ['IBM Plex Sans Arabic'], uncovered: [] });
      expect(families('הבינה המלאכותית משנה את עולם החדשות', role)).toEqual({ families: ['Noto Sans Hebrew'], uncovered: [] });
    }
  });

  it('take digits and Latin words in a right-to-left headline from the site’s own family', () => {
    expect(families('آبل تكشف عن شريحة M5 في 2026')).toEqual({ families: ['Source Serif 4', 'IBM Plex Sans Arabic'], uncovered: [] });
  });

  it('have faces for Devanagari and Thai too', () => {
    expect(families('भारत में कृत्रिम बुद्धिमत्ता का उदय')).toEqual({ families: ['Noto Sans Devanagari'], uncovered: [] });
    expect(families('ปัญญาประดิษฐ์ในประเทศไทย')).toEqual({ families: ['Noto Sans Thai'], uncovered: [] });
  });

  it('have faces for Korean and for Chinese, simplified and traditional', () => {
    expect(families('삼성전자, 차세대 AI 반도체 양산 돌입')).toEqual({ families: ['Source Serif 4', 'Noto Sans KR'], uncovered: [] });
    expect(families('人工智能正在改变新闻业：数据中心与芯片之争')).toEqual({ families: ['Noto Sans SC'], uncovered: [] });
    expect(families('臺灣半導體產業鏈擴張，台積電赴美設廠', 'kicker')).toEqual({ families: ['Noto Sans SC'], uncovered: [] });
  });

  it('take a Japanese text’s kanji from the Japanese family', () => {
    expect(families('日本のAI競争：政府支援')).toEqual({ families: ['Source Serif 4', 'Noto Sans JP'], uncovered: [] });
  });

  it('load no face for emoji, which are drawn as pictures', () => {
    expect(families('🚀 ✅ ❤️ 👍🏽 🇯🇵')).toEqual({ families: [], uncovered: [] });
  });
});
