import { randomBytes } from 'node:crypto';

import type { AmazonOperation } from '../amazon.types';

interface IssuedToken {
  operation: AmazonOperation;
  /** The request parameters the token was issued for; a follow-up must repeat them. */
  binding: string;
  page: TokenPage;
  expiresAt: number;
}

/** Where the next page starts, and the end of the time window the first page resolved. */
export interface TokenPage {
  offset: number;
  /** searchOrders: the resolved end of the window (the default moves with the clock). */
  until?: number;
  /** getShipments: NEXT_TOKEN requests do not repeat the date range. */
  window?: { after: number; before: number };
}

/**
 * Single-use paging tokens: each is bound to the operation and parameters that produced it,
 * honoured once, and (for inventory) only for 30 seconds.
 */
export class NextTokens {
  private readonly issued = new Map<string, IssuedToken>();

  constructor(private readonly now: () => number) {}

  issue(operation: AmazonOperation, binding: string, page: TokenPage, ttlMs: number): string {
    const token = randomBytes(24).toString('base64');
    this.issued.set(token, { operation, binding, page, expiresAt: this.now() + ttlMs });
    return token;
  }

  /** The page the token stands for, or an error message (unknown, reused, expired, parameters changed). */
  redeem(operation: AmazonOperation, binding: string, token: string): TokenPage | string {
    const entry = this.issued.get(token);
    this.issued.delete(token);
    if (!entry || entry.operation !== operation) return 'Invalid nextToken: it is unknown or was already used.';
    if (entry.expiresAt < this.now()) return 'The nextToken has expired.';
    if (entry.binding !== binding) return 'The request parameters differ from the ones the nextToken was issued for.';
    return entry.page;
  }
}
