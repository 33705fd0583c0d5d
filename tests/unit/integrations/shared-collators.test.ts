import { describe, expect, it } from 'vitest';
import { sharingCollatorsWhenDone, withSharedCollators } from '../../../src/integrations/shared-collators.ts';

const urls = ['https://example.org/page/10/', 'https://example.org/page/9/', 'https://example.org/tags/Éclair/', 'https://example.org/tags/eclair/', 'https://example.org/tags/zebra/', 'https://example.org/page/1/', 'https://example.org/'];
// As @astrojs/sitemap sorts its URLs.
const sitemapOrder = (list: string[]) => [...list].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

describe('withSharedCollators', () => {
  it('sorts as localeCompare does, numbers by value and accents as the locale orders them', async () => {
    const expected = sitemapOrder(urls);
    expect(expected.slice(0, 4)).toEqual(['https://example.org/', 'https://example.org/page/1/', 'https://example.org/page/9/', 'https://example.org/page/10/']);
    expect(await withSharedCollators(async () => sitemapOrder(urls))).toEqual(expected);
    expect(await withSharedCollators(async () => ['b', 'a', 'B'].sort((a, b) => a.localeCompare(b)))).toEqual(['a', 'b', 'B'].sort((a, b) => a.localeCompare(b)));
  });

  it('answers each call by its own arguments when they change from one call to the next', async () => {
    const calls = () => [
      'a'.localeCompare('A', 'en', { sensitivity: 'base' }),
      'a'.localeCompare('A', 'en', { sensitivity: 'case' }),
      'item 10'.localeCompare('item 9', 'en', { numeric: true }),
      'item 10'.localeCompare('item 9', 'en'),
      'ä'.localeCompare('z', ['sv']),
      'ä'.localeCompare('z', ['de']),
    ];
    expect(await withSharedCollators(async () => calls())).toEqual(calls());
  });

  it('gives localeCompare back afterwards, also when the work fails', async () => {
    const original = String.prototype.localeCompare;
    await withSharedCollators(async () => expect(String.prototype.localeCompare).not.toBe(original));
    expect(String.prototype.localeCompare).toBe(original);
    await expect(withSharedCollators(async () => Promise.reject(new Error('sitemap failed')))).rejects.toThrow('sitemap failed');
    expect(String.prototype.localeCompare).toBe(original);
  });
});

describe('sharingCollatorsWhenDone', () => {
  it('runs the integration\'s build:done hook with shared collators, and leaves its other hooks as they were', async () => {
    const original = String.prototype.localeCompare;
    let seen: unknown;
    const setup = () => undefined;
    const integration = sharingCollatorsWhenDone({
      name: '@astrojs/sitemap',
      hooks: { 'astro:config:setup': setup, 'astro:build:done': async () => void (seen = String.prototype.localeCompare) },
    });
    expect(integration.name).toBe('@astrojs/sitemap');
    expect(integration.hooks['astro:config:setup']).toBe(setup);
    await integration.hooks['astro:build:done']!({} as never);
    expect(seen).toBeDefined();
    expect(seen).not.toBe(original);
    expect(String.prototype.localeCompare).toBe(original);
  });
});
