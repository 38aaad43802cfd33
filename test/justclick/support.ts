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

/** An order as getOrdersWithGoods / getOrderDetails send it: numbers and money as text, Unix times. */
export const rawOrder = (id: string, created: number, extra: Record<string, unknown> = {}) => ({
  id,
  first_name: 'Анна',
  last_name: 'Петрова',
  middle_name: 'Сергеевна',
  email: 'anna@example.com',
  phone: '+79031112233',
  city: 'Москва',
  country: 'Россия',
  address: 'ул. Тверская, д. 1, кв. 5',
  region: 'Московская область',
  postalcode: '125009',
  created: String(created),
  pay_status: 'waiting',
  paid: '0',
  type: 'physical',
  payway: '',
  comment: 'Позвонить за час',
  domain: 'shop.example.ru',
  link: `https://sandboxshop.justclick.ru/order/${id}/`,
  tag: 'spring-sale',
  kupon: 'SPRING10',
  utm: { source: 'newsletter', medium: 'email', campaign: 'spring', content: 'button', term: 'курс' },
  price: '2490.00',
  bill_sum_topay: '2490.00',
  items: [{ id: 'course-basic', title: 'Базовый курс', price: '2990.00', sum: '2490.00' }],
  ...extra,
});

// 2024-05-20 12:00:00 Moscow time.
export const NOON = 1716195600;

/**
 * JustClick's general refusals, with the error_text its answers page gives each, and the app's
 * English explanation: every JustClick call must explain them the same way.
 */
export const GENERAL_ERRORS: Array<[number, string, string]> = [
  [1, 'not transferred hash', 'the request carried no hash'],
  [2, 'no transmitted data', 'the request carried no data'],
  [3, 'wrong posted data', 'the data sent is not valid'],
  [
    6,
    'permission denied for ip 1.2.3.4',
    'JustClick refuses API calls from this IP address (see the API settings of your JustClick account)',
  ],
  [7, 'account disabled', 'the JustClick account is disabled'],
  [8, 'API disabled', 'the API call limit is reached, or the API is disabled for this account'],
];

/** The refusals that ask the user to fix the connection. */
export const CREDENTIAL_ERRORS: Array<[number, string, string]> = [
  [4, 'incorrect hash', 'check the JustClick API Key in the connection'],
  [5, 'invalid user name', 'check the JustClick Login in the connection'],
];
