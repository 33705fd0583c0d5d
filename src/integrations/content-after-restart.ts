/**
 * `astro dev` restarts itself when `astro.config.mjs` is saved, with a new file watcher, but Astro's content layer
 * keeps the closed one and does not run the loaders again: edits to articles stopped reaching the pages until the
 * server was stopped and started. After such a restart the article loader is run again, and listens on the new
 * watcher (src/io/dev-watcher.ts).
 */
import type { AstroIntegration } from 'astro';
import { followDevWatcher, loaderFollowed } from '../io/dev-watcher.ts';

export function contentAfterRestart(articlesFolder: string): AstroIntegration {
  return {
    name: 'newsdesk:content-after-restart',
    hooks: {
      'astro:server:setup': ({ server, refreshContent }) => {
        if (!followDevWatcher(server.watcher) || !refreshContent) return;
        // Astro reads its content config again only after this hook, and refreshing does nothing until it has; so the
        // loader is run at the next change to a file (its sync reads that change too), until it has run.
        server.watcher.add(articlesFolder);
        const refresh = () => {
          if (loaderFollowed()) server.watcher.off('all', refresh);
          else void refreshContent({});
        };
        server.watcher.on('all', refresh);
      },
    },
  };
}
