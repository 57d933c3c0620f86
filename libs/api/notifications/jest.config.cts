module.exports = {
  displayName: 'api-notifications',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  // Unit specs and the integration specs that talk to a real (local, in-process) SMTP server.
  testMatch: [
    '<rootDir>/src/**/*.spec.ts',
    '<rootDir>/src/**/*.integration-spec.ts',
  ],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/api/notifications',
};
