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
