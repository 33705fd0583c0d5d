import { describe, expect, it } from 'vitest';
import { authorNames, splitCreators, withoutArxivAnnouncement } from '../../../../src/lib/authoring/import/feed-fields.ts';

describe('authorNames: bylines from author fields', () => {
  it('credits a Reddit user "/u/name" as the name, and leaves other slashes alone', () => {
    expect(authorNames(['/u/gridwatcher_42', '/u/Some-Poster'])).toEqual(['gridwatcher_42', 'Some-Poster']);
    expect(authorNames(['/r/energy moderators', 'AC/DC Fan Club', 'Posted by /u/gridwatcher_42', '/u/'])).toEqual(['/r/energy moderators', 'AC/DC Fan Club', 'Posted by /u/gridwatcher_42', '/u/']);
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

describe('splitCreators: one dc:creator that names several people', () => {
  it('splits at commas when every part is a full name, as arXiv joins a paper’s authors', () => {
    expect(splitCreators(['Alice Smith, Bob Jones, Carol Lee'])).toEqual(['Alice Smith', 'Bob Jones', 'Carol Lee']);
    expect(splitCreators(['Jan de Vries, A. Kowalski, José Álvarez-Ruiz, Siobhán O’Neill'])).toEqual(['Jan de Vries', 'A. Kowalski', 'José Álvarez-Ruiz', 'Siobhán O’Neill']);
  });

  it('leaves one person’s name with a comma whole, and anything it cannot read as names', () => {
    const kept = ['Smith, Alice', 'Smith, Alice B.', 'Alice Smith, Jr.', 'Alice Smith, PhD', 'Alice Smith, Jr., Bob Jones', 'Alice Smith, 3rd Battalion', '王伟, 李娜', 'Alice Smith'];
    expect(splitCreators(kept)).toEqual(kept);
  });
});
