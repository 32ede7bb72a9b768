import { MalformedResponseError } from '@ops/sync-core';
import { z } from 'zod';

import { PaginationSchema, type Pagination } from './unleashed.api-types';

/** Unleashed's largest page. */
export const MAX_PAGE_SIZE = 1000;

/**
 * The path and query of one page: `/{Resource}/{page}` and the filters in the order given, as
 * the query string that is both sent and signed (filter values must be URL-safe: dates, numbers,
 * codes).
 */
export function pageRequest(resource: string, page: number, filters: Record<string, string | number | undefined>): { path: string; query: string } {
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`page must be a whole number >= 1, got ${page}`);
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value !== undefined) params.append(name, String(value));
  return { path: `/${resource}/${page}`, query: params.toString() };
}

/**
 * Validates one page's envelope and its items against `itemSchema`.
 * @throws MalformedResponseError naming the first problem (missing Pagination, a bad item, a
 * page number other than the one asked for).
 */
export function readPage<T>(body: unknown, itemSchema: z.ZodType<T>, what: string, askedPage: number): { pagination: Pagination; items: T[] } {
  const parsed = z.object({ Pagination: PaginationSchema, Items: z.array(itemSchema) }).safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MalformedResponseError(`${what}: unexpected response shape at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  const { Pagination: pagination, Items: items } = parsed.data;
  if (pagination.PageNumber !== askedPage) {
    throw new MalformedResponseError(`${what}: asked for page ${askedPage}, got page ${pagination.PageNumber}`);
  }
  return { pagination, items };
}

/** True while pages remain after this one. */
export function hasNextPage(pagination: Pagination): boolean {
  return pagination.PageNumber < pagination.NumberOfPages;
}
