// One Xero connection in its own process, for the rotation tests. argv[2]: JSON
// {databaseUrl, key (base64), tokenUrl, clientId, clientSecret, hangOnSave}. Prints `TOKEN <sha256>`
// once it holds a valid access token; with `hangOnSave` it prints `ISSUED_NOT_SAVED` when Xero has
// answered a refresh and the save is about to start, then waits to be killed.
import { createHash } from 'node:crypto';

import { CredentialSealer, openDatabase } from '@ops/store';
import { databaseExclusive, sealedTokenStorage } from '@ops/sync-core';

import { XeroConnection } from '../auth/xero-connection';
import { XeroIdentityClient, type XeroTokenSet } from '../auth/xero-identity.client';
import { xeroEndpoints } from '../config/xero.config';

interface Input {
  databaseUrl: string;
  key: string;
  endpoint: string;
  clientId: string;
  clientSecret: string;
  hangOnSave: boolean;
}

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2]) as Input;
  const database = await openDatabase({ databaseUrl: input.databaseUrl });
  const sealer = new CredentialSealer(Buffer.from(input.key, 'base64'));
  const sealed = sealedTokenStorage<XeroTokenSet>(database, sealer, { integration: 'xero', accountId: 'connection' });
  const storage = input.hangOnSave
    ? {
        load: () => sealed.load(),
        save: async () => {
          process.stdout.write('ISSUED_NOT_SAVED\n');
          await new Promise(() => undefined);
        },
      }
    : sealed;
  const identity = new XeroIdentityClient(xeroEndpoints(input.endpoint), { clientId: input.clientId, clientSecret: input.clientSecret });
  const connection = new XeroConnection({ grant: 'authorization_code' }, identity, storage, {
    exclusive: databaseExclusive(database, 'oauth:xero:connection'),
  });
  const token = await connection.accessToken();
  process.stdout.write(`TOKEN ${createHash('sha256').update(token).digest('hex')}\n`);
  await database.close();
}

main().catch((error: Error) => {
  process.stderr.write(`${error.name}: ${error.message}\n`);
  process.exit(1);
});
