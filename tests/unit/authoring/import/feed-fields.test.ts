import { describe, expect, it } from 'vitest';
import { authorNames, plain, withoutArxivAnnouncement, withoutCoverageList } from '../../../../src/lib/authoring/import/feed-fields.ts';
import { joinedNames } from '../../../../src/lib/checks/joined-names.ts';

describe('authorNames: bylines from author fields', () => {
  it('credits a Reddit user "/u/name" as the name, and leaves other slashes alone', () => {
    expect(authorNames(['/u/gridwatcher_42', '/u/Some-Poster'])).toEqual(['gridwatcher_42', 'Some-Poster']);
    expect(authorNames(['/r/energy moderators', 'AC/DC Fan Club', 'Posted by /u/gridwatcher_42', '/u/'])).toEqual(['/r/energy moderators', 'AC/DC Fan Club', 'Posted by /u/gridwatcher_42', '/u/']);
  });

  it('credits the name beside an e-mail address, as RSS writes it into any author field, and never an address alone', () => {
    expect(authorNames(['jane@example.com (Jane Doe)', 'Bob Roe <bob@example.com>', 'Ana Lima (mailto:ana@example.com)', 'Kim Lee [kim@news.example.co.uk]'])).toEqual(['Jane Doe', 'Bob Roe', 'Ana Lima', 'Kim Lee']);
    expect(authorNames(['noreply@blogger.com', '<desk@example.com>', 'mailto:desk@example.com'])).toEqual([]);
  });

  it('leaves a name with brackets or an "@" that is no address as written', () => {
    const kept = ['Jane Doe (Editor)', '@gridwatcher', 'Bots @ Work', 'Doe, Jane'];
    expect(authorNames(kept)).toEqual(kept);
  });

  it('credits each person once', () => {
    expect(authorNames(['/u/gridwatcher_42', 'gridwatcher_42', undefined, ' '])).toEqual(['gridwatcher_42']);
  });
});

describe('withoutArxivAnnouncement', () => {
  it('starts an arXiv description at its abstract, whatever the announcement type', () => {
    expect(withoutArxivAnnouncement('arXiv:2612.01234v1 Announce Type: new \nAbstract: We study load.')).toBe('We study load.');
    expect(withoutArxivAnnouncement('arXiv:2511.04321v3 Announce Type: replace-cross \nAbstract: Models are overconfident.')).toBe('Models are overconfident.');
  });

  it('leaves a description that only cites arXiv as it is', () => {
    const kept = ['arXiv:2612.01234 shows that load forecasts fail in storms. Abstract: none.', 'The paper (arXiv:2612.01234v1, Announce Type: new) is out.', '<p>Abstract: We study load.</p>'];
    for (const text of kept) expect(withoutArxivAnnouncement(text)).toBe(text);
    expect(withoutArxivAnnouncement(undefined)).toBeUndefined();
  });
});

describe('authorNames: one field that names several people', () => {
  it('parts it at commas, "and" and "&" when every part is a name of two words or more, as arXiv and many sites join writers', () => {
    expect(authorNames(['Alice Smith, Bob Jones, Carol Lee'])).toEqual(['Alice Smith', 'Bob Jones', 'Carol Lee']);
    expect(authorNames(['Jan de Vries, A. Kowalski, José Álvarez-Ruiz, Siobhán O’Neill'])).toEqual(['Jan de Vries', 'A. Kowalski', 'José Álvarez-Ruiz', 'Siobhán O’Neill']);
    expect(authorNames(['By Jane Doe and John Roe', 'Ann Lee & Kim Park'])).toEqual(['Jane Doe', 'John Roe', 'Ann Lee', 'Kim Park']);
  });

  it('leaves one person’s name with a comma whole, an outlet credited beside its reporter, and anything it cannot read as names', () => {
    const kept = ['Smith, Alice', 'Smith, Alice B.', 'Alice Smith, Jr.', 'Alice Smith, PhD', 'Alice Smith, Jr., Bob Jones', 'Jane Doe, Reuters', '王伟, 李娜', 'Alice Smith'];
    expect(authorNames(kept)).toEqual(kept);
  });

  it('credits the writer alone when her role follows her name, so her author page is not named after her title', () => {
    expect(authorNames(['Jane Doe, Senior Editor', 'By John Roe, Staff Writer', 'Ann Lee, Tech Correspondent'])).toEqual(['Jane Doe', 'John Roe', 'Ann Lee']);
  });

  it('gives the bylines the content check would not warn of as several names in one', () => {
    for (const name of ['Alice Smith, Bob Jones', 'Jane Doe and John Roe', 'Jane Doe, Reuters', 'Doe, Jane']) {
      for (const byline of authorNames([name])) expect(joinedNames(byline, 'byline'), byline).toBeUndefined();
    }
  });
});

describe('authorNames: what names no writer', () => {
  it('leaves out a CMS account or a desk signing for no one, so the outlet is credited instead', () => {
    expect(authorNames(['admin', 'Administrator', 'Staff', 'staff writer', 'Staff Reporters', 'webmaster'])).toEqual([]);
    expect(authorNames(['Reuters Staff', 'Adminah Lee'])).toEqual(['Reuters Staff', 'Adminah Lee']);
  });

  it('leaves out the "Unknown" Blogger signs a post with when its writer shows no profile', () => {
    expect(authorNames(['noreply@blogger.com (Unknown)', 'Unknown'])).toEqual([]);
    expect(authorNames(['Unknown Mortal Orchestra'])).toEqual(['Unknown Mortal Orchestra']);
  });
});

describe('withoutCoverageList', () => {
  const link = (headline: string, outlet: string) => `<a href="https://news.google.com/rss/articles/x?oc=5" target="_blank">${headline}</a>&nbsp;&nbsp;<font color="#6f6f6f">${outlet}</font>`;

  it('reads Google News’s list of links to each outlet’s coverage, or its one link, as no summary', () => {
    const full = '<li><strong><a href="https://news.google.com/stories/y?oc=5" target="_blank">View Full Coverage on Google News</a></strong></li>';
    expect(withoutCoverageList(`<ol><li>${link('Batteries cover the peak', 'Reuters')}</li><li>${link('Storage met demand', 'Utility Dive')}</li>${full}</ol>`)).toBeUndefined();
    expect(withoutCoverageList(link('Why home batteries are getting cheaper', 'The Verge'))).toBeUndefined();
  });

  it('keeps a description that says more than the links, or links of another shape', () => {
    const kept = [
      `<p>Batteries covered the whole evening peak.</p>${link('Batteries cover the peak', 'Reuters')}`,
      '<ol><li><a href="https://news.example/a">Batteries cover the peak</a> Reuters</li></ol>',
      '<p>Batteries covered the whole evening peak.</p>',
    ];
    for (const html of kept) expect(withoutCoverageList(html)).toBe(html);
    expect(withoutCoverageList(undefined)).toBeUndefined();
  });
});

describe('plain: one line of text from a feed field', () => {
  it('leaves one space where a control character stood between two, and reads a line separator as a space', () => {
    expect(plain('Chip plant \u0007 opens')).toBe('Chip plant opens');
    expect(plain('Chip plant\u2028opens')).toBe('Chip plant opens');
  });
});
