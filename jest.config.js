/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Types are checked once by `npm run typecheck`; jest only transpiles.
  transform: { '^.+\\.ts$': 'ts-jest' },
  collectCoverageFrom: ['src/**/*.ts'],
  // At the level the suite holds (98.7 / 92.2 / 99.3 / 99.5 on 2026-12-01), so a change that drops tests fails.
  coverageThreshold: { global: { statements: 98.5, branches: 92, functions: 99, lines: 99.3 } },
  setupFilesAfterEnv: ['<rootDir>/test/support/nock-setup.ts', '<rootDir>/test/support/core-invocations.ts'],
  // Two workers, one per core of the dev machine (jest's default there runs the files one at a time).
  // No workerIdleMemoryLimit: jest measures the heap, not the RSS core's memory check reads, and it
  // replaces the worker while the next file already runs there, which jest then runs again silently.
  // No file can be ended by core's check instead: test/support/core-invocations.ts.
  maxWorkers: 2,
  // A hang guard, not a verdict on speed: on a busy 2-core machine a test doing real work (hundreds of
  // deliveries, a sandbox start) can take several times its quiet duration, and no test may fail for that.
  // What a test claims about cost it checks itself, in CPU time or in work counted (test/support/cpu-time.ts).
  testTimeout: 120_000,
};
