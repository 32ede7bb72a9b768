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

const scopeConstraints = [
  { sourceTag: 'scope:hub', onlyDependOnLibsWithTags: ['scope:hub', 'scope:shared'] },
  { sourceTag: 'scope:sync', onlyDependOnLibsWithTags: ['scope:sync', 'scope:shared'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:tooling', onlyDependOnLibsWithTags: ['scope:tooling', 'scope:shared'] },
];

const boundaries = (bannedForContract) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
    depConstraints: [...typeConstraints(bannedForContract), ...scopeConstraints],
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
    // Specs may drive a real axios to produce real error objects; production code may not.
    files: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(contractBans.filter((name) => name !== 'axios')) },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
