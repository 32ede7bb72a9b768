import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const workspaceRoot = resolve(__dirname, '../..');

/** `@ops/*` aliases from tsconfig.base.json `paths`, so the bundle resolves workspace libs as tsc does. */
function workspaceAliases(): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(resolve(workspaceRoot, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  // Longest first, so `@ops/store/testing` wins over `@ops/store`.
  const entries = Object.entries(tsconfig.compilerOptions.paths).sort(([a], [b]) => b.length - a.length);
  return Object.fromEntries(entries.map(([name, [target]]) => [name, resolve(workspaceRoot, target)]));
}

/** `nx serve dashboard` only: the all-in-one origin to forward `/api` and `/sse` to (e.g. the URL `npm run demo` prints). */
const devApiTarget = process.env['DASHBOARD_API_URL'];

export default defineConfig({
  root: __dirname,
  base: '/',
  cacheDir: resolve(workspaceRoot, 'node_modules/.vite/apps/dashboard'),
  plugins: [react()],
  resolve: {
    alias: Object.entries(workspaceAliases()).map(([find, replacement]) => ({
      find: new RegExp(`^${find.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`),
      replacement,
    })),
  },
  build: {
    outDir: resolve(workspaceRoot, 'dist/apps/dashboard'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    rollupOptions: {
      onwarn(warning, warn) {
        // zod places comments Rollup cannot read as annotations; it drops them, which changes nothing.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
        warn(warning);
      },
    },
  },
  server: {
    port: 4300,
    host: '127.0.0.1',
    proxy: devApiTarget ? { '/api': devApiTarget, '/sse': devApiTarget } : undefined,
  },
  preview: { port: 4300, host: '127.0.0.1' },
});
