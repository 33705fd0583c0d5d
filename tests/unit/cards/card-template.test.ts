import { describe, expect, it } from 'vitest';
import { cardLayout, cardTextStyle, headlineSize, type CardElement } from '../../../src/lib/cards/card-template.ts';

/** Each text with the style it is set in, in order. */
const styles = (element: CardElement): [string, CardElement['props']['style']][] =>
  typeof element.props.children === 'string' ? [[element.props.children, element.props.style]] : (element.props.children ?? []).flatMap(styles);
const texts = (element: CardElement): string[] => styles(element).map(([text]) => text);

describe('the card layout', () => {
  it('shows kicker, headline, credit with date, and site name, in that order', () => {
    const layout = cardLayout({ headline: 'Headline', kicker: 'AI', credit: 'By Ada', date: 'Nov 1, 2026', siteName: 'Newsdesk' }, () => 'Serif');
    expect(texts(layout)).toEqual(['AI', 'Headline', 'By Ada  ·  Nov 1, 2026', 'Newsdesk']);
  });

  it('leaves out a missing kicker and credit', () => {
    expect(texts(cardLayout({ headline: 'Headline', date: 'Nov 1, 2026', siteName: 'Newsdesk' }, () => 'Serif'))).toEqual(['Headline', 'Nov 1, 2026', 'Newsdesk']);
  });

  it('sets each text in the faces chosen for it', () => {
    const families: string[] = [];
    cardLayout({ headline: '日本', date: 'Nov 1, 2026', siteName: 'Newsdesk' }, (role, text) => {
      families.push(`${role}:${text}`);
      return role;
    });
    expect(families).toEqual(['headline:日本', 'meta:Nov 1, 2026', 'siteName:Newsdesk']);
  });

  it('starts a right-to-left text from the right, each text by its own script', () => {
    const layout = cardLayout({ headline: 'الذكاء الاصطناعي يغير صناعة الأخبار', kicker: 'AI', credit: 'מאת דנה כהן', date: 'Nov 1, 2026', siteName: 'Newsdesk' }, () => 'Serif');
    expect(styles(layout).map(([text, style]) => [text, style.direction])).toEqual([
      ['AI', 'ltr'],
      ['الذكاء الاصطناعي يغير صناعة الأخبار', 'rtl'],
      ['מאת דנה כהן  ·  Nov 1, 2026', 'rtl'],
      ['Newsdesk', 'ltr'],
    ]);
  });

  it('lets every text break a word too long for its line', () => {
    const layout = cardLayout({ headline: 'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft', kicker: 'AI', credit: 'By Ada', date: 'Nov 1, 2026', siteName: 'Newsdesk' }, () => 'Serif');
    expect(styles(layout).map(([, style]) => style.overflowWrap)).toEqual(['break-word', 'break-word', 'break-word', 'break-word']);
  });

  it('sets long headlines smaller, counting wide (CJK) characters as wider', () => {
    expect(headlineSize('Short headline')).toBeGreaterThan(headlineSize('A much longer headline that will need three or even four lines on the card'));
    expect(headlineSize('日本のAI競争：政府支援とデータセンターが差を縮める')).toBeLessThan(headlineSize('Japan narrows the AI gap with its neighbours'));
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
