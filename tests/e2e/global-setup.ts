/**
 * One build, one server, one browser for the whole e2e project: the bundled articles are built under /desk/,
 * served on 127.0.0.1 and shared with every test file through `inject`.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { launchChromiumServer } from '../helpers/browser.ts';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { serveSite } from '../helpers/serve.ts';

export const basePath = '/desk/';
/** The origin the build believes it lives at; canonical and feed URLs use it, the test server's port differs. */
export const siteUrl = 'http://127.0.0.1';

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: {
      /** The served site's root, e.g. http://127.0.0.1:41234/desk/ */
      baseUrl: string;
      origin: string;
      basePath: string;
      siteUrl: string;
      distDir: string;
      browserWsEndpoint: string;
    };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // NEWSDESK_E2E_DIST reuses a site already built with BASE_PATH=/desk/ SITE_URL=http://127.0.0.1 (quicker reruns).
  const reuse = process.env.NEWSDESK_E2E_DIST;
  let built: BuiltSite | undefined;
  let distDir: string;
  if (reuse) {
    if (!existsSync(reuse)) throw new Error(`NEWSDESK_E2E_DIST=${reuse} does not exist`);
    distDir = reuse;
  } else {
    built = await buildSite({ contentDir: 'content/articles', basePath, siteUrl });
    if (built.exitCode !== 0) {
      const output = `${built.stdout}\n${built.stderr}`.trim().split('\n').slice(-40).join('\n');
      built.cleanup();
      throw new Error(`The site build for the browser tests failed (exit ${built.exitCode}):\n${output}`);
    }
    distDir = built.outDir;
  }

  const site = await serveSite(distDir, basePath);
  const browser = await launchChromiumServer();
  project.provide('e2e', {
    baseUrl: site.baseUrl,
    origin: site.origin,
    basePath,
    siteUrl,
    distDir,
    browserWsEndpoint: browser.wsEndpoint(),
  });

  return async () => {
    await browser.close();
    await site.close();
    built?.cleanup();
  };
}
