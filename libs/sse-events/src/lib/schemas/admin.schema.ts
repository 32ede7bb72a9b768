import { z } from 'zod';

export const AdminBroadcastSchema = z.strictObject({
  message: z.string().min(1).max(1000),
  level: z.enum(['info', 'warning', 'critical']),
});
