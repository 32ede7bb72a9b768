// Builds bench envelopes with the real contract lib (@ops/sse-events), loaded from its TypeScript
// source through ts-node (transpile only). The publish timestamp and a sequence number travel in
// the sku, an identifier the inventory:update schema accepts: `bench-<seq>-<epoch ms.µs>`.
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export function loadContract(root) {
  const require = createRequire(path.join(root, 'package.json'));
  // The contract imports other workspace libs (`@ops/resilience`) by their tsconfig path aliases.
  const { compilerOptions } = JSON.parse(require('node:fs').readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
  require('tsconfig-paths').register({ baseUrl: root, paths: compilerOptions.paths });
  require('ts-node').register({
    transpileOnly: true,
    compilerOptions: { module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '6.0' },
  });
  const { createEnvelope, EnvelopeSchema } = require(path.join(root, 'libs/sse-events/src/index.ts'));
  const source = { system: 'shopify', account: 'bench', environment: 'sandbox' };

  /** One validated inventory:update envelope (channel `inventory`) stamped with the current time. */
  function benchEnvelope(seq) {
    const sentAt = performance.timeOrigin + performance.now();
    return createEnvelope('inventory:update', source, {
      sku: `bench-${seq}-${sentAt.toFixed(3)}`,
      quantity: seq % 1000,
      previousQuantity: (seq + 999) % 1000,
      location: 'bench-warehouse',
      source: 'shopify',
    });
  }
  const probe = EnvelopeSchema.safeParse(benchEnvelope(0));
  if (!probe.success) throw new Error(`bench envelope does not match the contract: ${probe.error.message}`);
  return { benchEnvelope, channel: 'inventory' };
}
