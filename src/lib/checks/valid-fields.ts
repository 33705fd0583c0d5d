/**
 * Front matter as far as it is valid, for the checks the schema cannot make (related, story, image files, source id):
 * they still run when another field is wrong, so an editor sees every problem in one pass.
 */
import { z } from 'astro/zod';
import { articleSchema, type ArticleData } from '../content/schema.ts';

type ListField = 'tags' | 'authors' | 'related' | 'formerSlugs';

/**
 * Each field that passes on its own, parsed; an object field (image, source) keeps the parts that do, and a list the
 * items that do, each at its place (a refused one is undefined): the checks name items by their place (`related.2`).
 */
export type ValidFields = Partial<Omit<ArticleData, 'image' | 'source' | ListField>> & {
  image?: Partial<NonNullable<ArticleData['image']>>;
  source?: Partial<NonNullable<ArticleData['source']>>;
} & { [Field in ListField]?: ReadonlyArray<ArticleData[Field][number] | undefined> };

/** The valid fields of front matter the schema as a whole refused. */
export function validFields(data: Record<string, unknown>): ValidFields {
  return validParts(articleSchema.in.shape, data) as ValidFields;
}

function validParts(shape: Readonly<Record<string, z.ZodType>>, data: Record<string, unknown>): Record<string, unknown> {
  const valid: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const value = data[key];
    const result = schema.safeParse(value);
    if (result.success) {
      if (result.data !== undefined) valid[key] = result.data;
      continue;
    }
    const inner = schema instanceof z.ZodOptional || schema instanceof z.ZodDefault ? schema.unwrap() : schema;
    // One refused item leaves the others to be checked: a related slug mistyped must not hide a draft listed beside it.
    if (inner instanceof z.ZodArray && Array.isArray(value)) {
      valid[key] = value.map((item) => {
        const parsed = z.safeParse(inner.element, item);
        return parsed.success ? parsed.data : undefined;
      });
      continue;
    }
    // A set of fields is read through a step that refuses bytes first (schema.ts).
    const object = inner instanceof z.ZodPipe ? inner.out : inner;
    if (object instanceof z.ZodObject && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      valid[key] = validParts(object.shape, value as Record<string, unknown>);
    }
  }
  return valid;
}
