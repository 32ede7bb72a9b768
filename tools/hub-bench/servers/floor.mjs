// The floor: a bare net server. Subscribers get a minimal response head once; each published
// event becomes one Buffer written with socket.write to every socket. A separate tiny HTTP
// listener accepts POST /events so the floor is driven exactly like the others.
import http from 'node:http';
import net from 'node:net';

const port = Number(process.env.PORT);
const publishPort = Number(process.env.PUBLISH_PORT);
const HEAD = Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n\r\nretry: 3000\n\n');
const sockets = new Set();

const subServer = net.createServer((sock) => {
  let seen = '';
  const onData = (chunk) => {
    seen += chunk.toString('latin1');
    if (!seen.includes('\r\n\r\n')) return;
    sock.off('data', onData);
    sock.write(HEAD);
    sockets.add(sock);
  };
  sock.on('data', onData);
  sock.on('error', () => {});
  sock.on('close', () => sockets.delete(sock));
});
subServer.maxConnections = Infinity;
subServer.listen(port, '127.0.0.1', 1024);

const pubServer = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/events') {
    res.writeHead(req.url === '/health' ? 200 : 404).end();
    return;
  }
  const parts = [];
  req.on('data', (c) => parts.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(parts).toString('utf8'));
    const envelopes = Array.isArray(body) ? body : [body];
    for (const env of envelopes) {
      const frame = Buffer.from(`id: ${env.id}\nevent: ${env.type}\ndata: ${JSON.stringify(env)}\n\n`);
      for (const sock of sockets) sock.write(frame);
    }
    res.writeHead(202).end();
  });
});
pubServer.listen(publishPort, '127.0.0.1');
process.on('disconnect', () => process.exit(0));
