import { describe, expect, it } from 'vitest';
import { hasExecutableScript } from '../../../src/lib/bench/executable-script.ts';

describe('pages that make the browser run JavaScript', () => {
  it('counts classic and module scripts, and module preloads', () => {
    expect(hasExecutableScript('<script>alert(1)</script>')).toBe(true);
    expect(hasExecutableScript('<script type="module" src="/a.js"></script>')).toBe(true);
    expect(hasExecutableScript('<script type="text/javascript">x()</script>')).toBe(true);
    expect(hasExecutableScript('<link rel="modulepreload" href="/a.js">')).toBe(true);
  });

  it('does not count JSON-LD or other data blocks', () => {
    expect(hasExecutableScript('<script type="application/ld+json">{}</script><p>text</p>')).toBe(false);
    expect(hasExecutableScript('<p>no scripts</p>')).toBe(false);
  });
});
