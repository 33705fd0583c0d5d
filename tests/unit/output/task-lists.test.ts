import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { createMarkdownToHtml } from '../../../src/lib/output/markdown-processor.ts';

describe('a task list’s checkboxes', async () => {
  const toHtml = await createMarkdownToHtml('https://news.example.org');
  /** Each checkbox's name, as its label gives it to screen readers (the label's text). */
  const names = (html: string) => parse(html).querySelectorAll('input[type="checkbox"]').map((box) => box.closest('label')?.text.replace(/\s+/g, ' ').trim());

  it('are each named by the words of their item, markup and all', async () => {
    expect(names(await toHtml('- [x] Check the *new* region\n- [ ] Move `api` traffic\n'))).toEqual(['Check the new region', 'Move api traffic']);
  });

  it('are named by their item’s first line only, not by a list nested in it or a later paragraph', async () => {
    const html = await toHtml('- [ ] Parent\n  - [ ] Child\n\n1. [x] Loose\n\n   More about it.\n');
    expect(names(html)).toEqual(['Parent', 'Child', 'Loose']);
    expect(parse(html).querySelector('label ul, label p')).toBeNull();
    expect(html).toContain('<p>More about it.</p>');
  });
});
