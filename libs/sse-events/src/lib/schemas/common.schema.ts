import { z } from 'zod';

export const SYSTEMS = ['xero', 'shopify', 'amazon', 'unleashed', 'forecast', 'hub'] as const;
export const SystemSchema = z.enum(SYSTEMS);

export const IdentifierSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:@|/-]+$/, 'may contain only letters, digits and . _ : @ | / -');

export const JobIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, _ and -');

/** A count of things: a non-negative integer. */
export const CountSchema = z.number().int().nonnegative();

/** What a `*:sync_error` carries: a stable code and a message with secrets already stripped. */
export const SyncErrorSchema = z.strictObject({
  code: z.string().min(1).max(100),
  message: z.string().min(1).max(2000),
});

export const IsoDateSchema = z.iso.date();
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

export type System = z.infer<typeof SystemSchema>;
export type SyncError = z.infer<typeof SyncErrorSchema>;
