import { CREDENTIAL_HEADERS } from '@ops/config';

export const REDACTED = '[REDACTED]';

/** Header, JSON and form field names whose values are credentials. */
const SECRET_NAMES = [
  ...CREDENTIAL_HEADERS,
  'api[_-]?key',
  'access[_-]?token',
  'refresh[_-]?token',
  'id[_-]?token',
  'client[_-]?secret',
  'password',
  'secret',
  'token',
  'signature',
  'code',
];
const names = SECRET_NAMES.join('|');

const PATTERNS: [RegExp, string][] = [
  // scheme://user:password@host
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+(?::[^/\s@]*)?@/gi, `$1${REDACTED}@`],
  // ?access_token=...&x-amz-signature=... in URLs, query strings and form bodies
  [new RegExp(`([?&;](?:${names}|x-amz-[a-z-]+)=)[^&#\\s"']*`, 'gi'), `$1${REDACTED}`],
  // "access_token":"..." / authorization: Bearer ... / X-Shopify-Access-Token=...
  [
    new RegExp(`((?:^|[\\s{,;"'(])["']?(?:${names})["']?\\s*[:=]\\s*["']?)(?:(?:Bearer|Basic|Token)\\s+)?[^\\s"',;&})]+`, 'gim'),
    `$1${REDACTED}`,
  ],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${REDACTED}`],
  [/\bshp(?:at|ca|pa|ss)_[A-Za-z0-9]+/g, REDACTED],
  [/\bAtz[ar]\|[^\s"',;&]+/g, REDACTED],
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED],
];

/**
 * Removes credentials from free text: URL user info, secret query and form parameters, secret
 * header or JSON fields, bearer/basic credentials, and Shopify, Amazon LWA and JWT token shapes.
 * Text with nothing secret comes back unchanged.
 */
export function redactSecrets(text: string): string {
  return PATTERNS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}
