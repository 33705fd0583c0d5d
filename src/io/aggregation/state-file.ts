/** The aggregation state's file: where a registry's runs keep it, and reading it. */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { emptyState, parseState, StateError, type AggregationState } from '../../lib/aggregation/state.ts';

/** The state file of the runs that read `sourcesFile`: beside it. */
export function stateFileOf(sourcesFile: string): string {
  return join(dirname(sourcesFile), '.aggregate-state.json');
}

/**
 * The state in the file at `path`, with its text; an empty state when there is no file yet (nothing aggregated). A
 * StateError, naming the file as `shown`, when it cannot be read or is no state file.
 */
export async function readStateFile(path: string, shown: string): Promise<{ state: AggregationState; text?: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: emptyState() };
    throw new StateError(`cannot read ${shown} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return { state: parseState(text, shown), text };
}
