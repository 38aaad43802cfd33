/**
 * z.errors.Error carries its message as JSON ({message, code, status}); other Zapier errors carry
 * plain text. These helpers read either, so tests can assert the text the user sees.
 */
export interface ShownError {
  name: string;
  message: string;
  code?: string;
  status?: number;
}

export async function caught(promise: Promise<unknown>): Promise<ShownError> {
  try {
    await promise;
  } catch (error) {
    const { name, message } = error as Error;
    try {
      const parsed = JSON.parse(message) as { message?: unknown; code?: unknown; status?: unknown };
      if (parsed && typeof parsed.message === 'string') {
        return { name, message: parsed.message, code: String(parsed.code), status: Number(parsed.status) };
      }
    } catch {
      // plain text message
    }
    return { name, message };
  }
  throw new Error('expected the promise to be rejected, but it resolved');
}
