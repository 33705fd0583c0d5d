import { inertLine } from '../lib/text/inert-line.ts';

/**
 * How the search index's two processes (search-index.ts and search-documents.ts) say they failed, and how the build
 * says so when it finds Pagefind cannot run before any step starts: what they were doing and why, no stack trace.
 * The process then ends with code 1 by its event loop, not process.exit, which can hang for good beside a background
 * compilation (nodejs/node#54918); a process that must stop at once calls process.exit() after this.
 */
export function reportSearchFailure(what: string, errors: readonly string[]): void {
  console.error(searchFailureMessage(what, errors));
  process.exitCode = 1;
}

export function searchFailureMessage(what: string, errors: readonly string[]): string {
  // A file's name and Pagefind's errors may hold any text: each stays on its own line.
  return `Search indexing failed while ${inertLine(what)}:\n${errors.map((error) => `  ${inertLine(error)}`).join('\n')}`;
}
