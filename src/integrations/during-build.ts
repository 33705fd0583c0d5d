import type { AstroIntegration } from 'astro';

/** An integration that applies `change` at the start of `astro build` and undoes it (with what `change` returned) at its end. */
export function duringBuild(name: string, change: () => () => void): AstroIntegration {
  let undo: (() => void) | undefined;
  return {
    name,
    hooks: {
      'astro:build:start': () => {
        undo = change();
      },
      'astro:build:done': () => {
        undo?.();
        undo = undefined;
      },
    },
  };
}
