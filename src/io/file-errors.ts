/**
 * Why a file could not be read or written, in an editor's words. Node's own message names the system call and, for
 * a write, the temporary file beside the target, which the editor never asked for.
 */
import { dirname } from 'node:path';

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** Why `file` (as the editor named it) could not be read. */
export function readFailureReason(error: unknown): string {
  switch (codeOf(error)) {
    case 'ENOENT':
      return 'the file does not exist';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'the file cannot be read (permission denied)';
    default:
      return (error as Error).message;
  }
}

/** Why `file` (as the editor sees it) could not be written: most often its folder, which is named with what to do. */
export function writeFailureReason(error: unknown, file: string): string {
  const folder = dirname(file);
  switch (codeOf(error)) {
    case 'EACCES':
    case 'EPERM':
      return `the folder ${folder} cannot be written to (permission denied); make it writable for this account`;
    case 'EROFS':
      return `the folder ${folder} is on a read-only file system`;
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    default:
      return (error as Error).message;
  }
}
