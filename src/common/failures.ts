/**
 * The one place where a failed exchange with a vendor becomes what the user reads. A client says
 * what happened as a typed value (a Failure: no words of advice); this module adds the advice that
 * fits where the message is read, and picks Zapier's error class:
 *   - a create step: a write that may have been applied is never retried (the user checks first);
 *     a call that changed nothing, or was never sent, is handed back to Zapier to retry;
 *   - a search: it only reads, so it says nothing was changed; Zapier retries an action step that
 *     throws a ThrottledError (docs/zapier-platform.md), so a search may be handed back too;
 *   - a polling trigger: it only reads, and Zapier polls again at the trigger's interval anyway, so
 *     it promises no retry of "this step" and says nothing was changed;
 *   - the connection test: it changes no data, so it promises no retry and says to test again.
 * Nothing here reads a message back: the words are made once, from the typed value.
 */
import type { ZObject } from 'zapier-platform-core';

/** Where a message is read: a create step, a search, a polling trigger, or the connection test (with its advice). */
export type Where = 'create' | 'search' | 'poll' | { connectionTest: ConnectionTestAdvice };

export type FailureKind =
  /** The request cannot have reached the vendor (refused, unknown host): nothing was sent. */
  | 'not-sent'
  /** No whole answer came (timed out, connection dropped). */
  | 'no-answer'
  /** The vendor answered with a server error (HTTP 5xx). */
  | 'server-error'
  /** The vendor asks to slow down (HTTP 429). */
  | 'throttled'
  /**
   * No address of the vendor gave an answer, and asking again cannot apply anything twice (a read,
   * or a write that reached no handler): handed back to Zapier to ask again later.
   */
  | 'unreachable'
  /**
   * The vendor answered with something other than its documented answers. For a read it is never a
   * result and is asked again later; for a write (`changes` names what) it may have been applied.
   */
  | 'unreadable'
  /** The vendor refused the request (HTTP 4xx); the words say why. Nothing is retried. */
  | 'refused'
  /** The vendor refused the connection's credentials: the user reconnects the account. */
  | 'credentials';

export interface Failure {
  /** The vendor's name, for messages: "JustClick". */
  service: string;
  kind: FailureKind;
  /** One sentence, no advice: what happened ("JustClick did not answer in time (20 s)."). */
  what: string;
  /**
   * What the call may have changed, for a create step's advice ("the order"); false for a call that
   * only reads, whose step can simply run again.
   */
  changes: string | false;
  /**
   * The vendor's own advice for a step, in place of the one made from `changes`, where the vendor
   * knows more (MeaSoft refuses a second order with the same number, so replaying a create is safe);
   * empty when the caller words what the failure means in its step (then only what happened is said,
   * and nothing is handed back to Zapier to retry). The connection test gives its own advice.
   */
  advice?: string;
  /** The error code and HTTP status a step's error carries. */
  code: string;
  status: number;
}

/** What the connection test says after a failed exchange, and the code (and status) of its error. */
export interface ConnectionTestAdvice {
  advice: string;
  code: string;
  /** 502 when not given. */
  status?: number;
}

/** The delay Zapier is asked to wait before it runs a step again that was handed back to it. */
const RETRY_DELAY_S = 300;

/** What to do after a create step's call that got no usable answer, by what the call may have changed. */
function afterNoAnswer(failure: Failure): string {
  return failure.changes === false
    ? `This call changes nothing in ${failure.service}, so the step can simply run again.`
    : `The change may or may not have been applied: check ${failure.changes} in ${failure.service} before you ` +
        'replay this step.';
}

/** What a polling trigger says after a failed read: it changed nothing, and the next poll asks again. */
const atNextPoll = (failure: Failure) =>
  `Nothing was changed in ${failure.service}; Zapier asks again at the trigger's next poll.`;

const stayingDown = (failure: Failure) =>
  `if ${failure.service} stays down for more than 20 minutes, contact its support.`;

/** Each error made here, with the failure it says: read by whatFailed, never parsed back from the message. */
const failures = new WeakMap<Error, Failure>();

/**
 * What happened, in one sentence without advice, for an error that says a failure (made here, or
 * tied to one with sayingFailure): for a message that reports it among other things, such as a run
 * that stopped part-way. Undefined for any other error.
 */
export function whatFailed(error: unknown): string | undefined {
  return error instanceof Error ? failures.get(error)?.what : undefined;
}

/** Ties an error whose words are the caller's own to the failure it says (see whatFailed). */
export function sayingFailure<E extends Error>(error: E, failure: Failure): E {
  failures.set(error, failure);
  return error;
}

/** The failure as the error the user reads where it is read. */
export function failureError(z: ZObject, failure: Failure, where: Where): Error {
  return sayingFailure(wordedError(z, failure, where), failure);
}

function wordedError(z: ZObject, failure: Failure, where: Where): Error {
  // Refusals say why in their own words, wherever they are read.
  if (failure.kind === 'refused') return new z.errors.Error(failure.what, failure.code, failure.status);
  if (failure.kind === 'credentials') return new z.errors.ExpiredAuthError(failure.what);
  // The connection test changes no data: what happened, then the test's own advice; no retry promised.
  if (typeof where === 'object') {
    const { advice, code, status } = where.connectionTest;
    const todo =
      failure.kind === 'unreachable' ? `Test the connection again in about 5 minutes; ${stayingDown(failure)}` : advice;
    return new z.errors.Error(`${failure.what} ${todo}`, code, status ?? 502);
  }
  // The caller words what the failure means in its step itself (empty advice): only what happened, no retry.
  if (failure.advice === '') return new z.errors.Error(failure.what, failure.code, failure.status);
  const what = failure.what.replace(/\.$/, '');
  if (where === 'poll') {
    const sent = failure.kind === 'not-sent' ? '; nothing was sent' : '';
    return new z.errors.Error(`${what}${sent}. ${atNextPoll(failure)}`, failure.code, failure.status);
  }
  switch (failure.kind) {
    case 'not-sent':
      // Nothing was sent, so Zapier may safely run the step again.
      return new z.errors.ThrottledError(
        `${what}; nothing was sent. Zapier will retry this step later.`,
        RETRY_DELAY_S,
      );
    case 'throttled':
      return new z.errors.ThrottledError(`${failure.what} Zapier will retry this step later.`, RETRY_DELAY_S);
    case 'unreachable':
      return new z.errors.ThrottledError(
        `${failure.what} Zapier will retry this step in about 5 minutes; ${stayingDown(failure)}`,
        RETRY_DELAY_S,
      );
    case 'unreadable':
      if (where === 'search' || failure.changes === false)
        return new z.errors.ThrottledError(
          `${failure.what} Zapier will retry this step in about 5 minutes.`,
          RETRY_DELAY_S,
        );
      // A write that got an answer it cannot read may have been saved: sending it again could apply it twice.
      return new z.errors.Error(
        `${failure.what} The change may have been saved: check ${failure.changes} in your ${failure.service} ` +
          'account before you replay this step.',
        failure.code,
        failure.status,
      );
    default:
      return new z.errors.Error(
        `${failure.what} ${failure.advice ?? afterNoAnswer(where === 'search' ? { ...failure, changes: false } : failure)}`,
        failure.code,
        failure.status,
      );
  }
}

/**
 * Core turns a vendor's 429 into its own ThrottledError, with the vendor's Retry-After as the delay:
 * a step or a trigger passes it on to Zapier as it is. Only the connection test, which Zapier does
 * not retry, says it in words. Returns what to throw.
 */
export function passThrottled(z: ZObject, error: unknown, service: string, where: Where): unknown {
  if (typeof where !== 'object' || !(error instanceof z.errors.ThrottledError)) return error;
  // The connection test's error carries the test's own code and status.
  const what = `${service} asks to slow down (HTTP 429).`;
  return failureError(z, { service, kind: 'throttled', what, changes: false, code: '', status: 429 }, where);
}

/** True when the message is read in the connection test. */
export const inConnectionTest = (where: Where): where is { connectionTest: ConnectionTestAdvice } =>
  typeof where === 'object';

/**
 * Why a webhook trigger could not have a delivery confirmed by its vendor: the sentence of a failed
 * exchange (any error tied to a Failure, refused credentials included), or core's ThrottledError
 * for a 429. Undefined for any other error, which is a defect and travels on as it is.
 */
export function whyNotConfirmed(z: ZObject, error: unknown, service: string): string | undefined {
  if (error instanceof z.errors.ThrottledError) return `${service} asks to slow down (HTTP 429).`;
  return whatFailed(error);
}

/**
 * A delivery its vendor could not be asked about stops the run as an error rather than as halted:
 * the owner is alerted, and the run can be replayed from the Zap history (by hand, or by Autoreplay)
 * once the vendor answers; a halted run is easily missed. `subject` names what was to be confirmed.
 */
export function deliveryNotConfirmed(
  z: ZObject,
  failure: { service: string; what: string; code: string },
  subject: string,
): Error {
  return new z.errors.Error(
    `${failure.what} ${failure.service} could not confirm ${subject}, so the Zap did not run. Replay this run ` +
      `from the Zap history when ${failure.service} answers again.`,
    failure.code,
    503,
  );
}
