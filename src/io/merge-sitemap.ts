/**
 * The merged site's sitemap, made by the same @astrojs/sitemap integration, with the same options, that an
 * unsharded build runs (astro.config.mjs), over the merged site's pages: shard builds leave it out, since each
 * knows only its own pages, so the merged sitemap is byte for byte the one an unsharded build writes.
 */
import { pathToFileURL } from 'node:url';
import type { AstroConfig, AstroIntegration, HookParameters } from 'astro';
import { pageNames } from '../lib/site/shard-merge.ts';

type SitemapHooks = {
  'astro:config:done'(options: { config: Pick<AstroConfig, 'site' | 'base' | 'trailingSlash'> & { build: Pick<AstroConfig['build'], 'format'> } }): Promise<void>;
  'astro:routes:resolved'(options: { routes: [] }): void;
  'astro:build:done'(options: Pick<HookParameters<'astro:build:done'>, 'dir' | 'pages' | 'logger'>): Promise<void>;
};

/** Writes sitemap-index.xml and its sitemaps into `siteDir`, which holds `files` (paths relative to it). */
export async function writeMergedSitemap(siteDir: string, files: Iterable<string>): Promise<void> {
  // Loaded here, not on import: only a merge needs the site's Astro configuration.
  const { default: config } = await import('../../astro.config.mjs');
  const integration = (config.integrations ?? []).flat().find((entry): entry is AstroIntegration => Boolean(entry) && (entry as AstroIntegration).name === '@astrojs/sitemap');
  if (!integration) throw new Error('astro.config.mjs has no @astrojs/sitemap integration (is NEWSDESK_SHARD set? a merge makes the whole site)');
  const hooks = integration.hooks as unknown as SitemapHooks;
  // As Astro resolves it with trailingSlash "always": one slash before and after ("/desk/", "/").
  const base = `/${(config.base ?? '').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  // astro.config.mjs sets the trailing slash rule and the output format, which decide the pages' URLs.
  await hooks['astro:config:done']({ config: { site: config.site, base, trailingSlash: config.trailingSlash!, build: { format: config.build!.format! } } });
  // A static route's page is one of the site's files too, so the files alone list every page.
  hooks['astro:routes:resolved']({ routes: [] });
  const failures: string[] = [];
  const logger = {
    info: () => undefined,
    warn: (message: string) => console.warn(`sitemap: ${message}`),
    error: (message: string) => failures.push(message),
  } as unknown as HookParameters<'astro:build:done'>['logger'];
  await hooks['astro:build:done']({ dir: pathToFileURL(`${siteDir}/`), pages: pageNames(files).map((pathname) => ({ pathname })), logger });
  if (failures.length > 0) throw new Error(`The sitemap could not be written: ${failures.join('; ')}`);
}
