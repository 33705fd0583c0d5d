import { describe, expect, it } from 'vitest';
import { stopExitStatus, stoppedBuildMessage } from '../../../src/lib/build/stopped-build.ts';

describe('a stopped build', () => {
  it('exits as a shell reports the signal that stopped it', () => {
    expect(stopExitStatus('SIGINT')).toBe(130);
    expect(stopExitStatus('SIGTERM')).toBe(143);
    expect(stopExitStatus('SIGHUP')).toBe(129);
  });

  it('says what the output folder holds, whether it held a site before, got none, or already has the new one', () => {
    const rest = 'Nothing else needs doing: every step has stopped, and the next build removes what this one left.';
    expect(stoppedBuildMessage({ signal: 'SIGINT', outDir: '/srv/dist', output: 'previous site' })).toBe(`Build stopped by SIGINT (Ctrl-C); /srv/dist still holds the previous site, unchanged. ${rest}`);
    expect(stoppedBuildMessage({ signal: 'SIGTERM', outDir: '/srv/dist', output: 'no site' })).toBe(`Build stopped by SIGTERM; no site was written, and /srv/dist does not exist, as before. ${rest}`);
    expect(stoppedBuildMessage({ signal: 'SIGTERM', outDir: '/srv/dist', output: 'new site' })).toBe(`Build stopped by SIGTERM; the new site was already in /srv/dist. ${rest}`);
  });
});
