/**
 * Names of technologies spelled with symbols, which Pagefind drops from words: indexed as written, "C#", "C++" and
 * "F#" are the letter c or f and ".NET" is the word net, so a search for any of them finds every article with a
 * lone "c" or "net". Each is given a word of its own instead: an article's search document carries the words of the
 * terms it mentions (./search-documents.ts), and the search page puts them in place of the terms in a query
 * (src/components/SearchPanel.astro). The list is short on purpose: only names a reader types with their symbols.
 *
 * Each word starts with an underscore, which Pagefind keeps in words: an index with no page holding a word is
 * searched for the longest whole word the query's word starts with instead, which for "csharp" is a lone "c", but
 * for "_csharp" only a lone "_" that news text does not have.
 */
const SYMBOL_TERMS: ReadonlyArray<readonly [term: string, word: string]> = [
  ['C#', '_csharp'],
  ['C++', '_cplusplus'],
  ['F#', '_fsharp'],
  ['.NET', '_dotnet'],
];

/**
 * A term as a whole word, in any case: not inside a longer one ("ASP.NET", "example.net", "ABC#"), though a
 * version may follow ("C++20", ".NET8").
 */
const patterns = SYMBOL_TERMS.map(([term, word]) => {
  // Not RegExp.escape, which this also runs in browsers too old for.
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return { word, pattern: new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}_#+])`, 'giu') };
});

/** The words of the terms `text` mentions, each once, in the list's order. */
export function symbolTermWords(text: string): string[] {
  return patterns.filter(({ pattern }) => text.search(pattern) !== -1).map(({ word }) => word);
}

/** A reader's query with each term it holds replaced by its word: "C# generics" → "_csharp generics". */
export function withSymbolTermWords(query: string): string {
  return patterns.reduce((text, { word, pattern }) => text.replace(pattern, word), query);
}
