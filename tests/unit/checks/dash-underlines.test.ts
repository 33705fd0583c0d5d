import { describe, expect, it } from 'vitest';
import { dashUnderlines } from '../../../src/lib/checks/dash-underlines.ts';

const lineNumbers = (body: string) => dashUnderlines(body).map((index) => body.slice(0, index).split('\n').length);

describe('a --- right under a line of text', () => {
  it('is found under a paragraph, a picture or a long paragraph, on the line of the dashes', () => {
    expect(lineNumbers('The first part ends here.\n---\n\nThe second part.\n')).toEqual([2]);
    expect(lineNumbers('Intro.\n\nA paragraph of\ntwo lines.\n-----\nMore.\n')).toEqual([5]);
    expect(lineNumbers('![The plant](./plant.png)\n---\n')).toEqual([2]);
  });

  it('is not a rule with a blank line above it, one under a heading, a list item, a quote, a table row or another rule', () => {
    const body = ['First.', '', '---', '', '## Section', '---', '- item', '---', '> quoted', '---', '| a | b |', '---', '***', '---', '    code', '---', '<div>x</div>', '---', '--', ''].join('\n');
    expect(dashUnderlines(body)).toEqual([]);
  });
});
