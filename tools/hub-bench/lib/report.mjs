// Turns session results into Markdown: the measurement table, per-N ratios and the targets.
import fs from 'node:fs';

const f = (x, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? '-' : Number(x).toFixed(d));
const k = (x) => (x === null || x === undefined || Number.isNaN(x) ? '-' : Math.round(x).toLocaleString('en-US'));
const verdict = (ok) => (ok === null ? 'n/a' : ok ? 'PASS' : 'FAIL');

export const TARGETS = { cpuVsBaseline: 0.8, cpuVsFloor: 1.5, burstVsBaseline: 1.5, memKb: 10, heartbeatPct: 5 };

function get(results, kind, n) {
  return results.sessions.find((s) => s.kind === kind && s.n === n);
}

function ratio(a, b) {
  return a === null || a === undefined || !b ? null : a / b;
}

function rowsTable(results) {
  const out = [
    '| N | server | connect N (s) | RSS / idle sub (KB) | light p50 / p99 (ms) | burst events | deliveries/s | burst p50 / p99 (ms) | CPU µs / delivery | server CPU % | generator CPU % | other CPU % | lost | dup | note |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const s of results.sessions) {
    const b = s.burst || {};
    const l = s.light || {};
    const notes = [];
    if (b.generatorBound) notes.push('generator-bound');
    if (s.otherCpuPct > results.disturbedPct) notes.push(`disturbed (other CPU up to ${f(s.otherCpuPct, 0)}%)`);
    if (s.attempts > 1) notes.push(`best of ${s.attempts} attempts`);
    const lightShare = b.deliveriesPerS ? (results.lightRate * s.n) / b.deliveriesPerS : null;
    if (lightShare !== null && lightShare > 0.7) notes.push(`light load = ${f(lightShare * 100, 0)}% of its burst throughput`);
    if (b.complete === false) notes.push('burst incomplete');
    if (l.dropped || b.dropped) notes.push(`${b.dropped ?? l.dropped} dropped`);
    if (s.connectFailed) notes.push(`${s.connectFailed} failed to connect`);
    if (s.error && !s.connectFailed) notes.push(`error: ${s.error.slice(0, 80)}`);
    const lost = (l.lost ?? 0) + (b.lost ?? 0);
    const dups = (l.dups ?? 0) + (b.dups ?? 0);
    out.push(
      `| ${k(s.n)} | ${s.kind} | ${f(s.connectS, 2)} | ${f(s.rssPerSubKb, 2)} | ${f(l.p50, 2)} / ${f(l.p99, 2)} | ${b.events ?? '-'} | ${k(b.deliveriesPerS)} | ${f(b.p50, 0)} / ${f(b.p99, 0)} | ${f(b.cpuUsPerDelivery, 2)} | ${f(b.serverCpuPct, 0)} | ${f(b.genCpuPct, 0)} | ${f(b.otherCpuPct, 0)} | ${s.light ? lost : '-'} | ${s.light ? dups : '-'} | ${notes.join('; ')} |`,
    );
  }
  return out.join('\n');
}

function perN(results) {
  return results.sizes.map((n) => {
    const hub = get(results, 'hub', n);
    const base = get(results, 'baseline', n);
    const floor = get(results, 'floor', n);
    const cpuB = ratio(hub?.burst?.cpuUsPerDelivery, base?.burst?.cpuUsPerDelivery);
    const cpuF = ratio(hub?.burst?.cpuUsPerDelivery, floor?.burst?.cpuUsPerDelivery);
    const dps = ratio(hub?.burst?.deliveriesPerS, base?.burst?.deliveriesPerS);
    const p99 = ratio(hub?.light?.p99, base?.light?.p99);
    const rss = ratio(hub?.rssPerSubKb, base?.rssPerSubKb);
    const clean = hub?.light && hub?.burst ? hub.light.lost + hub.light.dups + hub.burst.lost + hub.burst.dups === 0 && !hub.connectFailed : null;
    return { n, hub, base, floor, cpuB, cpuF, dps, p99, rss, clean };
  });
}

function ratiosTable(rows) {
  const cell = (x, ok) => (x === null ? '-' : `${f(x, 2)} ${verdict(ok)}`);
  const out = [
    `| N | CPU/delivery hub/baseline (<= ${TARGETS.cpuVsBaseline}) | CPU/delivery hub/floor (<= ${TARGETS.cpuVsFloor}) | burst deliveries/s hub/baseline (>= ${TARGETS.burstVsBaseline} at 10k) | light p99 hub/baseline (<= 1) | RSS/sub hub/baseline | hub lost+dup = 0 |`,
    '|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of rows) {
    out.push(
      `| ${k(r.n)} | ${cell(r.cpuB, r.cpuB !== null && r.cpuB <= TARGETS.cpuVsBaseline)} | ${cell(r.cpuF, r.cpuF !== null && r.cpuF <= TARGETS.cpuVsFloor)} | ${cell(r.dps, r.dps !== null && r.dps >= TARGETS.burstVsBaseline)}${r.base?.burst?.generatorBound || r.hub?.burst?.generatorBound ? ' (gen-bound)' : ''} | ${cell(r.p99, r.p99 !== null && r.p99 <= 1)} | ${r.rss === null ? '-' : f(r.rss, 2)} | ${verdict(r.clean)} |`,
    );
  }
  return out.join('\n');
}

function targetsTable(results, rows) {
  const head = rows.find((r) => r.n === 10_000) || rows.filter((r) => r.n < results.maxN).at(-1) || rows.at(-1);
  const at = head ? `at ${k(head.n)}` : '';
  const hb = results.heartbeat;
  const maxRow = rows.find((r) => r.n === results.maxN);
  const held = maxRow?.hub ? maxRow.hub.connectFailed === 0 && !(maxRow.hub.burst?.dropped > 0) && !(maxRow.hub.light?.dropped > 0) : null;
  const allClean = rows.filter((r) => r.clean !== null);
  const anyHub = rows.some((r) => r.hub?.burst);
  const lines = [
    '| target | measured | result |',
    '|---|---|---|',
    `| CPU per delivery <= ${TARGETS.cpuVsBaseline}x raw-Node baseline | ${at}: ${f(head?.hub?.burst?.cpuUsPerDelivery, 2)} vs ${f(head?.base?.burst?.cpuUsPerDelivery, 2)} µs = ${f(head?.cpuB, 2)}x (all N: ${rows.map((r) => f(r.cpuB, 2)).join(', ')}) | ${verdict(head?.cpuB == null ? null : head.cpuB <= TARGETS.cpuVsBaseline)} |`,
    `| CPU per delivery <= ${TARGETS.cpuVsFloor}x socket-write floor | ${at}: ${f(head?.hub?.burst?.cpuUsPerDelivery, 2)} vs ${f(head?.floor?.burst?.cpuUsPerDelivery, 2)} µs = ${f(head?.cpuF, 2)}x (all N: ${rows.map((r) => f(r.cpuF, 2)).join(', ')}) | ${verdict(head?.cpuF == null ? null : head.cpuF <= TARGETS.cpuVsFloor)} |`,
    `| Burst deliveries/s >= ${TARGETS.burstVsBaseline}x raw Node | ${at}: ${k(head?.hub?.burst?.deliveriesPerS)} vs ${k(head?.base?.burst?.deliveriesPerS)} /s = ${f(head?.dps, 2)}x | ${verdict(head?.dps == null ? null : head.dps >= TARGETS.burstVsBaseline)} |`,
    `| Light-load (10 events/s) p99 <= raw Node's | ${rows.map((r) => `${k(r.n)}: ${f(r.hub?.light?.p99, 1)} vs ${f(r.base?.light?.p99, 1)} ms`).join('; ')} | ${verdict(anyHub ? rows.every((r) => r.p99 !== null && r.p99 <= 1) : null)} |`,
    `| <= ${TARGETS.memKb} KB per idle subscriber | ${at}: ${f(head?.hub?.rssPerSubKb, 2)} KB (baseline ${f(head?.base?.rssPerSubKb, 2)}, floor ${f(head?.floor?.rssPerSubKb, 2)}) | ${verdict(head?.hub?.rssPerSubKb == null ? null : head.hub.rssPerSubKb <= TARGETS.memKb)} |`,
    `| ~19.5k subscribers held (fd limit ${results.machine.fdHard}) | ${maxRow?.hub ? `${k(maxRow.n - (maxRow.hub.connectFailed ?? 0))} of ${k(maxRow.n)} connected in ${f(maxRow.hub.connectS, 1)} s, ${(maxRow.hub.burst?.dropped ?? 0)} dropped` : 'not run'} | ${verdict(held)} |`,
    `| Heartbeats < ${TARGETS.heartbeatPct}% of a core | ${hb && !hb.error ? `${k(hb.connected)} subs, every ${hb.intervalMs} ms: ${f(hb.cpuPct, 2)}% measured (${k(hb.heartbeats)} received), ${f(hb.usPerHeartbeat, 2)} µs each -> ${f(hb.cpuPctAt30s, 3)}% at the default 30 s` : hb?.error ? `error: ${hb.error}` : 'not run'} | ${verdict(hb && !hb.error ? hb.cpuPctAt30s < TARGETS.heartbeatPct : null)} |`,
    `| Zero lost or duplicated deliveries at every row | ${allClean.length ? allClean.map((r) => `${k(r.n)}: ${(r.hub.light.lost + r.hub.burst.lost)} lost / ${(r.hub.light.dups + r.hub.burst.dups)} dup`).join('; ') : 'not run'} | ${verdict(allClean.length ? allClean.every((r) => r.clean) && allClean.length === rows.length : null)} |`,
  ];
  return lines.join('\n');
}

export function renderMarkdown(results) {
  const m = results.machine;
  const rows = perN(results);
  const hubRan = results.sessions.some((s) => s.kind === 'hub');
  return `## SSE hub

Fan-out benchmark of \`apps/sse-hub\` against a minimal raw-Node SSE server (the baseline) and a bare
\`net.Socket.write\` loop (the floor), all measured in the same run by \`tools/hub-bench\`
(\`npm run bench:hub\`; quick mode \`npm run bench:hub -- --quick\`; options in \`tools/hub-bench/README.md\`).

**Machine:** ${m.nproc} cores, ${m.model}, ${m.memGiB} GiB RAM, Linux ${m.kernel}, Node ${m.node}, fd hard limit ${m.fdHard}.
**Date:** ${m.date}.${results.hubBuiltAt ? ` **Hub build:** \`dist/apps/sse-hub/main.js\` of ${results.hubBuiltAt}.` : ''} **Run:** sizes ${results.sizes.join(', ')}; servers ${results.servers.join(', ')}; ${results.quick ? 'quick mode; ' : ''}took ${f(results.durationS / 60, 1)} min.
${hubRan ? '' : '\n**The hub was not part of this run** (see the notes below); only the baseline and floor rows exist.\n'}
### Method

- Server under test pinned to core ${results.serverCore} (\`taskset\`), the orchestrator, publisher and all load generators on core ${results.genCore}; each server is a fresh process per (server, N). fd soft limits raised to the hard limit.
- Subscribers: raw \`net\` sockets in ${results.perProcess}-connection generator processes, one \`GET /sse/inventory\` each; the HTTP head, chunked encoding and SSE frames are parsed (comments counted as heartbeats). Every delivery is keyed by the sequence number in the payload, so each subscriber checks it got every published event exactly once; SSE \`id:\` lines are required.
- Events: \`inventory:update\` envelopes built by \`createEnvelope\` from \`@ops/sse-events\` (channel \`inventory\`, ~320 bytes of JSON), the publish time (epoch ms with µs) carried in the sku \`bench-<seq>-<time>\`. Latency = receive time (when the generator read the bytes) minus that publish time, across processes on one clock.
- Connect N: wall time from the first connect to the last \`200\` response head (at most ${64} connects in flight per generator process). RSS per idle subscriber: server VmRSS after ${results.settleMs / 1000} s idle with N subscribers minus VmRSS before connecting (1 s after it answered its health check), over N. No GC is forced (the servers are not started with special flags), so garbage left by connection setup that V8 has not collected yet counts too, for every server alike.
- Light load: ${results.lightRate} single-event \`POST /events\` per second for ${results.lightSeconds} s, i.e. ${results.lightRate}·N deliveries/s: at large N that is no longer light (the note column says when it exceeds 70% of the server's own burst throughput), and latency there includes queueing. Bursts: ${results.batch === 1 ? 'single-event POSTs' : `POSTs of ${results.batch}-event arrays`} fired back to back, ${results.burstConcurrency} in flight on keep-alive connections, ${results.minBurstEvents} events at least and about ${k(results.burstDeliveries)} deliveries per N; deliveries/s = deliveries / (last delivery - first POST). ${results.batch === 1 ? 'Single events on purpose: Node\'s \`http\` corks a response\'s socket until the next tick, so a raw-Node server that fans out a whole array inside one request handler already coalesces that array into one write per subscriber; separate POSTs are what make raw Node pay one write per frame, the case the coalescing target is about.' : ''}
- CPU per delivery: server utime+stime from \`/proc/<pid>/stat\` across the burst phase (ingest included) / deliveries. A row is **generator-bound** when the generators used >= ${results.genBoundPct}% of their core while the server used less: then deliveries/s and burst latency measure the generators, not the server, but CPU per delivery still holds.
- Heartbeats: a separate hub with \`HUB_HEARTBEAT_MS=${results.heartbeatIntervalMs}\` and N idle subscribers; server CPU over ${results.heartbeatWindowMs / 1000} s / heartbeats received = cost per heartbeat (idle overhead included), scaled to the default 30 s interval.
- Other CPU %: machine-wide busy CPU during the burst (from \`/proc/stat\`, 100% = one core) minus the server, the generators and the orchestrator: other processes on the box and kernel work not charged to them (loopback softirqs). Before each (server, N) the run waits (up to 45 s) for the machine to be quiet; a (server, N) during whose light or burst phase other CPU passed ${results.disturbedPct}% of a core is measured again (\`--retries\`, default 2) and the least disturbed attempt is kept; rows still above it are marked disturbed. The column shows the burst phase.
- Noise: these VMs vary about ±30% run to run; compare ratios within one run, not absolute numbers across runs.

### Results

${rowsTable(results)}

### Hub vs baseline and floor, per N

${hubRan ? ratiosTable(rows) : '_No hub rows in this run._'}

### Targets (issue #3)

${targetsTable(results, rows)}
${results.notes.length ? `\n### Notes\n\n${results.notes.map((n) => `- ${n}`).join('\n')}\n` : ''}`;
}

/** Replaces the "## SSE hub" section of the file (up to the next "## " heading), or appends it. */
export function upsertSection(file, markdown) {
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const start = text.search(/^## SSE hub\s*$/m);
  if (start < 0) {
    text = text.replace(/\s*$/, '\n\n') + markdown.trimEnd() + '\n';
  } else {
    const rest = text.slice(start + 1);
    const next = rest.search(/^## (?!#)/m);
    const end = next < 0 ? text.length : start + 1 + next;
    text = text.slice(0, start) + markdown.trimEnd() + '\n' + (end < text.length ? '\n' + text.slice(end) : '');
  }
  fs.writeFileSync(file, text);
}
