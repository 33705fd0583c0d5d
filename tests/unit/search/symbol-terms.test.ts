import { describe, expect, it } from 'vitest';
import { symbolTermWords, withSymbolTermWords } from '../../../src/lib/search/symbol-terms.ts';

describe('symbolTermWords', () => {
  it('names the word of each term a text mentions, once, in any case', () => {
    expect(symbolTermWords('Microsoft ships C# 14 with .NET 10; c# scripts and F# too. C#!')).toEqual(['_csharp', '_fsharp', '_dotnet']);
    expect(symbolTermWords('Rewritten in C++ (C++20), not C.')).toEqual(['_cplusplus']);
  });

  it('finds none in a lone letter, a domain name or a longer word', () => {
    expect(symbolTermWords('The C compiler, the F key, the net effect, example.net, ASP.NET and ABC# and C#x.')).toEqual([]);
  });
});

describe('withSymbolTermWords', () => {
  it('puts the word in place of each term in a query, leaving the rest as typed', () => {
    expect(withSymbolTermWords('C# generics')).toBe('_csharp generics');
    expect(withSymbolTermWords('c++ vs .net')).toBe('_cplusplus vs _dotnet');
    expect(withSymbolTermWords('F#/C#')).toBe('_fsharp/_csharp');
    expect(withSymbolTermWords('C compiler')).toBe('C compiler');
    expect(withSymbolTermWords('半導体')).toBe('半導体');
  });
});
