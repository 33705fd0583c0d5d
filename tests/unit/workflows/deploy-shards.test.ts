/** The deploy workflow's sharded variant: parts built alike, merged with the same settings, and the whole-site build left the default. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const deploy = parse(readFileSync(resolve(import.meta.dirname, '../../../.github/workflows/deploy.yml'), 'utf8'));
type Step = { name?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, unknown> };
const step = (job: string, match: (step: Step) => boolean): Step => deploy.jobs[job].steps.find(match);

describe('the sharded deploy', () => {
  it('is asked for by hand or by a caller, and builds the site whole by default and on push', () => {
    expect(deploy.on.workflow_dispatch.inputs.shards.default).toBe('1');
    expect(deploy.on.workflow_call.inputs.shards).toMatchObject({ type: 'number', default: 1 });
    expect(deploy.jobs.build.if).toBe('${{ !(inputs.shards > 1) }}');
    expect(deploy.jobs['shard-plan'].if).toBe('${{ inputs.shards > 1 }}');
  });

  it('builds every part and merges them with one publish instant, address and base path', () => {
    const build = step('shard-build', (s) => s.run?.includes('--shard') ?? false);
    const merge = step('shard-merge', (s) => s.run?.includes('--merge') ?? false);
    expect(build.run).toBe('npm run build -- --shard "${{ matrix.part }}/${{ inputs.shards }}"');
    for (const name of ['NEWSDESK_NOW', 'SITE_URL', 'BASE_PATH']) {
      expect(build.env![name]).toMatch(/^\$\{\{ needs\.shard-plan\.outputs\.[a-z-]+ \}\}$/);
      expect(merge.env![name]).toBe(build.env![name]);
    }
    expect(deploy.jobs['shard-build'].strategy.matrix.part).toBe('${{ fromJSON(needs.shard-plan.outputs.parts) }}');
  });

  it('keeps a card cache per part and uploads each part with its hidden marker', () => {
    const cache = step('shard-build', (s) => s.uses?.startsWith('actions/cache@') ?? false);
    expect(cache.with!.key).toContain('${{ matrix.part }}-of-${{ inputs.shards }}');
    const upload = step('shard-build', (s) => s.uses?.startsWith('actions/upload-artifact@') ?? false);
    expect(upload.with).toMatchObject({ path: 'part/', 'include-hidden-files': true });
  });

  it('deploys whichever way the site was built', () => {
    expect(deploy.jobs.deploy.needs).toEqual(['build', 'shard-merge']);
    expect(deploy.jobs.deploy.if).toContain("needs.shard-merge.result == 'success'");
    expect(deploy.jobs.deploy.if).toContain("needs.build.result == 'success'");
  });
});
