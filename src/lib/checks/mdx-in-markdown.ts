/**
 * MDX written in a Markdown (.md) file, most often a body moved from an .mdx article or an article saved under the
 * wrong extension: Markdown shows an `import` or `export` line as a paragraph of code, and drops a component's tag
 * (`<Chart />`) as unknown HTML, so readers see the code and miss what the component would have shown.
 */

import { withoutCode } from './without-code.ts';

export interface MdxInMarkdown {
  /** Offset of the line in the body. */
  index: number;
  kind: 'statement' | 'component';
  /** `import` or `export` for a statement, or the component's name (`Chart`). */
  written: string;
}

/** An ES import or export as MDX reads one at the start of a line: `import X from './x'`, `export const y = …`. */
const STATEMENT = /^(?:import\s+(?:[\w$]+\s*,?\s*)?(?:\{[^}\n]*\}|\*\s*as\s+[\w$]+)?\s*(?:from\s*)?["'][^"'\n]+["']|export\s+(?:const|let|var|function|default|\{))/;
/**
 * A component's tag opening a line: capitalised, as MDX tells components from HTML (`<Chart`, `<Charts.Bar`), with a
 * lower-case letter, since HTML pasted from old pages has its tags in capitals (`<DIV>`, `<P>`) and is HTML all the same.
 */
const COMPONENT = /^ {0,3}<([A-Z](?=[\w$.]*[a-z])[\w$]*(?:\.[\w$]+)*)(?=[\s/>])/;

/** The MDX lines of a Markdown `body`, whose code must already be blanked out (code shows MDX as written, rightly). */
export function mdxInMarkdown(body: string): MdxInMarkdown[] {
  const found: MdxInMarkdown[] = [];
  let index = 0;
  for (const line of body.split('\n')) {
    const statement = STATEMENT.exec(line);
    if (statement) found.push({ index, kind: 'statement', written: line.slice(0, 6) });
    const component = statement ? null : COMPONENT.exec(line);
    if (component) found.push({ index, kind: 'component', written: component[1]! });
    index += line.length + 1;
  }
  return found;
}

/**
 * A Markdown `body` whose lines that read as MDX start with a character reference for their first character
 * (`&#105;mport …`): the same text on the page, and never taken for MDX. For text written by a program from another
 * site's words (a post quoting `import { useState } from 'react'`), which means them as text.
 */
export function withMdxLinesAsText(body: string): string {
  let text = body;
  // From the last, so that each replacement leaves the earlier offsets where they were.
  for (const { index } of mdxInMarkdown(withoutCode(body)).reverse()) {
    const at = index + /^ */.exec(text.slice(index))![0].length;
    text = `${text.slice(0, at)}&#${text.codePointAt(at)};${text.slice(at + 1)}`;
  }
  return text;
}
