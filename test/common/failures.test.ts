import * as zapier from 'zapier-platform-core';
import type { ZObject } from 'zapier-platform-core';
import { failureError, type Failure } from '../../src/common/failures';
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
    const error = shown(failureError(z, noAnswer, 'step'));
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
    const error = shown(failureError(z, { ...noAnswer, kind: 'server-error', changes: false, status: 503 }, 'step'));
    expect(error).toMatchObject({
      message:
        'JustClick did not answer in time (20 s). This call changes nothing in JustClick, so the step can simply run again.',
      status: 503,
    });
  });

  it('nothing sent: handed back to Zapier to retry', () => {
    const what = 'JustClick could not be reached (ECONNREFUSED).';
    const error = shown(failureError(z, { ...noAnswer, kind: 'not-sent', what }, 'step'));
    expect(error).toMatchObject({
      name: 'ThrottledError',
      delay: 300,
      message: 'JustClick could not be reached (ECONNREFUSED); nothing was sent. Zapier will retry this step later.',
    });
  });

  it("a vendor's own advice replaces the one made from what the call changes, in a step only", () => {
    const advice = 'Replaying this step is safe: the vendor refuses the same number twice.';
    expect(shown(failureError(z, { ...noAnswer, advice }, 'step'))).toMatchObject({
      message: `JustClick did not answer in time (20 s). ${advice}`,
      code: 'JustClickNoAnswer',
    });
    // Empty: the caller says what happened itself, so only what happened is said.
    expect(shown(failureError(z, { ...noAnswer, advice: '' }, 'step')).message).toBe(
      'JustClick did not answer in time (20 s).',
    );
    const notSent = { ...noAnswer, kind: 'not-sent', what: 'JustClick could not be reached (ECONNREFUSED).' } as const;
    expect(shown(failureError(z, { ...notSent, advice: '' }, 'step'))).toEqual({
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
});
