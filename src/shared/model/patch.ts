import { z } from 'zod';

/**
 * A schema for a partial update of an object: every key optional and, unlike zod's `.partial()`,
 * without the defaults — a patch `{ text }` must not reset the other fields to their defaults.
 */
export function patchSchema<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const inner =
      field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
    shape[key] = inner.optional();
  }
  return z.strictObject(shape) as unknown as z.ZodObject<{
    [K in keyof Shape]: z.ZodOptional<Shape[K] extends z.ZodDefault<infer T> ? T : Shape[K]>;
  }>;
}
