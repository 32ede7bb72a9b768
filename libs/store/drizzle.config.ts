import { defineConfig } from 'drizzle-kit';

/**
 * drizzle-kit configuration: `npm run db:generate` (or `nx run store:db-generate`) from the
 * workspace root writes a new migration into `libs/store/migrations` after a schema change.
 * No database connection is needed to generate.
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: './libs/store/src/lib/schema/index.ts',
  out: './libs/store/migrations',
});
