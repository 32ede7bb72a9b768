import { startXeroSandbox } from '../xero/xero-sandbox';
import { parseFlags, systemPort } from '../config/cli-flags';
import type { SandboxSystem } from './sandbox-system';

/** The `xero` entry of the manifest line: one base URL serving identity, connections and accounting paths. */
export interface XeroManifest {
  endpoint: string;
  clientId: string;
  clientSecret: string;
  /** A refresh token of a grant over every tenant, as if `npm run connect -- xero` had been run. */
  refreshToken: string;
  tenants: { tenantId: string; name: string; currency: string; layout: string }[];
}

const DEFAULT_OFFSET = 90;

/** The Xero emulator: `--xero-port=` (default `--port` + 90; `--port=0` a free port), `--xero-seed=`. */
export const xeroSystem: SandboxSystem<'xero', XeroManifest> = {
  name: 'xero',
  async start(argv, env) {
    const args = parseFlags(argv);
    const port = systemPort(args, env, 'xero', DEFAULT_OFFSET);
    const seed = Number(args['xero-seed'] ?? env['XERO_SANDBOX_SEED'] ?? 9);
    if (!Number.isInteger(seed)) throw new Error('invalid sandbox config: xero-seed: must be an integer');
    const sandbox = await startXeroSandbox({ port, seed });
    const lines = [
      `Xero (SANDBOX DATA, not a real organisation): ${sandbox.url}  client_id=${sandbox.clientId}  client_secret=${sandbox.clientSecret}  refresh_token=${sandbox.refreshToken}`,
      ...sandbox.tenants.map((t) => {
        const expected = sandbox.expected(t.tenantId);
        return `  ${t.tenantId}  ${t.name}  ${t.currency}  layout=${t.layout}  working capital ${expected.workingCapital} ${expected.currency}`;
      }),
    ];
    const manifest: XeroManifest = {
      endpoint: sandbox.url,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      refreshToken: sandbox.refreshToken,
      tenants: sandbox.tenants.map(({ tenantId, name, currency, layout }) => ({ tenantId, name, currency, layout })),
    };
    return { lines, manifest, close: () => sandbox.close() };
  },
};
