import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

import { MalformedResponseError, TransientError } from '@ops/sync-core';
import { formatIssues } from '@ops/sse-events';

import { RawBulkLineItemSchema, RawBulkOrderSchema, type RawLineItem, type RawOrder } from './shopify.api-types';
import type { OrdersPage } from './orders.source';

/**
 * Streams a bulk operation's JSONL result: order rows, each followed by its line-item rows
 * (`__parentId` = the order id). Yields complete orders in pages; never holds the whole file.
 */
export async function* readBulkOrders(url: string, pageSize: number): AsyncGenerator<OrdersPage> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30 * 60_000) }).catch((error: Error) => {
    throw new TransientError(`bulk result download failed: ${error.message}`, 'NETWORK');
  });
  if (!response.ok || !response.body) throw new TransientError(`bulk result download: HTTP ${response.status}`, `HTTP_${response.status}`);
  const lines = createInterface({ input: Readable.fromWeb(response.body as WebReadableStream), crlfDelay: Infinity });
  let page: RawOrder[] = [];
  let current: RawOrder | undefined;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (!line.trim()) continue;
    const row = parseRow(line, lineNumber);
    if ('__parentId' in row) {
      if (!current || current.id !== row.__parentId) throw new MalformedResponseError(`bulk JSONL line ${lineNumber}: orphan line item`);
      const { __parentId: _parent, ...item } = row;
      current.lineItems.nodes.push(item as RawLineItem);
      continue;
    }
    if (current) page.push(current);
    current = { ...row, lineItems: { nodes: [] } } as RawOrder;
    if (page.length >= pageSize) {
      yield { orders: page };
      page = [];
    }
  }
  if (current) page.push(current);
  if (page.length > 0) yield { orders: page };
}

function parseRow(line: string, lineNumber: number) {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new MalformedResponseError(`bulk JSONL line ${lineNumber} is not JSON`);
  }
  const isChild = typeof json === 'object' && json !== null && '__parentId' in json;
  const parsed = (isChild ? RawBulkLineItemSchema : RawBulkOrderSchema).safeParse(json);
  if (!parsed.success) throw new MalformedResponseError(`bulk JSONL line ${lineNumber}: ${formatIssues(parsed.error)}`);
  return parsed.data;
}
