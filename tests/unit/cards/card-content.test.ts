import { describe, expect, it } from 'vitest';
import { cardAlt, cardKey, type CardContent } from '../../../src/lib/cards/card-content.ts';

const content: CardContent = { headline: 'Is Japan Gaining Ground?', kicker: 'AI', credit: 'By Mariko Tanaka', date: 'Nov 24, 2026', siteName: 'Newsdesk' };

describe('card cache keys', () => {
  it('are the same for the same inputs', () => {
    expect(cardKey({ ...content })).toBe(cardKey(content));
    expect(cardKey(content)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('change with any input a reader sees', () => {
    const keys = new Set([
      cardKey(content),
      cardKey({ ...content, headline: 'Is Japan Gaining Ground!' }),
      cardKey({ ...content, kicker: 'Policy' }),
      cardKey({ ...content, kicker: undefined }),
      cardKey({ ...content, credit: 'via Tortoise Media' }),
      cardKey({ ...content, date: 'Nov 25, 2026' }),
      cardKey({ ...content, siteName: 'Desk' }),
    ]);
    expect(keys.size).toBe(7);
  });

  it('cannot be confused by text moving between fields', () => {
    expect(cardKey({ ...content, kicker: 'A', credit: 'I' })).not.toBe(cardKey({ ...content, kicker: 'AI', credit: '' }));
  });
});

describe('card alt text', () => {
  it('says what the card shows, in reading order', () => {
    expect(cardAlt(content)).toBe('AI · Is Japan Gaining Ground? · By Mariko Tanaka · Nov 24, 2026 · Newsdesk');
    expect(cardAlt({ headline: 'Brief', date: 'Nov 1, 2026', siteName: 'Newsdesk' })).toBe('Brief · Nov 1, 2026 · Newsdesk');
  });

  it('sets a headline in another language than the site’s apart from the English around it', () => {
    expect(cardAlt({ headline: 'Google ו-AWS מתחרות', date: 'Nov 1, 2026', siteName: 'Newsdesk' }, { lang: 'he', dir: 'rtl' })).toBe('\u2067Google ו-AWS מתחרות\u2069 · Nov 1, 2026 · Newsdesk');
  });
});
