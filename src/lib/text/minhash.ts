/**
 * MinHash signatures (one-permutation hashing, 128 bins, densified by rotation) split into 32 bands of 4 rows
 * for locality-sensitive hashing: two sets whose band keys match somewhere are candidates, with a chance of
 * 1 − (1 − J⁴)³² for Jaccard index J.
 */
import { mix32 } from './hashing.ts';

export const BANDS = 32;
const ROWS = 4;
const BINS = BANDS * ROWS;
const BIN_BITS = 7; // log2(BINS)
const VALUE_BITS = 32 - BIN_BITS;
const VALUE_MASK = (1 << VALUE_BITS) - 1;

/**
 * One-permutation MinHash: the top bits of each (already well-mixed) shingle hash pick a bin, each bin keeps
 * its smallest remaining bits. Empty bins borrow from the next filled bin to the right, offset by the distance,
 * so two sets agree on a bin with probability equal to their Jaccard index even when bins are sparse.
 */
export function minHashSignature(shingles: Uint32Array): Uint32Array {
  const bins = new Uint32Array(BINS).fill(0xffffffff);
  for (let i = 0; i < shingles.length; i++) {
    const h = shingles[i];
    const bin = h >>> VALUE_BITS;
    const value = h & VALUE_MASK;
    if (value < bins[bin]) bins[bin] = value;
  }
  const dense = new Uint32Array(BINS);
  for (let bin = 0; bin < BINS; bin++) {
    let distance = 0;
    let source = bin;
    while (bins[source] === 0xffffffff && distance < BINS) {
      distance++;
      source = (bin + distance) % BINS;
    }
    dense[bin] = (bins[source] + distance * (VALUE_MASK + 1)) >>> 0;
  }
  return dense;
}

/** One hash per band; equal keys make a candidate pair (a rare false match costs one exact comparison). */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = Math.imul(band + 1, 0x9e3779b1);
    for (let row = 0; row < ROWS; row++) h = mix32(h ^ sig[band * ROWS + row]);
    keys.push(h);
  }
  return keys;
}
