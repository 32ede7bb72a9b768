import { builtinModules } from 'node:module';
import { join } from 'node:path';

import { build, type Plugin } from 'esbuild';

const root = join(__dirname, '../../../..');

/** Records every import of a Node built-in (`node:*` or bare), before npm shims could resolve it. */
function nodeBuiltinSpy(found: string[]): Plugin {
  const builtins = new Set(builtinModules);
  return {
    name: 'node-builtin-spy',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /.*/ }, ({ path, importer }) => {
        if (!path.startsWith('node:') && !builtins.has(path)) return undefined;
        found.push(`${path} from ${importer.replace(`${root}/`, '')}`);
        return { path, external: true };
      });
    },
  };
}

describe('the client in a browser', () => {
  it('bundles for the browser with every import resolved and no Node built-in', async () => {
    const nodeImports: string[] = [];
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['libs/sse-client/src/index.ts'],
      tsconfig: 'tsconfig.base.json',
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
      plugins: [nodeBuiltinSpy(nodeImports)],
    });

    expect(nodeImports).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0].text).not.toMatch(/\brequire\(|from\s*["']node:|\bBuffer\b|\bprocess\.env\b/);
  });
});
