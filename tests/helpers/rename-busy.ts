/**
 * Loaded with `--import` into a build's own process: one rename, named by RENAME_BUSY as "<from> <to>" (the ends of
 * both paths), fails as renaming a mount point or a folder in use does (EBUSY), the way an operator's volume mounted
 * at dist/ would. Every other rename works.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const [busyFrom, busyTo] = (process.env.RENAME_BUSY ?? '').split(' ');
const rename = fs.renameSync;
fs.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
  if (busyFrom && busyTo && String(from).endsWith(busyFrom) && String(to).endsWith(busyTo)) {
    throw Object.assign(new Error(`EBUSY: resource busy or locked, rename '${String(from)}' -> '${String(to)}'`), { code: 'EBUSY', syscall: 'rename' });
  }
  rename(from, to);
};
syncBuiltinESMExports();
