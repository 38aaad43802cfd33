import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import { updateOrderStatusSample } from '../../src/justclick/samples';
import { perform } from '../../src/justclick/update-order-status';
import { useEnv } from '../support/env';
import { md5 } from '../support/hash';
import { caught } from '../support/zapier-error';
import { unixSecondsToMoscowIso } from '../../src/common/dates';

const appTester = createAppTester(App);
const setEnv = useEnv();

// JustClick's own example account (its UpdateOrderStatus page; docs/justclick.md).
const LOGIN = 'username';
const SECRET = 'X'.repeat(40);
const authData = { justclick_login: LOGIN, justclick_secret: SECRET };
const JUSTCLICK = 'https://username.justclick.ru';

/** An answer signed the way JustClick signs it: md5(error_code::error_text::secret). */
const signed = (code: number, text: string, secret = SECRET) => ({
  error_code: code,
  error_text: text,
  hash: md5(`${code}::${text}::${secret}`),
});

/** The exact body JustClick expects: the PHP-encoded query, then &hash=md5(query::login::secret). */
const body = (query: string) => `${query}&hash=${md5(`${query}::${LOGIN}::${SECRET}`)}`;

describe('Update Order Status: requests', () => {
  it("sends the document's example exactly and returns the updated order (the sample)", async () => {
    const scope = nock(JUSTCLICK)
      .post(
        '/api/UpdateOrderStatus',
        'bill_id=100000&status=sent&date=1362254400&rpo=10000000000000&hash=92cea5ba30b463b8c3b234e3d2945e65',
      )
      .matchHeader('content-type', 'application/x-www-form-urlencoded')
      .reply(200, signed(0, 'OK'));

    const result = await appTester(perform, {
      authData,
      inputData: { bill_id: '100000', status: 'sent', date: '1362254400', rpo: '10000000000000' },
    });

    expect(result).toEqual(updateOrderStatusSample);
    expect(scope.isDone()).toBe(true);
  });

  it("encodes values the PHP way (space as +, ! * ' ( ) ~ escaped) before hashing", async () => {
    const scope = nock(JUSTCLICK)
      .post(
        '/api/UpdateOrderStatus',
        body('bill_id=A+1%21%D0%96&status=sent&date=1362254400&rpo=%D0%96%2A%28%29%7E%27'),
      )
      .reply(200, signed(0, 'ok'));

    const result = await appTester(perform, {
      authData,
      inputData: { bill_id: 'A 1!Ж', status: 'sent', date: '2013-03-03T00:00:00+04:00', rpo: "Ж*()~'" },
    });

    expect(result).toMatchObject({ bill_id: 'A 1!Ж', rpo: "Ж*()~'", justclick_error_text: 'ok' });
    expect(scope.isDone()).toBe(true);
  });

  it('sends the tracking number as carriers write it, signs that value and shows it in the output', async () => {
    // Spaces, lower case and a Cyrillic а (looks like the Latin a) in the typed number.
    const scope = nock(JUSTCLICK)
      .post('/api/UpdateOrderStatus', body('bill_id=100000&status=sent&date=1362254400&rpo=RA644000886RU'))
      .reply(200, signed(0, 'OK'));

    const result = await appTester(perform, {
      authData,
      inputData: { bill_id: '100000', status: 'sent', date: '1362254400', rpo: ' rа 644 000 886 ru ' },
    });

    expect(result).toMatchObject({ rpo: 'RA644000886RU' });
    expect(scope.isDone()).toBe(true);
  });

  it('refuses Sent when the tracking number is only white space', async () => {
    const error = await caught(
      appTester(perform, { authData, inputData: { bill_id: '1', status: 'sent', rpo: ' \u200b ' } }),
    );
    expect(error.message).toBe(
      'Postal Tracking Number (RPO): expected a tracking number, which JustClick requires for the status Sent.',
    );
  });

  it('leaves out the optional params that are empty', async () => {
    const scope = nock(JUSTCLICK)
      .post('/api/UpdateOrderStatus', body('bill_id=100002&status=cancel'))
      .reply(200, signed(0, 'OK'));

    const result = await appTester(perform, {
      authData,
      inputData: { bill_id: ' 100002 ', status: 'cancel', rpo: '' },
    });

    expect(result).toMatchObject({
      bill_id: '100002',
      status: 'cancel',
      date: null,
      date_unix: null,
      date_defaulted: false,
      rpo: null,
    });
    expect(scope.isDone()).toBe(true);
  });

  it('uses the time of the run when Paid has no date, and says so in the output', async () => {
    let sentDate = 0;
    const before = Math.floor(Date.now() / 1000);
    const scope = nock(JUSTCLICK)
      .post('/api/UpdateOrderStatus', /^bill_id=100003&status=paid&date=\d+&hash=[0-9a-f]{32}$/)
      .reply(200, (_uri, raw) => {
        const [, date, hash] = /date=(\d+)&hash=(\w+)$/.exec(String(raw)) ?? [];
        sentDate = Number(date);
        // The hash must cover the date actually sent.
        expect(hash).toBe(md5(`bill_id=100003&status=paid&date=${date}::${LOGIN}::${SECRET}`));
        return signed(0, 'OK');
      });

    const result = await appTester(perform, { authData, inputData: { bill_id: '100003', status: 'paid' } });

    expect(sentDate).toBeGreaterThanOrEqual(before);
    expect(sentDate).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(result).toMatchObject({
      date_unix: sentDate,
      date: unixSecondsToMoscowIso(sentDate),
      date_defaulted: true,
    });
    expect(scope.isDone()).toBe(true);
  });

  it('sends to the address JUSTCLICK_BASE_URL gives, with the login in place of {login}', async () => {
    setEnv({ JUSTCLICK_BASE_URL: 'https://{login}.staging.example/' });
    const scope = nock('https://username.staging.example')
      .post('/api/UpdateOrderStatus', body('bill_id=1&status=return'))
      .reply(200, signed(0, 'OK'));
    await appTester(perform, { authData, inputData: { bill_id: '1', status: 'return' } });
    expect(scope.isDone()).toBe(true);
  });
});

describe('Update Order Status: JustClick Login as users paste it', () => {
  const signedBody = (query: string, login: string) => `${query}&hash=${md5(`${query}::${login}::${SECRET}`)}`;
  const run = (login: string) =>
    appTester(perform, {
      authData: { justclick_login: login, justclick_secret: SECRET },
      inputData: { bill_id: '1', status: 'cancel' },
    });

  it.each([
    'myshop',
    ' MyShop ',
    'myshop.justclick.ru',
    'https://myshop.justclick.ru',
    'HTTPS://MYSHOP.JUSTCLICK.RU/',
    'https://myshop.justclick.ru/api/UpdateOrderStatus',
    'http://myshop.justclick.ru/?from=menu#top',
  ])('%j: sends to myshop.justclick.ru, signed with the login myshop', async (login) => {
    const scope = nock('https://myshop.justclick.ru')
      .post('/api/UpdateOrderStatus', signedBody('bill_id=1&status=cancel', 'myshop'))
      .reply(200, signed(0, 'OK'));
    await expect(run(login)).resolves.toMatchObject({ bill_id: '1', status: 'cancel' });
    expect(scope.isDone()).toBe(true);
  });

  it('sends to the justclick.io address an InfluencerSoft account was pasted with', async () => {
    const scope = nock('https://myshop.justclick.io')
      .post('/api/UpdateOrderStatus', signedBody('bill_id=1&status=cancel', 'myshop'))
      .reply(200, signed(0, 'OK'));
    await expect(run('https://myshop.justclick.io/')).resolves.toMatchObject({ justclick_error_code: 0 });
    expect(scope.isDone()).toBe(true);
  });

  const expected =
    'JustClick Login: expected the first part of your JustClick address, e.g. myshop for myshop.justclick.ru (the whole address may be pasted)';
  // nock.disableNetConnect() is on and no interceptor is set: a request would fail differently.
  it.each([
    ['owner@myshop.ru', 'an e-mail address is not the login'],
    ['https://owner@myshop.justclick.ru', 'an e-mail address is not the login'],
    ['my shop', 'a login has no spaces'],
    ['магазин', 'a login has only Latin letters, digits and hyphens'],
    ['-myshop', 'a login has only Latin letters, digits and hyphens'],
    [
      'https://myshop.getcourse.ru',
      "that is not the address of a JustClick account (the account's own subdomain of justclick.ru)",
    ],
    [
      'https://justclick.ru/',
      "that is not the address of a JustClick account (the account's own subdomain of justclick.ru)",
    ],
    [
      'www.justclick.ru',
      "that is not the address of a JustClick account (the account's own subdomain of justclick.ru)",
    ],
    [
      'a.b.justclick.ru',
      "that is not the address of a JustClick account (the account's own subdomain of justclick.ru)",
    ],
    [
      'myshop.justclick.ru.evil.example',
      "that is not the address of a JustClick account (the account's own subdomain of justclick.ru)",
    ],
    [SECRET.toLowerCase(), 'it holds the same value as JustClick API Key'],
  ])('refuses %j before any request, saying what the login looks like', async (login, why) => {
    const error = await caught(run(login));
    expect(error).toMatchObject({ message: `${expected}; ${why}.`, code: 'InvalidInput' });
    expect(error.message).not.toContain('did not answer');
  });
});

describe('Update Order Status: dates as the user means them', () => {
  const sent = (date: number) => body(`bill_id=100000&status=paid&date=${date}`);
  const run = (date: unknown) =>
    appTester(perform, { authData, inputData: { bill_id: '100000', status: 'paid', date } as never });

  it.each([
    // Day first, as written in Russia: 2 May 2024 10:00 Moscow time (UTC+3) = 07:00 UTC.
    ['02.05.2024 10:00', 1714633200],
    ['2.5.2024 10:00', 1714633200],
    ['02.05.2024', 1714597200],
    // JustClick's own example: 3 March 2013 00:00 = 1362254400, Moscow time (then UTC+4).
    ['03.03.2013 00:00', 1362254400],
    ['2024-05-02T10:00:00', 1714633200],
    ['2024-05-02T10:00:00+03:00', 1714633200],
    ['2024-05-02T07:00:00Z', 1714633200],
    ['1714633200', 1714633200],
    [1714633200, 1714633200],
  ])('%j is sent as %i', async (date, unix) => {
    const scope = nock(JUSTCLICK).post('/api/UpdateOrderStatus', sent(unix)).reply(200, signed(0, 'OK'));
    const result = await run(date);
    expect(result).toMatchObject({
      date_unix: unix,
      date: unixSecondsToMoscowIso(unix),
      date_defaulted: false,
    });
    expect(scope.isDone()).toBe(true);
  });

  it('returns the date in Moscow time (+03:00), as the other JustClick outputs, so 2 May midnight reads as 2 May', async () => {
    nock(JUSTCLICK).post('/api/UpdateOrderStatus', sent(1714597200)).reply(200, signed(0, 'OK'));
    const result = await run('02.05.2024');
    expect(result.date).toBe('2024-05-02T00:00:00+03:00');
  });

  it("is a text field, so Zapier's editor does not rewrite it first (the CLI's invoke does what the editor does)", async () => {
    // zapier-platform invoke converts inputs by field type the way Zapier's editor does. For a datetime
    // field it would read 02.05.2024 as 5 February and turn 2024-02-30 into the current time.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CLI's own code, in CommonJS with no types
    const resolveInputDataTypes = require('zapier-platform-cli/src/oclif/commands/invoke/input-types.js') as (
      inputData: Record<string, unknown>,
      fields: unknown[],
      timezone: string,
    ) => Record<string, unknown>;
    const fields = App.creates.justclick_update_order_status!.operation.inputFields as Array<{
      key: string;
      type?: string;
    }>;
    expect(fields.find((field) => field.key === 'date')?.type).toBe('string');
    expect(
      resolveInputDataTypes({ date: '02.05.2024 10:00' }, [{ key: 'date', type: 'datetime' }], 'America/Chicago'),
    ).toEqual({
      date: '2024-02-05T10:00:00-06:00',
    });

    const inputData = resolveInputDataTypes(
      { bill_id: '100000', status: 'paid', date: '02.05.2024 10:00' },
      fields,
      'America/Chicago',
    );
    const scope = nock(JUSTCLICK).post('/api/UpdateOrderStatus', sent(1714633200)).reply(200, signed(0, 'OK'));
    await expect(appTester(perform, { authData, inputData })).resolves.toMatchObject({ date_unix: 1714633200 });
    expect(scope.isDone()).toBe(true);
  });

  it('says in its help text which forms it reads and in which time zone', () => {
    const fields = App.creates.justclick_update_order_status!.operation.inputFields as Array<{
      key: string;
      helpText?: string;
    }>;
    const help = fields.find((field) => field.key === 'date')?.helpText ?? '';
    expect(help).toContain('`02.05.2024 10:00` is 2 May 2024');
    expect(help).toContain('Moscow time (UTC+3)');
    expect(help).not.toMatch(/free text|UTC\./);
  });
});

const STATUSES =
  'one of sent (Sent (Shipped by Post)), paid (Paid), return (Returned by the Buyer), cancel (Cancelled)';

describe('Update Order Status: New Status', () => {
  it.each([
    ['Paid', 'paid'],
    ['PAID', 'paid'],
    [' cancelled ', 'cancel'],
    ['Returned by the Buyer', 'return'],
    ['Sent (Shipped by Post)', 'sent'],
    ['Оплачен', 'paid'],
    ['ОТПРАВЛЕН', 'sent'],
    ['Отменён', 'cancel'],
    ['отменен', 'cancel'],
    ['Возврат', 'return'],
  ])('reads %j as the choice %s', async (typed, status) => {
    const scope = nock(JUSTCLICK)
      .post('/api/UpdateOrderStatus', body(`bill_id=1&status=${status}&date=1362254400&rpo=1`))
      .reply(200, signed(0, 'OK'));
    const result = await appTester(perform, {
      authData,
      inputData: { bill_id: '1', status: typed, date: '1362254400', rpo: '1' },
    });
    expect(result).toMatchObject({ status });
    expect(scope.isDone()).toBe(true);
  });
});

describe('Update Order Status: bad input is refused before any request', () => {
  // nock.disableNetConnect() is on and no interceptor is set: any request would fail the test differently.
  it.each<[Record<string, string>, string]>([
    [{ bill_id: '', status: 'paid' }, 'Order Number: expected the number of a JustClick order.'],
    [{ bill_id: '1', status: 'shipped' }, `New Status: expected ${STATUSES} (got "shipped").`],
    // Names every JavaScript object has are not choices.
    ...['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'].map(
      (status): [Record<string, string>, string] => [
        { bill_id: '1', status },
        `New Status: expected ${STATUSES} (got "${status}").`,
      ],
    ),
    [{ bill_id: '1', status: ' ' }, 'New Status: expected one of sent, paid, return, cancel.'],
    [
      { bill_id: '1', status: 'sent', date: '1362254400' },
      'Postal Tracking Number (RPO): expected a tracking number, which JustClick requires for the status Sent.',
    ],
    [
      { bill_id: '1', status: 'paid', date: 'next Tuesday-ish' },
      'Date Sent or Paid: expected a date such as 02.05.2024 10:00 (day first, Moscow time), 2024-05-02T10:00:00+03:00 ' +
        'or a Unix timestamp such as 1714633200 (got "next Tuesday-ish").',
    ],
    [
      // Month-first with slashes is ambiguous (2 May or 5 February): refused rather than guessed.
      { bill_id: '1', status: 'paid', date: '02/05/2024' },
      'Date Sent or Paid: expected a date such as 02.05.2024 10:00 (day first, Moscow time), 2024-05-02T10:00:00+03:00 ' +
        'or a Unix timestamp such as 1714633200 (got "02/05/2024").',
    ],
    ...['2024-02-30', '31.04.2024', '02.05.2024 25:00', '2024-02-30T10:00:00+03:00'].map(
      (date): [Record<string, string>, string] => [
        { bill_id: '1', status: 'paid', date },
        'Date Sent or Paid: expected a date and time that exist in the calendar (no 30 February or 31 April, hours 00 to 23) ' +
          `(got "${date}").`,
      ],
    ),
  ])('%j', async (inputData, message) => {
    const error = await caught(appTester(perform, { authData, inputData }));
    expect(error).toMatchObject({ message, code: 'InvalidInput' });
  });

  it('names the missing connection fields when the connection has no JustClick credentials', async () => {
    const error = await caught(
      appTester(perform, {
        authData: { rlab_user_id: '1', rlab_api_key: 'k' },
        inputData: { bill_id: '1', status: 'cancel' },
      }),
    );
    expect(error.message).toBe(
      'This step needs your JustClick credentials, but the connection has no JustClick Login or JustClick API Key. ' +
        'Reconnect the account and fill in JustClick Login and JustClick API Key.',
    );
  });
});

describe('Update Order Status: answers', () => {
  const run = () => appTester(perform, { authData, inputData: { bill_id: '100000', status: 'cancel' } });
  const answer = (status: number, reply: unknown) =>
    nock(JUSTCLICK)
      .post('/api/UpdateOrderStatus', body('bill_id=100000&status=cancel'))
      .reply(status, reply as nock.Body);

  it("carries JustClick's text, the code and an explanation for a documented error", async () => {
    answer(200, signed(200, 'Заказ не существует'));
    const error = await caught(run());
    expect(error).toMatchObject({
      message: 'JustClick refused the request: error 200 "Заказ не существует" (the order does not exist).',
      code: 'JustClickError200',
    });
  });

  it('asks the user to reconnect when JustClick says the hash (the key) is wrong', async () => {
    answer(200, { error_code: 4, error_text: 'Неверный хэш', hash: 'signed-with-their-key' });
    const error = await caught(run());
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message.split('\n')[0]).toBe(
      'JustClick refused the request: error 4 "Неверный хэш" (the hash is wrong: check the JustClick API Key in the connection).',
    );
  });

  it('says so when an error code is not documented', async () => {
    answer(200, signed(999, 'Странно'));
    expect((await caught(run())).message).toBe(
      'JustClick refused the request: error 999 "Странно" (JustClick gave no further explanation).',
    );
  });

  it('never reports success for an answer whose hash does not verify', async () => {
    answer(200, signed(0, 'OK', 'someone-else'));
    const error = await caught(run());
    expect(error.code).toBe('JustClickUntrustedAnswer');
    expect(error.message).toMatch(/^JustClick's answer is not signed with your API key/);
  });

  it('never reports success for an answer without a hash', async () => {
    answer(200, { error_code: 0, error_text: 'OK' });
    expect((await caught(run())).code).toBe('JustClickUntrustedAnswer');
  });

  it('accepts the code as a string, hashing the text exactly as received', async () => {
    answer(200, { error_code: '0', error_text: 'ok', hash: md5(`0::ok::${SECRET}`).toUpperCase() });
    await expect(run()).resolves.toMatchObject({ justclick_error_code: 0, justclick_error_text: 'ok' });
  });

  it('rejects a body that is not the API answer (e.g. a login page)', async () => {
    answer(200, '<html>Вход</html>');
    expect((await caught(run())).message).toBe(
      'JustClick answered with something other than its API answer (HTTP 200: "<html>Вход</html>"). Check the JustClick Login in the connection.',
    );
  });

  // Only JustClick's documented envelope {error_code, error_text, hash} is ever read as a result.
  it.each<[string, string | object]>([
    ['null', 'null'],
    ['a number', '0'],
    ['a string', '"OK"'],
    ['an array', '[0, "OK"]'],
    ['an empty object', '{}'],
    ['no error_code', JSON.stringify({ error_text: 'OK', hash: md5(`0::OK::${SECRET}`) })],
    [
      'a non-numeric error_code',
      JSON.stringify({ error_code: 'ok', error_text: 'OK', hash: md5(`ok::OK::${SECRET}`) }),
    ],
    [
      'a boolean error_code',
      JSON.stringify({ error_code: false, error_text: 'OK', hash: md5(`false::OK::${SECRET}`) }),
    ],
    ['a fractional error_code', JSON.stringify({ error_code: 0.5, error_text: 'OK', hash: md5(`0.5::OK::${SECRET}`) })],
    ['a negative error_code', JSON.stringify({ error_code: -1, error_text: 'OK', hash: md5(`-1::OK::${SECRET}`) })],
    ['a cut-off body', JSON.stringify(signed(0, 'OK')).slice(0, 30)],
    ['a valid answer followed by more', `${JSON.stringify(signed(0, 'OK'))}<br>`],
    ['a key that reaches the prototype', `{"__proto__":{"error_code":0},${JSON.stringify(signed(0, 'OK')).slice(1)}`],
  ])('an answer with %s is not a result', async (_what, reply) => {
    answer(200, reply);
    const error = await caught(run());
    expect(error).toMatchObject({ code: 'JustClickBadAnswer' });
    expect(error.message).toMatch(/^JustClick answered with something other than its API answer \(HTTP 200: /);
  });

  it.each<[string, object]>([
    ['a hash that is not text', { error_code: 0, error_text: 'OK', hash: 12345 }],
    ['a hash of another text', { error_code: 0, error_text: 'ok', hash: md5(`0::OK::${SECRET}`) }],
    ['a hash of another code', { error_code: 0, error_text: 'OK', hash: md5(`203::OK::${SECRET}`) }],
    ['an empty hash', { error_code: 0, error_text: 'OK', hash: '' }],
    ['a result but no hash', { error_code: 0, error_text: 'OK', result: { bill_id: '100000' } }],
  ])('a success with %s is never reported as done', async (_what, reply) => {
    answer(200, reply);
    expect((await caught(run())).code).toBe('JustClickUntrustedAnswer');
  });

  it('does not retry a 5xx, because the change may already be applied', async () => {
    const scope = answer(502, 'Bad Gateway');
    const error = await caught(run());
    expect(error.code).toBe('JustClickServerError');
    expect(error.message).toContain('check the order in JustClick before you replay this step');
    expect(scope.isDone()).toBe(true);
  });

  it('hands a 429 back to Zapier to retry after Retry-After', async () => {
    nock(JUSTCLICK).post('/api/UpdateOrderStatus').reply(429, 'slow down', { 'Retry-After': '120' });
    const error = await caught(run());
    expect(error.name).toBe('ThrottledError');
  });
});

describe('Update Order Status: network failures (real sockets on 127.0.0.1)', () => {
  it('hands the run back to Zapier when JustClick refuses the connection: nothing was sent', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    setEnv({ JUSTCLICK_BASE_URL: `http://127.0.0.1:${port}` });

    const error = await caught(appTester(perform, { authData, inputData: { bill_id: '1', status: 'cancel' } }));
    expect(error.name).toBe('ThrottledError');
    expect(error.message).toBe(
      'JustClick could not be reached (ECONNREFUSED); nothing was sent. Zapier will retry this step later.',
    );
  });

  it('gives up after JUSTCLICK_TIMEOUT_MS without retrying, because the change may already be applied', async () => {
    let requests = 0;
    const server = createServer(() => {
      requests += 1; // never answers
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    setEnv({
      JUSTCLICK_BASE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      JUSTCLICK_TIMEOUT_MS: '300',
    });
    try {
      const error = await caught(appTester(perform, { authData, inputData: { bill_id: '1', status: 'cancel' } }));
      expect(error).toMatchObject({
        code: 'JustClickNoAnswer',
        message:
          'JustClick did not answer in time (0.3 s). The change may or may not have been applied: ' +
          'check the order in JustClick before you replay this step.',
      });
      expect(requests).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('does not retry when the connection drops after the request was sent', async () => {
    let requests = 0;
    const server = createServer((req) => {
      requests += 1;
      req.socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    setEnv({ JUSTCLICK_BASE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    try {
      const error = await caught(appTester(perform, { authData, inputData: { bill_id: '1', status: 'cancel' } }));
      expect(error.code).toBe('JustClickNoAnswer');
      expect(error.message).toContain('The change may or may not have been applied');
      expect(requests).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
