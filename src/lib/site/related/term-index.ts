/** Text as the ranking sees it: each article's top terms and term → articles postings. */
import { stripMarkdown } from '../../text/markdown-to-text.ts';
import { ENGLISH_STOP_WORDS } from '../../text/stop-words.ts';
import { tokenizeToIds } from '../../text/tokenizer.ts';
import { Vocabulary } from '../../text/vocabulary.ts';
import type { RelatedCandidate } from './related.ts';
import { TermCounter } from './term-counter.ts';
import { buildTermPostings, type TermPostings } from './term-postings.ts';
import { TopTermSelector } from './top-terms.ts';
import { inverseDocumentFrequency, RELATED_TUNING } from './tuning.ts';

/** Each article's top terms and normalised weights: article i's are at [start[i], start[i + 1]), best first. */
export interface TermLists {
  start: Int32Array;
  term: Int32Array;
  weight: Float64Array;
}

export interface TermIndex {
  topTerms: TermLists;
  termPostings: TermPostings;
}

const BODY_WORDS = { maxWords: RELATED_TUNING.bodyMaxWords } as const;

/**
 * Tokenise every article once, weight its terms by field, keep its top
 * distinctive terms (tf-idf, L2-normalised) and build the capped term postings.
 */
export function indexTerms(docs: readonly RelatedCandidate[], recencyRank: Int32Array): TermIndex {
  const tuning = RELATED_TUNING;
  const articleCount = docs.length;
  const vocabulary = new Vocabulary({ stopWords: ENGLISH_STOP_WORDS });
  const counter = new TermCounter();
  const articleTermIds: Int32Array[] = new Array(articleCount);
  const articleFrequencies: Float64Array[] = new Array(articleCount);
  for (let article = 0; article < articleCount; article++) {
    const doc = docs[article];
    counter.startArticle();
    counter.count(article, tokenizeToIds(doc.title ?? '', vocabulary), tuning.titleWeight);
    counter.count(article, tokenizeToIds(doc.description ?? '', vocabulary), tuning.dekWeight);
    const body = stripMarkdown((doc.body ?? '').slice(0, tuning.bodyMaxChars));
    counter.count(article, tokenizeToIds(body, vocabulary, BODY_WORDS), tuning.bodyWeight);
    const { termIds, frequencies } = counter.currentArticle();
    articleTermIds[article] = termIds;
    articleFrequencies[article] = frequencies;
  }
  const documentFrequency = counter.documentFrequencies(vocabulary.size);

  const termIdf = Float64Array.from(documentFrequency, (carriers) => inverseDocumentFrequency(articleCount, carriers));
  const start = new Int32Array(articleCount + 1);
  const term = new Int32Array(articleCount * tuning.topTerms);
  const weight = new Float64Array(articleCount * tuning.topTerms);
  const carriersKept = new Int32Array(documentFrequency.length);
  const selector = new TopTermSelector();
  for (let article = 0; article < articleCount; article++) {
    const kept = selector.select(
      articleTermIds[article], articleFrequencies[article], documentFrequency, termIdf, tuning.topTerms, term, weight, start[article],
    );
    start[article + 1] = start[article] + kept;
    for (let at = start[article]; at < start[article + 1]; at++) carriersKept[term[at]]++;
  }
  const topTerms: TermLists = { start, term, weight };
  const termPostings = buildTermPostings(topTerms, carriersKept, recencyRank, tuning.termPostingCap);
  return { topTerms, termPostings };
}
