import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { and, eq, sql } from 'drizzle-orm';

import { CredentialSealer } from '../../lib/credentials/credential-sealer';
import { CredentialUnreadableError } from '../../lib/credentials/credential-unreadable.error';
import type { Database, Executor } from '../../lib/database/database.types';
import { MIGRATIONS_DIR } from '../../lib/database/migrations-dir';
import { clearCredentialState, getCredentialState, saveCredentialState } from '../../lib/queries/credentials.queries';
import { integrationAccounts } from '../../lib/schema';

/** The raw `credential_state` column, as the database holds it. */
async function rawState(db: Executor, integration: string, accountId: string): Promise<unknown> {
  const rows = await db
    .select({ state: integrationAccounts.credentialState })
    .from(integrationAccounts)
    .where(and(eq(integrationAccounts.integration, integration), eq(integrationAccounts.accountId, accountId)));
  return rows[0]?.state ?? null;
}

async function writeRaw(db: Executor, integration: string, accountId: string, state: unknown): Promise<void> {
  await db.execute(
    sql`insert into integration_accounts (integration, account_id, credential_state) values (${integration}, ${accountId}, ${JSON.stringify(state)}::jsonb)
        on conflict (integration, account_id) do update set credential_state = excluded.credential_state`,
  );
}

/** Sealed credential state through the query layer: what reaches the column, and what is refused. */
export function credentialsSuite(database: () => Database): void {
  describe('sealed credential state', () => {
    const key = randomBytes(32);
    const sealer = new CredentialSealer(key);
    const tokens = { accessToken: 'at-plain-4f1c9e', refreshToken: 'rt-plain-8d2b7a', expiresAt: 1_795_000_000_000 };

    it('stores only the sealed form, and reads the state back', async () => {
      const { db } = database();
      await saveCredentialState(db, sealer, 'xero', 'sealed-1', tokens);
      const stored = await rawState(db, 'xero', 'sealed-1');
      expect(stored).toMatchObject({ v: 1, kid: sealer.currentKeyId });
      expect(JSON.stringify(stored)).not.toMatch(/at-plain|rt-plain|1795000000000/);
      const [{ text }] = await db
        .select({ text: sql<string>`${integrationAccounts.credentialState}::text` })
        .from(integrationAccounts)
        .where(eq(integrationAccounts.accountId, 'sealed-1'));
      expect(text).not.toContain('plain');
      expect(await getCredentialState(db, sealer, 'xero', 'sealed-1')).toEqual(tokens);
    });

    it('a tampered row is reported with the account and key id, and left unchanged', async () => {
      const { db } = database();
      await saveCredentialState(db, sealer, 'xero', 'tampered', tokens);
      const stored = (await rawState(db, 'xero', 'tampered')) as { data: string };
      const bytes = Buffer.from(stored.data, 'base64');
      bytes[0] ^= 0x01;
      const altered = { ...stored, data: bytes.toString('base64') };
      await writeRaw(db, 'xero', 'tampered', altered);

      const error = await getCredentialState(db, sealer, 'xero', 'tampered').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CredentialUnreadableError);
      expect((error as Error).message).toContain(`xero account "tampered"`);
      expect((error as Error).message).toContain(`key id ${sealer.currentKeyId}`);
      expect(await rawState(db, 'xero', 'tampered')).toEqual(altered);
    });

    it('a wrong key is refused with the key id the row needs; the row stays for the right key', async () => {
      const { db } = database();
      await saveCredentialState(db, sealer, 'xero', 'wrong-key', tokens);
      const stranger = new CredentialSealer(randomBytes(32));
      await expect(getCredentialState(db, stranger, 'xero', 'wrong-key')).rejects.toMatchObject({
        code: 'CREDENTIALS_UNREADABLE',
        keyId: sealer.currentKeyId,
        accountId: 'wrong-key',
      });
      expect(await getCredentialState(db, sealer, 'xero', 'wrong-key')).toEqual(tokens);
    });

    it('a row copied to another account does not open there', async () => {
      const { db } = database();
      await saveCredentialState(db, sealer, 'xero', 'original', tokens);
      await writeRaw(db, 'xero', 'copy', await rawState(db, 'xero', 'original'));
      await expect(getCredentialState(db, sealer, 'xero', 'copy')).rejects.toThrow(/xero account "copy".*another account/);
    });

    it('a row under a previous key is read, and re-sealed under the current key on the next save', async () => {
      const { db } = database();
      const oldKey = randomBytes(32);
      await saveCredentialState(db, new CredentialSealer(oldKey), 'xero', 'rotated', tokens);
      const rotated = new CredentialSealer(randomBytes(32), [oldKey]);
      const state = await getCredentialState(db, rotated, 'xero', 'rotated');
      expect(state).toEqual(tokens);
      await saveCredentialState(db, rotated, 'xero', 'rotated', { ...state, refreshToken: 'rt-next' });
      expect(await rawState(db, 'xero', 'rotated')).toMatchObject({ kid: rotated.currentKeyId });
      await expect(getCredentialState(db, new CredentialSealer(oldKey), 'xero', 'rotated')).rejects.toThrow(CredentialUnreadableError);
    });

    it('clearing forgets the state, keeps the account row, and says whether there was any', async () => {
      const { db } = database();
      await saveCredentialState(db, sealer, 'xero', 'cleared', tokens);
      expect(await clearCredentialState(db, 'xero', 'cleared')).toBe(true);
      expect(await clearCredentialState(db, 'xero', 'cleared')).toBe(false);
      expect(await getCredentialState(db, sealer, 'xero', 'cleared')).toBeNull();
      expect(await db.select().from(integrationAccounts).where(eq(integrationAccounts.accountId, 'cleared'))).toHaveLength(1);
    });

    it('migration 0002 drops plain state written before sealing and keeps sealed rows', async () => {
      const { db } = database();
      await writeRaw(db, 'shopify', 'legacy-plain', { accessToken: 'shpca_legacy', expiresAt: 1 });
      await saveCredentialState(db, sealer, 'shopify', 'already-sealed', tokens);
      await expect(getCredentialState(db, sealer, 'shopify', 'legacy-plain')).rejects.toThrow(/not a sealed credential state/);

      const migration = readFileSync(join(MIGRATIONS_DIR, '0002_seal_credentials.sql'), 'utf8');
      await db.execute(sql.raw(migration));
      expect(await rawState(db, 'shopify', 'legacy-plain')).toBeNull();
      expect(await getCredentialState(db, sealer, 'shopify', 'already-sealed')).toEqual(tokens);
    });
  });
}
