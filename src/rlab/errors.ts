/**
 * R-Lab's and DeliveryCRM's documented refusals and what each means (R-Lab API document, see
 * docs/rlab.md), and the failures (typed, worded in src/common/failures.ts) of a host that is down,
 * refuses the request or answers with something other than its documented answers.
 */
import type { HttpResponse, ZObject } from 'zapier-platform-core';
import { preview } from '../common/errors';
import { AUTH_FIELDS } from '../credentials';
import { failureError, type Failure, type Where } from '../common/failures';
import type { RlabAnswer, RlabMethod } from './types';

/**
 * Both addresses (or the only one) failed to answer; asking again applies nothing twice. The words
 * that fit where it is read are src/common/failures.ts's.
 */
export const unreachable = (service: string, reasons: string): Failure => ({
  service,
  kind: 'unreachable',
  what: `${service} is unreachable (${reasons}).`,
  changes: false,
  code: 'RlabUnreachable',
  status: 503,
});

/** A read answered with something other than the vendor's documented answers: never a result, asked again later. */
export const unreadable = (service: string, what: string): Failure => ({
  service,
  kind: 'unreadable',
  what: `${service} answered with something other than its documented answer (${what}), so it is not taken as a result.`,
  changes: false,
  code: 'RlabUnreadableAnswer',
  status: 502,
});

/** A 4xx: a 401/403 points to the connection, others show the answer. */
export function refusedStatus(service: string, response: HttpResponse, hidden: readonly string[]): Failure {
  const credentials = response.status === 401 || response.status === 403;
  const hint = credentials
    ? `check ${AUTH_FIELDS.rlab_user_id} and ${AUTH_FIELDS.rlab_api_key} in the connection`
    : `answer: "${preview(response.content, hidden)}"`;
  return {
    service,
    kind: credentials ? 'credentials' : 'refused',
    what: `${service} refused the request with HTTP ${response.status} (${hint}).`,
    changes: false,
    code: 'RlabHttpError',
    status: response.status,
  };
}

/**
 * The connection test's advice after a failed exchange with R-Lab (a host down gets the common
 * "test again in about 5 minutes" words): it changes no data, so the user simply tests again.
 */
export const CONNECTION_TEST: Where = {
  connectionTest: { advice: 'Test the connection again in a few minutes.', code: 'RlabUnreachable', status: 503 },
};

/** What a documented R-Lab refusal means in English, what to do, and the fields it points at. */
type Explanation = { english: string; todo: string };

/**
 * R-Lab's documented texts (API document, "Примеры ответов от сервера"), and the "none applied"
 * variants of the partial answers ("Данные не добавлены в базу, ошибок 1").
 */
export function explainResult(method: RlabMethod, info: string, state: number): Explanation {
  const errors = /ошиб\S*\s+(\d+)/i.exec(info)?.[1];
  const counted = errors === undefined ? '' : ` (${errors} refused)`;
  if (/ключ|key/i.test(info)) {
    return {
      english: 'the request key is wrong: R-Lab User ID and R-Lab API Key do not belong to one account',
      todo:
        `Copy ${AUTH_FIELDS.rlab_user_id} and ${AUTH_FIELDS.rlab_api_key} from your DeliveryCRM profile ` +
        '(https://deliverycrm.ru/client/profile/index) into the connection.',
    };
  }
  if (state === 1) {
    return { english: `R-Lab applied part of the request${counted}`, todo: 'See which tracks were applied below.' };
  }
  if (method === 'deltrack' && /не удален/i.test(info)) {
    return {
      english:
        `R-Lab deleted none of the tracks${counted}: it does not hold them (already deleted, never added, or ` +
        'filed under another carrier)',
      todo: 'Check Tracking Number and Carrier; Find R-Lab Track Status shows whether R-Lab holds a track.',
    };
  }
  if (method === 'updatetrack' && /не обновлен/i.test(info)) {
    return {
      english:
        `R-Lab updated none of the tracks${counted}: usually it does not hold the track, or it refused a new ` +
        'Phone',
      todo:
        'Check Tracking Number (add it first with Add R-Lab Tracking Number) and Phone (international form, e.g. ' +
        '+7 916 000-00-00).',
    };
  }
  if (method === 'addtrack' && /не добавлен/i.test(info)) {
    return {
      english: `R-Lab stored none of the tracks${counted}; it names no field, and usually it is a Phone it cannot read`,
      todo: 'Check Phone (international form, e.g. +7 916 000-00-00) and Tracking Number.',
    };
  }
  return {
    english: 'R-Lab gave no other reason',
    todo: "Check the step's values against R-Lab's rules, or ask R-Lab's support with this text.",
  };
}

/**
 * A resultState other than 0 as a failure: R-Lab's own text, then in English what it means and what to
 * do. A wrong request key is a credentials failure (the user reconnects the account).
 */
export function rlabResult(answer: RlabAnswer, method: RlabMethod = 'gettrackinfo'): Failure {
  const info = `"${answer.resultInfo || 'no explanation given'}"`;
  const { english, todo } = explainResult(method, answer.resultInfo, answer.resultState);
  const failure = { service: 'R-Lab', changes: false, code: `RlabResult${answer.resultState}`, status: 400 } as const;
  if (/ключ|key/i.test(answer.resultInfo)) {
    return {
      ...failure,
      kind: 'credentials',
      what: `R-Lab refused the request key: ${info}, that is, ${english}. ${todo}`,
    };
  }
  const what =
    answer.resultState === 1
      ? 'R-Lab applied only part of the request'
      : answer.resultState === 2
        ? 'R-Lab refused the request'
        : `R-Lab answered with the unknown result ${answer.resultState}`;
  return {
    ...failure,
    kind: 'refused',
    what: `${what}: ${info} (resultState ${answer.resultState}), that is, ${english}. ${todo}`,
  };
}

/** rlabResult as the error the user reads (a refusal reads the same wherever it is read). */
export const rlabResultError = (z: ZObject, answer: RlabAnswer, method: RlabMethod = 'gettrackinfo'): Error =>
  failureError(z, rlabResult(answer, method), 'create');
