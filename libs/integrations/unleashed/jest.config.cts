module.exports = {
  displayName: 'integrations-unleashed',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  // Suites open PGlite (5-8 s) and sync against the sandbox.
  testTimeout: 120_000,
  coverageDirectory: '../../../coverage/libs/integrations/unleashed',
};
