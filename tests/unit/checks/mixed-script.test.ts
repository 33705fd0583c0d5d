import { describe, expect, it } from 'vitest';
import { describeCharacter, mixedScripts } from '../../../src/lib/checks/mixed-script.ts';

describe('mixedScripts', () => {
  it('finds a Cyrillic letter in a Latin slug, and names it', () => {
    expect(mixedScripts('japan-ai-r\u0430ce')).toEqual({ scripts: ['Latin', 'Cyrillic'], odd: ['\u0430'] });
    expect(describeCharacter('\u0430')).toBe('"\u0430" (U+0430)');
    expect(mixedScripts('\u0440\u0443\u0441\u0441\u043a\u0438\u0439-o')).toMatchObject({ scripts: ['Cyrillic', 'Latin'], odd: ['o'] });
  });

  it('leaves slugs in one alphabet, and scripts that do not look alike, alone', () => {
    for (const slug of ['japan-ai-race', 'русский-текст', 'ελληνικά', 'ai-日本', 'québec-2026', 'ai-の未来']) expect(mixedScripts(slug)).toBeUndefined();
  });
});
