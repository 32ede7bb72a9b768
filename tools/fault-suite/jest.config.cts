module.exports = {
  displayName: 'fault-suite',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  // Every scenario starts real hub/worker processes, its own redis-server and a scratch database.
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  testTimeout: 120_000,
  coverageDirectory: '../../coverage/tools/fault-suite',
};
