/**
 * `npm run build` has Astro write into a staging folder beside the output and swaps it in only once the social
 * cards and the search index are done. Astro's own lines would name that folder, which the user never sees, and
 * say "Complete!" while those steps still run; these lines name the output folder and say only that the pages
 * are written.
 */
import { basename, dirname } from 'node:path';

interface LogEvent {
  label: string | null;
  level: string;
  message: string;
}

export interface StagedFolders {
  /** Where Astro writes: beside the output, in the same parent folder. */
  staging: string;
  /** The folder the staged site is swapped into, as the user named it. */
  output: string;
}

/** Astro's last line, `[build] Complete!` (bold when in colour). */
const COMPLETE = /^(?:\u001b\[[\d;]*m)*Complete!(?:\u001b\[[\d;]*m)*$/;
export const PAGES_WRITTEN = 'Pages written; the social cards and the search index follow.';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Rewrites each of Astro's events to read true of a staged build. */
export function createStagedLineRewriter<Event extends LogEvent>({ staging, output }: StagedFolders): (event: Event) => Event {
  if (dirname(staging) !== dirname(output)) throw new Error(`The staging folder ${staging} is not beside the output folder ${output}`);
  // Astro names the folder by its absolute path (`directory:`) or relative to the project (the sitemap's line):
  // both end in the staging folder's own name, which becomes the output's, their parent being the same.
  const stagingName = new RegExp(`(?<=^|[/\\s\`'"])${escapeRegExp(basename(staging))}(?![\\w.-])`, 'g');
  const outputName = basename(output);
  return (event) => {
    if (event.label === 'build' && COMPLETE.test(event.message)) return { ...event, message: PAGES_WRITTEN };
    // A warning or an error keeps the path as it is: it names the file the operator must look at.
    if (event.level !== 'info') return event;
    const message = event.message.replace(stagingName, () => outputName);
    return message === event.message ? event : { ...event, message };
  };
}
