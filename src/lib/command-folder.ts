/** Which folder the paths on a command line are relative to: the one the user typed the command in. */
import { dirname, isAbsolute, resolve } from 'node:path';

/** What npm tells the script it runs; every process started below it inherits the same values. */
export interface NpmScript {
  /** INIT_CWD: the folder `npm` was run from. */
  initCwd?: string;
  /** npm_package_json: the package.json whose script it is; npm runs the script in that file's folder. */
  packageJson?: string;
  /** npm_lifecycle_script: the script's text, e.g. `node src/cli/check-content.ts`. */
  script?: string;
}

/**
 * npm runs every script in the project's folder and says in INIT_CWD where it was typed. Only the process npm
 * started for the script reads INIT_CWD: one running in the script's folder from an entry file the script names.
 * A process a test, the build or another tool starts inherits a stale INIT_CWD and keeps its own working folder.
 */
export function commandFolder(cwd: string, entry: string | undefined, npm: NpmScript): string {
  const { initCwd, packageJson, script } = npm;
  if (!initCwd || !isAbsolute(initCwd) || !packageJson || !script || !entry) return cwd;
  const scriptFolder = dirname(packageJson);
  if (resolve(cwd) !== scriptFolder) return cwd;
  const startedByScript = script.split(/\s+/).some((word) => resolve(scriptFolder, word) === resolve(entry));
  return startedByScript ? initCwd : cwd;
}
