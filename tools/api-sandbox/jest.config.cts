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
  coverageDirectory: '../../coverage/tools/api-sandbox',
};
