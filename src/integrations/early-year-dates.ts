/**
 * Astro reads front matter with js-yaml's default schema, whose timestamps take the years 0000-0099 for 1900-1999
 * and forget the zone they were written in. This gives that schema's timestamp type the article parser's reading
 * (src/lib/content/yaml-timestamps.ts), so Astro and the checker both judge `publishedAt: 0050-01-01` and
 * `1899-12-31T23:00:00Z` by the year written, which the schema refuses, not as 1950 or as an instant that is 1900
 * somewhere, which it would take. Every other timestamp is read as before.
 */
import type { AstroIntegration } from 'astro';
import { withWrittenYears, yamlTimestampType } from '../lib/content/yaml-timestamps.ts';

const patched = Symbol.for('newsdesk.earlyYearDates');

export function earlyYearDates(): AstroIntegration {
  return {
    name: 'newsdesk-early-year-dates',
    hooks: {
      'astro:config:setup': () => {
        // The type object is shared by js-yaml's default schema, which Astro's front-matter parser loads with.
        const timestamp = yamlTimestampType as typeof yamlTimestampType & { [patched]?: true };
        if (timestamp[patched]) return;
        timestamp.construct = withWrittenYears(timestamp.construct);
        timestamp[patched] = true;
      },
    },
  };
}
