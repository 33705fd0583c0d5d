import { describe, expect, it } from 'vitest';
import { interfaceTextAttributes, pageArrows, pageDirection } from '../../../src/lib/site/page-direction.ts';

describe('pageDirection', () => {
  it('runs the pages of a site in Hebrew, Arabic, Persian or Urdu right to left', () => {
    for (const lang of ['he', 'ar', 'fa', 'ur', 'he-IL']) expect([lang, pageDirection(lang)]).toEqual([lang, 'rtl']);
  });

  it('leaves a left-to-right site’s pages as browsers lay them out, with no dir at all', () => {
    for (const lang of ['en', 'en-US', 'fr', 'ja']) expect([lang, pageDirection(lang)]).toEqual([lang, undefined]);
  });
});

describe('pageArrows', () => {
  it('points back to the left and onward to the right on a left-to-right site', () => {
    expect(pageArrows('en')).toEqual({ back: '←', onward: '→' });
  });

  it('points them the other way on a right-to-left site, where newer pages lie to the right', () => {
    expect(pageArrows('he')).toEqual({ back: '→', onward: '←' });
  });
});

describe('interfaceTextAttributes', () => {
  it('sets the pages’ English words apart as English, left to right, on a right-to-left site', () => {
    expect(interfaceTextAttributes('ar')).toEqual({ lang: 'en', dir: 'ltr' });
  });

  it('adds nothing on a site written left to right, in English or not', () => {
    expect(interfaceTextAttributes('en-GB')).toEqual({});
    expect(interfaceTextAttributes('de')).toEqual({});
  });
});
