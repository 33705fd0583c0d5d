import { describe, expect, it } from 'vitest';
import { choicesIn, newestFirst, searchOutlets, withChoices } from '../../../src/lib/search/search-choices.ts';

const OUTLETS = ['Newsdesk', 'Payments Brief', 'Smith, Jones & Co'];

describe('searchOutlets', () => {
  it("names each outlet once, the site's own reporting by the site's name, in alphabetical order", () => {
    const source = (name: string) => ({ name, url: 'https://example.com/' });
    const articles = [{ slug: 'a', data: { source: source('Payments Brief') } }, { slug: 'b', data: {} }, { slug: 'c', data: { source: source(' Payments Brief ') } }, { slug: 'd', data: { source: source('Backbone Daily') } }];
    expect(searchOutlets(articles, 'Newsdesk')).toEqual(['Backbone Daily', 'Newsdesk', 'Payments Brief']);
  });
});

describe('choicesIn and withChoices', () => {
  it('reads newest first and one outlet from a link, and writes them back beside the query', () => {
    const params = new URLSearchParams('q=chips&sort=newest&outlet=Smith%2C+Jones+%26+Co');
    const choices = choicesIn(params, OUTLETS);
    expect(choices).toEqual({ newest: true, outlet: 'Smith, Jones & Co' });
    expect(withChoices(new URLSearchParams('q=chips'), choices).toString()).toBe(params.toString());
  });

  it('takes any other order, or an outlet the site does not have, for the default, and leaves defaults out of the link', () => {
    expect(choicesIn(new URLSearchParams('sort=oldest&outlet=Nobody'), OUTLETS)).toEqual({ newest: false, outlet: '' });
    expect(choicesIn(new URLSearchParams(''), OUTLETS)).toEqual({ newest: false, outlet: '' });
    expect(withChoices(new URLSearchParams('q=chips&sort=newest&outlet=Newsdesk'), { newest: false, outlet: '' }).toString()).toBe('q=chips');
  });
});

describe('newestFirst', () => {
  it('orders by the ISO instant, latest first, keeping the order of equal instants', () => {
    const items = [
      { id: 'a', at: '2026-06-10T08:00:00.000Z' },
      { id: 'b', at: '2026-09-15T17:00:00.000Z' },
      { id: 'c', at: '2026-06-10T08:00:00.000Z' },
      { id: 'd', at: '2026-09-01T07:00:00.000Z' },
    ];
    expect(newestFirst(items, (item) => item.at).map((item) => item.id)).toEqual(['b', 'd', 'a', 'c']);
  });
});
