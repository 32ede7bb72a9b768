import '@shopify/shopify-api/adapters/node';
import { setAbstractFetchFunc } from '@shopify/shopify-api/runtime';

const plainHosts = new Set<string>();
let installed = false;

/**
 * Lets the SDK reach a local emulator (`127.0.0.1:PORT`) over plain HTTP. The SDK's GraphQL
 * client always builds `https://` URLs; this rewrites only the hosts registered here, so every
 * real shop still goes over HTTPS. The SDK's fetch hook is process-wide, hence the registry.
 */
export function allowPlainHttp(host: string): void {
  plainHosts.add(host);
  if (installed) return;
  installed = true;
  setAbstractFetchFunc((input, init) => {
    const url = String(input);
    const host = url.startsWith('https://') ? url.slice(8).split('/')[0] : '';
    return fetch(plainHosts.has(host) ? `http://${url.slice(8)}` : url, init);
  });
}
