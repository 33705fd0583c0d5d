/**
 * The file watcher of the running `astro dev` server. A restart (`astro.config.mjs` saved) replaces it, while
 * Astro's content layer goes on handing loaders the first, closed one (src/integrations/content-after-restart.ts).
 * Kept on globalThis: the restart loads the config and the content config again, as new module instances.
 */
import type { LoaderContext } from 'astro/loaders';

type Watcher = NonNullable<LoaderContext['watcher']>;

interface DevWatcher {
  watcher: Watcher;
  /** Removes the listeners loaders added to it themselves, which Astro does not know of. */
  removeListeners: Array<() => void>;
  /** Whether a loader has been handed this watcher in place of the one Astro gave it. */
  followed: boolean;
}

const DEV_WATCHER = Symbol.for('newsdesk.dev-watcher');
const shared = globalThis as { [DEV_WATCHER]?: DevWatcher };

/** Records the dev server's watcher; true when it replaces an earlier one, that is, when the server restarted. */
export function followDevWatcher(watcher: Watcher): boolean {
  const previous = shared[DEV_WATCHER];
  if (previous?.watcher === watcher) return false;
  shared[DEV_WATCHER] = { watcher, removeListeners: [], followed: false };
  return previous !== undefined;
}

/**
 * The watcher a loader should listen on: the one Astro gives it, unless the server has since restarted with another.
 * Listeners added to that other one are removed when a loader asks again, as Astro removes its own before each sync.
 */
export function liveWatcher(given: Watcher | undefined): Watcher | undefined {
  const current = shared[DEV_WATCHER];
  if (!given || !current || current.watcher === given) return given;
  for (const remove of current.removeListeners.splice(0)) remove();
  current.followed = true;
  const { watcher, removeListeners } = current;
  return new Proxy(watcher, {
    get(target, property, receiver) {
      if (property !== 'on') return Reflect.get(target, property, receiver);
      return (event: string, listener: (...args: unknown[]) => void) => {
        removeListeners.push(() => target.off(event, listener));
        return target.on(event, listener);
      };
    },
  });
}

/** Whether the loader listens on the dev server's watcher since its last restart. */
export function loaderFollowed(): boolean {
  return shared[DEV_WATCHER]?.followed ?? false;
}
