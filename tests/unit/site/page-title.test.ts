import { describe, expect, it } from 'vitest';
import { pageTitle } from '../../../src/lib/site/page-title.ts';

describe('pageTitle', () => {
  it('is the page’s own title, then the site’s name; the home page’s is the site’s name alone', () => {
    expect(pageTitle('Chip exports slow', 'Newsdesk')).toBe('Chip exports slow | Newsdesk');
    expect(pageTitle('Newsdesk', 'Newsdesk')).toBe('Newsdesk');
  });

  it('sets a headline whose language runs the other way apart from the site’s words, in its direction, so the separator stays between them', () => {
    expect(pageTitle('Google ו-AWS מתחרות על אזור ענן', 'Newsdesk', { words: { lang: 'he', dir: 'rtl' } })).toBe('\u2067Google ו-AWS מתחרות על אזור ענן\u2069 | Newsdesk');
    expect(pageTitle('Apple opens a store', 'חדשות', { words: { lang: 'en', dir: 'ltr' } })).toBe('\u2066Apple opens a store\u2069 | חדשות');
  });

  it('leaves a headline running the site’s way as it is, in the site’s language or another', () => {
    expect(pageTitle('Strompreise steigen', 'Newsdesk', { words: { lang: 'de', dir: 'auto' } })).toBe('Strompreise steigen | Newsdesk');
    expect(pageTitle('Chip exports slow', 'Newsdesk', { words: { dir: 'auto' } })).toBe('Chip exports slow | Newsdesk');
  });

  it('names the section after the headline, apart from it, when the headline alone would be another page’s title', () => {
    expect(pageTitle('الرياض تستضيف قمة', 'Newsdesk', { words: { lang: 'ar', dir: 'rtl' }, section: 'Story' })).toBe('\u2067الرياض تستضيف قمة\u2069 | Story | Newsdesk');
  });
});
