/**
 * A front-matter value as a message shows it: text quoted and cut short, anything else named by its kind. Never
 * the whole value, which may be 20 MB of text or a YAML alias structure standing for a billion values.
 */
const MAX_QUOTED = 60;

export function quoteValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString();
  // YAML's `!!binary` gives bytes.
  if (value instanceof Uint8Array) return 'binary data (!!binary)';
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a set of fields';
  return String(value);
}
