import https from 'node:https';
import net from 'node:net';

/**
 * An `https.Agent` whose connections are plain TCP to one local server: the seam that points the
 * `amazon-sp-api` client (which hard-codes the Amazon hosts and port 443) at the API sandbox.
 * The request keeps its `Host` header (`api.amazon.com`, `sellingpartnerapi-eu.amazon.com`), so
 * the sandbox routes by it as Amazon's hosts would.
 */
export class LocalEndpointAgent extends https.Agent {
  constructor(private readonly target: { host: string; port: number }) {
    // No keep-alive: a socket the server closed while idle would fail the next request.
    super({ keepAlive: false });
  }

  override createConnection(_options: unknown, callback?: (error: Error | null, socket: net.Socket) => void): net.Socket {
    const socket = net.connect(this.target.port, this.target.host);
    if (callback) {
      socket.once('connect', () => callback(null, socket));
      socket.once('error', (error) => callback(error, socket));
    }
    return socket;
  }
}

/** The agent for `endpoint` (`http://127.0.0.1:8790`). */
export function localEndpointAgent(endpoint: string): LocalEndpointAgent {
  const url = new URL(endpoint);
  return new LocalEndpointAgent({ host: url.hostname, port: Number(url.port || 80) });
}
