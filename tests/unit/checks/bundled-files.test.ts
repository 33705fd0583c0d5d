import { describe, expect, it } from 'vitest';
import { caseCorrection, isImagePath, misnamedFormat, svgActiveContent, svgHasSize } from '../../../src/lib/checks/bundled-files.ts';

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

describe('svgHasSize', () => {
  it('reads a size from a width and a height in lengths, or from a viewBox, as Astro does', () => {
    expect(svgHasSize(svg('', ' width="640" height="12cm"'))).toBe(true);
    expect(svgHasSize(svg('', " viewBox='0 0 640 480'"))).toBe(true);
    expect(svgHasSize(`<?xml version="1.0"?>\n<!-- chart -->\n${svg('<rect width="10" height="10"/>', ' width="100%" viewBox="0 0 10 10"')}`)).toBe(true);
  });

  it('finds none without them, with only percentages, or with the <svg> tag past the first 1,000 characters', () => {
    expect(svgHasSize(svg('<rect width="10" height="10"/>'))).toBe(false);
    expect(svgHasSize(svg('', ' width="100%" height="100%"'))).toBe(false);
    expect(svgHasSize(svg('', ' width="640"'))).toBe(false);
    expect(svgHasSize(`<!--${' '.repeat(1000)}-->${svg('', ' viewBox="0 0 1 1"')}`)).toBe(false);
  });
});

describe('isImagePath', () => {
  it('accepts image files and refuses documents', () => {
    expect(['a.png', 'b.JPG', 'c.svg', 'd.webp'].every(isImagePath)).toBe(true);
    expect(['a.html', 'b.xml', 'c.xhtml', 'd', 'e.svgz'].some(isImagePath)).toBe(false);
  });
});

describe('misnamedFormat', () => {
  const bytes = (...parts: Array<string | number[]>) => new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));
  const png = bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13], 'IHDR');
  const avif = (brands: string) => bytes([0, 0, 0, 8 + brands.length], 'ftyp', brands);

  it.each([
    ['photo.jpg', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['photo.JPEG', bytes([0xff, 0xd8, 0xff, 0xe1])],
    ['chart.png', png],
    ['loop.gif', bytes('GIF89a')],
    ['old.gif', bytes('GIF87a')],
    ['photo.webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')],
    ['photo.avif', avif('avif\0\0\0\0avifmif1')],
    ['mif1-first.avif', avif('mif1\0\0\0\0mif1avif')],
    ['scan.tiff', bytes('II*\0')],
    ['scan.TIFF', bytes('MM\0*')],
    ['drawing.svg', bytes('<svg/>')],
  ])('accepts %s whose bytes are that format', (path, head) => {
    expect(misnamedFormat(path, head)).toBeUndefined();
  });

  it.each([
    ['fake.png', bytes('not a picture\n'), 'PNG'],
    ['png-named.jpg', png, 'JPEG'],
    ['empty.gif', bytes(), 'GIF'],
    ['riff-audio.webp', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), 'WebP'],
    ['heic-named.avif', avif('heic\0\0\0\0mif1heic'), 'AVIF'],
    ['text.tiff', bytes('II++'), 'TIFF'],
  ])('names the format %s claims but is not', (path, head, format) => {
    expect(misnamedFormat(path, head)).toBe(format);
  });
});

describe('caseCorrection', () => {
  it('writes the path as the article does, each name spelt as the disk spells it', () => {
    expect(caseCorrection('./Images/x.png', '/site/content/a/Images/x.png', '/site/content/a/images/x.png')).toEqual({ written: './images/x.png', file: false, folder: true });
    expect(caseCorrection('./Photo.JPG', '/site/content/a/Photo.JPG', '/site/content/a/photo.jpg')).toEqual({ written: './photo.jpg', file: true, folder: false });
    expect(caseCorrection('Images/2026/X.png', '/c/a/Images/2026/X.png', '/c/a/images/2026/x.png')).toEqual({ written: 'images/2026/x.png', file: true, folder: true });
  });

  it('leaves the names before a ../ as written: the path does not lead through them', () => {
    expect(caseCorrection('../Shared/x.png', '/c/Shared/x.png', '/c/shared/x.png')).toEqual({ written: '../shared/x.png', file: false, folder: true });
    expect(caseCorrection('./Old/../Images/x.png', '/c/a/Images/x.png', '/c/a/images/x.png')).toEqual({ written: './Old/../images/x.png', file: false, folder: true });
  });
});
