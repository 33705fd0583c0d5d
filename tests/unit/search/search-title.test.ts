import { describe, expect, it } from 'vitest';
import { searchTitle } from '../../../src/lib/search/search-title.ts';
import { pageTitle } from '../../../src/lib/site/page-title.ts';

const site = { title: 'Search', siteName: 'Newsdesk', lang: 'en' };

describe('searchTitle', () => {
  it('names the query, in quotation marks, before the page’s title and the site’s name', () => {
    expect(searchTitle('kelvara', site)).toBe('“kelvara” | Search | Newsdesk');
    expect(searchTitle('  kelvara outage ', site)).toBe('“kelvara outage” | Search | Newsdesk');
  });

  it('is the page’s plain title, as the page is served, without a query or with spaces alone', () => {
    expect(searchTitle('', site)).toBe(pageTitle('Search', 'Newsdesk'));
    expect(searchTitle('   ', site)).toBe('Search | Newsdesk');
  });

  it('quotes the query as the site’s language does', () => {
    expect(searchTitle('Ausfall', { title: 'Suche', siteName: 'Nachrichten', lang: 'de' })).toBe('„Ausfall“ | Suche | Nachrichten');
    expect(searchTitle('panne', { title: 'Recherche', siteName: 'Actus', lang: 'fr' })).toBe('«\u202Fpanne\u202F» | Recherche | Actus');
  });

  it('sets a query running the other way from the site’s language apart inside its marks, and one running its way not', () => {
    expect(searchTitle('ענן', site)).toBe('“\u2067ענן\u2069” | Search | Newsdesk');
    expect(searchTitle('Google', { title: 'חיפוש', siteName: 'חדשות', lang: 'he' })).toBe('“\u2066Google\u2069” | חיפוש | חדשות');
    expect(searchTitle('ענן', { title: 'חיפוש', siteName: 'חדשות', lang: 'he' })).toBe('“ענן” | חיפוש | חדשות');
  });
});
