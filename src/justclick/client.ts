/**
 * JustClick API client: signs the request the way JustClick's PHP server checks it, sends it, and
 * trusts an answer only when its own hash verifies (JustClick API, https://justclick.ru/api/; docs/justclick.md).
 */
import type { HttpResponse, ZObject } from 'zapier-platform-core';
import { preview } from '../common/errors';
import { hideSecrets } from '../common/secrets';
import { readJsonAnswer } from '../common/json';
import { safeEqual } from '../common/hash';
import {
  NoAnswer,
  noAnswerFailure,
  requestWithin,
  serverErrorFailure,
  STEP_BUDGET_MS,
  TimeBudget,
  timeoutFromEnv,
} from '../common/network';
import type { PhpQueryParams } from '../common/php-query';
import { justClickBaseUrl } from '../config';
import { type JustClickCredentials, JustClickAnswer } from './types';
import { justClickResponseHash, justClickSignedBody } from './signatures';
import { justClickError, untrustedAnswerError } from './errors';
import { failureError, passThrottled, type Failure, type Where } from '../common/failures';

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
  /** Where the messages are read: a create step (the default), a search, a poll, or the connection test. */
  where?: Where;
}

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
  const where = options.where ?? 'create';
  const fail = (failure: Omit<Failure, 'service' | 'changes'>) =>
    failureError(z, { ...failure, service: 'JustClick', changes }, where);
  let response: HttpResponse | NoAnswer;
  try {
    response = await requestWithin(
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
  } catch (error) {
    throw passThrottled(z, error, 'JustClick', where);
  }
  if (response instanceof NoAnswer) throw fail(noAnswerFailure('JustClick', 'JustClick', response));
  if (response.status >= 500) throw fail(serverErrorFailure('JustClick', 'JustClick', response.status));

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

/** A result that carries nothing: absent, null or empty text (how JustClick answers an empty list). */
export const noResult = (result: unknown): boolean => result === undefined || result === null || result === '';
