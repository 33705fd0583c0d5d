/**
 * How the search index's two processes (search-index.ts and search-documents.ts) end on a failure, and how the build
 * says so when it finds Pagefind cannot run before any step starts: what they were doing and why, no stack trace.
 */
export function failSearchIndex(what: string, errors: readonly string[]): never {
  console.error(searchFailureMessage(what, errors));
  process.exit(1);
}

export function searchFailureMessage(what: string, errors: readonly string[]): string {
  return `Search indexing failed while ${what}:\n${errors.map((error) => `  ${error}`).join('\n')}`;
}
