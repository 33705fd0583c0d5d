// @ts-check
// The minimal Astro 7 site the benchmark compares Newsdesk with: one page per article and paginated tag pages,
// no integrations. It uses the Newsdesk checkout's node_modules; `npm run bench` builds it with `astro build --root`.
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'http://localhost:4321',
  outDir: process.env.NEWSDESK_OUT_DIR || './dist',
  cacheDir: process.env.NEWSDESK_CACHE_DIR || './.cache',
  build: { format: 'directory' },
});
