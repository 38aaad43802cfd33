import * as zapier from 'zapier-platform-core';
import type { ZObject } from 'zapier-platform-core';
import { failureError, passThrottled, sayingFailure, whatFailed, type Failure } from '../../src/common/failures';
import { shown } from '../support/zapier-error';

const z = { errors: zapier.errors } as unknown as ZObject;

const noAnswer: Failure = {
  service: 'JustClick',
  kind: 'no-answer',
  what: 'JustClick did not answer in time (20 s).',
  changes: 'the order',
  code: 'JustClickNoAnswer',
  status: 502,
};
const connectionTest = { connectionTest: { advice: 'Test the connection again.', code: 'ConnectionTestFailed' } };

describe('failureError: one place turns a failure into words, by where they are read', () => {
  it('a step whose write may have been applied: check before replaying, never retried', () => {
    const error = shown(failureError(z, noAnswer, 'create'));
    expect(error.name).not.toBe('ThrottledError');
    expect(error).toEqual({
      name: 'AppError',
      message:
        'JustClick did not answer in time (20 s). The change may or may not have been applied: check the order in ' +
        'JustClick before you replay this step.',
      code: 'JustClickNoAnswer',
      status: 502,
    });
  });

  it('a step whose call only reads: it can simply run again', () => {
    const error = shown(failureError(z, { ...noAnswer, kind: 'server-error', changes: false, status: 503 }, 'create'));
    expect(error).toMatchObject({
      message:
        'JustClick did not answer in time (20 s). This call changes nothing in JustClick, so the step can simply run again.',
      status: 503,
    });
  });

  it('nothing sent: handed back to Zapier to retry', () => {
    const what = 'JustClick could not be reached (ECONNREFUSED).';
    const error = shown(failureError(z, { ...noAnswer, kind: 'not-sent', what }, 'create'));
    expect(error).toMatchObject({
      name: 'ThrottledError',
      delay: 300,
      message: 'JustClick could not be reached (ECONNREFUSED); nothing was sent. Zapier will retry this step later.',
    });
  });

  it("a vendor's own advice replaces the one made from what the call changes, in a step only", () => {
    const advice = 'Replaying this step is safe: the vendor refuses the same number twice.';
    expect(shown(failureError(z, { ...noAnswer, advice }, 'create'))).toMatchObject({
      message: `JustClick did not answer in time (20 s). ${advice}`,
      code: 'JustClickNoAnswer',
    });
    // Empty: the caller says what happened itself, so only what happened is said.
    expect(shown(failureError(z, { ...noAnswer, advice: '' }, 'create')).message).toBe(
      'JustClick did not answer in time (20 s).',
    );
    const notSent = { ...noAnswer, kind: 'not-sent', what: 'JustClick could not be reached (ECONNREFUSED).' } as const;
    expect(shown(failureError(z, { ...notSent, advice: '' }, 'create'))).toEqual({
      name: 'AppError',
      message: 'JustClick could not be reached (ECONNREFUSED).',
      code: 'JustClickNoAnswer',
      status: 502,
    });
    expect(shown(failureError(z, { ...noAnswer, advice }, connectionTest)).message).toBe(
      'JustClick did not answer in time (20 s). Test the connection again.',
    );
  });

  it("the connection test: what happened and the test's own advice, no step advice and no retry", () => {
    for (const kind of ['not-sent', 'no-answer', 'server-error', 'throttled'] as const) {
      const error = shown(failureError(z, { ...noAnswer, kind }, connectionTest));
      expect(error.name).not.toBe('ThrottledError');
      expect(error).toEqual({
        name: 'AppError',
        message: 'JustClick did not answer in time (20 s). Test the connection again.',
        code: 'ConnectionTestFailed',
        status: 502,
      });
    }
  });

  it('a search only reads: it never asks to check a change, whatever the call was told it changes', () => {
    for (const kind of ['no-answer', 'server-error'] as const) {
      const error = shown(failureError(z, { ...noAnswer, kind }, 'search'));
      expect(error).toEqual({
        name: 'AppError',
        message:
          'JustClick did not answer in time (20 s). This call changes nothing in JustClick, so the step can simply ' +
          'run again.',
        code: 'JustClickNoAnswer',
        status: 502,
      });
    }
    // A search is an action step: Zapier retries its ThrottledError, so "nothing was sent" may be handed back.
    expect(
      shown(
        failureError(
          z,
          { ...noAnswer, kind: 'not-sent', what: 'JustClick could not be reached (ENOTFOUND).' },
          'search',
        ),
      ),
    ).toMatchObject({
      name: 'ThrottledError',
      message: 'JustClick could not be reached (ENOTFOUND); nothing was sent. Zapier will retry this step later.',
    });
  });

  it('a polling trigger: nothing was changed, the next poll asks again; it never promises to retry "this step"', () => {
    const cases = [
      [
        'no-answer',
        "JustClick did not answer in time (20 s). Nothing was changed in JustClick; Zapier asks again at the trigger's next poll.",
      ],
      [
        'server-error',
        "JustClick did not answer in time (20 s). Nothing was changed in JustClick; Zapier asks again at the trigger's next poll.",
      ],
      [
        'not-sent',
        "JustClick did not answer in time (20 s); nothing was sent. Nothing was changed in JustClick; Zapier asks again at the trigger's next poll.",
      ],
      [
        'unreachable',
        "JustClick did not answer in time (20 s). Nothing was changed in JustClick; Zapier asks again at the trigger's next poll.",
      ],
      [
        'unreadable',
        "JustClick did not answer in time (20 s). Nothing was changed in JustClick; Zapier asks again at the trigger's next poll.",
      ],
    ] as const;
    for (const [kind, message] of cases) {
      const error = shown(failureError(z, { ...noAnswer, kind }, 'poll'));
      expect(error).toEqual({ name: 'AppError', message, code: 'JustClickNoAnswer', status: 502 });
      expect(error.message).not.toMatch(/retry|replay|may or may not/);
    }
  });

  it('a host down: handed back to Zapier in a step, "test again" in the connection test', () => {
    const down: Failure = {
      ...noAnswer,
      service: 'R-Lab',
      kind: 'unreachable',
      what: 'R-Lab is unreachable (ECONNREFUSED).',
      changes: false,
    };
    const tail = 'if R-Lab stays down for more than 20 minutes, contact its support.';
    for (const where of ['create', 'search'] as const) {
      expect(shown(failureError(z, down, where))).toEqual({
        name: 'ThrottledError',
        delay: 300,
        message: `R-Lab is unreachable (ECONNREFUSED). Zapier will retry this step in about 5 minutes; ${tail}`,
      });
    }
    expect(shown(failureError(z, down, connectionTest))).toEqual({
      name: 'AppError',
      message: `R-Lab is unreachable (ECONNREFUSED). Test the connection again in about 5 minutes; ${tail}`,
      code: 'ConnectionTestFailed',
      status: 502,
    });
  });

  it('an unreadable answer: a read asks again later; a write may have been saved and is not retried', () => {
    const unreadable: Failure = { ...noAnswer, kind: 'unreadable', what: 'JustClick answered with HTML.' };
    expect(shown(failureError(z, { ...unreadable, changes: false }, 'create'))).toMatchObject({
      name: 'ThrottledError',
      message: 'JustClick answered with HTML. Zapier will retry this step in about 5 minutes.',
    });
    expect(shown(failureError(z, unreadable, 'create'))).toEqual({
      name: 'AppError',
      message:
        'JustClick answered with HTML. The change may have been saved: check the order in your JustClick account ' +
        'before you replay this step.',
      code: 'JustClickNoAnswer',
      status: 502,
    });
  });

  it('refusals and credentials read the same wherever they are read', () => {
    for (const where of ['create', 'search', 'poll', connectionTest] as const) {
      expect(shown(failureError(z, { ...noAnswer, kind: 'refused', what: 'Refused.', status: 400 }, where))).toEqual({
        name: 'AppError',
        message: 'Refused.',
        code: 'JustClickNoAnswer',
        status: 400,
      });
      expect(shown(failureError(z, { ...noAnswer, kind: 'credentials', what: 'Wrong key.' }, where))).toEqual({
        name: 'ExpiredAuthError',
        message: 'Wrong key.',
      });
    }
  });

  it('whatFailed reads the failure an error says, never its message', () => {
    const error = failureError(z, noAnswer, 'create');
    expect(whatFailed(error)).toBe('JustClick did not answer in time (20 s).');
    const own = sayingFailure(new Error('Own words, with advice.'), { ...noAnswer, what: 'What happened.' });
    expect(whatFailed(own)).toBe('What happened.');
    expect(whatFailed(new Error('{"message":"JSON"}'))).toBeUndefined();
    expect(whatFailed('text')).toBeUndefined();
  });

  it("core's 429 passes on as it is, except in the connection test, which says it in words", () => {
    const core = new zapier.errors.ThrottledError('The server returned 429 (Too Many Requests)', 120);
    for (const where of ['create', 'search', 'poll'] as const)
      expect(passThrottled(z, core, 'R-Lab', where)).toBe(core);
    expect(shown(passThrottled(z, core, 'R-Lab', connectionTest))).toEqual({
      name: 'AppError',
      message: 'R-Lab asks to slow down (HTTP 429). Test the connection again.',
      code: 'ConnectionTestFailed',
      status: 502,
    });
    const other = new Error('other');
    expect(passThrottled(z, other, 'R-Lab', connectionTest)).toBe(other);
  });
});
