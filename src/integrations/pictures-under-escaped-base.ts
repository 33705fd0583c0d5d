/**
 * Astro gives a resized picture's original the address Vite makes from the base, %-escaped (`/d%C3%A9sk/_astro/…`
 * for a base of `/désk/`), then takes the base off it as typed to find the file it wrote, which leaves the escaped
 * folder on and looks for the picture in a folder that does not exist: the build fails. This hands Astro the
 * original's address with the base as typed, so it finds the file; the pages' addresses are made as before.
 */
import type { AstroIntegration } from 'astro';

type AddStaticImage = (options: { src: unknown }, ...rest: unknown[]) => string;
interface AstroAssets {
  addStaticImage?: AddStaticImage;
}

/** `src` with the escaped base at its start written as typed. */
export function withBaseAsTyped<Source>(src: Source, escapedBase: string, base: string): Source {
  if (typeof src === 'string') return (src.startsWith(escapedBase) ? base + src.slice(escapedBase.length) : src) as Source;
  if (src && typeof src === 'object' && 'src' in src && typeof src.src === 'string') return { ...src, src: withBaseAsTyped(src.src, escapedBase, base) };
  return src;
}

export function picturesUnderEscapedBase(): AstroIntegration {
  return {
    name: 'newsdesk-pictures-under-escaped-base',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const base = config.base;
        const escapedBase = new URL(base, 'http://localhost').pathname;
        if (escapedBase === base) return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'newsdesk-pictures-under-escaped-base',
                enforce: 'post',
                // Astro sets its function as each of the build's environments starts.
                buildStart() {
                  const assets = (globalThis as { astroAsset?: AstroAssets }).astroAsset;
                  const add = assets?.addStaticImage;
                  if (!assets || !add) return;
                  assets.addStaticImage = (options, ...rest) => add({ ...options, src: withBaseAsTyped(options.src, escapedBase, base) }, ...rest);
                },
              },
            ],
          },
        });
      },
    },
  };
}
