import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ARTICLE_YAML_SCHEMA, isTimestampInRange, writtenZone } from '../../../src/lib/content/yaml-timestamps.ts';

describe('ARTICLE_YAML_SCHEMA', () => {
  it('leaves a timestamp written before 1900 as text, whatever its zone, for the schema to refuse as written', () => {
    const text = 'a: 0050-06-01\nb: 1899-12-31T23:00:00Z\nc: 1899-12-31T23:00:00-02:00\nd: 0099-12-31 23:30:00 +02:00\n';
    expect(yaml.load(text, { schema: ARTICLE_YAML_SCHEMA })).toEqual({ a: '0050-06-01', b: '1899-12-31T23:00:00Z', c: '1899-12-31T23:00:00-02:00', d: '0099-12-31 23:30:00 +02:00' });
  });

  it('gives every timestamp written from 1900 on as its instant, though 1899 in UTC', () => {
    const parsed = yaml.load('a: 1900-01-01T00:30:00+02:00\nb: 2026-05-01T09:00:00Z\n', { schema: ARTICLE_YAML_SCHEMA }) as { a: Date; b: Date };
    expect(parsed.a.toISOString()).toBe('1899-12-31T22:30:00.000Z');
    expect(parsed.b.toISOString()).toBe('2026-05-01T09:00:00.000Z');
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

describe('writtenZone', () => {
  it('gives the zone a date-time is written with, null for none, and nothing for a date alone or other text', () => {
    expect(['2026-11-01T09:00:00Z', '2026-11-01T09:00:00+09:00', '2026-11-01 09:00:00 -05', '2026-11-01T09:00:00.5+05:30'].map(writtenZone)).toEqual(['Z', '+09:00', '-05', '+05:30']);
    expect(['2026-11-01T09:00:00', '2026-11-01 09:00:00'].map(writtenZone)).toEqual([null, null]);
    expect(['2026-11-01', 'last week', '2026-11-01T09:00 JST'].map(writtenZone)).toEqual([undefined, undefined, undefined]);
  });
});
