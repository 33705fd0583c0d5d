import { describe, expect, it } from 'vitest';
import { searchFailureMessage } from '../../../src/cli/search-failure.ts';

describe('searchFailureMessage', () => {
  it('keeps a file name or an error with a line break to its own line, so that neither can start a workflow command in a CI log', () => {
    const lines = searchFailureMessage('reading content/articles/a\n::error::forged.md', ['bad\r\n::stop-commands::quiet']).split(/\r\n|\r|\n/);
    expect(lines).toEqual(['Search indexing failed while reading content/articles/a\\u000a::error::forged.md:', '  bad\\u000d\\u000a::stop-commands::quiet']);
  });
});
