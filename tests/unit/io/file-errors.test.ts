import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFailureReason, writeFailureReason } from '../../../src/io/file-errors.ts';

const failureOf = (action: () => unknown): unknown => {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
};

describe('why a file could not be read or written', () => {
  it('says a path is missing or a folder, in words, where Node names the system call', () => {
    const folder = mkdtempSync(join(tmpdir(), 'newsdesk-file-errors-'));
    try {
      expect(readFailureReason(failureOf(() => readFileSync(join(folder, 'feeds.opml'))))).toBe('the file does not exist');
      expect(readFailureReason(failureOf(() => readFileSync(folder)))).toBe('it is a folder, not a file');
    } finally {
      rmSync(folder, { recursive: true });
    }
  });

  it('names the folder that refused a write, never the temporary file beside the target', () => {
    const denied = Object.assign(new Error("EACCES: permission denied, open 'content/articles/.story.md.0b1c.tmp'"), { code: 'EACCES' });
    expect(writeFailureReason(denied, 'content/articles/story.md')).toBe('the folder content/articles cannot be written to (permission denied); make it writable for this account');
    expect(writeFailureReason(Object.assign(new Error('EROFS'), { code: 'EROFS' }), 'content/story.md')).toBe('the folder content is on a read-only file system');
    expect(writeFailureReason(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }), 'content/story.md')).toBe('the disk is full');
  });

  it('keeps any other failure as the system told it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'newsdesk-file-errors-'));
    try {
      writeFileSync(join(folder, 'file'), '');
      const error = failureOf(() => readFileSync(join(folder, 'file', 'inside')));
      expect(readFailureReason(error)).toBe((error as Error).message);
    } finally {
      rmSync(folder, { recursive: true });
    }
  });
});
