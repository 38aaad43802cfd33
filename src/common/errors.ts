import type { ZObject } from 'zapier-platform-core';
import { hideSecrets } from './secrets';

/**
 * Shortens a value for an error message, so a pasted document does not flood it. `hidden` are the
 * values of connection fields: a vendor's answer may echo them, in any encoding, and no message ever
 * shows one (src/common/secrets.ts).
 */
export function preview(value: unknown, hidden: readonly string[] = []): string {
  const text = hideSecrets(typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)), hidden);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * A field the user filled (or mapped) wrongly. Raised before any request is sent, so nothing is
 * half-done; Zapier shows the message as it is, so it names the field by its label.
 */
export function invalidInput(z: ZObject, fieldLabel: string, expected: string, got?: unknown): Error {
  const received = got === undefined ? '' : ` (got "${preview(got)}")`;
  return new z.errors.Error(`${fieldLabel}: expected ${expected}${received}.`, 'InvalidInput', 400);
}

/** The connection lacks the credentials one service needs. */
export function missingCredentials(z: ZObject, service: string, fieldLabels: string[]): Error {
  return new z.errors.Error(
    `This step needs your ${service} credentials, but the connection has no ${fieldLabels.join(' or ')}. ` +
      `Reconnect the account and fill in ${fieldLabels.join(' and ')}.`,
    'MissingCredentials',
    401,
  );
}

export interface ConnectionTestAdvice {
  /** The service's name, for messages. */
  service: string;
  /** The error codes of the service's failed exchanges (no answer, server error), beside ThrottledError. */
  failedExchangeCodes: readonly string[];
  /** What to do, for a connection test (which changes no data). */
  advice: string;
  /** The code of the rewritten error. */
  code: string;
}

/**
 * The connection test changes no data, so a step's advice after a failed exchange ("Zapier will
 * retry this step", "check the order before you replay it") does not fit there. This keeps the
 * first sentence of such an error, which says what happened, and gives the connection's advice
 * instead; any other error is returned as it is.
 */
export function forConnectionTest(z: ZObject, error: unknown, advice: ConnectionTestAdvice): unknown {
  const { name, message: raw } = error as Error;
  let message = String(raw ?? '');
  let code: unknown;
  try {
    const parsed = JSON.parse(message) as { message?: unknown; code?: unknown };
    if (typeof parsed?.message === 'string') ({ message, code } = { message: parsed.message, code: parsed.code });
  } catch {
    // a plain-text message
  }
  const failedExchange = name === 'ThrottledError' || advice.failedExchangeCodes.includes(String(code));
  if (!failedExchange) return error;
  const what = /\b429\b/.test(message)
    ? `${advice.service} asks to slow down (HTTP 429).`
    : (/^.*?[.;](?=\s|$)/.exec(message)?.[0].replace(/;$/, '.') ?? `${advice.service} could not be reached.`);
  return new z.errors.Error(`${what} ${advice.advice}`, advice.code, 502);
}
