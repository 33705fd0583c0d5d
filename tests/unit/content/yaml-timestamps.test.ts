import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ARTICLE_YAML_SCHEMA, earlyYearTimestamp, isTimestampInRange } from '../../../src/lib/content/yaml-timestamps.ts';

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

describe('isTimestampInRange', () => {
  it('accepts real days and times, leap days included', () => {
    for (const text of ['2026-05-01', '2024-02-29', '2000-02-29', '0000-02-29', '2026-12-31T23:59:59Z', '2026-05-01 09:00:00 +05:45', '2026-05-01T09:00:00-12:00']) {
      expect(isTimestampInRange(text), text).toBe(true);
    }
  });

  it('refuses a part out of its range, which Date.UTC would roll into another day', () => {
    for (const text of ['2026-13-45', '2026-00-10', '2026-02-30', '2025-02-29', '1900-02-29', '2026-04-31', '2026-05-00', '2026-05-01T24:00:00Z', '2026-05-01T09:60:00Z', '2026-05-01T09:00:61Z', '2026-05-01T09:00:00+25:00', '2026-05-01T09:00:00+05:75']) {
      expect(isTimestampInRange(text), text).toBe(false);
    }
  });

  it('leaves an impossible unquoted date as text for the schema to refuse, instead of another day', () => {
    const parsed = yaml.load('a: 2026-02-30\nb: 2026-05-01T25:61:00Z\nc: 0050-02-30\n', { schema: ARTICLE_YAML_SCHEMA });
    expect(parsed).toEqual({ a: '2026-02-30', b: '2026-05-01T25:61:00Z', c: '0050-02-30' });
  });
});
