import { spawnSync } from 'node:child_process';

export const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** `undefined` when Redis at `REDIS_URL` answers PING, else why not (checked once, synchronously, in a child process). */
function redisProblem(): string | undefined {
  const script = `
    const { hostname, port } = new URL(process.argv[1]);
    const socket = require('node:net').connect({ host: hostname, port: Number(port || 6379) });
    const fail = (why) => { console.error(why); process.exit(1); };
    socket.setTimeout(2000, () => fail('no answer within 2000 ms'));
    socket.once('error', (error) => fail(error.message));
    socket.once('connect', () => socket.write('PING\\r\\n'));
    socket.once('data', (data) => String(data).startsWith('+PONG') ? process.exit(0) : fail('unexpected answer ' + JSON.stringify(String(data).slice(0, 40))));`;
  const probe = spawnSync(process.execPath, ['-e', script, REDIS_URL], { encoding: 'utf8', timeout: 10_000 });
  return probe.status === 0 ? undefined : probe.stderr.trim() || `exit ${probe.status}`;
}

/**
 * `describe` for specs that need Redis. When Redis is not reachable: with `CI=true` the block fails
 * (one failing test naming the reason); otherwise it is skipped with a console message.
 */
export function describeWithRedis(name: string, body: () => void): void {
  const problem = redisProblem();
  if (problem === undefined) {
    describe(name, body);
    return;
  }
  const where = new URL(REDIS_URL).host;
  if (process.env['CI'] === 'true') {
    describe(name, () => {
      it('needs Redis', () => {
        throw new Error(`Redis unreachable at ${where} (CI=true): ${problem}`);
      });
    });
    return;
  }
  console.warn(`Skipping "${name}": Redis unreachable at ${where} (${problem}). Set REDIS_URL or start a local server.`);
  describe.skip(name, body);
}
