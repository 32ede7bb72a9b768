import { readPath, type ReadResource } from '@ops/read-api-contract';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { z } from 'zod';

import { fetchJson } from '../api/fetch-json';

/**
 * One read resource through TanStack Query under the key `[resource]`, validated by its contract schema.
 * `pollMsWhile` re-reads it every `ms` while `when(data)` holds (a state no event announces the end of).
 */
export function useReadQuery<S extends z.ZodType>(
  resource: ReadResource,
  schema: S,
  pollMsWhile?: { ms: number; when: (data: z.output<S>) => boolean },
): UseQueryResult<z.output<S>> {
  return useQuery({
    queryKey: [resource],
    queryFn: ({ signal }) => fetchJson(readPath(resource), schema, { signal }),
    refetchInterval: pollMsWhile ? (query) => (query.state.data !== undefined && pollMsWhile.when(query.state.data) ? pollMsWhile.ms : false) : false,
  });
}
