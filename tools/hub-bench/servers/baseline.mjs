// The baseline: the common minimal raw-Node SSE server. A Map of channel -> Set of responses,
// one res.write per subscriber per event, JSON.stringify once per event. No auth, no history,
// no validation, no backpressure handling.
import http from 'node:http';

const port = Number(process.env.PORT);
const channels = new Map();

function subscribe(req, res, channel) {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 3000\n\n');
  res.write(`event: connected\ndata: {"channel":${JSON.stringify(channel)}}\n\n`);
  let set = channels.get(channel);
  if (!set) channels.set(channel, (set = new Set()));
  set.add(res);
  req.on('close', () => set.delete(res));
}

function publish(req, res) {
  const parts = [];
  req.on('data', (c) => parts.push(c));
  req.on('end', () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(parts).toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    const envelopes = Array.isArray(body) ? body : [body];
    for (const env of envelopes) {
      const frame = `id: ${env.id}\nevent: ${env.type}\ndata: ${JSON.stringify(env)}\n\n`;
      for (const channel of env.channels) {
        const set = channels.get(channel);
        if (set) for (const sub of set) sub.write(frame);
      }
    }
    res.writeHead(202, { 'Content-Type': 'application/json' }).end(`{"accepted":${envelopes.length}}`);
  });
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url.startsWith('/sse/')) subscribe(req, res, req.url.slice(5).split('?')[0]);
  else if (req.method === 'POST' && req.url === '/events') publish(req, res);
  else if (req.url === '/health') res.end('ok');
  else res.writeHead(404).end();
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 0;
server.requestTimeout = 0;
server.maxConnections = Infinity;
server.listen(port, '127.0.0.1', 1024);
process.on('disconnect', () => process.exit(0));
