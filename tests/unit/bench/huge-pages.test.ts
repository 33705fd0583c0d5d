import { describe, expect, it } from 'vitest';
import { hugePageMode } from '../../../src/lib/bench/huge-pages.ts';

describe('the kernel’s transparent huge pages mode', () => {
  it('is the bracketed one of the modes the kernel lists', () => {
    expect(hugePageMode('always [madvise] never\n')).toBe('madvise');
    expect(hugePageMode('[always] madvise never\n')).toBe('always');
    expect(hugePageMode('always madvise [never]\n')).toBe('never');
  });

  it('is unknown when the file says nothing of the kind', () => {
    expect(hugePageMode('')).toBeUndefined();
    expect(hugePageMode('always madvise never')).toBeUndefined();
  });
});
