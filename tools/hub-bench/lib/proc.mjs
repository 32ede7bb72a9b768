// Process plumbing: pinned spawning, a registry that kills every child on exit, /proc readers.
import { execFileSync, fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

const children = new Set();

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

export function hasCommand(cmd) {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function hardFdLimit() {
  return Number(execFileSync('sh', ['-c', 'ulimit -Hn']).toString().trim()) || 1024;
}

function track(child) {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** Spawns `node <script>` pinned to `core` (when taskset exists) with the fd soft limit raised. */
export function spawnServer(core, script, args, env, { ipc = false, logFile } = {}) {
  const pin = hasCommand('taskset') ? `exec taskset -c ${core} ` : 'exec ';
  const quoted = [process.execPath, script, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const child = spawn('bash', ['-c', `ulimit -n $(ulimit -Hn); ${pin}${quoted}`], {
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out, ...(ipc ? ['ipc'] : [])],
  });
  return track(child);
}

/** Forks a load-generator script; it inherits this process's core pinning and fd limit. */
export function forkGenerator(script) {
  return track(fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
}

export async function stopChild(child, graceMs = 3000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(t);
}

export function killAllChildren() {
  for (const c of children) {
    try {
      c.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

/** utime + stime of a process in seconds. */
export function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is state (field 3); utime is field 14, stime field 15
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

export function rssKb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export function machineInfo() {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = (/model name\s*:\s*(.*)/.exec(cpuinfo) || [])[1] || 'unknown';
  const mem = (/MemTotal:\s+(\d+) kB/.exec(fs.readFileSync('/proc/meminfo', 'utf8')) || [])[1];
  let nproc = '?';
  try {
    nproc = execFileSync('nproc', ['--all']).toString().trim(); // plain nproc reports the pinned set
  } catch {
    /* keep '?' */
  }
  return {
    nproc,
    model,
    memGiB: mem ? (Number(mem) / 1024 / 1024).toFixed(1) : '?',
    node: process.version,
    kernel: fs.readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim(),
    fdHard: hardFdLimit(),
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  };
}

/** Busy CPU seconds of the whole machine (all cores), from /proc/stat. */
export function machineBusySeconds() {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  return (total - f[3] - f[4]) / CLK_TCK;
}
