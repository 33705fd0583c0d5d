import { describe, expect, it } from 'vitest';
import { swapFailureMessage } from '../../../src/lib/build/swap-failure.ts';

const failure = (code: string) => Object.assign(new Error(`${code}: something, rename`), { code });

describe('a site that cannot be renamed into place', () => {
  it('names the rename that failed and, for a mount point, what to set instead', () => {
    expect(swapFailureMessage('/srv/site/dist', '/srv/site/dist', '/srv/site/dist.previous', failure('EBUSY'))).toBe(
      'Cannot swap the new site into /srv/site/dist: renaming /srv/site/dist to /srv/site/dist.previous failed (EBUSY). /srv/site/dist is in use by another program or is a mount point (a volume mounted there), which cannot be renamed: the build swaps a site in by renaming folders beside it. Set NEWSDESK_DIST to a folder inside the mount, or mount its parent folder instead.',
    );
  });

  it('says which folder needs write permission', () => {
    expect(swapFailureMessage('/srv/site/dist', '/srv/site/dist.staging', '/srv/site/dist', failure('EACCES'))).toMatch(/The build may not rename folders in \/srv\/site: give it write permission there/);
  });

  it('gives the system’s own words for a failure it has no advice for', () => {
    expect(swapFailureMessage('/srv/site/dist', '/srv/site/dist.staging', '/srv/site/dist', failure('EIO'))).toBe('Cannot swap the new site into /srv/site/dist: renaming /srv/site/dist.staging to /srv/site/dist failed (EIO). EIO: something, rename');
  });
});
