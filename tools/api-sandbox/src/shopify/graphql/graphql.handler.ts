import { execute, getOperationAST, GraphQLError, Kind, parse, validate, type DocumentNode, type FragmentDefinitionNode } from 'graphql';

import { jsonResponse, type SandboxResponse } from '../../common/http';
import type { LeakyBucket } from '../http/rate-limits';
import type { GraphqlShop } from './graphql-context';
import { MAX_QUERY_COST, queryCost } from './query-cost';
import { rootValue } from './root-resolvers';
import { shopifyAdminSchema } from './schema';

interface GraphqlBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

const throttleStatus = (bucket: LeakyBucket, forceEmpty = false) => ({
  maximumAvailable: bucket.capacity,
  currentlyAvailable: forceEmpty ? 0 : Math.floor(bucket.available()),
  restoreRate: bucket.ratePerSecond,
});

const errorBody = (errors: readonly GraphQLError[]) => ({ errors: errors.map((e) => e.toJSON()) });

/**
 * Executes one Admin GraphQL request: parse, validate, cost, throttle, execute, refund the
 * difference between requested and actual cost. Errors follow Shopify: HTTP 200 with `errors`.
 * `forceThrottle` (fault injection) answers THROTTLED as if the bucket were empty.
 */
export async function handleGraphql(rawBody: string, shop: GraphqlShop, bucket: LeakyBucket, forceThrottle = false): Promise<SandboxResponse> {
  let body: GraphqlBody;
  try {
    body = JSON.parse(rawBody) as GraphqlBody;
  } catch {
    return jsonResponse(400, { errors: { query: 'Required parameter missing or invalid' } });
  }
  if (typeof body.query !== 'string') return jsonResponse(400, { errors: { query: 'Required parameter missing or invalid' } });
  const variables = body.variables && typeof body.variables === 'object' ? (body.variables as Record<string, unknown>) : {};
  const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
  const schema = shopifyAdminSchema();
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    return jsonResponse(200, errorBody([error as GraphQLError]));
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) return jsonResponse(200, errorBody(validationErrors));
  const operation = getOperationAST(document, operationName);
  if (!operation) return jsonResponse(200, { errors: [{ message: 'An operation name is required' }] });

  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
  const costInput = { schema, fragments, variables };
  const requested = queryCost(costInput, operation);
  if (requested > MAX_QUERY_COST) {
    const message = `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`;
    return jsonResponse(200, { errors: [{ message, extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: MAX_QUERY_COST } }] });
  }
  if (forceThrottle || !bucket.tryTake(requested)) {
    return jsonResponse(200, {
      errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
      extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: throttleStatus(bucket, forceThrottle) } },
    });
  }
  const contextValue = { shop, searchWarnings: [] as { path: string[]; query: string; warnings: { field: string; message: string }[] }[] };
  const result = await execute({ schema, document, rootValue, contextValue, variableValues: variables, operationName });
  const actual = Math.min(requested, queryCost(costInput, operation, result.data ?? null));
  bucket.give(requested - actual);
  const extensions: Record<string, unknown> = { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: throttleStatus(bucket) } };
  if (contextValue.searchWarnings.length > 0) extensions['search'] = contextValue.searchWarnings;
  return { ...jsonResponse(200, { ...(result.errors ? errorBody(result.errors) : {}), data: result.data ?? null, extensions }), cost: actual };
}
