/**
 * Turns one page of a bulk query result into JSONL rows the way Shopify does: every node of a
 * connection becomes its own line; nodes of nested connections follow their parent and carry
 * `__parentId`; plain lists and objects stay inline; `pageInfo` is dropped.
 */
type Row = Record<string, unknown>;

function connectionItems(value: unknown): Row[] | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Row;
  if (Array.isArray(record['edges'])) return (record['edges'] as Row[]).map((edge) => edge['node'] as Row);
  if (Array.isArray(record['nodes'])) return record['nodes'] as Row[];
  return undefined;
}

function* emit(node: Row, parentId: unknown): Generator<Row> {
  const line: Row = {};
  const children: Row[][] = [];
  for (const [key, value] of Object.entries(node)) {
    const items = connectionItems(value);
    if (items) children.push(items);
    else line[key] = value;
  }
  if (parentId !== undefined) line['__parentId'] = parentId;
  yield line;
  for (const items of children) for (const child of items) yield* emit(child, node['id']);
}

export function* bulkRows(rootConnection: unknown): Generator<Row> {
  for (const node of connectionItems(rootConnection) ?? []) yield* emit(node, undefined);
}
