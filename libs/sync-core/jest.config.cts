module.exports = {
  displayName: 'sync-core',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  // PGlite specs (*.spec.ts) and the real-Postgres specs (*.int-spec.ts) both run in `nx test sync-core`.
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  // Specs open an in-memory PGlite (5-8 s).
  testTimeout: 60_000,
  coverageDirectory: '../../coverage/libs/sync-core',
};
