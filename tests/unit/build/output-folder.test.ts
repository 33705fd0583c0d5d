import { describe, expect, it } from 'vitest';
import { outputFolderProblem, type KeptFolders } from '../../../src/lib/build/output-folder.ts';

const kept: KeptFolders = {
  projectRoot: '/srv/news',
  contentDir: '/srv/news/content/articles',
  sourcesFile: '/srv/news/content/sources.yaml',
  publicDir: '/srv/news/public',
  caches: { NEWSDESK_CACHE_DIR: '/srv/news/node_modules/.astro', NEWSDESK_CARD_CACHE: '/var/cache/cards' },
};

describe('the output folder', () => {
  it('may be any folder of its own, in the project or beside it', () => {
    for (const outDir of ['/srv/news/dist', '/srv/news-public', '/srv/news/content/site', '/var/www/news', '/var/cache/cards-site']) {
      expect(outputFolderProblem(outDir, kept), outDir).toBeUndefined();
    }
  });

  it('may not be, or hold, a folder the build reads or keeps, which the next build would remove', () => {
    expect(outputFolderProblem('/srv/news', kept)).toBe(
      'NEWSDESK_DIST=/srv/news is the project folder (/srv/news): every build replaces the output folder whole and removes the one it replaced. Set NEWSDESK_DIST to a folder of its own, such as /srv/news/dist.',
    );
    expect(outputFolderProblem('/srv', kept)).toMatch(/^NEWSDESK_DIST=\/srv holds the project folder \(\/srv\/news\)/);
    expect(outputFolderProblem('/', kept)).toMatch(/^NEWSDESK_DIST=\/ holds the project folder/);
    expect(outputFolderProblem('/srv/news/content/articles', kept)).toMatch(/^NEWSDESK_DIST=\/srv\/news\/content\/articles is the content folder/);
    expect(outputFolderProblem('/srv/news/content', kept)).toMatch(/^NEWSDESK_DIST=\/srv\/news\/content holds the content folder/);
    expect(outputFolderProblem('/srv/news/public', kept)).toMatch(/is the project's public\/ folder/);
    expect(outputFolderProblem('/var/cache', kept)).toMatch(/^NEWSDESK_DIST=\/var\/cache holds the cache in NEWSDESK_CARD_CACHE \(\/var\/cache\/cards\)/);
  });
});
