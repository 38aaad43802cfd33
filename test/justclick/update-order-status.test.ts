import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import { md5 } from '../../src/common/hash';
import App from '../../src/index';
import { updateOrderStatusSample } from '../../src/justclick/samples';
import { perform } from '../../src/justclick/update-order-status';
import { caught } from '../support/zapier-error';

const appTester = createAppTester(App);

// JustClick's own example account (shared/seeds/001).
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

  it('encodes values the PHP way (space as +, ! * \' ( ) ~ escaped) before hashing', async () => {
    const scope = nock(JUSTCLICK)
      .post('/api/UpdateOrderStatus', body('bill_id=A+1%21&status=sent&date=1362254400&rpo=%D0%A0%D0%9F%D0%9E%2A%28%29%7E%27'))
      .reply(200, signed(0, 'ok'));

    const result = await appTester(perform, {
      authData,
      inputData: { bill_id: 'A 1!', status: 'sent', date: '2013-03-03T00:00:00+04:00', rpo: "РПО*()~'" },
    });

    expect(result).toMatchObject({ bill_id: 'A 1!', rpo: "РПО*()~'", justclick_error_text: 'ok' });
    expect(scope.isDone()).toBe(true);
  });

  it('leaves out the optional params that are empty', async () => {
    const scope = nock(JUSTCLICK)
      .post('/api/UpdateOrderStatus', body('bill_id=100002&status=cancel'))
      .reply(200, signed(0, 'OK'));

    const result = await appTester(perform, { authData, inputData: { bill_id: ' 100002 ', status: 'cancel', rpo: '' } });

    expect(result).toMatchObject({ bill_id: '100002', status: 'cancel', date: null, date_unix: null, date_defaulted: false, rpo: null });
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
    expect(result).toMatchObject({ date_unix: sentDate, date: new Date(sentDate * 1000).toISOString().replace('.000', ''), date_defaulted: true });
    expect(scope.isDone()).toBe(true);
  });

  it('sends to the address JUSTCLICK_BASE_URL gives, with the login in place of {login}', async () => {
    process.env.JUSTCLICK_BASE_URL = 'https://{login}.staging.example/';
    try {
      const scope = nock('https://username.staging.example')
        .post('/api/UpdateOrderStatus', body('bill_id=1&status=return'))
        .reply(200, signed(0, 'OK'));
      await appTester(perform, { authData, inputData: { bill_id: '1', status: 'return' } });
      expect(scope.isDone()).toBe(true);
    } finally {
      delete process.env.JUSTCLICK_BASE_URL;
    }
  });
});

describe('Update Order Status: bad input is refused before any request', () => {
  // nock.disableNetConnect() is on and no interceptor is set: any request would fail the test differently.
  it.each([
    [{ bill_id: '', status: 'paid' }, 'Order Number: expected the number of a JustClick order.'],
    [{ bill_id: '1', status: 'shipped' }, 'New Status: expected one of sent, paid, return, cancel (got "shipped").'],
    [
      { bill_id: '1', status: 'sent', date: '1362254400' },
      'Postal Tracking Number (RPO): expected a tracking number, which JustClick requires for the status Sent.',
    ],
    [
      { bill_id: '1', status: 'paid', date: 'next Tuesday-ish' },
      'Date Sent or Paid: expected a date such as 2013-03-03T00:00:00+03:00 or a Unix timestamp (got "next Tuesday-ish").',
    ],
  ])('%j', async (inputData, message) => {
    const error = await caught(appTester(perform, { authData, inputData }));
    expect(error).toMatchObject({ message, code: 'InvalidInput' });
  });

  it('names the missing connection fields when the connection has no JustClick credentials', async () => {
    const error = await caught(
      appTester(perform, { authData: { rlab_user_id: '1', rlab_api_key: 'k' }, inputData: { bill_id: '1', status: 'cancel' } }),
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
    nock(JUSTCLICK).post('/api/UpdateOrderStatus', body('bill_id=100000&status=cancel')).reply(status, reply as nock.Body);

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
  afterEach(() => {
    delete process.env.JUSTCLICK_BASE_URL;
  });

  it('hands the run back to Zapier when JustClick refuses the connection: nothing was sent', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    process.env.JUSTCLICK_BASE_URL = `http://127.0.0.1:${port}`;

    const error = await caught(appTester(perform, { authData, inputData: { bill_id: '1', status: 'cancel' } }));
    expect(error.name).toBe('ThrottledError');
    expect(error.message).toBe('JustClick could not be reached (ECONNREFUSED); nothing was sent. Zapier will retry this step later.');
  });

  it('gives up after JUSTCLICK_TIMEOUT_MS without retrying, because the change may already be applied', async () => {
    let requests = 0;
    const server = createServer(() => {
      requests += 1; // never answers
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.JUSTCLICK_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.JUSTCLICK_TIMEOUT_MS = '300';
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
      delete process.env.JUSTCLICK_TIMEOUT_MS;
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
    process.env.JUSTCLICK_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
