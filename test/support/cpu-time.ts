/**
 * CPU time this process spends, in milliseconds: what a piece of code costs, unlike the wall clock,
 * which also counts the time other processes on a busy machine hold the cores. Bounds on cost are
 * written against this, so no verdict depends on how loaded the machine is.
 */
export function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The CPU milliseconds `run` takes, and its result. */
export function cpuTimed<T>(run: () => T): { ms: number; value: T } {
  const started = cpuNow();
  const value = run();
  return { ms: cpuNow() - started, value };
}
