import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isLeafType,
  isListType,
  Kind,
  valueFromASTUntyped,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Per-query cap: a query whose requested cost exceeds this is refused (MAX_COST_EXCEEDED). */
export const MAX_QUERY_COST = 1000;
const MUTATION_COST = 10;

interface CostInput {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/**
 * Shopify-style cost: scalars and enums 0, objects 1, a connection 2 plus `first` (or `last`)
 * times the cost of one node, lists of objects scale by their `first` argument, each mutation
 * field 10. With `data` given, the actual cost counts the items actually returned instead.
 */
export function queryCost(input: CostInput, operation: OperationDefinitionNode, data?: Record<string, unknown> | null): number {
  if (operation.operation === 'mutation') return operation.selectionSet.selections.length * MUTATION_COST;
  const root = input.schema.getQueryType();
  if (!root) return 0;
  return selectionCost(input, operation.selectionSet, root, data === undefined ? undefined : (data ?? {}));
}

function selectionCost(input: CostInput, selectionSet: SelectionSetNode, type: GraphQLCompositeType, data: unknown): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? input.fragments[selection.name.value] : selection;
      if (!fragment) continue;
      const conditionName = fragment.typeCondition?.name.value;
      const condition = conditionName ? input.schema.getType(conditionName) : type;
      if (condition && isCompositeType(condition)) total += selectionCost(input, fragment.selectionSet, condition, data);
      continue;
    }
    if (isAbstractType(type) && selection.name.value === '__typename') continue;
    const field = 'getFields' in type ? type.getFields()[selection.name.value] : undefined;
    if (!field || !selection.selectionSet) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named) || !isCompositeType(named)) continue;
    const args: Record<string, unknown> = {};
    for (const arg of selection.arguments ?? []) args[arg.name.value] = valueFromASTUntyped(arg.value, input.variables);
    const key = selection.alias?.value ?? selection.name.value;
    const value = data === undefined ? undefined : (data as Record<string, unknown> | null)?.[key];
    if (data !== undefined && value == null) continue;
    const size = Number(args['first'] ?? args['last'] ?? 1);
    if (named.name.endsWith('Connection')) {
      total += 2 + connectionItemsCost(input, selection.selectionSet, named, value, size);
    } else if (isListType(getNullableType(field.type))) {
      if (value !== undefined) for (const item of value as unknown[]) total += 1 + selectionCost(input, selection.selectionSet, named, item);
      else total += size * (1 + selectionCost(input, selection.selectionSet, named, undefined));
    } else {
      total += 1 + selectionCost(input, selection.selectionSet, named, value);
    }
  }
  return total;
}

/** Cost of the `edges`/`nodes` of one connection: per item, times the requested or returned count. */
function connectionItemsCost(input: CostInput, selectionSet: SelectionSetNode, type: GraphQLCompositeType, value: unknown, size: number): number {
  let total = 0;
  const fields = 'getFields' in type ? type.getFields() : {};
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || !selection.selectionSet) continue;
    const name = selection.name.value;
    if (name !== 'edges' && name !== 'nodes') continue;
    const itemType = getNamedType(fields[name]?.type);
    if (!itemType || !isCompositeType(itemType)) continue;
    const key = selection.alias?.value ?? name;
    const items = value === undefined ? undefined : ((value as Record<string, unknown>)[key] as unknown[] | undefined);
    const own = name === 'nodes' ? 1 : 0;
    if (items) for (const item of items) total += own + selectionCost(input, selection.selectionSet, itemType, item);
    else if (value === undefined) total += size * (own + selectionCost(input, selection.selectionSet, itemType, undefined));
  }
  return total;
}
