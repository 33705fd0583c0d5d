import { describe, expect, it } from 'vitest';
import { createStagedLineRewriter, PAGES_WRITTEN } from '../../../src/lib/build/staged-lines.ts';

const event = (label: string | null, message: string, level = 'info') => ({ label, level, message, newLine: true });
const rewrite = createStagedLineRewriter({ staging: '/srv/news/dist.staging', output: '/srv/news/dist' });

describe('Astro’s lines in a staged build', () => {
  it('name the output folder where Astro names the staging folder, by absolute or relative path', () => {
    expect(rewrite(event('build', 'directory: \u001b[34m/srv/news/dist.staging/\u001b[39m')).message).toBe('directory: \u001b[34m/srv/news/dist/\u001b[39m');
    expect(rewrite(event('@astrojs/sitemap', '`sitemap-index.xml` created at `../news/dist.staging`')).message).toBe('`sitemap-index.xml` created at `../news/dist`');
  });

  it('leave look-alike names and other lines as they are', () => {
    for (const message of ['copied /srv/news/dist.staging-notes/a', 'wrote /srv/news/old-dist.staging/', '50 page(s) built in 6.14s']) {
      expect(rewrite(event('build', message)).message).toBe(message);
    }
  });

  it('keep the staging folder in a warning or an error, which names the file that is really there', () => {
    for (const level of ['warn', 'error']) {
      const message = "EACCES: permission denied, open '/srv/news/dist.staging/index.html'";
      expect(rewrite(event('build', message, level)).message).toBe(message);
    }
  });

  it('say the pages are written, not that the build is complete, plain or in colour', () => {
    expect(rewrite(event('build', 'Complete!'))).toEqual(event('build', PAGES_WRITTEN));
    expect(rewrite(event('build', '\u001b[1mComplete!\u001b[22m')).message).toBe(PAGES_WRITTEN);
    expect(rewrite(event('content', 'Complete!')).message).toBe('Complete!');
  });

  it('refuse a staging folder that is not beside the output, whose lines could not be told apart', () => {
    expect(() => createStagedLineRewriter({ staging: '/tmp/x.staging', output: '/srv/news/dist' })).toThrow(/not beside the output folder/);
  });
});
