import { describe, expect, it } from 'vitest';
import { isImagePath, svgActiveContent } from '../../../src/lib/checks/bundled-files.ts';

const svg = (inner: string, attributes = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attributes}>${inner}</svg>`;

describe('svgActiveContent', () => {
  it('finds nothing in a plain drawing, editor metadata and ordinary links included', () => {
    expect(svgActiveContent(`<?xml version="1.0" encoding="UTF-8"?>\n${svg('<title>Chart</title><rect width="10" height="10" fill="red"/><a href="https://example.com/"><text>source</text></a>')}`)).toEqual([]);
    expect(svgActiveContent(svg('<sodipodi:namedview inkscape:zoom="1"/><metadata/>', ' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"'))).toEqual([]);
  });

  it.each([
    ['a script element', svg('<script>alert(1)</script>'), '<script>'],
    ['an event handler', svg('<rect/>', ' onload="alert(1)"'), 'onload attribute on <svg>'],
    ['a javascript: link', svg('<a xlink:href="javascript:alert(1)"><text>x</text></a>'), 'xlink:href attribute on <a>'],
    ['an HTML document inside', svg('<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><p>x</p></body></foreignObject>'), '<foreignObject>'],
    ['an animation that rewrites a link', svg('<animate attributeName="href" to="javascript:alert(1)"/>'), '<animate>'],
    ['an XSLT stylesheet instruction', `<?xml-stylesheet type="text/xsl" href="x.xsl"?>${svg('')}`, 'a <?xml-stylesheet …?> instruction'],
    ['an entity declaration', `<!DOCTYPE svg [<!ENTITY x "&lt;script&gt;">]>${svg('<text>&x;</text>')}`, 'an entity declaration (<!DOCTYPE … [ <!ENTITY …>])'],
    ['an HTML page named .svg', '<html><body><script>alert(1)</script></body></html>', 'a <html> document instead of <svg>'],
  ])('finds %s', (_name, text, expected) => {
    expect(svgActiveContent(text)).toContain(expected);
  });

  it('refuses XML the browser would stop reading half-way (what it had read could still run)', () => {
    expect(svgActiveContent(svg('<script>alert(1)').replace('</svg>', ''))[0]).toMatch(/^XML a browser cannot read/);
  });
});

describe('isImagePath', () => {
  it('accepts image files and refuses documents', () => {
    expect(['a.png', 'b.JPG', 'c.svg', 'd.webp'].every(isImagePath)).toBe(true);
    expect(['a.html', 'b.xml', 'c.xhtml', 'd', 'e.svgz'].some(isImagePath)).toBe(false);
  });
});
