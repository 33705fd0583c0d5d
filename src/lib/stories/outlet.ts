/**
 * Who published an article, as stories count outlets: the one place that decides when two articles come from the
 * same outlet. An article without a source is the site's own reporting.
 */

/** The `source` front-matter field as stories read it; `id` names an outlet in the sources registry when there is one. */
export interface ArticleSource {
  id?: string;
  name: string;
  url: string;
}

export interface Outlet {
  /** Equal keys mean the same outlet. */
  key: string;
  /** Shown to readers; undefined for the site's own reporting. */
  name?: string;
}

/** The key of the site's own reporting: no outlet key can take this form. */
const OWN_REPORTING_KEY = '';

/** "The  Register", "the register" and "Register" are one outlet; an `id` wins over any spelling of the name. */
export function outletOf(source: ArticleSource | undefined): Outlet {
  if (!source) return { key: OWN_REPORTING_KEY };
  const key = source.id?.trim() ? `id:${source.id.trim()}` : `name:${normalisedOutletName(source.name)}`;
  return { key, name: source.name.trim() };
}

/** Each outlet once, in the order its first article comes. */
export function distinctOutlets(sources: Iterable<ArticleSource | undefined>): Outlet[] {
  const outlets = new Map<string, Outlet>();
  for (const source of sources) {
    const outlet = outletOf(source);
    if (!outlets.has(outlet.key)) outlets.set(outlet.key, outlet);
  }
  return [...outlets.values()];
}

function normalisedOutletName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^the /, '');
}
