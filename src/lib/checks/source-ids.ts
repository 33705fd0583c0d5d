/** An article's `source.id` must name a source in the registry: the one wording, for the checker and the build. */
import { closestWord } from '../text/suggest.ts';

/** What is wrong with `id`, or undefined when the registry has it. */
export function unknownSourceId(id: string, ids: ReadonlySet<string>, registryFile: string): { message: string; hint: string } | undefined {
  if (ids.has(id)) return undefined;
  const guess = closestWord(id, [...ids]);
  return { message: `"${id}" is not a source in ${registryFile}`, hint: guess ? `did you mean "${guess}"?` : `add it to ${registryFile}, or remove the id line` };
}
