/** Drafts from feeds shaped as real publishers write them (fixtures in tests/fixtures/feeds/publishers/). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDraft, serializeDraft, type Draft } from '../../../../src/lib/authoring/import/draft.ts';
import { parseFeedText } from '../../../../src/lib/authoring/import/parse-feed.ts';

const now = new Date('2026-12-03T12:00:00Z');

function drafts(name: string): Draft[] {
  const feed = parseFeedText(readFileSync(new URL(`../../../fixtures/feeds/publishers/${name}`, import.meta.url), 'utf8'));
  return feed.entries.map((entry) => {
    const result = buildDraft(entry, feed, { now, siteLang: 'en' });
    if (!result.ok) throw new Error(result.reason);
    return result.draft;
  });
}

describe('WordPress with Jetpack', () => {
  const [ferry, cafe] = drafts('wordpress-jetpack.xml');

  it('leaves Jetpack’s share buttons, "Like this: Like Loading…" and related posts out of the body', () => {
    expect(ferry.body).toBe('The first sailing leaves at 06:40, twenty minutes earlier than now.\n\nEvening sailings are unchanged.');
    expect(cafe.body).toBe('The Quayside Café took the regional prize for its fish soup.');
  });

  it('never takes them for the dek', () => {
    expect(ferry.description).toBe('The first sailing leaves at 06:40, twenty minutes earlier than now. Evening sailings are unchanged.');
    expect(cafe.description).toBe('The Quayside Café took the regional prize for its fish soup.');
  });
});

describe('Substack', () => {
  const [batteries] = drafts('substack.xml');

  it('leaves out the subscribe boxes’ captions and keeps paragraphs that only mention subscribing', () => {
    expect(batteries.body).toBe('Grid batteries discharged a record 9 GWh on Tuesday evening.\n\nPrices between 18:00 and 22:00 fell by a third. Readers who subscribe to time-of-use tariffs saw the drop first.');
    expect(batteries.description).toBe('Batteries now set the evening price in three markets.');
  });
});

describe('Reddit', () => {
  const [post] = drafts('reddit.xml');

  it('credits the poster by name, not as "/u/name"', () => {
    expect(post.authors).toEqual(['gridwatcher_42']);
    expect(post.description).toBe("Our co-op's batteries covered the whole evening peak on Tuesday. Has anyone else seen this?");
  });
});

describe('arXiv', () => {
  const [forecast, calibration] = drafts('arxiv.xml');

  it('starts the dek and the body at the abstract, without the announcement line', () => {
    expect(forecast.description).toBe('We study short-term forecasting of electricity load when the weather changes abruptly. A sparse mixture of experts cuts the error by 18% on three national grids. Code and data are released.');
    expect(forecast.body).toBe(forecast.description);
    expect(calibration.description).toBe('Degradation models of lithium-ion cells are often overconfident. We propose a post-hoc calibration that needs no retraining.');
  });

  it('credits each author of a paper, which arXiv joins with commas in one dc:creator', () => {
    expect(forecast.authors).toEqual(['Alice Smith', 'Bob Jones', 'Carol Lee']);
    expect(calibration.authors).toEqual(['Jan de Vries', 'A. Kowalski']);
  });
});

describe('arXiv’s Atom feed', () => {
  const [forecast, calibration] = drafts('arxiv-atom.xml');

  it('starts the dek and the body at the abstract, as from its RSS', () => {
    const file = serializeDraft(forecast);
    expect(file).toContain('\ndescription: "We study short-term forecasting of electricity load when the weather changes abruptly. A sparse mixture of experts cuts the error by 18% on three national grids. Code and data are released."\n');
    expect(file.endsWith('---\n\nWe study short-term forecasting of electricity load when the weather changes abruptly. A sparse mixture of experts cuts the error by 18% on three national grids. Code and data are released.\n')).toBe(true);
    expect(calibration.description).toBe('Degradation models of lithium-ion cells are often overconfident. We propose a post-hoc calibration that needs no retraining.');
    expect(calibration.body).toBe(calibration.description);
  });

  it('credits each author, whether named in one <name> or one <author> each', () => {
    expect(serializeDraft(forecast)).toContain('\nauthors: ["Alice Smith", "Bob Jones", "Carol Lee"]\n');
    expect(calibration.authors).toEqual(['Jan de Vries', 'A. Kowalski']);
  });
});

describe('YouTube', () => {
  const [video] = drafts('youtube.xml');

  it('takes the dek from the description’s first paragraph that is not its chapter list', () => {
    expect(video.description).toBe('Grid batteries now cover the evening peak in three markets. We look at how prices changed and who gains.');
  });

  it('keeps the description’s paragraphs and line breaks in the body, its text still text', () => {
    expect(serializeDraft(video).split('---\n')[2]).toBe(
      [
        '',
        '0:00 Intro  ',
        '0:41 Why the evening peak is expensive  ',
        '3:12 What batteries changed  ',
        '7:58 What comes next',
        '',
        'Grid batteries now cover the evening peak in three markets. We look at how prices changed and who gains.',
        '',
        'Sources:  ',
        'https://gridletter.substack.com/p/why-night-time-power-got-cheaper  ',
        'https://www.eia.gov/todayinenergy/detail.php?id=61944',
        '',
        '\\*Prices are day-ahead averages \\<not real-time> \\[US & EU\\]  ',
        '#energy #batteries',
        '',
      ].join('\n'),
    );
  });
});

describe('a JSON Feed of release notes in content_text', () => {
  const [release] = drafts('release-notes.json');

  it('keeps the notes’ paragraphs and line breaks in the body, as from a video’s description, its text still text', () => {
    expect(serializeDraft(release).split('---\n')[2]).toBe(
      [
        '',
        'Tilde Terminal 4.2 renders font ligatures and starts twice as fast.',
        '',
        'Changes:  ',
        '\\- Ligatures, off by default  ',
        '\\- Startup in half the time  ',
        '\\- Fixed a crash when \\<Tab> was pressed in an empty \\[prompt\\]',
        '',
        'Download: https://tilde-terminal.example/download  ',
        'Checksums: https://tilde-terminal.example/releases/4.2.0/SHA256SUMS',
        '',
      ].join('\n'),
    );
  });
});

describe('Google News', () => {
  const [story, single] = drafts('google-news.xml');

  it('never takes the list of links to each outlet’s coverage for the dek or the body', () => {
    expect(story.description).toBe("Grid batteries cover Texas's evening peak for the first time");
    expect(story.body).toBe('');
    expect(single.description).toBe('Why home batteries are getting cheaper');
    expect(single.body).toBe('');
  });

  it('credits the outlet the item names as its source, not Google News', () => {
    expect(story.source).toEqual({ name: 'Reuters', url: 'https://news.google.com/rss/articles/CBMiqAFBVV95cUxNbE9QZ2tKd3p4?oc=5' });
    expect(single.source.name).toBe('The Verge');
    expect(story.authors).toEqual([]);
  });
});
