/**
 * Black-box suites against the BUILT product: the API process (dist/apps/api) serving the built
 * web app, on an embedded PostgreSQL. HTTP tests use fetch; browser tests drive Debian's Chromium
 * through playwright-core. Named *.e2e.config so the Nx jest plugin does not treat it as unit tests.
 */
module.exports = {
  displayName: 'e2e',
  rootDir: '.',
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  testMatch: [
    '<rootDir>/src/**/*.e2e-spec.ts',
    '<rootDir>/web/**/*.e2e-spec.ts',
  ],
  globalSetup: '<rootDir>/src/support/global-setup.mjs',
  globalTeardown: '<rootDir>/src/support/global-teardown.mjs',
  testTimeout: 60000,
};
