import { describe, expect, it } from 'vitest';
import { mdxCode } from '../../../src/lib/checks/mdx-code.ts';

/** The body as the checker has it, starting on line 10 of its file (after the front matter). */
const FIRST_LINE = 10;
const issues = (body: string) => mdxCode(body, FIRST_LINE).issues.map(({ line, message }) => `${line}: ${message}`);

describe('mdxCode: MDX that does not compile', () => {
  it('names the line in the file and what is wrong, for an unclosed tag', () => {
    expect(mdxCode('Intro.\n\n<Callout>\nText\n', FIRST_LINE).issues).toEqual([
      {
        line: 12,
        message: 'the MDX cannot be compiled: Expected a closing tag for `<Callout>`',
        hint: 'close it with </Callout> where it ends (or write <Callout /> if it holds nothing), and write \\< to show < as text',
      },
    ]);
    expect(mdxCode('Intro.\n\n<div class="box">\nText\n', FIRST_LINE).issues.map(({ hint }) => hint)).toEqual(['close it with </div> where it ends (or write <div /> if it holds nothing), and write \\< to show < as text']);
  });

  it('for code between braces that is not JavaScript', () => {
    expect(issues('Intro.\n\nPrices rose {by a lot} this year.\n')).toEqual([`12: the code between { and } is not valid JavaScript (Expected \`,\` or \`)\` but found \`Identifier\`)`]);
  });

  it('for an unfinished import, at its own line, naming the line where reading stopped', () => {
    expect(issues('import Chart from\n\nThe chart shows it.\n')).toEqual(['10: the import or export here is not valid JavaScript (Unexpected token, on line 12)']);
  });

  it('for a statement MDX does not allow beside imports and exports, at the start of their block', () => {
    expect(issues('export const year = 2026\nconst month = 11\n\nText.\n')).toEqual(['10: the import or export here is not valid JavaScript (Unexpected statement in code: only import/exports are supported, on line 11)']);
  });

  it('reports only the syntax error: what follows it cannot be read', () => {
    expect(mdxCode('{foo.bar}\n\n<Callout>\n', FIRST_LINE).issues).toHaveLength(1);
  });
});

describe('mdxCode: components', () => {
  it('names a component that is used but never imported or defined, once, at its first use', () => {
    expect(issues('Intro.\n\n<Callout>Careful.</Callout>\n\nMore <Callout>again</Callout>.\n')).toEqual([
      '12: the component <Callout> is not imported or defined in this article, so the page cannot be built',
    ]);
  });

  it('names the object a member tag needs, and finds tags inside lists, quotes and expressions', () => {
    expect(issues('- item <ui.Tabs />\n\n> quoted\n>\n> <Aside />\n\n{true && <Badge />}\n')).toEqual([
      '10: <ui.Tabs> uses ui, which is not imported or defined in this article, so the page cannot be built',
      '14: the component <Aside> is not imported or defined in this article, so the page cannot be built',
      '16: the component <Badge> is not imported or defined in this article, so the page cannot be built',
    ]);
  });

  it('accepts what is imported or exported, Astro\'s Fragment, and HTML tags', () => {
    const body = "import Chart from './chart.astro'\nimport * as ui from './ui.ts'\nexport const Note = ({ children }) => <aside class=\"note\">{children}</aside>;\n\n<Chart /> <ui.Tabs /> <Note>n</Note> <Fragment set:html=\"<b>x</b>\" /> <section><my-widget /></section>\n";
    expect(issues(body)).toEqual([]);
  });

  it('accepts the components an exported components object names, and any when it cannot be read', () => {
    expect(issues('export const components = { Callout: (props) => props.children, "Pull": () => null }\n\n<Callout>x</Callout> <Pull /> <Other />\n')).toEqual([
      '12: the component <Other> is not imported or defined in this article, so the page cannot be built',
    ]);
    expect(issues("import base from './base.ts'\nexport const components = { ...base }\n\n<Anything />\n")).toEqual([]);
  });

  it('names a tag only a parameter inside { } defines: it fails to render, and says why', () => {
    expect(mdxCode('{items.map((Item) => <Item />)}\n\nexport const items = []\n', FIRST_LINE).issues).toEqual([
      {
        line: 10,
        message: 'the component <Item> is not imported or defined in this article, so the page cannot be built',
        hint: 'a component from inside { } cannot be used as a tag: define Item with export const below the front matter',
      },
    ]);
  });

  it('in exported code, follows JavaScript\'s scopes for tags as for names', () => {
    expect(issues('export const List = ({ Row }) => <ul><Row /><Missing /></ul>;\n')).toEqual([
      '10: the component <Missing> is not imported or defined in this article, so the page cannot be built',
    ]);
  });
});

describe('mdxCode: names in expressions', () => {
  it('names an undefined name in text, in an attribute and in a spread, at its line', () => {
    expect(issues('Intro {foo.bar} end.\n\n<div\n  title={caption}\n  {...extra}>x</div>\n')).toEqual([
      '10: foo is not defined in this article, so the page cannot be built',
      '13: caption is not defined in this article, so the page cannot be built',
      '14: extra is not defined in this article, so the page cannot be built',
    ]);
  });

  it('counts lines inside a multi-line expression', () => {
    expect(issues('{[\n  1,\n  missing,\n]}\n')).toEqual(['12: missing is not defined in this article, so the page cannot be built']);
  });

  it('accepts props, frontmatter, JavaScript\'s globals, typeof checks, comments and names the expression declares', () => {
    const body = "export const year = 2026\n\n# {frontmatter.title}\n\n{props.note} {Math.max(year, new Date().getFullYear())} {JSON.stringify([1])} {typeof window === 'undefined' ? 'server' : 'browser'}\n\n{/* a note to editors */}\n\n{[1, 2].map((n) => n * 2).join(', ')}\n";
    expect(issues(body)).toEqual([]);
  });

  it('names an undefined name in exported code, where the page would fail to load', () => {
    expect(issues('export const total = subtotal * 2\n\n{total}\n')).toEqual(['10: subtotal is not defined in this article, so the page cannot be built']);
  });

  it('accepts a function given to an HTML attribute: Astro writes it into the page as text, never runs it', () => {
    const body = "import Callout from './callout.astro'\nexport const Share = () => <a href=\"#\" onclick={function () { navigator.share({ url: location.href }); }}>Share</a>;\n\n<button type=\"button\" onclick={() => alert('hi')}>Hi</button> <Share />\n\n<Callout render={() => missing()} /> <div title={caption} />\n";
    expect(issues(body)).toEqual([
      '15: missing is not defined in this article: if the function using it runs while the page is built, the build stops',
      '15: caption is not defined in this article, so the page cannot be built',
    ]);
  });

  it('only warns of a name missing inside a function, which may run in the reader’s browser or never: an error is kept for code that runs when the page is built', () => {
    const body = "export const share = () => alert('Shared')\nexport const size = () => Math.max(window.innerWidth, 1)\n\n<button type=\"button\" onclick={share}>Share</button>\n\n{[1].map(() => later)} {later}\n";
    const { issues: found } = mdxCode(body, FIRST_LINE);
    expect(found.map(({ line, message, severity }) => `${line} ${severity ?? 'error'}: ${message}`)).toEqual([
      '10 warning: alert is not defined in this article: if the function using it runs while the page is built, the build stops',
      '11 warning: window is not defined in this article: if the function using it runs while the page is built, the build stops',
      '15 error: later is not defined in this article, so the page cannot be built',
    ]);
  });

  it('accepts a name the article asks about with typeof anywhere: it knows the name may be missing', () => {
    expect(issues("export const inBrowser = typeof window !== 'undefined'\n\n{inBrowser ? window.location.href : 'server'} {typeof document === 'object' && document.title}\n")).toEqual([]);
  });

  it('names frontmatter or getHeadings declared by the article: Astro declares them in every MDX article', () => {
    expect(issues("export const frontmatter = { title: 'Override' }\nimport { getHeadings } from './toc.ts'\n\n{frontmatter.title}\n")).toEqual([
      '10: frontmatter is declared by Astro in every MDX article, so declaring it again stops the build',
      '11: getHeadings is declared by Astro in every MDX article, so declaring it again stops the build',
    ]);
  });

  it('names a field of frontmatter read while the exports run, before Astro has set it; inside a function it is fine', () => {
    expect(issues('export const headline = frontmatter.title.toUpperCase()\nexport const loud = () => frontmatter.title.toUpperCase()\nexport const maybe = frontmatter?.title\n\n{headline} {loud()} {frontmatter.title}\n')).toEqual([
      '10: frontmatter is not set yet while the article\'s import and export lines run, so the page cannot be built',
    ]);
  });

  it('names a name declared twice across import and export blocks', () => {
    expect(issues("import chart from './a.ts'\n\nText.\n\nexport const chart = 1\n")).toEqual(['14: chart is declared twice (also on line 10), so the page cannot be built']);
  });
});

describe('mdxCode: imports', () => {
  it('lists relative imports and re-exports with their lines in the file and the names asked in braces, not packages', () => {
    const body = "import Chart from './chart.astro'\nimport { Image } from 'astro:assets'\nexport { default as Map } from '../maps/map.astro'\nimport { rows as data, default as Table } from './table.ts'\nexport { Legend } from './legend.ts'\n\nText.\n";
    expect(mdxCode(body, FIRST_LINE)).toEqual({
      issues: [],
      imports: [
        { line: 10, source: './chart.astro', named: [] },
        { line: 12, source: '../maps/map.astro', named: [] },
        { line: 13, source: './table.ts', named: ['rows'] },
        { line: 14, source: './legend.ts', named: ['Legend'] },
      ],
      comments: [],
    });
  });
});

describe('mdxCode: comments', () => {
  it('gives where each comment in braces is in the body, for the checks of what reaches the page', () => {
    const body = 'Text {/* ![Old](./old.png) */} more.\n\n{/*\n<img src="./x.jpg" />\n*/}\n\n{/* a note */ 1} <b title={/* none */ "t"}>x</b>\n';
    expect(mdxCode(body, FIRST_LINE).comments.map(({ start, end }) => body.slice(start, end))).toEqual(['{/* ![Old](./old.png) */}', '{/*\n<img src="./x.jpg" />\n*/}']);
  });
});
