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
  { sourceTag: 'scope:sync', onlyDependOnLibsWithTags: ['scope:sync', 'scope:shared', ...testOnly] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared', ...testOnly] },
  { sourceTag: 'scope:tooling', onlyDependOnLibsWithTags: ['scope:tooling', 'scope:shared'] },
];

const boundaries = (bannedForContract, testOnlyScopes = []) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
    depConstraints: [...typeConstraints(bannedForContract), ...scopeConstraints(testOnlyScopes)],
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
    files: ['**/*.ts', '**/*.js'],
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
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
