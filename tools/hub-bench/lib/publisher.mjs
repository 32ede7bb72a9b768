// POST /events over one keep-alive connection, to 127.0.0.1 only.
import http from 'node:http';

export function createPublisher(port, token, concurrency = 1) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const headers = { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) };
  return {
    post(body) {
      const payload = JSON.stringify(body);
      return new Promise((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port, path: '/events', method: 'POST', agent, headers: { ...headers, 'Content-Length': Buffer.byteLength(payload) }, timeout: 60_000 },
          (res) => {
            const parts = [];
            res.on('data', (c) => parts.push(c));
            res.on('end', () => {
              if (res.statusCode >= 200 && res.statusCode < 300) resolve(res.statusCode);
              else reject(new Error(`POST /events -> ${res.statusCode}: ${Buffer.concat(parts).toString().slice(0, 300)}`));
            });
          },
        );
        req.on('timeout', () => req.destroy(new Error('POST /events timed out')));
        req.on('error', reject);
        req.end(payload);
      });
    },
    close() {
      agent.destroy();
    },
  };
}

/** Resolves once GET <path> answers 2xx, or rejects after `timeoutMs`. */
export async function waitHealthy(port, path, timeoutMs, isAlive) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (isAlive && !isAlive()) throw new Error('server exited before becoming healthy');
    const ok = await new Promise((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path, timeout: 1000, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode >= 200 && res.statusCode < 300);
      });
      req.on('error', () => resolve(false));
      req.on('timeout', () => {
        req.destroy();
        resolve(false);
      });
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`GET ${path} on port ${port} not healthy after ${timeoutMs} ms`);
}
