/** What the JustClick unit tests share: the example account of JustClick's own PHP example, signing. */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { md5 } from '../support/hash';

export const LOGIN = 'username';
export const SECRET = 'X'.repeat(40);
export const authData = { justclick_login: LOGIN, justclick_secret: SECRET };
export const JUSTCLICK = 'https://username.justclick.ru';

/** An answer signed the way JustClick signs it: md5(error_code::error_text::secret). */
export const signed = (code: number, text: string, result?: unknown, secret = SECRET) => ({
  error_code: code,
  error_text: text,
  hash: md5(`${code}::${text}::${secret}`),
  ...(result === undefined ? {} : { result }),
});

/** The exact body JustClick expects: the PHP-encoded query, then &hash=md5(query::login::secret). */
export const body = (query: string) =>
  query === '' ? `hash=${md5(`::${LOGIN}::${SECRET}`)}` : `${query}&hash=${md5(`${query}::${LOGIN}::${SECRET}`)}`;

/** Date is faked (only Date: sockets and timers stay real, so nock and z.request work). */
export function freezeDate(iso: string): void {
  jest.useFakeTimers({
    now: new Date(iso),
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  });
}

/** A perform as Zapier calls it: mapped values arrive as text, whatever the field's type says. */
export const loose = (perform: unknown) => perform as (z: ZObject, bundle: Bundle) => Promise<unknown>;
