import { startAmazonSandbox } from '../amazon/amazon-sandbox';
import { loadAmazonSandboxOptions } from '../amazon/amazon-sandbox.config';
import type { AmazonRegion } from '../amazon/amazon.types';
import type { SandboxSystem } from './sandbox-system';

/** The `amazon` entry of the manifest line: one seller (one LWA grant) selling in several marketplaces. */
export interface AmazonManifest {
  /** `http://127.0.0.1:<port>`: `AMAZON_ENDPOINT`; LWA and the SP-API both answer there. */
  endpoint: string;
  region: AmazonRegion;
  /** Each marketplace with the currency its orders are in. */
  marketplaces: { id: string; currency: string }[];
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** Requests per second each operation's bucket restores (Amazon's documented rates times `--amazon-rate-scale`), and its burst. */
  usagePlans: Record<string, { rate: number; burst: number }>;
}

/** The SP-API emulator: see `loadAmazonSandboxOptions` for its options. */
export const amazonSystem: SandboxSystem<'amazon', AmazonManifest> = {
  name: 'amazon',
  async start(argv, env) {
    const sandbox = await startAmazonSandbox(loadAmazonSandboxOptions(argv, env));
    const manifest: AmazonManifest = {
      endpoint: sandbox.url,
      region: sandbox.region,
      marketplaces: [...sandbox.marketplaces],
      ...sandbox.credentials,
      usagePlans: { ...sandbox.usagePlans },
    };
    const lines = [
      `Amazon SP-API (SANDBOX DATA, not a real seller): ${sandbox.url}  region=${sandbox.region}  client_id=${manifest.clientId}  client_secret=${manifest.clientSecret}  refresh_token=${manifest.refreshToken}`,
      ...sandbox.marketplaces.map((m) => {
        const market = sandbox.data.get(m.id);
        return `  marketplace ${m.id} ${m.currency}: ${market?.inventory.length} SKUs, ${market?.orders.length} orders, ${market?.shipments.length} inbound shipments`;
      }),
      `  POST ${sandbox.url}/_sandbox/advance applies the next round of seeded changes (orders show after Amazon's 2-minute delay)`,
    ];
    return { lines, manifest, close: () => sandbox.close() };
  },
};
