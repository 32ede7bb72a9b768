/**
 * HTTP headers whose values are credentials, lower case: the one list the contract's error
 * redaction and the logger's redaction both read.
 */
export const CREDENTIAL_HEADERS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-shopify-access-token',
  'x-amz-access-token',
  'x-amz-security-token',
  'api-auth-id',
  'api-auth-signature',
  'x-api-key',
] as const;
