/** The id of a followed outlet: a key in content/sources.yaml, named by articles' `source.id` and used in URLs. */
import { z } from 'astro/zod';

/** Source ids are URL segments (/sources/<id>/): lower-case ASCII letters and digits in words joined by single hyphens. */
export const SOURCE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An id names its items' folder and is part of every item's URL: long enough for any outlet's name, short enough for both. */
export const MAX_SOURCE_ID_LENGTH = 64;

export const sourceIdField = z
  .string({ error: (issue) => (issue.input === undefined ? 'is missing; add a short id such as chipwire' : 'must be text; write an id such as chipwire') })
  .trim()
  .refine((value) => SOURCE_ID_PATTERN.test(value), {
    error: (issue) => `${JSON.stringify(issue.input)} is not a source id; use lower-case letters, digits and single hyphens, e.g. chip-wire`,
  })
  .refine((value) => value.length <= MAX_SOURCE_ID_LENGTH, {
    error: (issue) => `is ${(issue.input as string).length} characters long; shorten it to at most ${MAX_SOURCE_ID_LENGTH} (it names a folder and a URL segment)`,
  });
