import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';

import { execute, type DocumentNode } from 'graphql';

import { toIso } from '../dataset/dataset.types';
import type { BulkPaging } from '../graphql/connection';
import type { BulkOperationsPort, BulkOperationView, BulkUserError, GraphqlShop } from '../graphql/graphql-context';
import { gid, parseGid } from '../graphql/graphql-views';
import { rootValue } from '../graphql/root-resolvers';
import { shopifyAdminSchema } from '../graphql/schema';
import { bulkRows } from './bulk-jsonl';
import { checkBulkQuery } from './bulk-query-check';

type Status = 'CREATED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELING' | 'CANCELED';

interface Operation {
  number: number;
  query: string;
  document: DocumentNode;
  status: Status;
  errorCode: 'INTERNAL_SERVER_ERROR' | null;
  objectCount: number;
  rootObjectCount: number;
  fileSize: number;
  file: string;
  createdAt: number;
  completedAt: number | null;
}

export interface BulkOperationsDeps {
  shop: () => GraphqlShop;
  /** Base URL the JSONL is served from (the shop's own server). */
  baseUrl: () => string;
  /** Directory the JSONL files are written to. */
  dir: string;
  delayMs: number;
  clock: () => number;
}

const PAGE_SIZE = 250;

/**
 * Bulk query operations of one shop: one at a time (as the 2026-07 mutation page says),
 * CREATED -> RUNNING after `delayMs` -> COMPLETED once the JSONL file is written.
 */
export class BulkOperations implements BulkOperationsPort {
  private readonly operations = new Map<number, Operation>();
  private latest: Operation | undefined;
  private nextNumber = 1;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly deps: BulkOperationsDeps) {}

  run(query: string): { bulkOperation: BulkOperationView | null; userErrors: BulkUserError[] } {
    if (this.latest && ['CREATED', 'RUNNING', 'CANCELING'].includes(this.latest.status)) {
      const message = `A bulk query operation for this app and shop is already in progress: ${gid('BulkOperation', this.latest.number)}.`;
      return { bulkOperation: null, userErrors: [{ code: 'OPERATION_IN_PROGRESS', field: null, message }] };
    }
    const checked = checkBulkQuery(query);
    if ('error' in checked) return { bulkOperation: null, userErrors: [{ code: 'INVALID', field: ['query'], message: checked.error }] };
    const number = this.nextNumber++;
    const operation: Operation = {
      number, query, document: checked.document, status: 'CREATED', errorCode: null, objectCount: 0, rootObjectCount: 0, fileSize: 0,
      file: join(this.deps.dir, `bulk-${number}.jsonl`), createdAt: Math.floor(this.deps.clock() / 1000), completedAt: null,
    };
    this.operations.set(number, operation);
    this.latest = operation;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.export(operation);
    }, this.deps.delayMs);
    this.timers.add(timer);
    return { bulkOperation: this.view(operation), userErrors: [] };
  }

  cancel(id: string): { bulkOperation: BulkOperationView | null; userErrors: BulkUserError[] } {
    const operation = this.find(id);
    if (!operation) return { bulkOperation: null, userErrors: [{ code: null, field: ['id'], message: 'Bulk operation does not exist' }] };
    if (operation.status === 'CREATED') operation.status = 'CANCELED';
    else if (operation.status === 'RUNNING') operation.status = 'CANCELING';
    else return { bulkOperation: this.view(operation), userErrors: [{ code: null, field: null, message: `A bulk operation cannot be canceled when it is ${operation.status.toLowerCase()}` }] };
    return { bulkOperation: this.view(operation), userErrors: [] };
  }

  current(): BulkOperationView | null {
    return this.latest ? this.view(this.latest) : null;
  }

  get(id: string): BulkOperationView | null {
    const operation = this.find(id);
    return operation ? this.view(operation) : null;
  }

  /** The finished file behind a result URL, or undefined. */
  file(number: number): { file: string; size: number } | undefined {
    const operation = this.operations.get(number);
    return operation?.status === 'COMPLETED' && operation.objectCount > 0 ? { file: operation.file, size: operation.fileSize } : undefined;
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private find(id: string): Operation | undefined {
    const parsed = parseGid(id);
    return parsed?.type === 'BulkOperation' ? this.operations.get(parsed.id) : undefined;
  }

  private async export(operation: Operation): Promise<void> {
    if (this.closed || operation.status !== 'CREATED') return;
    operation.status = 'RUNNING';
    const out = createWriteStream(operation.file);
    try {
      const paging: BulkPaging = { pageSize: PAGE_SIZE, hasNextPage: true };
      while (paging.hasNextPage && operation.status === 'RUNNING' && !this.closed) {
        paging.hasNextPage = false;
        const contextValue = { shop: this.deps.shop(), bulk: paging, searchWarnings: [] };
        const result = await execute({ schema: shopifyAdminSchema(), document: operation.document, rootValue, contextValue });
        if (result.errors?.length) throw new Error(result.errors[0]?.message);
        for (const row of bulkRows(Object.values(result.data ?? {})[0])) await this.write(out, operation, row);
        if (!paging.endCursor) break;
        paging.after = paging.endCursor;
        await yieldToLoop();
      }
      out.end();
      await once(out, 'finish');
      operation.status = (operation.status as Status) === 'CANCELING' ? 'CANCELED' : 'COMPLETED';
    } catch {
      out.destroy();
      operation.status = 'FAILED';
      operation.errorCode = 'INTERNAL_SERVER_ERROR';
    }
    operation.completedAt = Math.floor(this.deps.clock() / 1000);
  }

  private async write(out: WriteStream, operation: Operation, row: Record<string, unknown>): Promise<void> {
    const line = `${JSON.stringify(row)}\n`;
    operation.objectCount += 1;
    if (row['__parentId'] === undefined) operation.rootObjectCount += 1;
    operation.fileSize += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }

  private view(operation: Operation): BulkOperationView {
    const done = operation.status === 'COMPLETED';
    return {
      __typename: 'BulkOperation',
      id: gid('BulkOperation', operation.number),
      status: operation.status,
      errorCode: operation.errorCode,
      objectCount: String(operation.objectCount),
      rootObjectCount: String(operation.rootObjectCount),
      fileSize: done ? String(operation.fileSize) : null,
      url: done && operation.objectCount > 0 ? `${this.deps.baseUrl()}/sandbox-bulk/${operation.number}.jsonl` : null,
      partialDataUrl: null,
      query: operation.query,
      type: 'QUERY',
      createdAt: toIso(operation.createdAt),
      completedAt: operation.completedAt === null ? null : toIso(operation.completedAt),
    };
  }
}
