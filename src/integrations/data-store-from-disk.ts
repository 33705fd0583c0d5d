/**
 * Build-time Astro integration: pages read the content data store from Astro's cache file instead of from a
 * JavaScript module that embeds it.
 *
 * Astro turns `data-store.json` (every article's front matter; see src/io/article-loader.ts) into a module of the form
 * `export default JSON.parse("…")`, which Vite bundles and Node then compiles before the first page renders. On a
 * large archive that string is tens of megabytes, and V8 compiles such a literal in time that grows faster than its
 * length, far slower than JSON.parse of the same file (BENCHMARKS.md has the numbers); making it, Astro also parses
 * the whole file once to check it, and every plugin that transforms modules is handed the whole literal. This
 * module is loaded in its place, ahead of Astro's own loader: it reads and parses the file when the pages first ask
 * for it, and gives Astro the store it would have made of the parsed file (devalue's `unflatten`, which Astro
 * accepts ready-made as a Map). The data is byte for byte the same; only where it is read from changes.
 *
 * Only for static builds with the store in one file (Astro's default), where pages are rendered on this machine
 * right after the bundle is made: a server bundle must not point at a file in the build machine's cache. If Astro
 * renames the module, this loader no longer matches and Astro's own module is used, as without this integration.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's resolved id for `astro:data-layer-content` (astro/dist/content/consts.js). */
const DATA_STORE_MODULE_ID = /^\0astro:data-layer-content$/;

export function dataStoreFromDisk(): AstroIntegration {
  return {
    name: 'newsdesk:data-store-from-disk',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'build' || config.output !== 'static' || config.adapter) return;
        const storage = config.experimental.collectionStorage;
        if (storage !== undefined && storage !== 'single-file') return;
        const file = fileURLToPath(new URL('data-store.json', config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'newsdesk:data-store-from-disk',
                load: {
                  order: 'pre',
                  filter: { id: DATA_STORE_MODULE_ID },
                  handler(id: string) {
                    if (!DATA_STORE_MODULE_ID.test(id) || !existsSync(file)) return null;
                    return {
                      // Unflattened here, as Astro would unflatten the array: the module then holds the store itself,
                      // not the parsed array beside it for the whole build.
                      code: `import { readFileSync } from 'node:fs';\nimport { unflatten } from 'devalue';\nexport default unflatten(JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8')));\n`,
                      map: null,
                    };
                  },
                },
              },
            ],
          },
        });
      },
    },
  };
}
