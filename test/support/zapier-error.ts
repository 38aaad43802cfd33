/**
 * The one helper tests read errors with. z.errors.Error and ThrottledError carry their message as
 * JSON ({message, code, status} or {message, delay}); other Zapier errors carry plain text. These
 * helpers read either, so tests can assert the text the user sees.
 */
export interface ShownError {
  name: string;
  message: string;
  code?: string;
  status?: number;
  /** ThrottledError: the seconds after which Zapier retries the step (null when none is given). */
  delay?: number | null;
}

/** An error as the user sees it. */
export function shown(error: unknown): ShownError {
  const { name, message } = error as Error;
  try {
    const parsed = JSON.parse(message) as { message?: unknown; code?: unknown; status?: unknown; delay?: unknown };
    if (parsed && typeof parsed.message === 'string') {
      return {
        name,
        message: parsed.message,
        ...(parsed.code === undefined ? {} : { code: String(parsed.code) }),
        ...(parsed.status === undefined ? {} : { status: Number(parsed.status) }),
        ...(name === 'ThrottledError' ? { delay: typeof parsed.delay === 'number' ? parsed.delay : null } : {}),
      };
    }
  } catch {
    // plain text message
  }
  return { name, message };
}

/** The error a promise is rejected with; the test fails if it resolves. */
export async function caught(promise: Promise<unknown>): Promise<ShownError> {
  try {
    await promise;
  } catch (error) {
    return shown(error);
  }
  throw new Error('expected the promise to be rejected, but it resolved');
}

/** The error a function throws; the test fails if it returns. */
export function thrown(run: () => unknown): ShownError {
  try {
    run();
  } catch (error) {
    return shown(error);
  }
  throw new Error('expected the function to throw, but it returned');
}
