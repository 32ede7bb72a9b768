import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The committed migrations folder as seen from the library's source (`libs/store/migrations`);
 * valid under ts-node and jest. In a webpack bundle `__dirname` is the output folder, so this
 * path does not exist there: see `resolveMigrationsDir`.
 */
export const MIGRATIONS_DIR = resolve(__dirname, '../../../migrations');

const JOURNAL = join('meta', '_journal.json');

/**
 * Picks the migrations folder: `explicit` when given (it must exist), else `migrations/` next to
 * the running bundle (`<__dirname>/migrations`, where an app's build copies it as an asset), else
 * `MIGRATIONS_DIR`.
 * @throws Error naming every folder tried when none holds `meta/_journal.json`.
 */
export function resolveMigrationsDir(explicit?: string): string {
  const candidates = explicit ? [resolve(explicit)] : [join(__dirname, 'migrations'), MIGRATIONS_DIR];
  const found = candidates.find((dir) => existsSync(join(dir, JOURNAL)));
  if (!found) {
    throw new Error(`store migrations not found (looked for ${JOURNAL} in ${candidates.join(', ')})`);
  }
  return found;
}
