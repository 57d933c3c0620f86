import { transcriptSchema } from '@mezzo/compliance-engine';
import type { SchemaObject } from '@nestjs/swagger';

/**
 * The engine's transcript JSON Schema (draft-07) as an OpenAPI schema object: its
 * `#/definitions/…` references inlined (they would point into the OpenAPI document, where no such
 * definitions are) and the draft's `$schema`, `$id` and `definitions` keywords left out.
 */
export function transcriptOpenApiSchema(
  schema: Readonly<Record<string, unknown>> = transcriptSchema,
): SchemaObject {
  const definitions = (schema['definitions'] ?? {}) as Record<string, unknown>;
  const inline = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(inline);
    if (typeof node !== 'object' || node === null) return node;
    const ref = (node as Record<string, unknown>)['$ref'];
    if (typeof ref === 'string') {
      const name = /^#\/definitions\/(.+)$/.exec(ref)?.[1];
      if (name === undefined || !(name in definitions))
        throw new Error(`Cannot inline the transcript schema's ${ref}`);
      return inline(definitions[name]);
    }
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, inline(v)]),
    );
  };
  const draftOnly = new Set(['$schema', '$id', 'definitions']);
  const root = Object.fromEntries(
    Object.entries(schema).filter(([k]) => !draftOnly.has(k)),
  );
  return inline(root) as SchemaObject;
}
