/**
 * The names a build gives the folders it no longer needs (the site it replaced, what an interrupted build left),
 * moved aside beside the output at once and removed while the next build runs. Only folders named so are removed:
 * never a folder the build did not make, whatever else sits beside the output.
 */

const MARK = '.discarded-';
const ID = /^[0-9a-f]{12}$/;

/** The name of a discarded folder beside the output folder `outputName` (e.g. `dist.discarded-3fa94c1b20de`). */
export function discardedFolderName(outputName: string, id: string): string {
  if (!ID.test(id)) throw new Error(`A discarded folder's id is 12 hexadecimal digits, not "${id}"`);
  return `${outputName}${MARK}${id}`;
}

/** Whether `name`, beside the output folder `outputName`, is a folder a build discarded. */
export function isDiscardedFolder(outputName: string, name: string): boolean {
  return name.startsWith(`${outputName}${MARK}`) && ID.test(name.slice(outputName.length + MARK.length));
}
