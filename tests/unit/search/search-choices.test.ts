import { describe, expect, it } from 'vitest';
import { choicesIn, searchOutlets, withChoices } from '../../../src/lib/search/search-choices.ts';

const OUTLETS = ['Newsdesk', 'Payments Brief', 'Smith, Jones & Co'];

describe('searchOutlets', () => {
  it("names each outlet once, the site's own reporting by the site's name, in alphabetical order", () => {
    const source = (name: string) => ({ name, url: 'https://example.com/' });
    const articles = [{ slug: 'a', data: { source: source('Payments Brief') } }, { slug: 'b', data: {} }, { slug: 'c', data: { source: source(' Payments Brief ') } }, { slug: 'd', data: { source: source('Backbone Daily') } }];
    expect(searchOutlets(articles, 'Newsdesk')).toEqual(['Backbone Daily', 'Newsdesk', 'Payments Brief']);
  });
});

describe('choicesIn and withChoices', () => {
  it('reads one outlet from a link, and writes it back beside the query', () => {
    const params = new URLSearchParams('q=chips&outlet=Smith%2C+Jones+%26+Co');
    const choices = choicesIn(params, OUTLETS);
    expect(choices).toEqual({ outlet: 'Smith, Jones & Co' });
    expect(withChoices(new URLSearchParams('q=chips'), choices).toString()).toBe(params.toString());
  });

  it('takes an outlet the site does not have for the default, and leaves the default out of the link', () => {
    expect(choicesIn(new URLSearchParams('outlet=Nobody'), OUTLETS)).toEqual({ outlet: '' });
    expect(choicesIn(new URLSearchParams(''), OUTLETS)).toEqual({ outlet: '' });
    expect(withChoices(new URLSearchParams('q=chips&outlet=Newsdesk'), { outlet: '' }).toString()).toBe('q=chips');
  });
});
