/** How the search index's two processes (search-index.ts and search-documents.ts) end on a failure: what they were doing and why, no stack trace. */
export function failSearchIndex(what: string, errors: string[]): never {
  console.error(`Search indexing failed while ${what}:\n${errors.map((error) => `  ${error}`).join('\n')}`);
  process.exit(1);
}
