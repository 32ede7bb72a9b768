import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

import { build, type BuildOptions, type Plugin } from 'esbuild';

import type * as Contract from '../index';

const root = join(__dirname, '../../../..');

interface NodeImport {
  path: string;
  importer: string;
}

/**
 * Records every import of a Node built-in, `node:*` or bare (`crypto`, `events`, ...). A bare name
 * must be caught before resolution: `events`, `buffer` and others also exist as npm shims in
 * node_modules, and esbuild would bundle those without complaint.
 */
function nodeBuiltinSpy(found: NodeImport[]): Plugin {
  const builtins = new Set(builtinModules);
  return {
    name: 'node-builtin-spy',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /.*/ }, ({ path, importer }) => {
        if (!path.startsWith('node:') && !builtins.has(path)) return undefined;
        found.push({ path, importer: importer.replace(`${root}/`, '') });
        return { path, external: true };
      });
    },
  };
}

/** The contract bundled as a browser would get it; workspace aliases (`@ops/*`) resolve through tsconfig paths. */
async function bundleForBrowser(options: Pick<BuildOptions, 'format' | 'globalName'>) {
  const nodeImports: NodeImport[] = [];
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['libs/sse-events/src/index.ts'],
    tsconfig: 'tsconfig.base.json',
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [nodeBuiltinSpy(nodeImports)],
    ...options,
  });
  return { ...result, nodeImports, code: result.outputFiles[0].text };
}

describe('the contract in a browser', () => {
  it('bundles as ESM for the browser with every import resolved and no Node built-in', async () => {
    const result = await bundleForBrowser({ format: 'esm' });

    expect(result.nodeImports).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.code).not.toMatch(/\brequire\(|from\s*["']node:/);
    // Workspace libs such as @ops/resilience are bundled from source, not left for a resolver
    // that a browser does not have.
    const external = Object.values(result.metafile.inputs).flatMap((input) => input.imports.filter((imported) => imported.external));
    expect(external).toEqual([]);
  }, 60_000);

  it('loads and builds a valid envelope in a realm with no Node globals, only Web Crypto', async () => {
    const { code } = await bundleForBrowser({ format: 'iife', globalName: 'contract' });
    // A fresh realm has the JavaScript built-ins only: no process, Buffer, require or setImmediate.
    const contract = runInNewContext(`${code}\ncontract`, { crypto: globalThis.crypto }) as typeof Contract;

    const source = { system: 'hub', account: 'hub-eu-1', environment: 'production' } as const;
    const envelope = contract.createEnvelope('admin:broadcast', source, { message: 'deploy at 18:00', level: 'info' });
    expect(envelope.id).toMatch(/^[0-9a-f]{12}-[0-9a-f]{6}-[0-9a-f]{8}$/);
    expect(contract.parseEnvelope(envelope)).toEqual({ ok: true, value: envelope });
  }, 60_000);
});
