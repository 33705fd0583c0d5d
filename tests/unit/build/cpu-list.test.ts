import { describe, expect, it } from 'vitest';
import { parseCpuList } from '../../../src/lib/build/cpu-list.ts';

describe('parseCpuList', () => {
  it('reads single CPUs and ranges, as Linux lists the CPUs a process may use', () => {
    expect(parseCpuList('0-1\n')).toEqual([0, 1]);
    expect(parseCpuList('0-3,8,10-11')).toEqual([0, 1, 2, 3, 8, 10, 11]);
    expect(parseCpuList('5')).toEqual([5]);
  });

  it('refuses what is not a list of CPUs', () => {
    expect(() => parseCpuList('3-1')).toThrow('"3-1" is not a CPU or a range of CPUs');
    expect(() => parseCpuList('a')).toThrow('"a" is not');
  });
});
