import { describe, expect, it } from 'vitest';
import { mayHaveRelativeFileLinks, mayHaveRemovedSchemeLinks, relativeLinkProblem } from '../../../src/lib/checks/relative-links.ts';

describe('relativeLinkProblem', () => {
  it('leaves links that lead somewhere alone (web addresses, mail, the site’s own paths, fragments, relative pages), and pictures to the picture checks', () => {
    for (const url of ['https://example.com/a.pdf', 'mailto:desk@example.com', '/files/report.pdf', '/articles/x/', '#costs', '?page=2', '../other-article/', 'notes', 'index.html', 'chart.png', './desk/plant.jpg']) {
      expect(relativeLinkProblem(url), url).toBeUndefined();
    }
  });

  it('says a file beside the article is not published, and where to put it', () => {
    expect(relativeLinkProblem('./report.pdf')).toEqual({
      message: 'the link "./report.pdf" leads to a file beside the article, which the site does not publish, so readers would find nothing there',
      hint: 'put the file under public/ (public/files/report.pdf, say) and link to /files/report.pdf',
    });
    expect(relativeLinkProblem('data/Survey.XLSX?dl=1')?.hint).toBe('put the file under public/ (public/files/Survey.XLSX, say) and link to /files/Survey.XLSX');
  });

  it('says an address written without its scheme is a page of this site, and how to write it', () => {
    expect(relativeLinkProblem('example.com/page')).toEqual({ message: 'the link "example.com/page" has no https:// in front, so it leads to a page of this site that does not exist', hint: 'write https://example.com/page' });
    expect(relativeLinkProblem('www.bbc.co.uk')?.hint).toBe('write https://www.bbc.co.uk');
  });

  it('names the page to link to for an article’s file', () => {
    expect(relativeLinkProblem('./desk/Chip Plant.md#costs')?.hint).toMatch(/^link to the article's page, e\.g\. \[its headline\]\(\/articles\/chip-plant\/\)/);
  });
});

describe('mayHaveRelativeFileLinks', () => {
  it('is true for a body with such a link, in place or as a reference', () => {
    expect(mayHaveRelativeFileLinks('See [it](./report.pdf).')).toBe(true);
    expect(mayHaveRelativeFileLinks('See [it](example.com).')).toBe(true);
    expect(mayHaveRelativeFileLinks('See [it][r].\n\n[r]: files/a.csv\n')).toBe(true);
  });

  it('is false for a body whose links all have a scheme or start at the site’s root', () => {
    expect(mayHaveRelativeFileLinks('See [it](https://example.com/a.pdf), [this](/files/a.pdf) and [that](#top). Version 2.0 ships.')).toBe(false);
  });
});

describe('mayHaveRemovedSchemeLinks', () => {
  it('is true for a body with a link whose scheme the site removes, in place or as a definition alone', () => {
    expect(mayHaveRemovedSchemeLinks('Call [the desk](tel:+15550100).\n')).toBe(true);
    expect(mayHaveRemovedSchemeLinks('The [filing][f].\n\n[f]: data:text/html,filing\n')).toBe(true);
    expect(mayHaveRemovedSchemeLinks('The [filing][f].\n\n   [f]: <javascript:alert(1)>\n')).toBe(true);
  });

  it('is false for a body whose links and definitions are all web or mail addresses', () => {
    expect(mayHaveRemovedSchemeLinks('The [filing][f], [mail](mailto:desk@example.org).\n\n[f]: https://example.org/filing\n')).toBe(false);
  });
});
