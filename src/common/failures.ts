/**
 * The one place where a failed exchange with a vendor becomes what the user reads. A client says
 * what happened as a typed value (a Failure: no words of advice); this module adds the advice that
 * fits where the message is read, and picks Zapier's error class:
 *   - a step: a write that may have been applied is never retried (the user checks first); a call
 *     that changed nothing, or was never sent, is handed back to Zapier to retry;
 *   - the connection test: it changes no data, so it promises no retry and says to test again.
 * Nothing here reads a message back: the words are made once, from the typed value.
 */
import type { ZObject } from 'zapier-platform-core';

/** Where a message is read: in a Zap step, or in the connection test (with that test's advice). */
export type Where = 'step' | { connectionTest: ConnectionTestAdvice };

export type FailureKind =
  /** The request cannot have reached the vendor (refused, unknown host): nothing was sent. */
  | 'not-sent'
  /** No whole answer came (timed out, connection dropped). */
  | 'no-answer'
  /** The vendor answered with a server error (HTTP 5xx). */
  | 'server-error'
  /** The vendor asks to slow down (HTTP 429). */
  | 'throttled';

export interface Failure {
  /** The vendor's name, for messages: "JustClick". */
  service: string;
  kind: FailureKind;
  /** One sentence, no advice: what happened ("JustClick did not answer in time (20 s)."). */
  what: string;
  /**
   * What the call may have changed, for a step's advice ("the order"); false for a call that only
   * reads, whose step can simply run again.
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

/** What the connection test says after a failed exchange, and the code of its error. */
export interface ConnectionTestAdvice {
  advice: string;
  code: string;
}

/** What to do after a step's call that got no usable answer, by what the call may have changed. */
function afterNoAnswer(failure: Failure): string {
  return failure.changes === false
    ? `This call changes nothing in ${failure.service}, so the step can simply run again.`
    : `The change may or may not have been applied: check ${failure.changes} in ${failure.service} before you ` +
        'replay this step.';
}

/** The failure as the error the user reads where it is read. */
export function failureError(z: ZObject, failure: Failure, where: Where): Error {
  // The connection test changes no data: what happened, then the test's own advice; no retry promised.
  if (where !== 'step')
    return new z.errors.Error(`${failure.what} ${where.connectionTest.advice}`, where.connectionTest.code, 502);
  // The caller words what the failure means in its step itself (empty advice): only what happened, no retry.
  if (failure.advice === '') return new z.errors.Error(failure.what, failure.code, failure.status);
  switch (failure.kind) {
    case 'not-sent':
      // Nothing was sent, so Zapier may safely run the step again.
      return new z.errors.ThrottledError(
        `${failure.what.replace(/\.$/, '')}; nothing was sent. Zapier will retry this step later.`,
        300,
      );
    case 'throttled':
      return new z.errors.ThrottledError(`${failure.what} Zapier will retry this step later.`, 300);
    default:
      return new z.errors.Error(
        `${failure.what} ${failure.advice ?? afterNoAnswer(failure)}`,
        failure.code,
        failure.status,
      );
  }
}
