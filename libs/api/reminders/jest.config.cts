module.exports = {
  displayName: 'api-reminders',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  testMatch: [
    '<rootDir>/src/**/*.spec.ts',
    '<rootDir>/src/**/*.integration-spec.ts',
  ],
  // One embedded PostgreSQL per run; each test file makes its own database on it.
  globalSetup: '<rootDir>/../testing/src/lib/postgres/global-setup.mjs',
  globalTeardown: '<rootDir>/../testing/src/lib/postgres/global-teardown.mjs',
  testTimeout: 30000,
  coverageDirectory: '../../../coverage/libs/api/reminders',
};
