import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { killLeftovers, spawnProduct } from './support/spawn-product';

describe('the all-in-one process serving the dashboard page', () => {
  let root: string;

  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'dashboard-serving-'))));
  afterEach(() => {
    killLeftovers();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the page at / (never cached), its assets for a year, and its own routes as before', async () => {
    const page = join(root, 'page');
    mkdirSync(join(page, 'assets'), { recursive: true });
    writeFileSync(join(page, 'index.html'), '<!doctype html><title>page under test</title>');
    writeFileSync(join(page, 'assets/index-abc123.js'), 'export {};');
    const product = await spawnProduct({ DATA_DIR: join(root, 'pglite'), DASHBOARD_DIR: page });

    const index = await fetch(`${product.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('page under test');
    const asset = await fetch(`${product.url}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    expect((await fetch(`${product.url}/api/integrations`)).headers.get('content-type')).toContain('application/json');
    expect((await fetch(`${product.url}/health`)).status).toBe(200);
    expect((await fetch(`${product.url}/sse/status`)).status).toBe(200);
    expect((await fetch(`${product.url}/metrics`)).status).toBe(200);
    expect((await fetch(`${product.url}/assets/missing.js`)).status).toBe(404);
  });

  it('without a built page, warns and answers / with a 503 page saying so, and serves everything else', async () => {
    const missing = join(root, 'not-built');
    const product = await spawnProduct({ DATA_DIR: join(root, 'pglite'), DASHBOARD_DIR: missing });

    const index = await fetch(`${product.url}/`);
    expect(index.status).toBe(503);
    expect(await index.text()).toContain('The dashboard is not built');
    expect(product.output()).toContain(`dashboard not built: ${missing}/index.html is missing`);
    expect((await fetch(`${product.url}/api/integrations`)).status).toBe(200);
    expect((await fetch(`${product.url}/health`)).status).toBe(200);
  });
});
