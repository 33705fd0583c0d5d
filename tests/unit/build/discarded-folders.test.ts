import { describe, expect, it } from 'vitest';
import { discardedFolderName, isDiscardedFolder } from '../../../src/lib/build/discarded-folders.ts';

describe('the folders a build discards beside its output', () => {
  it('are named after the output folder, so that each output removes only its own', () => {
    const name = discardedFolderName('dist', '3fa94c1b20de');
    expect(name).toBe('dist.discarded-3fa94c1b20de');
    expect(isDiscardedFolder('dist', name)).toBe(true);
    expect(isDiscardedFolder('public', name)).toBe(false);
    expect(isDiscardedFolder('dist-2', 'dist-2.discarded-3fa94c1b20de')).toBe(true);
    expect(isDiscardedFolder('dist', 'dist-2.discarded-3fa94c1b20de')).toBe(false);
  });

  it('are told from folders a person named alike, which are never removed', () => {
    for (const name of ['dist', 'dist.previous', 'dist.discarded-', 'dist.discarded-old', 'dist.discarded-3FA94C1B20DE', 'dist.discarded-3fa94c1b20de0', 'dist.discarded-3fa94c1b20de/x']) {
      expect(isDiscardedFolder('dist', name), name).toBe(false);
    }
  });

  it('refuses an id a later build would not recognise', () => {
    expect(() => discardedFolderName('dist', 'abc')).toThrow('12 hexadecimal digits');
  });
});
