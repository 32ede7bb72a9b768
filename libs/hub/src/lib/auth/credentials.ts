import type { IncomingHttpHeaders } from 'node:http';

/** Name of the HttpOnly cookie that may carry a subscriber token. */
export const TOKEN_COOKIE = 'hub_token';

/** The token of an `Authorization: Bearer <token>` header, or undefined for any other shape. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(header);
  return match?.[1];
}

/** The value of one cookie from the `Cookie` header (first occurrence wins), URI-decoded. */
export function cookieValue(
  headers: IncomingHttpHeaders,
  name: string,
): string | undefined {
  const header = headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
