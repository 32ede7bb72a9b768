import type { OrderFilter, SecondsRange } from './shop-dataset';

/** A term the sandbox did not understand; Shopify ignores such terms, and so do we. */
export interface SearchWarning {
  field: string;
  message: string;
}

const TOKEN = /(?:[^\s"']+|"[^"]*"|'[^']*')+/g;
const TERM = /^(-?)([a-z_]+):(>=|<=|>|<)?(.*)$/;

/** Narrows `range` by one comparison against an instant given in milliseconds. */
export function narrow(range: SecondsRange | undefined, op: string, ms: number): SecondsRange {
  const out = range ? { ...range } : { lo: 0, hi: Number.MAX_SAFE_INTEGER };
  const seconds = ms / 1000;
  if (op === '>') out.lo = Math.max(out.lo, Math.floor(seconds) + 1);
  else if (op === '>=') out.lo = Math.max(out.lo, Math.ceil(seconds));
  else if (op === '<') out.hi = Math.min(out.hi, Math.ceil(seconds) - 1);
  else if (op === '<=') out.hi = Math.min(out.hi, Math.floor(seconds));
  else {
    out.lo = Math.max(out.lo, Math.ceil(seconds));
    out.hi = Math.min(out.hi, Math.floor(seconds));
  }
  return out;
}

/**
 * Parses the subset of Shopify's search syntax the sandbox supports: `updated_at`, `created_at`,
 * `processed_at` (same as created) with `:`, `:>`, `:>=`, `:<`, `:<=`, quoted or bare ISO
 * values (date-only values are UTC midnight), `status:open|closed|cancelled|any`, terms
 * joined by whitespace or `AND`. `OR`, negation and other fields are ignored with a warning.
 */
export function parseOrderSearch(query: string | null | undefined): { filter: OrderFilter; warnings: SearchWarning[] } {
  const filter: OrderFilter = {};
  const warnings: SearchWarning[] = [];
  for (const token of (query ?? '').match(TOKEN) ?? []) {
    if (token === 'AND') continue;
    const match = TERM.exec(token);
    if (!match || match[1] === '-' || token === 'OR') {
      warnings.push({ field: token, message: `Unsupported search term ${token} was ignored` });
      continue;
    }
    const [, , field = '', op = '', raw = ''] = match;
    const value = raw.replace(/^['"]|['"]$/g, '');
    if (field === 'status') {
      if (value === 'open' || value === 'closed' || value === 'cancelled' || value === 'any') filter.status = value;
      continue;
    }
    if (field !== 'updated_at' && field !== 'created_at' && field !== 'processed_at') {
      warnings.push({ field, message: `Invalid search field for this query: ${field}` });
      continue;
    }
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) {
      warnings.push({ field, message: `Invalid date ${value}` });
      continue;
    }
    const key = field === 'updated_at' ? 'updated' : 'created';
    filter[key] = narrow(filter[key], op, ms);
  }
  return { filter, warnings };
}
