/** `npm run sources -- status`, run as an operator runs it, on a registry and a state file of its own. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourcesStatus } from '../../../src/lib/aggregation/source-status.ts';
import { afterFailure, afterSuccess } from '../../../src/lib/aggregation/source-state.ts';
import { emptyState, serializeState } from '../../../src/lib/aggregation/state.ts';

const projectRoot = resolve(import.meta.dirname, '../../..');
const node = join(projectRoot, 'node_modules/.bin/node');
const HOUR = 60 * 60 * 1000;
let folder: string;
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const inherited = () => Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('NEWSDESK_') && !name.startsWith('GITHUB_')));

function command(cli: string, args: string[]) {
  const result = spawnSync(node, [join(projectRoot, 'src/cli', cli), ...args], { cwd: folder, env: inherited(), encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const status = (...args: string[]) => command('sources.ts', ['status', '--sources', 'sources.yaml', ...args]);

const registry = ['chipwire', 'oldwire', 'newwire'].map((id) => `- id: ${id}\n  name: ${id}\n  feed: https://${id}.example/feed.xml\n`).join('');

/** A registry of three sources, one read an hour ago, one failing for two days, one just added; and the state of one no longer listed. */
function workspace(): string {
  folder = mkdtempSync(join(tmpdir(), 'newsdesk-sources-status-'));
  writeFileSync(join(folder, 'sources.yaml'), registry);
  const now = Date.now();
  const read = (id: string, at: number, seen: string[]) => afterSuccess(undefined, { feedUrl: `https://${id}.example/feed.xml`, validators: {}, contentHash: 'abc', newVersion: true, seen }, new Date(at));
  const oldwireFeed = 'https://oldwire.example/feed.xml';
  const failing = [now - 48 * HOUR, now - HOUR].reduce(
    (state, at) => afterFailure(state, oldwireFeed, `${oldwireFeed} answered 503 Service Unavailable`, undefined, new Date(at), 'server-error'),
    read('oldwire', now - 72 * HOUR, ['o1']),
  );
  const state = { ...emptyState(), sources: { chipwire: read('chipwire', now - HOUR, ['c1', 'c2', 'c3']), oldwire: failing, gonewire: read('gonewire', now - HOUR, ['g1', 'g2']) } };
  writeFileSync(join(folder, '.aggregate-state.json'), serializeState(state));
  return folder;
}

describe('npm run sources -- status', () => {
  it('prints one line per source in registry order, the state of sources no longer followed, and the count; reading only', () => {
    workspace();
    const stateFile = join(folder, '.aggregate-state.json');
    const before = { text: readFileSync(stateFile, 'utf8'), modified: statSync(stateFile).mtimeMs };
    const result = status();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.trim().split(/\s+/)[0])).toEqual(['chipwire', 'oldwire', 'newwire', 'gonewire', '', '3']);
    expect(lines[0]).toMatch(/^ {2}chipwire {2}last new version read \d{4}-\d\d-\d\d \d\d:\d\d UTC; 3 items remembered$/);
    expect(lines[1]).toMatch(
      /^ {2}oldwire {3}failing since .* UTC \(2 failures in a row\): https:\/\/oldwire\.example\/feed\.xml answered 503 Service Unavailable; its server has been answering with an error for a day: .*; the next run tries again; last new version read .*; 1 item remembered$/,
    );
    expect(lines[2]).toBe('  newwire   never asked yet: the next npm run aggregate reads it');
    expect(lines[3]).toBe('  gonewire  no longer in the registry; its state is kept, so its 2 items remembered are not written again (and it resumes if the id is listed again)');
    expect(lines.at(-1)).toBe('3 sources: 1 healthy, 1 needs attention, 1 never asked; 1 source no longer followed in the state.');
    expect({ text: readFileSync(stateFile, 'utf8'), modified: statSync(stateFile).mtimeMs }).toEqual(before);
  });

  it('exits 1 with --strict when a source needs attention, for scripts, and prints the same as data with --json', () => {
    workspace();
    expect(status('--strict').code).toBe(1);
    const json = status('--json');
    expect(json.code).toBe(0);
    const data = JSON.parse(json.stdout) as SourcesStatus;
    expect(data.sources.map((source) => [source.id, source.health])).toEqual([['chipwire', 'healthy'], ['oldwire', 'needs-attention'], ['newwire', 'never-asked']]);
    expect(data.sources[1]).toMatchObject({ consecutiveFailures: 2, lastError: 'https://oldwire.example/feed.xml answered 503 Service Unavailable', attention: { reason: 'failing', cause: 'server-error' } });
    expect(data.unfollowed).toEqual([{ id: 'gonewire', remembered: 2 }]);
    // Healthy again: --strict has nothing to say.
    writeFileSync(join(folder, 'sources.yaml'), registry.split('- id: oldwire')[0]!);
    expect(status('--strict').code).toBe(0);
  });

  it('exits 1 with --strict when every source has been failing for an hour, before any has failed for a day', () => {
    workspace();
    const now = Date.now();
    const failingSince = (id: string) => [now - 2 * HOUR, now - HOUR].reduce(
      (state, at) => afterFailure(state, `https://${id}.example/feed.xml`, `could not reach ${id}.example: the connection timed out`, undefined, new Date(at), 'timeout'),
      afterFailure(undefined, `https://${id}.example/feed.xml`, `could not reach ${id}.example: the connection timed out`, undefined, new Date(now - 2 * HOUR), 'timeout'),
    );
    writeFileSync(join(folder, '.aggregate-state.json'), serializeState({ ...emptyState(), sources: { chipwire: failingSince('chipwire'), oldwire: failingSince('oldwire'), newwire: failingSince('newwire') } }));
    const result = status('--strict');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/3 sources: 0 healthy, 3 failing for less than a day\.\n\nBroken: every source has been failing since .*; read the errors above, and check the connection\.\n$/);
  });

  it('takes every source as never asked before anything was aggregated, and refuses a corrupt state with aggregate’s own error', () => {
    workspace();
    rmSync(join(folder, '.aggregate-state.json'));
    const fresh = status('--strict');
    expect(fresh.code).toBe(0);
    expect(fresh.stdout.trimEnd().split('\n').at(-1)).toBe('3 sources: 0 healthy, 3 never asked.');

    writeFileSync(join(folder, '.aggregate-state.json'), '{"version": 1, "sources": {"chipwire": {"consecutiveFailures": "many"}}}\n');
    const corrupt = status();
    expect(corrupt.code).toBe(1);
    expect(corrupt.stdout).toBe('');
    expect(corrupt.stderr).toMatch(/^\.aggregate-state\.json:1: sources\.chipwire\.consecutiveFailures: .*; restore it from git, or delete it to start afresh\n$/);
    mkdirSync(join(folder, 'articles'));
    const aggregate = command('aggregate.ts', ['--sources', 'sources.yaml', '--content-dir', 'articles']);
    expect(aggregate.code).toBe(2);
    expect(aggregate.stderr).toBe(`Aggregation stopped: ${corrupt.stderr}`);
  });

  it('answers misuse with the usage and exit code 2, and a missing registry with exit code 1', () => {
    workspace();
    const misuse = status('chipwire');
    expect(misuse.code).toBe(2);
    expect(misuse.stderr).toMatch(/^status takes no arguments, not "chipwire"\.\n\nUsage: npm run sources/);
    const missing = command('sources.ts', ['status', '--sources', 'elsewhere.yaml']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('elsewhere.yaml does not exist; list the sources to follow there (see README: Sources).\n');
  });
});
