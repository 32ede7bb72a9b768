import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackRedirect {
  /** The redirect URI with the port actually listened on (the configured one, or a free one for port 0). */
  redirectUri: string;
  /** The query of the first request to the redirect path. */
  query: Promise<URLSearchParams>;
  close(): Promise<void>;
}

/**
 * Listens on the loopback address of `redirectUri` for the browser's redirect back from consent.
 * Answers the browser with a short page; the query (code, state or error) resolves `query`.
 */
export async function listenForRedirect(redirectUri: string, signal: AbortSignal, timeoutMs = 5 * 60_000): Promise<LoopbackRedirect> {
  const configured = new URL(redirectUri);
  let resolveQuery!: (query: URLSearchParams) => void;
  let rejectQuery!: (error: Error) => void;
  const query = new Promise<URLSearchParams>((resolve, reject) => ((resolveQuery = resolve), (rejectQuery = reject)));
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', configured);
    if (url.pathname !== configured.pathname) {
      res.writeHead(404).end();
      return;
    }
    const failed = url.searchParams.has('error');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>Ops dashboard</title><p>${failed ? 'Xero did not connect. Return to the terminal.' : 'Xero is connected. You can close this tab.'}</p>`);
    resolveQuery(url.searchParams);
  });
  const host = configured.hostname === 'localhost' ? '127.0.0.1' : configured.hostname;
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(configured.port || 80), host, () => resolve((server.address() as AddressInfo).port));
  });
  const timer = setTimeout(() => rejectQuery(new Error(`no redirect from Xero within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
  const onAbort = () => rejectQuery(new Error('cancelled'));
  signal.addEventListener('abort', onAbort, { once: true });
  configured.port = String(port);
  return {
    redirectUri: configured.toString(),
    query,
    close: () =>
      new Promise<void>((resolve) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
