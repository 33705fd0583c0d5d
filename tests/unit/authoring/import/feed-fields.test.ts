import { describe, expect, it } from 'vitest';
import { authorNames } from '../../../../src/lib/authoring/import/feed-fields.ts';

describe('authorNames: bylines from author fields', () => {
  it('credits a Reddit user "/u/name" as the name, and leaves other slashes alone', () => {
    expect(authorNames(['/u/gridwatcher_42', '/u/Some-Poster'])).toEqual(['gridwatcher_42', 'Some-Poster']);
    expect(authorNames(['/r/energy moderators', 'AC/DC Fan Club', 'Posted by /u/gridwatcher_42', '/u/'])).toEqual(['/r/energy moderators', 'AC/DC Fan Club', 'Posted by /u/gridwatcher_42', '/u/']);
  });

  it('credits each person once', () => {
    expect(authorNames(['/u/gridwatcher_42', 'gridwatcher_42', undefined, ' '])).toEqual(['gridwatcher_42']);
  });
});
