/**
 * JustClick API client: signs the request the way JustClick's PHP server checks it, sends it, and
 * trusts an answer only when its own hash verifies (JustClick API, https://justclick.ru/api/; docs/justclick.md).
 */
import type { ZObject } from 'zapier-platform-core';
import { preview } from '../common/errors';
import { hideSecrets } from '../common/secrets';
import { readJsonAnswer } from '../common/json';
import { safeEqual } from '../common/hash';
import {
  NoAnswer,
  notReachedError,
  requestWithin,
  STEP_BUDGET_MS,
  TimeBudget,
  timeoutFromEnv,
} from '../common/network';
import type { PhpQueryParams } from '../common/php-query';
import { justClickBaseUrl } from '../config';
import type { JustClickCredentials } from './types';
import { justClickResponseHash, justClickSignedBody } from './signatures';

/**
 * English explanations of JustClick's documented error codes (its "Ответы API сервиса" page;
 * docs/justclick.md).
 */
export const JUSTCLICK_ERROR_CODES: Readonly<Record<number, string>> = {
  1: 'the request carried no hash',
  2: 'the request carried no data',
  3: 'the data sent is not valid',
  4: 'the hash is wrong: check the JustClick API Key in the connection',
  5: 'the user name is unknown: check the JustClick Login in the connection',
  6: 'JustClick refuses API calls from this IP address (see the API settings of your JustClick account)',
  7: 'the JustClick account is disabled',
  8: 'the API call limit is reached, or the API is disabled for this account',
  // Contacts (AddLeadToGroup, GetLeadGroupStatuses), https://help.justclick.ru/archives/511
  100: 'the contact has no e-mail address',
  101: 'the contact could not be added to the group',
  102: 'the contact is already in every group given',
  103: 'one of the groups does not exist',
  104: 'contacts cannot be added to this group',
  200: 'the order does not exist',
  201: 'the status is not valid',
  202: 'an error happened while the order was being paid',
  203: 'no order number was given',
  302: 'there is no order with this number',
  303: 'there is no such status',
  400: 'there is no order with this number',
  500: 'there is no contact with this e-mail address',
  501: 'the contact is in no group',
  600: "the buyer's e-mail address is not valid",
  601: 'the order already exists',
  602: 'the order could not be created',
  603: 'the order has no products',
  604: 'the shop has no product with this ID',
  605: 'the product needs delivery data (an address or a name) that the order lacks',
  700: 'the shop has no products',
  800: 'the contact group does not exist',
  801: 'there is no contact with this e-mail address',
};

/**
 * JustClick's result code in English, for the output beside JustClick's own (Russian or terse) text,
 * e.g. 102 "the contact is already in every group given".
 */
export function resultInEnglish(code: number): string {
  if (code === 0) return 'Done: JustClick carried out the request.';
  const meaning = JUSTCLICK_ERROR_CODES[code];
  return meaning
    ? `${meaning[0]!.toUpperCase()}${meaning.slice(1)} (JustClick code ${code}).`
    : `JustClick gave no further explanation (code ${code}).`;
}

/** Codes that say the login or the key is wrong: the user must fix the connection. */
export const CREDENTIAL_CODES = new Set([4, 5]);

export interface JustClickAnswer {
  errorCode: number;
  /** error_text exactly as JustClick sent it ("ok" in some answers, "OK" in others). */
  errorText: string;
  /** True when the answer's hash matches md5(error_code::error_text::secret). */
  verified: boolean;
  result: unknown;
}

/**
 * Long enough for a slow JustClick, short enough to fail clearly inside Zapier's 30 s for a step:
 * the whole exchange (connect, headers and body) gets this long.
 */
export const justClickTimeoutMs = (): number => timeoutFromEnv('JUSTCLICK_TIMEOUT_MS', 20_000);

/** How one call sits in its step. */
export interface JustClickCallOptions {
  /** Shared by the calls of a step that makes several, so that together they end within Zapier's limit. */
  budget?: TimeBudget;
  /**
   * What the call may change, named in the message when no answer came ("the order", the default);
   * false for a call that only reads, whose step can simply run again.
   */
  changes?: string | false;
}

/** What to do after a call that got no usable answer, by what the call may have changed. */
const afterNoAnswer = (changes: string | false): string =>
  changes === false
    ? 'This call changes nothing in JustClick, so the step can simply run again.'
    : `The change may or may not have been applied: check ${changes} in JustClick before you replay this step.`;

export async function callJustClick(
  z: ZObject,
  credentials: JustClickCredentials,
  method: string,
  params: PhpQueryParams,
  options: JustClickCallOptions = {},
): Promise<JustClickAnswer> {
  const budget = options.budget ?? new TimeBudget(justClickTimeoutMs(), STEP_BUDGET_MS);
  const changes = options.changes ?? 'the order';
  const body = justClickSignedBody(params, credentials.login, credentials.secret);
  const response = await requestWithin(
    z,
    {
      method: 'POST',
      url: `${justClickBaseUrl(credentials.login, credentials.domain)}/api/${method}`,
      body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      skipThrowForStatus: true,
    },
    budget.nextLimitMs(),
  );
  if (response instanceof NoAnswer) {
    if (!response.mayHaveArrived) throw notReachedError(z, 'JustClick', response);
    throw new z.errors.Error(
      `JustClick ${response.failure.timedOut ? response.reason : `did not answer (${response.reason})`}. ` +
        afterNoAnswer(changes),
      'JustClickNoAnswer',
      502,
    );
  }

  if (response.status >= 500) {
    throw new z.errors.Error(
      `JustClick answered with a server error (HTTP ${response.status}). ${afterNoAnswer(changes)}`,
      'JustClickServerError',
      response.status,
    );
  }

  return parseAnswer(z, response.status, response.content, credentials.secret);
}

function parseAnswer(z: ZObject, status: number, content: string, secret: string): JustClickAnswer {
  // An answer with prototype-reaching keys or absurd nesting is no JustClick answer either.
  const data = readJsonAnswer(content);
  const answer = data as { error_code?: unknown; error_text?: unknown; hash?: unknown; result?: unknown } | undefined;
  const codeText =
    answer && (typeof answer.error_code === 'number' || typeof answer.error_code === 'string')
      ? String(answer.error_code)
      : undefined;
  if (!answer || codeText === undefined || !/^\d+$/.test(codeText)) {
    throw new z.errors.Error(
      `JustClick answered with something other than its API answer (HTTP ${status}: "${preview(content, [secret])}"). ` +
        'Check the JustClick Login in the connection.',
      'JustClickBadAnswer',
      502,
    );
  }
  const errorText = typeof answer.error_text === 'string' ? answer.error_text : String(answer.error_text ?? '');
  const expectedHash = justClickResponseHash(codeText, errorText, secret);
  const receivedHash = typeof answer.hash === 'string' ? answer.hash.toLowerCase() : '';
  return {
    errorCode: Number(codeText),
    // Checked against the hash as received; shown and output without the key in any form.
    errorText: hideSecrets(errorText, [secret]),
    verified: safeEqual(receivedHash, expectedHash),
    result: answer.result,
  };
}

/** A refusal in words: JustClick's text, the code, and the English explanation. */
export function justClickRefusal(answer: JustClickAnswer): string {
  const explanation = JUSTCLICK_ERROR_CODES[answer.errorCode] ?? 'JustClick gave no further explanation';
  return `JustClick refused the request: error ${answer.errorCode} "${answer.errorText}" (${explanation}).`;
}

/** Turns a non-zero error_code into the error the user sees: JustClick's text, the code, and why. */
export function justClickError(z: ZObject, answer: JustClickAnswer): Error {
  const message = justClickRefusal(answer);
  if (CREDENTIAL_CODES.has(answer.errorCode)) return new z.errors.ExpiredAuthError(message);
  return new z.errors.Error(message, `JustClickError${answer.errorCode}`, 400);
}

/** Where a message is read: in a step's run (an order was at stake) or in the connection test (none was). */
export type JustClickContext = 'step' | 'connection';

/** An answer that claims success but is not signed with the account's key is never taken as success. */
export function untrustedAnswerError(z: ZObject, context: JustClickContext = 'step'): Error {
  const message =
    context === 'step'
      ? "JustClick's answer is not signed with your API key, so it cannot be trusted and this step is not reported " +
        'as done. Check the JustClick API Key in the connection, then check the order in JustClick.'
      : "JustClick's answer is not signed with this API key, so the connection cannot be confirmed. " +
        'Copy the JustClick API Key again from the API page of your JustClick account.';
  return new z.errors.Error(message, 'JustClickUntrustedAnswer', 502);
}

/**
 * An answer is believed only when its code is one the caller expects and its hash verifies: the
 * code decides between "error" and "result", and a forged or mis-keyed answer must not do either.
 */
export function trustedAnswer(
  z: ZObject,
  answer: JustClickAnswer,
  expectedCodes: readonly number[] = [0],
): JustClickAnswer {
  if (!expectedCodes.includes(answer.errorCode)) throw justClickError(z, answer);
  if (!answer.verified) throw untrustedAnswerError(z);
  return answer;
}

/** A result that is not the shape JustClick documents for the method is never read as data. */
export function unexpectedResult(z: ZObject, method: string, result: unknown): Error {
  return new z.errors.Error(
    `JustClick's answer to ${method} does not carry the result its documentation describes ` +
      `("${preview(result ?? null)}"), ` +
      'so nothing was read from it.',
    'JustClickBadAnswer',
    502,
  );
}
