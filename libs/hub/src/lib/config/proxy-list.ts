import { isIP } from 'node:net';

/**
 * Parses `HUB_TRUST_PROXY`: a comma list of IP addresses and CIDR ranges (`10.0.0.0/8`,
 * `127.0.0.1`, `fd00::/8`). Returns the entries, or a message naming the first bad one.
 */
export function parseProxyList(raw: string): string[] | string {
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const maxPrefix = family === 6 ? 128 : 32;
    const prefixOk =
      prefix === undefined ||
      (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (family === 0 || !prefixOk || extra !== undefined) {
      return `${JSON.stringify(entry)} is not an IP address or CIDR range (comma-separated list expected)`;
    }
  }
  return entries;
}
