// Load-generator process: holds up to a few thousand SSE connections to one server and counts
// what arrives. Driven by the orchestrator over IPC; exits when the orchestrator goes away.
import net from 'node:net';
import { performance } from 'node:perf_hooks';

import { SseStream } from './lib/sse-stream.mjs';
import { newHistogram, record, toSparse } from './lib/histogram.mjs';

const MARKER = 'bench-';
const MAX_IN_FLIGHT_CONNECTS = 64;
const conns = [];
let phase = null;
let heartbeats = 0;
let dropped = 0;
let connectErrors = 0;
let badStatus = 0;
let noId = 0;
let strays = 0;

const now = () => performance.timeOrigin + performance.now();

function onDeliveryFrame(conn, id, event, data, at) {
  if (event === 'connected') {
    conn.connectedEvent = true;
    return;
  }
  if (event === 'heartbeat' || event === 'ping') {
    heartbeats++;
    return;
  }
  const i = data.indexOf(MARKER);
  if (i < 0) return; // not a bench event (another publisher's traffic); ignored
  const dash = data.indexOf('-', i + MARKER.length);
  const quote = data.indexOf('"', dash);
  const seq = Number(data.slice(i + MARKER.length, dash));
  const sentAt = Number(data.slice(dash + 1, quote));
  if (!id) noId++;
  const p = phase;
  if (!p || seq < p.first || seq >= p.first + p.max) {
    strays++;
    return;
  }
  const bits = conn.bits;
  const bit = seq - p.first;
  if (bits[bit]) {
    p.dups++;
    return;
  }
  bits[bit] = 1;
  conn.uniq++;
  p.deliveries++;
  record(p.hist, at - sentAt);
  if (p.firstRecv === 0) p.firstRecv = at;
  p.lastRecv = at;
}

function openOne(host, port, path, done) {
  const conn = { sock: null, open: false, closed: false, bits: null, uniq: 0, connectedEvent: false, at: 0 };
  const sock = net.connect({ host, port });
  conn.sock = sock;
  sock.setNoDelay(true);
  const stream = new SseStream(
    (status) => {
      if (status !== 200) {
        badStatus++;
        sock.destroy();
        return;
      }
      conn.open = true;
      done(conn, true);
    },
    (id, event, data) => onDeliveryFrame(conn, id, event, data, conn.at),
    () => heartbeats++,
  );
  sock.on('connect', () => {
    sock.write(`GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n`);
  });
  sock.on('data', (buf) => {
    conn.at = now();
    try {
      stream.push(buf);
    } catch (err) {
      process.send({ type: 'log', message: `parse error: ${err.message}` });
      sock.destroy();
    }
  });
  sock.on('error', () => {
    if (!conn.open) connectErrors++;
  });
  sock.on('close', () => {
    if (conn.open && !conn.closed) dropped++;
    conn.closed = true;
    if (!conn.open) done(conn, false);
  });
  return conn;
}

function connect({ host, port, path, count }) {
  const started = now();
  let launched = 0;
  let settled = 0;
  let ok = 0;
  const launch = () => {
    while (launched < count && launched - settled < MAX_IN_FLIGHT_CONNECTS) {
      launched++;
      let once = false;
      conns.push(
        openOne(host, port, path, (conn, success) => {
          if (once) return;
          once = true;
          settled++;
          if (success) ok++;
          if (settled === count) {
            process.send({ type: 'connected', ok, failed: count - ok, ms: now() - started, connectErrors, badStatus });
          } else launch();
        }),
      );
    }
  };
  launch();
}

function startPhase({ name, first, max }) {
  phase = { name, first, max, hist: newHistogram(), deliveries: 0, dups: 0, firstRecv: 0, lastRecv: 0, cpu: process.cpuUsage() };
  for (const c of conns) {
    c.bits = new Uint8Array(max);
    c.uniq = 0;
  }
  heartbeats = 0;
  strays = 0;
  noId = 0;
}

function phaseReport({ count }) {
  const p = phase;
  let lost = 0;
  let openAtEnd = 0;
  let connectedEvents = 0;
  for (const c of conns) {
    if (!c.open) continue;
    lost += count - c.uniq; // a dropped connection's missing events count as lost
    if (!c.closed) openAtEnd++;
    if (c.connectedEvent) connectedEvents++;
  }
  const cpu = process.cpuUsage(p.cpu);
  return {
    type: 'report',
    name: p.name,
    deliveries: p.deliveries,
    dups: p.dups,
    lost,
    strays,
    noId,
    heartbeats,
    dropped,
    openAtEnd,
    connectedEvents,
    firstRecv: p.firstRecv,
    lastRecv: p.lastRecv,
    cpuMs: (cpu.user + cpu.system) / 1000,
    hist: toSparse(p.hist),
  };
}

process.on('message', (msg) => {
  switch (msg.cmd) {
    case 'connect':
      connect(msg);
      break;
    case 'phase':
      startPhase(msg);
      process.send({ type: 'phase-started' });
      break;
    case 'progress':
      process.send({ type: 'progress', deliveries: phase ? phase.deliveries : 0, dups: phase ? phase.dups : 0, dropped, heartbeats });
      break;
    case 'report':
      process.send(phaseReport(msg));
      break;
    case 'close':
      for (const c of conns) c.sock.destroy();
      process.send({ type: 'closed' }, () => process.exit(0));
      break;
  }
});
process.on('disconnect', () => process.exit(0));
