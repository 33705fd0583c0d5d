import { describe, expect, it } from 'vitest';
import { createArticleBodyRenderer } from '../../../src/lib/output/markdown-processor.ts';

describe('blocks of a right-to-left article that open with a Latin word', async () => {
  const render = await createArticleBodyRenderer('https://news.example.org');
  const body = [
    'OpenAI تفتح مكتبا في دبي.',
    '',
    'تستثمر الحكومات في مراكز البيانات.',
    '',
    '## Nvidia في الخليج',
    '',
    '- Google I/O 2026: מה חדש',
    '  - Android 17',
    '',
    'Reporting by the Newsdesk staff in Dubai.',
    '',
    '```',
    'const region = "مراكز";',
    '```',
    '',
  ].join('\n');

  it('run right to left, as their language does; English blocks, Arabic-led ones and code are left to their letters', async () => {
    const html = await render(body, undefined, 'ar');
    expect(html).toContain('<p dir="rtl">OpenAI تفتح مكتبا في دبي.</p>');
    expect(html).toContain('<p>تستثمر الحكومات في مراكز البيانات.</p>');
    expect(html).toMatch(/<h2 id="[^"]*" dir="rtl">Nvidia في الخليج<\/h2>/);
    expect(html).toMatch(/<li dir="rtl">Google I\/O 2026: מה חדש\s*<ul>\s*<li>Android 17<\/li>/);
    expect(html).toContain('<p>Reporting by the Newsdesk staff in Dubai.</p>');
    expect(html).not.toMatch(/<(pre|code)[^>]* dir=/);
  });

  it('are left as they are in an article in a left-to-right language, or one that gives none', async () => {
    for (const lang of ['en', 'de', undefined]) expect(await render(body, undefined, lang)).not.toContain('dir=');
  });
});
