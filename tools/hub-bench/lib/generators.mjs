// A pool of subscriber processes (each holding up to `perProcess` connections) driven over IPC.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { forkGenerator, stopChild } from './proc.mjs';
import { mergeSparse, newHistogram } from './histogram.mjs';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'subscriber.mjs');

function nextMessage(child, type, timeoutMs) {
  return new Promise((resolve, reject) => {
    const onMsg = (m) => {
      if (m.type === 'log') {
        console.error(`  [generator ${child.pid}] ${m.message}`);
        return;
      }
      if (m.type !== type) return;
      cleanup();
      resolve(m);
    };
    const onExit = (code) => {
      cleanup();
      reject(new Error(`generator ${child.pid} exited (${code}) while waiting for ${type}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`generator ${child.pid}: no ${type} within ${timeoutMs} ms`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMsg);
      child.off('exit', onExit);
    };
    child.on('message', onMsg);
    child.on('exit', onExit);
  });
}

export class GeneratorPool {
  constructor(total, perProcess) {
    const n = Math.max(1, Math.ceil(total / perProcess));
    this.children = Array.from({ length: n }, () => forkGenerator(SCRIPT));
    this.shares = this.children.map((_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0));
  }

  ask(cmd, reply, timeoutMs = 30_000) {
    return Promise.all(
      this.children.map((c, i) => {
        const p = nextMessage(c, reply, timeoutMs);
        c.send(typeof cmd === 'function' ? cmd(i) : cmd);
        return p;
      }),
    );
  }

  /** Opens every connection; resolves with the wall time and failure count. */
  async connect(host, port, urlPath, timeoutMs) {
    const t0 = performance.now();
    const res = await this.ask((i) => ({ cmd: 'connect', host, port, path: urlPath, count: this.shares[i] }), 'connected', timeoutMs);
    return {
      seconds: (performance.now() - t0) / 1000,
      failed: res.reduce((s, r) => s + r.failed, 0),
      connectErrors: res.reduce((s, r) => s + r.connectErrors, 0),
      badStatus: res.reduce((s, r) => s + r.badStatus, 0),
    };
  }

  startPhase(name, first, max) {
    return this.ask({ cmd: 'phase', name, first, max }, 'phase-started');
  }

  async progress() {
    const res = await this.ask({ cmd: 'progress' }, 'progress');
    return {
      deliveries: res.reduce((s, r) => s + r.deliveries, 0),
      dups: res.reduce((s, r) => s + r.dups, 0),
      dropped: res.reduce((s, r) => s + r.dropped, 0),
    };
  }

  /** Merged phase report; `count` is how many events the phase actually published. */
  async report(count) {
    const res = await this.ask({ cmd: 'report', count }, 'report', 60_000);
    const hist = newHistogram();
    for (const r of res) mergeSparse(hist, r.hist);
    const sum = (k) => res.reduce((s, r) => s + r[k], 0);
    return {
      deliveries: sum('deliveries'),
      dups: sum('dups'),
      lost: sum('lost'),
      strays: sum('strays'),
      noId: sum('noId'),
      heartbeats: sum('heartbeats'),
      dropped: sum('dropped'),
      openAtEnd: sum('openAtEnd'),
      connectedEvents: sum('connectedEvents'),
      cpuMs: sum('cpuMs'),
      firstRecv: Math.min(...res.map((r) => r.firstRecv || Infinity)),
      lastRecv: Math.max(...res.map((r) => r.lastRecv)),
      hist,
    };
  }

  async close() {
    await Promise.all(
      this.children.map(async (c) => {
        try {
          const done = nextMessage(c, 'closed', 10_000);
          c.send({ cmd: 'close' });
          await done;
        } catch {
          /* fall through to kill */
        }
        await stopChild(c, 1000);
      }),
    );
  }
}
