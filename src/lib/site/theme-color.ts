/**
 * The colour browsers paint around a page (a phone's address bar, the area overscrolled past the page's edge): the
 * page's own background in light and in dark mode, as the stylesheet gives it (`--bg`), so the two never drift apart.
 */

export interface ThemeColors {
  light: string;
  dark: string;
}

/** The media query each `<meta name="theme-color">` is for. */
export const THEME_COLOR_MEDIA = { light: '(prefers-color-scheme: light)', dark: '(prefers-color-scheme: dark)' } as const;

const LIGHT_ROOT = /^:root\s*\{([^}]*)\}/m;
const DARK_ROOT = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}/;
const BACKGROUND = /--bg:\s*([^;}]+?)\s*(?:;|$)/;

/**
 * The page background `css` (the stylesheet in `file`) sets in its top-level `:root` rule and in the one inside
 * `@media (prefers-color-scheme: dark)`. Throws, naming the file and the rule, when either sets no `--bg`.
 */
export function themeColors(css: string, file: string): ThemeColors {
  const background = (rule: RegExp, where: string) => {
    const value = BACKGROUND.exec(rule.exec(css)?.[1] ?? '')?.[1];
    if (!value) throw new Error(`${file}: no --bg in ${where}. The page's theme-color is read from it: keep the page background there as \`--bg: <colour>;\`.`);
    return value;
  };
  return { light: background(LIGHT_ROOT, 'the top-level :root rule'), dark: background(DARK_ROOT, 'the :root rule inside @media (prefers-color-scheme: dark)') };
}
