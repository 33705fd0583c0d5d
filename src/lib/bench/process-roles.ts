/** What each process of a build is, from its command line, so its memory can be reported by name. */

/** In the order the report lists them. */
export const PROCESS_ROLES = ['build', 'astro', 'checker', 'indexer', 'pagefind', 'cards', 'hugo', 'other'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

/** What the roles are, for the report's notes. */
export const ROLE_MEANINGS: Record<ProcessRole, string> = {
  build: 'src/cli/build.ts, which starts the others',
  astro: 'astro build or astro dev',
  checker: 'the content check (src/cli/check-content.ts)',
  indexer: 'the search indexer’s Node side (src/cli/search-index.ts and the documents step it starts, src/cli/search-documents.ts)',
  pagefind: 'Pagefind’s own binary, or its CLI',
  cards: 'the social card step (src/cli/cards.ts)',
  hugo: 'Hugo',
  other: 'anything else (shells, GNU time, flock)',
};

const SCRIPT_ROLES: Array<[RegExp, ProcessRole]> = [
  [/src\/cli\/build\.ts$/, 'build'],
  [/src\/cli\/check-content\.ts$/, 'checker'],
  [/src\/cli\/search-(index|documents)\.ts$/, 'indexer'],
  [/src\/cli\/cards\.ts$/, 'cards'],
  [/(^|\/)astro(\.js|\.mjs)?$/, 'astro'],
  [/pagefind[^/]*$|\/pagefind\/lib\/runner\/bin\.cjs$/, 'pagefind'],
  [/(^|\/)hugo$/, 'hugo'],
];

/**
 * The role of a process from its arguments (/proc/<pid>/cmdline split at NULs). Only the program and, for an
 * interpreter, its script are looked at: folders given as arguments say nothing about what runs.
 */
export function processRole(argv: readonly string[]): ProcessRole {
  const [program = '', ...rest] = argv;
  // Node's own options (--expose-gc, say) come before the script.
  const script = rest.find((arg) => !arg.startsWith('-')) ?? '';
  const interpreted = /(^|\/)(node|nodejs)$/.test(program);
  const subject = interpreted ? script : program;
  return SCRIPT_ROLES.find(([pattern]) => pattern.test(subject))?.[1] ?? 'other';
}
