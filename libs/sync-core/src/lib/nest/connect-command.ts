import type { CredentialSealer, Database } from '@ops/store';

import type { Environment, WorkerDefinition } from '../registry/worker-definition';
import { SyncRunner } from '../runner/sync-runner';
import { createWorkerContext, type WorkerProcessOptions } from './bootstrap-worker';
import { CREDENTIAL_SEALER, DATABASE, WORKER_ENVIRONMENT } from './sync-worker.tokens';

const usage = (workers: readonly WorkerDefinition[]) =>
  `usage: npm run connect -- <integration>\nintegrations that connect this way: ${workers.filter((w) => w.connect).map((w) => w.integration).join(', ') || 'none'}\n`;

/**
 * `connect <integration>`: runs the integration's connect flow (its `connect`), printing what the
 * user must do, and sets the exit code: 0 once the credentials are stored, 1 when it failed or the
 * integration is not configured, 2 for an unknown integration or one without a connect flow.
 */
export async function runConnectCommand(options: WorkerProcessOptions, args: readonly string[]): Promise<void> {
  const { workers } = options;
  const names = args.filter((arg) => !arg.startsWith('--'));
  const definition = workers.find((w) => w.integration === names[0]);
  if (args.includes('--help') || !definition?.connect || names.length !== 1) {
    const unknown = !args.includes('--help') && names[0] ? `${names[0]} has no connect flow here\n` : '';
    process.stderr.write(`${unknown}${usage(workers)}`);
    process.exitCode = args.includes('--help') ? 0 : 2;
    return;
  }
  const app = await createWorkerContext(options, false, 'warn');
  const cancel = new AbortController();
  const onSignal = () => cancel.abort(new Error('cancelled'));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    const answer = definition.readConfig(app.get<Environment>(WORKER_ENVIRONMENT));
    if (!answer.configured) {
      process.stdout.write(`${definition.integration} is not configured: ${answer.reason}\n`);
      process.exitCode = 1;
      return;
    }
    const database = app.get<Database>(DATABASE);
    await definition.connect(
      answer.config,
      { database, sealer: app.get<CredentialSealer>(CREDENTIAL_SEALER), shutdownSignal: app.get(SyncRunner).shutdownSignal },
      { print: (line) => process.stdout.write(`${line}\n`), signal: cancel.signal },
    );
    process.exitCode = 0;
  } catch (error) {
    process.stderr.write(`${definition.integration}: connect failed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await app.close();
  }
}
