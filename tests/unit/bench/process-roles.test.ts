import { describe, expect, it } from 'vitest';
import { processRole } from '../../../src/lib/bench/process-roles.ts';

const node = '/work/newsdesk/node_modules/node/bin/node';

describe('what each process of a build is', () => {
  it('names the build’s own Node scripts by the script they run', () => {
    expect(processRole([node, '/work/newsdesk/src/cli/build.ts', '--shard', '1/4'])).toBe('build');
    expect(processRole([node, '/work/newsdesk/src/cli/check-content.ts', '--skip-near-duplicates'])).toBe('checker');
    expect(processRole([node, '/work/newsdesk/src/cli/search-index.ts', '/tmp/x/dist.search'])).toBe('indexer');
    expect(processRole([node, '--expose-gc', '--max-semi-space-size=8', '/work/newsdesk/src/cli/search-documents.ts', '/tmp/x/cache/tmp.1'])).toBe('indexer');
    expect(processRole(['node', 'src/cli/cards.ts', '/tmp/x/dist.cards'])).toBe('cards');
  });

  it('recognises Astro, Pagefind (its binary and its CLI wrapper) and Hugo', () => {
    expect(processRole([node, '/work/newsdesk/node_modules/.bin/astro', 'build'])).toBe('astro');
    expect(processRole(['node', 'node_modules/astro/astro.js', 'dev'])).toBe('astro');
    // As the build starts it: Node, a V8 option, then Astro's own script.
    expect(processRole([node, '--no-allocation-site-pretenuring', '/work/newsdesk/node_modules/astro/bin/astro.mjs', 'build'])).toBe('astro');
    expect(processRole(['/work/newsdesk/node_modules/@pagefind/linux-x64/bin/pagefind_extended', '--service'])).toBe('pagefind');
    expect(processRole([node, '/work/newsdesk/node_modules/.bin/pagefind', '--site', '/tmp/hugo'])).toBe('pagefind');
    expect(processRole(['/usr/bin/hugo', '--source', '/tmp/site'])).toBe('hugo');
  });

  it('looks only at the program and its script, never at folders passed as arguments', () => {
    expect(processRole([node, '/work/newsdesk/src/cli/check-content.ts', '/tmp/astro-pagefind/content'])).toBe('checker');
    expect(processRole(['/usr/bin/time', '-f', '%M', node, 'node_modules/.bin/astro', 'build'])).toBe('other');
    expect(processRole(['/usr/bin/flock', '/tmp/lock', 'sh'])).toBe('other');
    expect(processRole([])).toBe('other');
  });
});
