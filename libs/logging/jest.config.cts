module.exports = {
  displayName: 'logging',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  // The Nest spec compiles @nestjs/* and starts an HTTP server.
  testTimeout: 30_000,
  coverageDirectory: '../../coverage/libs/logging',
};
