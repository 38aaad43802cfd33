/**
 * Runs in every test file (jest setupFilesAfterEnv). zapier-platform-core ends the process it runs in
 * (process.exit(1)) once it has run more than 250 invocations with RSS above 450 MB
 * (src/tools/memory-checker.js, KILL_MIN_LIMIT and KILL_MAX_LIMIT in src/constants.js). Jest loads a
 * fresh copy of core for each test file, so the count starts again with every file, but RSS is the
 * worker's: it also holds what earlier files left. A file that stays at 250 invocations or fewer can
 * never be ended that way, whatever the worker's RSS; a file that needs more runs them in a process of
 * its own (as the load test does), where RSS is its own. Jest restarts a worker that exits and runs its
 * file again without a word, so this is checked here rather than left to show as a crash.
 *
 * core's check calls process.memoryUsage() once per invocation; the calls are counted on this file's
 * `process` (the one core sees here). Other callers only make the count larger, never hide one.
 */
const CORE_KILL_MIN_RUNS = 250;

let calls = 0;
const memoryUsage = process.memoryUsage;
process.memoryUsage = Object.assign(
  function (this: NodeJS.Process) {
    calls += 1;
    return memoryUsage.call(this);
  },
  { rss: memoryUsage.rss },
);

afterAll(() => {
  process.memoryUsage = memoryUsage;
  if (calls > CORE_KILL_MIN_RUNS) {
    throw new Error(
      `This test file ran zapier-platform-core ${calls} times in a shared jest worker; after ${CORE_KILL_MIN_RUNS} core ` +
        'ends the process when its RSS is above 450 MB. Run the extra invocations in a process of their own ' +
        '(see test/reliability/load-run.ts).',
    );
  }
});
