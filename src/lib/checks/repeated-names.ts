/**
 * A tag or byline an article lists twice, as written or as the same name once the site tidies it (case, composed
 * accents, spaces: `facetKey`): the page shows it once, so the second is a slip, often for another name.
 */
import { facetKey } from '../site/facets.ts';

export interface RepeatedName {
  /** Where the repeat is in the list. */
  position: number;
  /** Where the name first is. */
  first: number;
}

/** `names` may have holes (undefined: an item the schema refused), which repeat nothing. */
export function repeatedNames(names: readonly (string | undefined)[]): RepeatedName[] {
  const firstByKey = new Map<string, number>();
  const repeated: RepeatedName[] = [];
  names.forEach((name, position) => {
    if (name === undefined) return;
    const key = facetKey(name);
    const first = firstByKey.get(key);
    if (first === undefined) firstByKey.set(key, position);
    else repeated.push({ position, first });
  });
  return repeated;
}
