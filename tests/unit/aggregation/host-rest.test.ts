import { describe, expect, it } from 'vitest';
import { noteHostRest, restingBecause, restsAfterRun, type HostRests } from '../../../src/lib/aggregation/host-rest.ts';
import { emptyState, parseState, serializeState } from '../../../src/lib/aggregation/state.ts';

const now = new Date('2026-12-01T12:00:00.250Z');
const inAnHour = new Date('2026-12-01T13:00:00Z');

describe('a host resting after its Retry-After', () => {
  it('keeps its feeds unasked until the instant, saying who answered what and when', () => {
    const rests: HostRests = {};
    noteHostRest(rests, 'https://wire.example/politics.xml', 'https://wire.example/politics.xml', 503, inAnHour, now);
    expect(restingBecause(rests, 'https://wire.example/sport.xml', new Date('2026-12-01T12:59:59Z'))).toBe(
      'wire.example answered https://wire.example/politics.xml with 503 at 2026-12-01T12:00:00Z and asked not to be asked again before 2026-12-01T13:00:00Z (Retry-After)',
    );
    expect(restingBecause(rests, 'https://wire.example/sport.xml', inAnHour)).toBeUndefined();
    expect(restingBecause(rests, 'https://wire.example:8443/sport.xml', now)).toBeUndefined();
  });

  it('rests the host a redirect came from too, naming where it led', () => {
    const rests: HostRests = {};
    noteHostRest(rests, 'https://old.example/feed.xml', 'https://cdn.example/feed.xml', 429, inAnHour, now);
    expect(restingBecause(rests, 'https://old.example/other.xml', now)).toBe(
      'old.example sent a feed on to cdn.example, which answered https://cdn.example/feed.xml with 429 at 2026-12-01T12:00:00Z and asked not to be asked again before 2026-12-01T13:00:00Z (Retry-After)',
    );
    expect(restingBecause(rests, 'https://cdn.example/other.xml', now)).toMatch(/^cdn\.example answered /);
  });

  it('rests a day at most, and not at all for a Retry-After already past', () => {
    const rests: HostRests = {};
    noteHostRest(rests, 'https://wire.example/a.xml', 'https://wire.example/a.xml', 503, new Date('2027-01-01T00:00:00Z'), now);
    expect(rests['wire.example']?.until).toBe('2026-12-02T12:00:00Z');
    noteHostRest(rests, 'https://late.example/a.xml', 'https://late.example/a.xml', 503, now, now);
    expect(rests['late.example']).toBeUndefined();
  });

  it('is not kept more than a day ahead of the run, as a run with a clock gone wrong or a hand edit leaves it', () => {
    const rests: HostRests = {};
    const wrongClock = new Date('2027-06-01T12:00:00Z');
    noteHostRest(rests, 'https://wire.example/a.xml', 'https://wire.example/a.xml', 503, new Date('2027-06-02T12:00:00Z'), wrongClock);
    expect(restingBecause(rests, 'https://wire.example/b.xml', wrongClock)).toBeDefined();
    expect(restingBecause(rests, 'https://wire.example/b.xml', now)).toBeUndefined();
    expect(restsAfterRun(rests, { rests: {}, answered: new Set() }, now)).toEqual({});
    const dayAhead: HostRests = { 'wire.example': { ...rests['wire.example']!, until: '2026-12-02T12:00:00Z' } };
    expect(restingBecause(dayAhead, 'https://wire.example/b.xml', now)).toBeDefined();
    expect(restsAfterRun(dayAhead, { rests: {}, answered: new Set() }, now)).toEqual(dayAhead);
  });

  it('is forgotten once its instant has passed or the host has answered a feed, and the later of two rests is kept', () => {
    const previous: HostRests = {
      'past.example': { until: '2026-12-01T12:00:00Z', status: 503, answered: 'https://past.example/a.xml', at: '2026-12-01T11:00:00Z' },
      'long.example': { until: '2026-12-01T18:00:00Z', status: 503, answered: 'https://long.example/a.xml', at: '2026-12-01T11:00:00Z' },
    };
    const noted: HostRests = {};
    noteHostRest(noted, 'https://long.example/b.xml', 'https://long.example/b.xml', 429, inAnHour, now);
    expect(restsAfterRun(previous, { rests: noted, answered: new Set() }, now)).toEqual({ 'long.example': previous['long.example'] });
    expect(restsAfterRun(previous, { rests: {}, answered: new Set(['long.example']) }, now)).toEqual({});
  });
});

describe('host rests in the state file', () => {
  it('are written sorted by host and read back the same', () => {
    const hosts: HostRests = {};
    noteHostRest(hosts, 'https://zeta.example/a.xml', 'https://zeta.example/a.xml', 503, inAnHour, now);
    noteHostRest(hosts, 'https://alpha.example/a.xml', 'https://alpha.example/a.xml', 429, inAnHour, now);
    const text = serializeState({ ...emptyState(), hosts });
    expect(Object.keys(JSON.parse(text).hosts)).toEqual(['alpha.example', 'zeta.example']);
    expect(serializeState(parseState(text, 'state.json'))).toBe(text);
  });

  it('leave a state written before them, or with none running, as it was', () => {
    const before = `${JSON.stringify({ version: 1, sources: {} }, null, 2)}\n`;
    expect(serializeState(parseState(before, 'state.json'))).toBe(before);
    expect(serializeState({ ...emptyState(), hosts: {} })).toBe(before);
  });

  it('name the line and field of a rest edited wrong', () => {
    const text = serializeState({ ...emptyState(), hosts: { 'wire.example': { until: 'soon', status: 503, answered: 'https://wire.example/a.xml', at: '2026-12-01T12:00:00Z' } } });
    expect(() => parseState(text, 'state.json')).toThrow('state.json:6: hosts.wire.example.until: is not a date-time; restore it from git, or delete it to start afresh');
  });
});
