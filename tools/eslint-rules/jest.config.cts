process.env.TZ = 'UTC';

module.exports = {
  displayName: 'eslint-rules',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  // The rules themselves are plain CommonJS (.cjs) and load untransformed.
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
  coverageDirectory: '../../coverage/tools/eslint-rules',
};
