import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GateProxy {
  /** The proxy's base URL: use it in place of the target's. */
  url: string;
  /** Lets held and future requests through to the target. */
  open: () => void;
  close: () => Promise<void>;
}

/**
 * A loopback proxy in front of a sandbox system that holds every request until `open()`. A test
 * starts the product behind closed gates, connects its subscriber, then opens them: the start-up
 * syncs cannot finish (and publish) before anyone is listening, however slow the machine.
 */
export async function startGateProxy(target: string): Promise<GateProxy> {
  const upstream = new URL(target);
  let opened: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (opened = resolve));
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const out = request(
      { hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  };
  const server = createServer((req, res) => {
    req.pause();
    void gate.then(() => forward(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    open: () => opened(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
