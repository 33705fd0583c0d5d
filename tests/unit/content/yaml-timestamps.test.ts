import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ARTICLE_YAML_SCHEMA, earlyYearTimestamp } from '../../../src/lib/content/yaml-timestamps.ts';

describe('earlyYearTimestamp', () => {
  it('reads the years 0000-0099 as written, with time, fraction and zone', () => {
    expect(earlyYearTimestamp('0050-06-01')!.toISOString()).toBe('0050-06-01T00:00:00.000Z');
    expect(earlyYearTimestamp('0000-02-29')!.toISOString()).toBe('0000-02-29T00:00:00.000Z');
    expect(earlyYearTimestamp('0099-12-31T23:30:00.5+02:00')!.toISOString()).toBe('0099-12-31T21:30:00.500Z');
    expect(earlyYearTimestamp('0007-01-01 08:00:00 -05:30')!.toISOString()).toBe('0007-01-01T13:30:00.000Z');
  });

  it('leaves every later year to the YAML parser', () => {
    expect(earlyYearTimestamp('0100-01-01')).toBeUndefined();
    expect(earlyYearTimestamp('2026-05-01')).toBeUndefined();
  });
});

describe('ARTICLE_YAML_SCHEMA', () => {
  it('gives early years as written where the default schema gives 19xx, and other dates alike', () => {
    const text = 'a: 0050-06-01\nb: 2026-05-01T09:00:00Z\n';
    expect((yaml.load(text, { schema: ARTICLE_YAML_SCHEMA }) as { a: Date }).a.toISOString()).toBe('0050-06-01T00:00:00.000Z');
    expect((yaml.load(text, { schema: ARTICLE_YAML_SCHEMA }) as { b: Date }).b.toISOString()).toBe('2026-05-01T09:00:00.000Z');
  });
});
