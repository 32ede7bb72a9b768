import { connect, type Socket } from 'node:net';

/** Opens a raw stream from `localAddress`; resolves with the status line's code and the socket. */
export function rawStream(
  url: string,
  path: string,
  localAddress = '127.0.0.1',
): Promise<{ status: number; socket: Socket }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(
      { host: '127.0.0.1', port: Number(port), localAddress },
      () => {
        socket.write(`GET ${path} HTTP/1.1\r\nHost: hub\r\n\r\n`);
      },
    );
    socket.once('data', (chunk: Buffer) =>
      resolve({
        status: Number(chunk.toString('latin1').slice(9, 12)),
        socket,
      }),
    );
    socket.once('error', reject);
  });
}
