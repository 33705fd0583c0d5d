import { describe, expect, it } from 'vitest';
import { commandFolder } from '../../src/lib/command-folder.ts';

const project = '/home/editor/newsdesk';
const typedIn = '/home/editor/newsdesk/content/articles';
/** What npm gives `npm run check:content` typed in content/articles. */
const checkContent = { initCwd: typedIn, packageJson: `${project}/package.json`, script: 'node src/cli/check-content.ts' };

describe('the folder a command was typed in', () => {
  it('is where npm was run from, for the script npm started in the project folder', () => {
    expect(commandFolder(project, `${project}/src/cli/check-content.ts`, checkContent)).toBe(typedIn);
    expect(commandFolder(project, `${project}/src/cli/build.ts`, { ...checkContent, script: 'node --max-old-space-size=4096 src/cli/build.ts' })).toBe(typedIn);
  });

  it('is the working folder of a process started by the script, which inherits a stale INIT_CWD', () => {
    // The build runs the content check in the project folder: the script npm started is the build's.
    expect(commandFolder(project, `${project}/src/cli/check-content.ts`, { ...checkContent, script: 'node src/cli/build.ts' })).toBe(project);
    // `npm test` runs vitest, whose tests start the tools elsewhere.
    expect(commandFolder('/tmp/corpus', `${project}/src/cli/check-content.ts`, { ...checkContent, script: 'vitest run' })).toBe('/tmp/corpus');
    expect(commandFolder('/tmp/corpus', `${project}/src/cli/check-content.ts`, checkContent)).toBe('/tmp/corpus');
  });

  it('is the working folder without npm, or when npm says too little to be sure', () => {
    const entry = `${project}/src/cli/check-content.ts`;
    expect(commandFolder(typedIn, entry, {})).toBe(typedIn);
    expect(commandFolder(project, entry, { ...checkContent, initCwd: undefined })).toBe(project);
    expect(commandFolder(project, entry, { ...checkContent, initCwd: 'content/articles' })).toBe(project);
    expect(commandFolder(project, entry, { ...checkContent, packageJson: undefined })).toBe(project);
    expect(commandFolder(project, entry, { ...checkContent, script: undefined })).toBe(project);
    expect(commandFolder(project, undefined, checkContent)).toBe(project);
  });
});
