/**
 * Build-time Astro integration: the server-side chunks Astro renders pages with can import the project's packages
 * wherever the output folder is.
 *
 * Astro bundles those chunks into `<outDir>/.prerender/` when it takes the output folder to be inside the working
 * folder, else into `<cwd>/.astro/`, and leaves the packages they import to Node's resolution, which looks for
 * `node_modules` in the chunks' folder and its parents. Astro's test is a text prefix (`getOutDirWithinCwd`), so an
 * output folder beside the project whose name begins with the project's (`/srv/news` and `/srv/news-public`) gets
 * its chunks outside the project, and the build fails with `Cannot find package …`. For such a folder only, a link
 * to the project's `node_modules` is put beside the chunks once they are written; Astro removes the folder, link
 * included, when the pages are done.
 */
import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isInsideFolder } from '../lib/inside-folder.ts';

/** Astro's name for the Vite environment that bundles the pages it prerenders. */
const PRERENDER_ENVIRONMENT = 'prerender';

export function prerenderPackages(): AstroIntegration {
  return {
    name: 'newsdesk:prerender-packages',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'build') return;
        const root = fileURLToPath(config.root);
        const packages = join(root, 'node_modules');
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'newsdesk:prerender-packages',
                writeBundle(options: { dir?: string }) {
                  if (this.environment?.name !== PRERENDER_ENVIRONMENT || !options.dir || isInsideFolder(root, options.dir)) return;
                  const link = join(options.dir, 'node_modules');
                  if (!existsSync(link)) symlinkSync(packages, link, 'junction');
                },
              },
            ],
          },
        });
      },
    },
  };
}

