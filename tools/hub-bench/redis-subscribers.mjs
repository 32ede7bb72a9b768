// Load generator for the Redis benchmark (a child process): opens N SSE streams spread over the
// given hub ports and records, per delivered bench event, the latency from its publish stamp
// (`bench-<seq>-<epoch ms.µs>` in the sku) to its arrival here. Talks to the orchestrator by IPC:
//   in:  {cmd:'open', ports, count}  {cmd:'reset'}  {cmd:'report'}  {cmd:'exit'}
//   out: {type:'opened', ok, failed}  {type:'report', deliveries, perSeq, hist}
import http from 'node:http';
import { performance } from 'node:perf_hooks';

import { newHistogram, record, toSparse } from './lib/histogram.mjs';

const STAMP = /"sku":"bench-(\d+)-(\d+\.\d+)"/g;
let hist = newHistogram();
let deliveries = 0;
const perSeq = new Map();
const requests = [];

function open(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/sse/inventory', agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        resolve(false);
        return;
      }
      let rest = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        const now = performance.timeOrigin + performance.now();
        const text = rest + chunk;
        const cut = text.lastIndexOf('\n\n');
        if (cut < 0) {
          rest = text;
          return;
        }
        rest = text.slice(cut + 2);
        for (const m of text.slice(0, cut).matchAll(STAMP)) {
          deliveries++;
          record(hist, now - Number(m[2]));
          const seq = Number(m[1]);
          perSeq.set(seq, (perSeq.get(seq) ?? 0) + 1);
        }
      });
      res.on('error', () => undefined);
      // The stream head and `connected` arrive first.
      setTimeout(() => resolve(true), 50);
    });
    req.on('error', () => resolve(false));
    requests.push(req);
  });
}

process.on('message', async (msg) => {
  if (msg.cmd === 'open') {
    let ok = 0;
    let failed = 0;
    const batch = 200;
    for (let i = 0; i < msg.count; i += batch) {
      const results = await Promise.all(
        Array.from({ length: Math.min(batch, msg.count - i) }, (_, j) => open(msg.ports[(msg.offset + i + j) % msg.ports.length])),
      );
      for (const r of results) r ? ok++ : failed++;
    }
    process.send({ type: 'opened', ok, failed });
  } else if (msg.cmd === 'reset') {
    hist = newHistogram();
    deliveries = 0;
    perSeq.clear();
    process.send({ type: 'reset' });
  } else if (msg.cmd === 'report') {
    process.send({ type: 'report', deliveries, perSeq: [...perSeq], hist: toSparse(hist) });
  } else if (msg.cmd === 'exit') {
    for (const req of requests) req.destroy();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
