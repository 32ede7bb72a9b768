module.exports = {
  displayName: 'read-api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  // Each suite opens PGlite (5-8 s) and syncs thousands of sandbox orders.
  testTimeout: 120_000,
  coverageDirectory: '../../coverage/libs/read-api',
};
