/**
 * What the reliability tests share besides test/e2e/helpers.ts (sandbox, operations by key) and
 * test/support/zapier-error.ts (the error a Zapier user would see): request counts per emulator.
 */

/** How many requests to a path (suffix) each emulator received, e.g. `{ primary: 1, backup: 0 }`. */
export const countsTo = (
  suffix: string,
  emulators: Record<string, { requestsTo(suffix: string): unknown[] }>,
): Record<string, number> =>
  Object.fromEntries(Object.entries(emulators).map(([name, emulator]) => [name, emulator.requestsTo(suffix).length]));
