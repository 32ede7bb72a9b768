/** Where the next incremental run starts: `modifiedSince` for Products, StockOnHand and Assemblies. */
export interface UnleashedCursor {
  /** UTC date (`YYYY-MM-DD`) the last successful run started on; Unleashed's filter is inclusive. */
  modifiedSince: string;
}

/** Parses a stored cursor; an unreadable one means "start over", never a guess. */
export function parseUnleashedCursor(stored: string | null): UnleashedCursor | undefined {
  if (!stored) return undefined;
  try {
    const parsed = JSON.parse(stored) as Partial<UnleashedCursor>;
    return typeof parsed.modifiedSince === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(parsed.modifiedSince)
      ? { modifiedSince: parsed.modifiedSince }
      : undefined;
  } catch {
    return undefined;
  }
}
