/** Splits a listing into numbered pages with the links each page shows. */

export interface Page<T> {
  items: T[];
  number: number;
  total: number;
  url: string;
  prevUrl?: string;
  nextUrl?: string;
  firstUrl: string;
  lastUrl: string;
}

/** Always at least one page, so an empty listing still renders its (empty) first page. */
export function paginate<T>(items: readonly T[], pageSize: number, urlFor: (page: number) => string): Page<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`page size must be a positive whole number, got ${pageSize}`);
  const total = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: total }, (_, index) => {
    const number = index + 1;
    return {
      items: items.slice(index * pageSize, number * pageSize),
      number,
      total,
      url: urlFor(number),
      prevUrl: number > 1 ? urlFor(number - 1) : undefined,
      nextUrl: number < total ? urlFor(number + 1) : undefined,
      firstUrl: urlFor(1),
      lastUrl: urlFor(total),
    };
  });
}
