import { startUnleashedSandbox } from '../unleashed/unleashed-sandbox';
import { parseFlags, systemPort } from '../config/cli-flags';
import type { SandboxSystem } from './sandbox-system';

/** The `unleashed` entry of the manifest line. */
export interface UnleashedManifest {
  /** Base URL serving Unleashed's own paths; set it as `UNLEASHED_ENDPOINT`. */
  endpoint: string;
  apiId: string;
  apiKey: string;
  /** POST here to apply the next batch of seeded changes between two syncs. */
  changesUrl: string;
}

const DEFAULT_OFFSET = 70;

/**
 * The Unleashed API emulator: `--unleashed-port=` (default `--port` + 70, i.e. 8770; `--port=0` a
 * free port), `--reference-date=` for the dataset's dates (default now).
 */
export const unleashedSystem: SandboxSystem<'unleashed', UnleashedManifest> = {
  name: 'unleashed',
  async start(argv, env) {
    const args = parseFlags(argv);
    const port = systemPort(args, env, 'unleashed', DEFAULT_OFFSET);
    const referenceDate = args['reference-date'];
    if (referenceDate !== undefined && Number.isNaN(Date.parse(referenceDate))) throw new Error('invalid sandbox config: reference-date: not a date');
    const sandbox = await startUnleashedSandbox({ port, ...(referenceDate ? { referenceDate } : {}) });
    const totals = sandbox.expected(new Date()).inventory;
    const manifest = { endpoint: sandbox.url, apiId: sandbox.apiId, apiKey: sandbox.apiKey, changesUrl: `${sandbox.url}/_sandbox/changes` };
    const lines = [
      `Unleashed (SANDBOX DATA, not a real organisation): ${sandbox.url}  api_id=${sandbox.apiId}  api_key=${sandbox.apiKey}`,
      `  ${sandbox.dataset.products.length} products, ${totals.lines} stock lines (on hand ${totals.totalOnHand}, value ${totals.totalValue}), ${sandbox.dataset.assemblies.length} assemblies; POST ${manifest.changesUrl} applies seeded changes`,
    ];
    return { lines, manifest, close: () => sandbox.close() };
  },
};
