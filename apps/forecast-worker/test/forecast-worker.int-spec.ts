import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EventSource } from 'eventsource';

const DIST = join(__dirname, '../../../dist/apps');

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | string | null>;
}

/** Starts a built app and waits for the `url` of its listening log line. */
async function start(main: string, env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, [join(DIST, main)], { env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const url = /"url":"(http:\/\/[^"]+)"/.exec(output)?.[1];
    if (url) return { child, url, output: () => output, exited };
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${main} did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

type Received = { type: string; jobId?: string; payload: Record<string, unknown> };

/**
 * `apps/forecast-worker` alone, as a distributed deployment runs it: its jobs API takes a request,
 * the job runs over its own store, and its events reach a dashboard subscriber of a separate hub
 * process through the outbox relay (`HUB_URL`).
 */
describe('forecast-worker process', () => {
  const started: Running[] = [];
  let dataRoot: string;

  beforeAll(() => {
    dataRoot = mkdtempSync(join(tmpdir(), 'forecast-worker-'));
  });
  afterAll(() => {
    for (const running of started) if (running.child.exitCode === null) running.child.kill('SIGKILL');
    rmSync(dataRoot, { recursive: true, force: true });
  });

  it('runs a job requested through its API and publishes its progress and completion to the hub', async () => {
    const hub = await start('sse-hub/main.js', { HUB_PORT: '0', HUB_AUTH: 'off' });
    started.push(hub);
    const received: Received[] = [];
    const subscriber = new EventSource(`${hub.url}/sse/forecast`);
    const connected = new Promise<void>((resolve) => subscriber.addEventListener('connected', () => resolve()));
    for (const type of ['forecast:progress', 'forecast:complete', 'forecast:error']) {
      subscriber.addEventListener(type, (event) => received.push(JSON.parse(event.data) as Received));
    }
    await connected;

    const worker = await start('forecast-worker/main.js', {
      FORECAST_PORT: '0',
      DATA_DIR: join(dataRoot, 'pglite'),
      HUB_URL: hub.url,
      HUB_PUBLISHER_TOKEN: 'forecast-worker-test-token',
    });
    started.push(worker);
    try {
      const created = await fetch(`${worker.url}/api/forecast-jobs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ horizonDays: 7 }),
      });
      expect(created.status).toBeLessThan(300);
      const { jobId } = (await created.json()) as { jobId: string };

      const deadline = Date.now() + 30_000;
      let job: { status: string; progress: number } = { status: 'queued', progress: 0 };
      while (!['succeeded', 'failed', 'cancelled'].includes(job.status) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        job = (await (await fetch(`${worker.url}/api/forecast-jobs/${jobId}`)).json()) as typeof job;
      }
      expect(job).toMatchObject({ status: 'succeeded', progress: 1 });

      while (!received.some((e) => e.type === 'forecast:complete') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      const ofJob = received.filter((e) => e.jobId === jobId);
      expect(ofJob.map((e) => e.type).at(-1)).toBe('forecast:complete');
      // An empty store: the job says so instead of inventing forecasts.
      expect(ofJob.at(-1)?.payload).toMatchObject({ jobId, skus: { total: 0, forecast: 0 } });
      const progress = ofJob.filter((e) => e.type === 'forecast:progress').map((e) => e.payload['progress'] as number);
      expect(progress.length).toBeGreaterThan(0);
      expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    } finally {
      subscriber.close();
    }

    worker.child.kill('SIGTERM');
    expect([0, 'SIGTERM']).toContain(await worker.exited);
  });
});
