/**
 * What the reliability tests share besides test/e2e/helpers.ts (sandbox, operations by key): the
 * error a Zapier user would see, with a ThrottledError's delay, and request counts per emulator.
 */

/** An error as Zapier shows it: AppError and ThrottledError carry JSON, the others plain text. */
export interface Failure {
  name: string;
  /** The text the user reads (the first line: core may append "What happened" below it). */
  message: string;
  /** The whole message as thrown, appended context included. */
  raw: string;
  code?: string;
  /** ThrottledError: the seconds after which Zapier retries the step. */
  delay?: number | null;
}

export function asFailure(error: unknown): Failure {
  const { name, message } = error as Error;
  try {
    const parsed = JSON.parse(message) as { message?: unknown; code?: unknown; delay?: unknown };
    if (parsed && typeof parsed.message === 'string') {
      return {
        name,
        message: parsed.message,
        raw: message,
        ...(parsed.code === undefined ? {} : { code: String(parsed.code) }),
        ...(name === 'ThrottledError' ? { delay: typeof parsed.delay === 'number' ? parsed.delay : null } : {}),
      };
    }
  } catch {
    // plain text
  }
  return { name, message: message.split('\n')[0]!, raw: message };
}

/** The failure a promise ends with; a test fails if it resolves. */
export async function failure(promise: Promise<unknown>): Promise<Failure> {
  try {
    await promise;
  } catch (error) {
    return asFailure(error);
  }
  throw new Error('expected the operation to fail, but it succeeded');
}

/** How many requests to a path (suffix) each emulator received, e.g. `{ primary: 1, backup: 0 }`. */
export const countsTo = (suffix: string, emulators: Record<string, { requestsTo(suffix: string): unknown[] }>): Record<string, number> =>
  Object.fromEntries(Object.entries(emulators).map(([name, emulator]) => [name, emulator.requestsTo(suffix).length]));
