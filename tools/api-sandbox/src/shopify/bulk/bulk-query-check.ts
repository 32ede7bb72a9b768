import { getNamedType, isCompositeType, Kind, parse, validate, type DocumentNode, type GraphQLCompositeType, type SelectionSetNode } from 'graphql';

import { shopifyAdminSchema } from '../graphql/schema';

const MAX_CONNECTIONS = 5;
const MAX_DEPTH = 2;

/** Parses and checks a bulk query; returns the document or the userError message Shopify would give. */
export function checkBulkQuery(query: string): { document: DocumentNode } | { error: string } {
  const schema = shopifyAdminSchema();
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { error: `Invalid bulk query: ${(error as Error).message}` };
  }
  const errors = validate(schema, document);
  if (errors.length > 0) return { error: `Invalid bulk query: ${errors[0]?.message}` };
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations[0];
  if (operations.length !== 1 || !operation || operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query') {
    return { error: 'Bulk queries must contain exactly one query operation.' };
  }
  const rootFields = operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && s.name.value !== '__typename');
  const rootType = schema.getQueryType();
  const root = rootFields[0];
  const rootField = root && root.kind === Kind.FIELD ? rootType?.getFields()[root.name.value] : undefined;
  if (rootFields.length !== 1 || !rootField || !getNamedType(rootField.type).name.endsWith('Connection')) {
    return { error: 'Bulk queries must contain exactly one top-level connection field (e.g. orders or products).' };
  }
  const counts = { connections: 0, depth: 0 };
  if (rootType) walk(rootType, operation.selectionSet, 0, counts);
  if (counts.connections > MAX_CONNECTIONS) return { error: `Bulk queries cannot contain more than ${MAX_CONNECTIONS} connections.` };
  if (counts.depth > MAX_DEPTH) return { error: `Bulk queries cannot contain connections with a nesting depth greater than ${MAX_DEPTH}.` };
  return { document };
}

function walk(type: GraphQLCompositeType, selectionSet: SelectionSetNode, depth: number, counts: { connections: number; depth: number }): void {
  const fields = 'getFields' in type ? type.getFields() : {};
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) {
      if (selection.kind === Kind.INLINE_FRAGMENT) walk(type, selection.selectionSet, depth, counts);
      continue;
    }
    const field = fields[selection.name.value];
    const named = field ? getNamedType(field.type) : undefined;
    if (!selection.selectionSet || !named || !isCompositeType(named)) continue;
    const isConnection = named.name.endsWith('Connection');
    if (isConnection) {
      counts.connections += 1;
      counts.depth = Math.max(counts.depth, depth + 1);
    }
    walk(named, selection.selectionSet, isConnection ? depth + 1 : depth, counts);
  }
}
