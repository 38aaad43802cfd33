/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Types are checked once by `npm run typecheck`; jest only transpiles.
  transform: { '^.+\\.ts$': 'ts-jest' },
  collectCoverageFrom: ['src/**/*.ts'],
  coverageThreshold: { global: { statements: 90, branches: 80, functions: 90, lines: 90 } },
  setupFilesAfterEnv: ['<rootDir>/test/support/nock-setup.ts'],
  // A worker that grew past this after a test file is replaced: the load test then starts in a fresh
  // process, far from the 450 MB at which zapier-platform-core ends a process (memory-checker.js).
  workerIdleMemoryLimit: '300MB',
  testTimeout: 20000,
};
