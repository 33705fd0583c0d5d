import { describe, expect, it } from 'vitest';
import { firstLetterDirection, hasRightToLeftLetter, opensWithForeignWord } from '../../../src/lib/text/letter-direction.ts';

describe('which way a text runs by its first letter', () => {
  it('runs right to left when it starts with an Arabic or Hebrew letter', () => {
    expect(firstLetterDirection('الذكاء الاصطناعي يغير صناعة الأخبار')).toBe('rtl');
    expect(firstLetterDirection('הבינה המלאכותית משנה את עולם החדשות')).toBe('rtl');
  });

  it('goes by the first letter, not by digits or punctuation before it', () => {
    expect(firstLetterDirection('2026: عام الذكاء الاصطناعي')).toBe('rtl');
    expect(firstLetterDirection('«M5» شريحة جديدة')).toBe('ltr');
    expect(firstLetterDirection('Apple’s M5 chip: رقاقة جديدة')).toBe('ltr');
  });

  it('runs left to right for other scripts and for text without letters', () => {
    for (const text of ['Is Japan Gaining Ground?', '日本のAI競争', 'Москва', 'भारत में', '2026', '']) expect(firstLetterDirection(text)).toBe('ltr');
  });
});

describe('whether a text has right-to-left letters', () => {
  it('finds an Arabic or Hebrew word anywhere, and none in other scripts, digits or punctuation', () => {
    expect(hasRightToLeftLetter('OpenAI تفتح مكتبا')).toBe(true);
    expect(hasRightToLeftLetter('Google I/O 2026: מה חדש')).toBe(true);
    for (const text of ['Reporting by the Newsdesk staff', '日本のAI競争', '2026 — «»', '']) expect(hasRightToLeftLetter(text)).toBe(false);
  });
});

describe('right-to-left writing that opens with a word in Latin letters', () => {
  it('is told apart from writing that opens with its own letters, and from Latin writing alone', () => {
    expect(opensWithForeignWord('OpenAI تفتح مكتبا في دبي.')).toBe(true);
    expect(opensWithForeignWord('2026: Google ו-AWS')).toBe(true);
    expect(opensWithForeignWord('تفتح OpenAI مكتبا')).toBe(false);
    expect(opensWithForeignWord('Chip export rules tighten')).toBe(false);
    expect(opensWithForeignWord('')).toBe(false);
  });
});
