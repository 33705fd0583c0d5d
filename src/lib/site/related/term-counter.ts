/** Counting terms per article for the related ranking: weighted term frequencies and document frequencies. */
import { grown } from '../../text/typed-arrays.ts';

/**
 * Weighted term frequencies of one article at a time, and document
 * frequencies of every term over all articles counted so far, in typed
 * arrays indexed by term id (no Map or string per occurrence).
 */
export class TermCounter {
  /** Articles containing each term. */
  #documentFrequency = new Int32Array(4096);
  /** The last article each term was counted in: tells whether it is already in the current article's list... */
  #lastArticle = new Int32Array(4096).fill(-1);
  /** ...and where. */
  #slot = new Int32Array(4096);
  /** The current article's terms and their weighted frequencies, first `#size` entries. */
  #termIds = new Int32Array(1024);
  #frequencies = new Float64Array(1024);
  #size = 0;

  /** Starts counting a new article (numbers must differ from the previous one's). */
  startArticle(): void {
    this.#size = 0;
  }

  /** Counts each occurrence in `terms` as `weight` occurrences in `article`. */
  count(article: number, terms: readonly number[], weight: number): void {
    for (const id of terms) {
      if (id >= this.#documentFrequency.length) this.#growTermArrays(id);
      if (this.#lastArticle[id] !== article) {
        if (this.#size === this.#termIds.length) this.#growArticleArrays();
        this.#lastArticle[id] = article;
        this.#slot[id] = this.#size;
        this.#termIds[this.#size] = id;
        this.#frequencies[this.#size] = weight;
        this.#size++;
        this.#documentFrequency[id]++;
      } else {
        this.#frequencies[this.#slot[id]] += weight;
      }
    }
  }

  /** Copies of the current article's term ids and their weighted frequencies, in first-seen order. */
  currentArticle(): { termIds: Int32Array; frequencies: Float64Array } {
    return { termIds: this.#termIds.slice(0, this.#size), frequencies: this.#frequencies.slice(0, this.#size) };
  }

  /** Document frequency of terms 0 .. termCount − 1 (a view, valid until the next `count`). */
  documentFrequencies(termCount: number): Int32Array {
    return this.#documentFrequency.subarray(0, termCount);
  }

  #growTermArrays(id: number): void {
    let length = this.#documentFrequency.length;
    while (length <= id) length *= 2;
    this.#documentFrequency = grown(this.#documentFrequency, length);
    const lastArticle = new Int32Array(length).fill(-1);
    lastArticle.set(this.#lastArticle);
    this.#lastArticle = lastArticle;
    this.#slot = grown(this.#slot, length);
  }

  #growArticleArrays(): void {
    this.#termIds = grown(this.#termIds, this.#termIds.length * 2);
    this.#frequencies = grown(this.#frequencies, this.#frequencies.length * 2);
  }
}
