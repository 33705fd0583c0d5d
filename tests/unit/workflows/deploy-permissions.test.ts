/**
 * What the deploy workflow's token may do: each job gets what its steps need and no more, and nothing the scheduled
 * aggregation, which calls it, does not grant.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

type Permissions = Record<string, 'read' | 'write' | 'none'>;
type Job = { permissions?: Permissions; steps?: Array<{ uses?: string }> };
type Workflow = { permissions?: Permissions; jobs: Record<string, Job> };
const read = (name: string): Workflow => parse(readFileSync(resolve(import.meta.dirname, '../../../.github/workflows', name), 'utf8'));
const deploy = read('deploy.yml');
const aggregate = read('aggregate.yml');

const LEVELS = { none: 0, read: 1, write: 2 } as const;
/** A job's token: its own permissions, else the workflow's; a scope either leaves out is none. */
const granted = (workflow: Workflow, job: Job): Permissions => job.permissions ?? workflow.permissions ?? {};
const level = (permissions: Permissions, scope: string): number => LEVELS[permissions[scope] ?? 'none'];

describe('the deploy workflow’s permissions', () => {
  const jobs = Object.entries(deploy.jobs);

  it('lets the jobs that read the Pages settings read them (a private repository refuses configure-pages otherwise)', () => {
    const readers = jobs.filter(([, job]) => job.steps?.some((step) => step.uses?.startsWith('actions/configure-pages@')));
    expect(readers.map(([id]) => id).sort()).toEqual(['build', 'shard-plan']);
    for (const [id, job] of readers) expect({ id, pages: level(granted(deploy, job), 'pages') }).toEqual({ id, pages: LEVELS.read });
  });

  it('gives pages: write and the OIDC token to the deploying job alone', () => {
    const writers = jobs.filter(([, job]) => level(granted(deploy, job), 'pages') === LEVELS.write || level(granted(deploy, job), 'id-token') > 0);
    expect(writers.map(([id]) => id)).toEqual(['deploy']);
  });

  // A called workflow's jobs may only narrow what the caller grants: one asking for more fails the run at its start.
  it('asks for nothing the scheduled aggregation does not grant it', () => {
    const caller = aggregate.jobs.deploy.permissions!;
    const beyond = jobs.flatMap(([id, job]) =>
      Object.entries(granted(deploy, job))
        .filter(([scope]) => level(granted(deploy, job), scope) > level(caller, scope))
        .map(([scope, wanted]) => `${id}: ${scope}: ${wanted}`),
    );
    expect(beyond).toEqual([]);
  });
});
