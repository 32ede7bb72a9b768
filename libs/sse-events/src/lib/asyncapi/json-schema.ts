import { z } from 'zod';

/** JSON Schema (draft-07, the base of the AsyncAPI schema format) of a zod schema. */
export function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' });
  return jsonSchema;
}
