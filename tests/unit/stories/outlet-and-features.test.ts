import { describe, expect, it } from 'vitest';
import { articleFeatures, FeatureIds, foldWord, leadOf } from '../../../src/lib/stories/features.ts';
import { outletOf } from '../../../src/lib/stories/outlet.ts';

describe('outletOf', () => {
  it('is one outlet whatever the case, spacing, punctuation or a leading "The" of its name', () => {
    const keys = ['The Register', 'the  register', 'Register', 'THE REGISTER.'].map((name) => outletOf({ name, url: 'https://example.com/' }).key);
    expect(new Set(keys).size).toBe(1);
    expect(outletOf({ name: 'The Register', url: 'https://example.com/' }).name).toBe('The Register');
  });

  it('prefers the registry id, and calls an article without a source our own reporting', () => {
    expect(outletOf({ id: 'reg', name: 'El Reg', url: 'https://example.com/' }).key).toBe(outletOf({ id: 'reg', name: 'The Register', url: 'https://example.com/' }).key);
    expect(outletOf(undefined)).toEqual({ key: '' });
  });
});

describe('features', () => {
  it('folds the endings outlets choose between to one key', () => {
    const groups = [['claim', 'claims', 'claimed', 'claiming'], ['rule', 'rules'], ['patch', 'patches', 'patched'], ['company', 'companies'], ['ship', 'shipping', 'shipped'], ['release', 'released', 'releases']];
    for (const group of groups) expect(new Set(group.map(foldWord)).size, group.join(' ')).toBe(1);
  });

  it('reads the lead from the prose of the body, Markdown removed', () => {
    expect(leadOf('## A heading\n\nThe [first](https://example.com) words `code` of the body and more.', 5)).toBe('The first words of the');
  });

  it('weighs names and the headline above words found only in the lead, and records subject, figures and kinds of event', () => {
    const ids = new FeatureIds();
    const features = articleFeatures(
      { title: 'Kestrel Pay agrees to buy Finvo for $2.1 billion', description: 'The payments company is betting on lending.', body: 'Kestrel Pay will acquire Finvo, a lender in São Paulo, analysts said.' },
      ids,
    );
    const boost = (key: string) => features.boosts[features.ids.indexOf(ids.of(key))];
    expect(boost('w:kestrel')).toBeGreaterThan(boost('w:buy')!);
    expect(boost('w:buy')).toBeGreaterThan(boost('w:analyst')!);
    expect(features.headlineSubject).toEqual([ids.ofWord('kestrel'), ids.ofWord('pay')]);
    expect(features.headlineFigures).toEqual([ids.of('f:2100000000')]);
    expect(features.eventKinds).toEqual([ids.of('k:acquisition')]);
  });
});
