/** Splits a listing into numbered pages with the links each page shows. */

/** A page's number and address in the row of page links, or null where that row skips pages (shown "…"). */
export type PageLink = { number: number; url: string } | null;

export interface Page<T> {
  items: T[];
  number: number;
  total: number;
  url: string;
  prevUrl?: string;
  nextUrl?: string;
  /** The first and last pages and this one's neighbours, so a reader can jump to the oldest of a long listing. */
  links: PageLink[];
}

/**
 * The page numbers a page links to, in order: the first, the last, this one and its neighbours, with null for each
 * run of pages left out; a run of one page is shown rather than left out, as "…" would take its place anyway.
 */
export function pageNumbers(number: number, total: number): Array<number | null> {
  const shown = [...new Set([1, number - 1, number, number + 1, total])].filter((page) => page >= 1 && page <= total).sort((a, b) => a - b);
  const numbers: Array<number | null> = [];
  let previous = 0;
  for (const page of shown) {
    if (page - previous === 2) numbers.push(previous + 1);
    else if (page - previous > 2) numbers.push(null);
    numbers.push(page);
    previous = page;
  }
  return numbers;
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
      links: pageNumbers(number, total).map((page) => (page === null ? null : { number: page, url: urlFor(page) })),
    };
  });
}
