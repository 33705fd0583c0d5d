import { describe, expect, it } from 'vitest';
import { textDirection } from '../../../src/lib/cards/text-direction.ts';

describe('which way a card text runs', () => {
  it('runs right to left when it starts with an Arabic or Hebrew letter', () => {
    expect(textDirection('الذكاء الاصطناعي يغير صناعة الأخبار')).toBe('rtl');
    expect(textDirection('הבינה המלאכותית משנה את עולם החדשות')).toBe('rtl');
  });

  it('goes by the first letter, not by digits or punctuation before it', () => {
    expect(textDirection('2026: عام الذكاء الاصطناعي')).toBe('rtl');
    expect(textDirection('«M5» شريحة جديدة')).toBe('ltr');
    expect(textDirection('Apple’s M5 chip: رقاقة جديدة')).toBe('ltr');
  });

  it('runs left to right for other scripts and for text without letters', () => {
    for (const text of ['Is Japan Gaining Ground?', '日本のAI競争', 'Москва', 'भारत में', '2026', '']) expect(textDirection(text)).toBe('ltr');
  });
});
