import { describe, expect, it } from 'vitest';
import { createMarkdownToHtml } from '../../../src/lib/output/markdown-processor.ts';

describe('Hebrew abbreviation marks in an article body', async () => {
  const toHtml = await createMarkdownToHtml('https://news.example.org');

  it('stay straight as typed (צה"ל, ג\'ירפה), where smart punctuation would curl them as quotation marks', async () => {
    expect(await toHtml('דובר צה"ל אמר ש*ארה"ב* תשלח ג\'ירפה.\n')).toBe('<p>דובר צה"ל אמר ש<em>ארה"ב</em> תשלח ג\'ירפה.</p>\n');
  });

  it('leave real quotation marks around Hebrew words curled, and English apostrophes too', async () => {
    expect(await toHtml('"זה יום חשוב", אמר המנכ"ל. It\'s new.\n')).toBe('<p>“זה יום חשוב”, אמר המנכ"ל. It’s new.</p>\n');
  });
});
