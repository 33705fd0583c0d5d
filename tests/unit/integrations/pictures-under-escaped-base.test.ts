import { describe, expect, it } from 'vitest';
import { withBaseAsTyped } from '../../../src/integrations/pictures-under-escaped-base.ts';

describe('withBaseAsTyped', () => {
  it('writes the escaped base at the start of a picture address as typed, in an imported picture or a bare address', () => {
    const imported = { src: '/d%C3%A9sk/_astro/lead.BR_V7AXk.png', width: 512, height: 512, format: 'png' };
    expect(withBaseAsTyped(imported, '/d%C3%A9sk/', '/désk/')).toEqual({ ...imported, src: '/désk/_astro/lead.BR_V7AXk.png' });
    expect(withBaseAsTyped('/d%C3%A9sk/_astro/lead.png', '/d%C3%A9sk/', '/désk/')).toBe('/désk/_astro/lead.png');
  });

  it('leaves any other address as it is', () => {
    for (const src of ['https://images.example.com/d%C3%A9sk/lead.jpg', '/_astro/lead.png', '/other/d%C3%A9sk/lead.png']) expect(withBaseAsTyped(src, '/d%C3%A9sk/', '/désk/')).toBe(src);
    expect(withBaseAsTyped(undefined, '/d%C3%A9sk/', '/désk/')).toBeUndefined();
  });
});
