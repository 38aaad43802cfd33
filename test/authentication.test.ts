import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import authentication, { connectionLabel, test as connectionTest } from '../src/authentication';
import App from '../src/index';
import { useEnv } from './support/env';
import { md5 } from './support/hash';
import { caught } from './support/zapier-error';

const appTester = createAppTester(App);
const SECRET = 'jc-secret-0123456789';
const authData = { justclick_login: 'shop', justclick_secret: SECRET };
const signed = (code: number, text: string, secret = SECRET) => ({
  error_code: code,
  error_text: text,
  hash: md5(`${code}::${text}::${secret}`),
});
// The connection test sends UpdateOrderStatus with an empty order number: no order can match it.
const probe = () =>
  nock('https://shop.justclick.ru').post('/api/UpdateOrderStatus', `bill_id=&hash=${md5(`bill_id=::shop::${SECRET}`)}`);

describe('connection test: JustClick', () => {
  it('accepts a signed refusal for the missing order number as proof of the login and key', async () => {
    probe().reply(200, signed(203, 'Не передан номер заказа'));
    const info = await appTester(connectionTest, { authData });
    expect(info).toMatchObject({ justclick_login: 'shop' });
  });

  it('refuses the connection when JustClick says the key is wrong', async () => {
    probe().reply(200, { error_code: 4, error_text: 'Неверный хэш', hash: 'x' });
    const error = await caught(appTester(connectionTest, { authData }));
    expect(error.message).toMatch(/^JustClick refused the request: error 4 "Неверный хэш" \(the hash is wrong/);
  });

  it('refuses the connection when the login is unknown', async () => {
    probe().reply(200, signed(5, 'Неверное имя пользователя'));
    const error = await caught(appTester(connectionTest, { authData }));
    expect(error.message).toMatch(/check the JustClick Login in the connection/);
  });

  it('refuses an answer that is not signed with the key, whatever its code', async () => {
    probe().reply(200, signed(203, 'Не передан номер заказа', 'another-key'));
    const error = await caught(appTester(connectionTest, { authData }));
    expect(error.code).toBe('JustClickUntrustedAnswer');
  });

  it.each([6, 7, 8])('refuses the connection for account-level error %i', async (code) => {
    probe().reply(200, signed(code, 'Ошибка'));
    const error = await caught(appTester(connectionTest, { authData }));
    expect(error.message).toContain(`error ${code} "Ошибка"`);
  });
});

describe('connection test: JustClick messages fit the connection, not a step', () => {
  // The step's advice: true for an order update, false for a test that changes no order.
  const stepAdvice = /retry this step|check the order|replay|this step/i;
  const advice =
    'The connection test changes no order in JustClick, so it is safe to test again in a few minutes. ' +
    "If this keeps happening, check JustClick Login: your account's address is the login followed by .justclick.ru, such as myshop.justclick.ru.";
  const test = () => caught(appTester(connectionTest, { authData }));
  const setEnv = useEnv();

  const listen = async (handler?: () => void) => {
    const server = handler ? createServer(handler) : createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    setEnv({ JUSTCLICK_BASE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    return server;
  };

  it('JustClick cannot be reached (a real refused connection)', async () => {
    const server = await listen();
    await new Promise((resolve) => server.close(resolve));
    const error = await test();
    expect(error).toMatchObject({
      message: `JustClick could not be reached (ECONNREFUSED). ${advice}`,
      code: 'JustClickConnectionTestFailed',
    });
    expect(error.name).not.toBe('ThrottledError');
  });

  it('JustClick does not answer in time (a real server that never answers)', async () => {
    const server = await listen(() => undefined);
    setEnv({ JUSTCLICK_TIMEOUT_MS: '300' });
    try {
      const error = await test();
      expect(error.message).toMatch(/^JustClick did not answer\b.*?\. The connection test changes no order/);
      expect(error.message.endsWith(advice)).toBe(true);
      expect(error.message).not.toMatch(stepAdvice);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('JustClick answers with a server error', async () => {
    probe().reply(502, 'Bad Gateway');
    expect(await test()).toMatchObject({ message: `JustClick answered with a server error (HTTP 502). ${advice}` });
  });

  it('JustClick asks to slow down', async () => {
    probe().reply(429, 'slow down', { 'Retry-After': '60' });
    const error = await test();
    expect(error).toMatchObject({ message: `JustClick asks to slow down (HTTP 429). ${advice}` });
    expect(error.name).not.toBe('ThrottledError');
  });

  it('an answer not signed with the key names the key, not an order', async () => {
    probe().reply(200, signed(203, 'Не передан номер заказа', 'another-key'));
    expect(await test()).toMatchObject({
      message:
        "JustClick's answer is not signed with this API key, so the connection cannot be confirmed. " +
        'Copy the JustClick API Key again from the API page of your JustClick account.',
      code: 'JustClickUntrustedAnswer',
    });
  });

  it.each([
    ['not JSON', 200, '<html>Вход</html>'],
    ['JSON without error_code', 200, { error_text: 'OK', hash: 'x' }],
    ['a wrong key', 200, { error_code: 4, error_text: 'Неверный хэш', hash: 'x' }],
    ['an unknown login', 200, signed(5, 'Неверное имя пользователя')],
    ['a disabled account', 200, signed(7, 'Аккаунт отключен')],
  ])('%s: no step advice', async (_what, status, reply) => {
    probe().reply(status, reply as nock.Body);
    expect((await test()).message).not.toMatch(stepAdvice);
  });
});

describe('connection test: JustClick Login as users paste it', () => {
  it('takes the login from a pasted address, tests it and labels the connection with it', async () => {
    probe().reply(200, signed(203, 'Не передан номер заказа'));
    const info = await appTester(connectionTest, {
      authData: { justclick_login: ' https://Shop.JustClick.ru/ ', justclick_secret: SECRET },
    });
    expect(info).toMatchObject({ justclick_login: 'shop' });
    await expect(connectionLabel({} as never, { inputData: info } as never)).resolves.toBe('JustClick shop');
  });

  it.each([
    ['owner@shop.ru', 'an e-mail address is not the login'],
    [
      'https://shop.getcourse.ru/',
      "that is not the address of a JustClick account (the account's own subdomain of justclick.ru)",
    ],
  ])('refuses %j with the same message as the steps, before any request', async (login, why) => {
    const error = await caught(
      appTester(connectionTest, { authData: { justclick_login: login, justclick_secret: SECRET } }),
    );
    expect(error).toMatchObject({
      message:
        'JustClick Login: expected the first part of your JustClick address, e.g. myshop for myshop.justclick.ru ' +
        `(the whole address may be pasted); ${why}.`,
      code: 'InvalidInput',
    });
  });

  it.each([
    // A key pasted into the login field, with spaces, malformed or identical to the key: never printed back.
    ['jc secret 0123456789', 'jc-secret-0123456789-other'],
    ['Key:jc-secret-0123456789', 'jc-secret-0123456789-other'],
    [SECRET, SECRET],
    [SECRET.toUpperCase(), SECRET],
  ])('never echoes a malformed JustClick Login (%j) or the key in its message', async (login, secret) => {
    const error = await caught(
      appTester(connectionTest, { authData: { justclick_login: login, justclick_secret: secret } }),
    );
    expect(error.code).toBe('InvalidInput');
    for (const value of [login, login.trim().toLowerCase(), secret, 'jc-secret', '0123456789']) {
      expect(error.message.toLowerCase()).not.toContain(value.toLowerCase());
    }
  });
});

describe('connection test: fields', () => {
  it('names the missing field of a pair filled in halfway, before any request', async () => {
    const error = await caught(
      appTester(connectionTest, {
        authData: { justclick_login: 'shop', rlab_user_id: '1', rlab_api_key: 'rlab-key-0123456789' },
      }),
    );
    expect(error.message).toBe(
      'This step needs your JustClick credentials, but the connection has no JustClick API Key. Reconnect the account and fill in JustClick API Key.',
    );
  });

  it('asks for at least one complete pair', async () => {
    const error = await caught(appTester(connectionTest, { authData: { justclick_login: ' ', rlab_api_key: '' } }));
    expect(error.message).toBe(
      'Fill in at least one service: JustClick Login and JustClick API Key for JustClick, or R-Lab User ID and R-Lab API Key for R-Lab / DeliveryCRM, ' +
        'or MeaSoft Login, MeaSoft Password and MeaSoft Courier Service Code for MeaSoft, or Abaha Secret Header Key and Abaha Secret Header Value for Abaha.',
    );
  });

  it('labels the connection with the accounts it reaches', async () => {
    await expect(
      connectionLabel({} as never, { inputData: { justclick_login: 'shop', rlab_user_id: null } } as never),
    ).resolves.toBe('JustClick shop');
  });

  it('keeps the public field keys and hides the secrets as passwords', () => {
    const fields = authentication.fields.map((field) => [field.key, field.type, field.required]);
    expect(fields).toEqual([
      ['justclick_login', 'string', false],
      ['justclick_secret', 'password', false],
      ['rlab_user_id', 'string', false],
      ['rlab_api_key', 'password', false],
      ['measoft_login', 'string', false],
      ['measoft_password', 'password', false],
      ['measoft_extra', 'string', false],
      ['abaha_header_name', 'string', false],
      ['abaha_header_value', 'password', false],
    ]);
  });
});

describe('connection test: MeaSoft and Abaha', () => {
  const measoft = { measoft_login: 'shop-login', measoft_password: 'ms-pass-0123456789', measoft_extra: '8' };
  const today = new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 10); // Moscow date
  const probe = () =>
    nock('https://home.courierexe.ru').post(
      '/api/',
      `<?xml version="1.0" encoding="UTF-8"?><statusreq><auth login="shop-login" pass="ms-pass-0123456789" extra="8"/><datefrom>${today}</datefrom><dateto>${today}</dateto></statusreq>`,
    );

  it('a shop with only MeaSoft connects: a read-only statusreq for today proves the three fields', async () => {
    probe().reply(200, '<?xml version="1.0" encoding="UTF-8"?><statusreq count="0"/>');
    const info = await appTester(connectionTest, { authData: measoft });
    expect(info).toMatchObject({
      measoft_login: 'shop-login',
      measoft_extra: '8',
      justclick_login: null,
      rlab_user_id: null,
    });
    await expect(connectionLabel({} as never, { inputData: info } as never)).resolves.toBe(
      'MeaSoft shop-login (courier service 8)',
    );
  });

  it('refuses wrong MeaSoft credentials with MeaSoft error 25 and never shows the password', async () => {
    probe().reply(200, '<?xml version="1.0" encoding="UTF-8"?><statusreq error="25" errormsg="Ошибка авторизации"/>');
    const error = await caught(appTester(connectionTest, { authData: measoft }));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain('error 25 "Ошибка авторизации"');
    expect(error.message).not.toContain('ms-pass');
  });

  it('names the missing MeaSoft field before any request', async () => {
    const error = await caught(
      appTester(connectionTest, { authData: { measoft_login: 'shop-login', measoft_password: 'x-0123456789' } }),
    );
    expect(error.message).toBe(
      'This step needs your MeaSoft credentials, but the connection has no MeaSoft Courier Service Code. Reconnect the account and fill in MeaSoft Courier Service Code.',
    );
  });

  it('a connection with only the Abaha header pair passes without any request, and is labelled with the header', async () => {
    const info = await appTester(connectionTest, {
      authData: { abaha_header_name: 'X-Shop-Token', abaha_header_value: 'long-shared-value-123' },
    });
    expect(info).toMatchObject({ abaha_header_name: 'X-Shop-Token' });
    await expect(connectionLabel({} as never, { inputData: info } as never)).resolves.toBe('Abaha header X-Shop-Token');
    const half = await caught(appTester(connectionTest, { authData: { abaha_header_name: 'X-Shop-Token' } }));
    expect(half.message).toContain('no Abaha Secret Header Value');
  });
});
