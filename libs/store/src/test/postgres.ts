import { spawnSync } from 'node:child_process';

import { Client } from 'pg';

/** The server the int-specs use: `DATABASE_URL`, else a local trust-auth cluster. */
export const POSTGRES_ADMIN_URL = process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/test';

let databaseCounter = 0;
let reachable: { ok: true } | { ok: false; reason: string } | undefined;

/**
 * Whether the server answers `select 1` within 3 s. Checked once per spec file, synchronously
 * (in a child process) because `describe` bodies cannot await.
 */
export function postgresReachable(): { ok: true } | { ok: false; reason: string } {
  if (reachable) return reachable;
  const script = `
    const { Client } = require(${JSON.stringify(require.resolve('pg'))});
    const client = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
    client.connect().then(() => client.query('select 1')).then(() => client.end())
      .then(() => process.exit(0), (error) => { console.error(error.message); process.exit(1); });`;
  const probe = spawnSync(process.execPath, ['-e', script, POSTGRES_ADMIN_URL], { encoding: 'utf8', timeout: 10_000 });
  reachable = probe.status === 0 ? { ok: true } : { ok: false, reason: probe.stderr.trim() || `exit ${probe.status}` };
  return reachable;
}

/** A throwaway database on the test server. */
export interface ScratchDatabase {
  readonly name: string;
  readonly url: string;
  /** Drops the database, disconnecting any session still on it. */
  drop(): Promise<void>;
}

/** Creates an empty database `store_test_<pid>_<n>` on the server at `POSTGRES_ADMIN_URL`. */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  databaseCounter += 1;
  const name = `store_test_${process.pid}_${databaseCounter}`;
  await adminQuery(`drop database if exists ${name} with (force)`);
  await adminQuery(`create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}

async function adminQuery(statement: string): Promise<void> {
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Handed to a `describeWithPostgres` body: the scratch database, valid from its `beforeAll` on. */
export interface PostgresContext {
  readonly url: string;
  readonly name: string;
}

/**
 * `describe` backed by a fresh scratch database, dropped after the block. When Postgres is not
 * reachable: with `CI=true` the block fails (one failing test naming the reason); otherwise it is
 * skipped with a console message.
 */
export function describeWithPostgres(name: string, body: (pg: PostgresContext) => void): void {
  const status = postgresReachable();
  if (!status.ok) {
    if (process.env['CI'] === 'true') {
      describe(name, () => {
        it('needs Postgres', () => {
          throw new Error(`Postgres unreachable at ${redact(POSTGRES_ADMIN_URL)} (CI=true): ${status.reason}`);
        });
      });
      return;
    }
    console.warn(
      `Skipping "${name}": Postgres unreachable at ${redact(POSTGRES_ADMIN_URL)} (${status.reason}). Set DATABASE_URL or start a local server.`,
    );
    describe.skip(name, () => body({ url: '', name: '' }));
    return;
  }
  describe(name, () => {
    let scratch: ScratchDatabase | undefined;
    const context = {
      get url() {
        return required(scratch).url;
      },
      get name() {
        return required(scratch).name;
      },
    };
    beforeAll(async () => {
      scratch = await createScratchDatabase();
    });
    // Runs after the body's own afterAll hooks (it is outside them), so connections close first.
    afterAll(async () => {
      await scratch?.drop();
    });
    describe('(scratch database)', () => body(context));
  });
}

function required(scratch: ScratchDatabase | undefined): ScratchDatabase {
  if (!scratch) throw new Error('the scratch database exists only from beforeAll on');
  return scratch;
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
