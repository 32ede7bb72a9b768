import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  /** What is loading, for the status text ("sales"). */
  what: string;
  children: (data: T) => ReactNode;
}

/**
 * Renders a query's data, or says honestly that it is loading or failed. A failed query shows the error
 * and a retry button, never stale or zero figures in its place.
 */
export function QueryState<T>({ query, what, children }: QueryStateProps<T>) {
  if (query.isPending) {
    return (
      <p className="muted" role="status" data-state="loading">
        Loading {what}…
      </p>
    );
  }
  if (query.isError) {
    return (
      <div className="query-error" role="alert" data-state="error">
        <p>
          Could not load {what}: {query.error.message}
        </p>
        <button type="button" onClick={() => void query.refetch()} disabled={query.isFetching}>
          {query.isFetching ? 'Retrying…' : `Retry loading ${what}`}
        </button>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
