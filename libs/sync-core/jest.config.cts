module.exports = {
  displayName: 'sync-core',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  // Specs open an in-memory PGlite (5-8 s).
  testTimeout: 60_000,
  coverageDirectory: '../../coverage/libs/sync-core',
};
