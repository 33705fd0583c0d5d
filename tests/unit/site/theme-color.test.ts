import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { themeColors } from '../../../src/lib/site/theme-color.ts';

const STYLESHEET = 'src/styles/global.css';

describe('themeColors', () => {
  it('is the page background the stylesheet sets for light mode and for dark mode', () => {
    const css = `:root {\n  color-scheme: light dark;\n  --surface: #eee;\n  --bg: #fafafa;\n}\n@media (prefers-color-scheme: dark) {\n  :root { --bg: #101010; --text: #eee }\n}\n.x { --bg: red; }`;
    expect(themeColors(css, STYLESHEET)).toEqual({ light: '#fafafa', dark: '#101010' });
  });

  it('reads the site’s own stylesheet', () => {
    const { light, dark } = themeColors(readFileSync(STYLESHEET, 'utf8'), STYLESHEET);
    expect(light).toMatch(/^#[\da-f]{6}$/i);
    expect(dark).toMatch(/^#[\da-f]{6}$/i);
    expect(dark).not.toBe(light);
  });

  it('names the file and the rule when a background is missing, and what to keep there', () => {
    expect(() => themeColors(':root { --bg: #fff; }', STYLESHEET)).toThrow(
      'src/styles/global.css: no --bg in the :root rule inside @media (prefers-color-scheme: dark). The page\'s theme-color is read from it: keep the page background there as `--bg: <colour>;`.',
    );
    expect(() => themeColors('@media (prefers-color-scheme: dark) { :root { --bg: #000; } }', STYLESHEET)).toThrow('no --bg in the top-level :root rule');
  });
});
