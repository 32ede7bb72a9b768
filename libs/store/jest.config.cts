module.exports = {
  displayName: 'store',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  // PGlite specs (*.spec.ts) and the real-Postgres specs (*.int-spec.ts) both run in `nx test store`.
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  // Opening PGlite takes 5-8 s; hooks and tests share this bound.
  testTimeout: 60_000,
  coverageDirectory: '../../coverage/libs/store',
};
