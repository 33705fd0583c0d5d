/** Growing the typed arrays that corpus-scale text statistics keep their counts in. */

/** A copy of `array` with room for `length` elements (the new ones zero). */
export function grown<T extends Int32Array | Uint16Array | Uint8Array | Float64Array>(array: T, length: number): T {
  const copy = new (array.constructor as new (length: number) => T)(length);
  copy.set(array);
  return copy;
}
