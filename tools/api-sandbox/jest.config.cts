module.exports = {
  displayName: 'api-sandbox',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  // The specs talk to real HTTP servers; a shared CI machine can be slow.
  testTimeout: 30000,
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  // main.int-spec.ts starts `npm run sandbox` as a child process.
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  coverageDirectory: '../../coverage/tools/api-sandbox',
};
