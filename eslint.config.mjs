import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import nx from '@nx/eslint-plugin';

/**
 * Module boundaries: every project carries one `scope:*` and one `type:*` tag.
 * Arrows point one way: app -> feature -> data-access -> contract -> util.
 * Nothing may import an app (Nx reports that on its own).
 */
/** The contract is shared by browsers, workers and the hub: no framework, no HTTP client library. */
const contractBans = ['@nestjs/*', 'axios', 'express', 'rxjs'];

const typeConstraints = (bannedForContract) => [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:contract', 'type:util'] },
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:contract', 'type:util'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:contract', 'type:util'] },
  {
    sourceTag: 'type:contract',
    onlyDependOnLibsWithTags: ['type:contract', 'type:util'],
    bannedExternalImports: bannedForContract,
  },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
];

/** `testOnly` scopes are reachable from specs alone (tests may start the API sandbox). */
const scopeConstraints = (testOnly = []) => [
  { sourceTag: 'scope:hub', onlyDependOnLibsWithTags: ['scope:hub', 'scope:shared', ...testOnly] },
  // The one-process product (apps/all-in-one) composes the hub and the workers.
  { sourceTag: 'scope:product', onlyDependOnLibsWithTags: ['scope:hub', 'scope:sync', 'scope:shared', ...testOnly] },
  // The dashboard page runs in browsers: the shared contract and client only.
  { sourceTag: 'scope:dashboard', onlyDependOnLibsWithTags: ['scope:dashboard', 'scope:shared', ...testOnly] },
  { sourceTag: 'scope:sync', onlyDependOnLibsWithTags: ['scope:sync', 'scope:shared', ...testOnly] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared', ...testOnly] },
  { sourceTag: 'scope:tooling', onlyDependOnLibsWithTags: ['scope:tooling', 'scope:shared'] },
];

/**
 * Code that must also run in a browser (the contract, `platform:universal` libs) imports no Node
 * built-in, neither `node:*` nor a bare name such as `crypto` or `fs`. The module-boundaries rule
 * cannot say this: its `bannedExternalImports` sees npm packages only and skips built-ins.
 * Applies to each such project's `src/`, specs and test helpers excepted (they run under Node).
 */
const workspaceRoot = dirname(fileURLToPath(import.meta.url));
const browserSafeTags = ['type:contract', 'platform:universal'];
const nodeBuiltinMessage = 'Browser-safe code may not import Node built-ins; use a Web API (globalThis.crypto, fetch, TextEncoder, ...).';

/** Roots (relative to the workspace) of the projects under apps/, libs/ and tools/ that carry one of `tags`. */
function projectRootsTagged(tags) {
  const roots = [];
  const visit = (dir) => {
    const entries = readdirSync(join(workspaceRoot, dir), { withFileTypes: true });
    if (entries.some((entry) => entry.isFile() && entry.name === 'project.json')) {
      const { tags: projectTags = [] } = JSON.parse(readFileSync(join(workspaceRoot, dir, 'project.json'), 'utf8'));
      if (projectTags.some((tag) => tags.includes(tag))) roots.push(dir);
      return; // projects do not nest
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !['node_modules', 'dist', 'coverage', 'data'].includes(entry.name)) {
        visit(`${dir}/${entry.name}`);
      }
    }
  };
  ['apps', 'libs', 'tools'].filter((top) => existsSync(join(workspaceRoot, top))).forEach(visit);
  return roots;
}

const browserSafeRoots = projectRootsTagged(browserSafeTags);

const noNodeBuiltins = {
  // Lint runs with the project folder as cwd; `basePath` keeps these workspace-relative globs meaning the same.
  basePath: workspaceRoot,
  files: browserSafeRoots.map((root) => `${root}/src/**/*.{ts,tsx,js,mjs,cjs,mts,cts}`),
  ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: builtinModules.map((name) => ({ name, message: nodeBuiltinMessage })),
        patterns: [{ regex: '^node:', message: nodeBuiltinMessage }],
      },
    ],
    'no-restricted-globals': [
      'error',
      ...['Buffer', 'global', '__dirname', '__filename', 'require', 'setImmediate', 'clearImmediate'].map((name) => ({
        name,
        message: `${name} is Node-only; browser-safe code uses Web APIs (globalThis, Uint8Array, setTimeout).`,
      })),
    ],
  },
};

/**
 * Integrations are siblings: one integration lib may not import another, directly or through a
 * lib that does (Nx never checks a project against itself, so this forbids only cross-imports).
 */
const kindConstraints = [{ sourceTag: 'kind:integration', notDependOnLibsWithTags: ['kind:integration'] }];

const boundaries = (bannedForContract, testOnlyScopes = []) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
    depConstraints: [...typeConstraints(bannedForContract), ...scopeConstraints(testOnlyScopes), ...kindConstraints],
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/coverage', '**/data', '**/node_modules'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js'],
    rules: { '@nx/enforce-module-boundaries': boundaries(contractBans) },
  },
  {
    // Specs may drive a real axios to produce real error objects and start the API sandbox;
    // production code may do neither.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(
        contractBans.filter((name) => name !== 'axios'),
        ['scope:tooling'],
      ),
    },
  },
  {
    // Build configuration, not code of the app: every app's webpack.config.js is the one shared
    // factory in tools/build, which is no project to import through.
    files: ['**/webpack.config.js'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...(browserSafeRoots.length > 0 ? [noNodeBuiltins] : []),
];
