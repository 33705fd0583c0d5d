import { describe, expect, it } from 'vitest';
import { choicesIn, searchOutlet, searchOutlets, withChoices } from '../../../src/lib/search/search-choices.ts';

const OUTLETS = ['Newsdesk', 'Payments Brief', 'Smith, Jones & Co'];

describe('searchOutlets', () => {
  const source = (name: string, id?: string) => ({ name, url: 'https://example.com/', ...(id ? { id } : {}) });
  const articles = [
    { slug: 'a', data: { source: source('Payments Brief') } },
    { slug: 'b', data: {} },
    { slug: 'c', data: { source: source(' Payments Brief ') } },
    { slug: 'd', data: { source: source('Backbone Daily') } },
    // Its front matter still carries the outlet's old name; the registry lists it under the new one.
    { slug: 'e', data: { source: source('Chip Wire (old name)', 'chipwire') } },
  ];
  const listedUnder = new Map([['e', { id: 'chipwire', name: 'Chipwire' }]]);

  it("names each outlet once as its pages do: the registry's name, else the credited one, the site's own reporting by the site's name", () => {
    expect(searchOutlets(articles, listedUnder, 'Newsdesk')).toEqual(['Backbone Daily', 'Chipwire', 'Newsdesk', 'Payments Brief']);
    expect(searchOutlet(articles[4]!, listedUnder, 'Newsdesk')).toBe('Chipwire');
    expect(searchOutlet(articles[1]!, listedUnder, 'Newsdesk')).toBe('Newsdesk');
  });
});

describe('choicesIn and withChoices', () => {
  it('reads one outlet and the order from a link, and writes them back beside the query', () => {
    const params = new URLSearchParams('q=chips&outlet=Smith%2C+Jones+%26+Co&order=newest');
    const choices = choicesIn(params, OUTLETS);
    expect(choices).toEqual({ outlet: 'Smith, Jones & Co', order: 'newest' });
    expect(withChoices(new URLSearchParams('q=chips'), choices).toString()).toBe(params.toString());
  });

  it('takes an outlet the site does not have, or an order it does not offer, for the default, and leaves the defaults out of the link', () => {
    expect(choicesIn(new URLSearchParams('outlet=Nobody&order=oldest'), OUTLETS)).toEqual({ outlet: '', order: 'best' });
    expect(choicesIn(new URLSearchParams(''), OUTLETS)).toEqual({ outlet: '', order: 'best' });
    expect(withChoices(new URLSearchParams('q=chips&outlet=Newsdesk&order=newest'), { outlet: '', order: 'best' }).toString()).toBe('q=chips');
  });
});
