import { loadSandboxOptions } from './config/sandbox.config';
import { startShopifySandbox } from './shopify/shopify-sandbox';

/** `nx serve api-sandbox`: starts the Shopify sandbox for local development and prints each shop. */
async function main(): Promise<void> {
  const options = loadSandboxOptions(process.argv.slice(2), process.env);
  const started = Date.now();
  const sandbox = await startShopifySandbox(options);
  console.log(`Shopify sandbox (SANDBOX DATA, not a real store) directory ${sandbox.url} - ready in ${Date.now() - started} ms`);
  for (const shop of sandbox.shops) {
    const totals = sandbox.expectedTotals(shop.domain);
    console.log(`  ${shop.domain}  ${shop.url}  token=${shop.accessToken}  client_id=${shop.clientId}  client_secret=${shop.clientSecret}  orders=${totals.orders} gross=${totals.gross} ${totals.currency}`);
  }
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
