import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import { md5 } from '../src/common/hash';
import authentication, { connectionLabel, test as connectionTest } from '../src/authentication';
import App from '../src/index';
import { caught } from './support/zapier-error';

const appTester = createAppTester(App);
const SECRET = 'jc-secret-0123456789';
const authData = { justclick_login: 'shop', justclick_secret: SECRET };
const signed = (code: number, text: string, secret = SECRET) => ({ error_code: code, error_text: text, hash: md5(`${code}::${text}::${secret}`) });
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

describe('connection test: JustClick Login as users paste it', () => {
  it('takes the login from a pasted address, tests it and labels the connection with it', async () => {
    probe().reply(200, signed(203, 'Не передан номер заказа'));
    const info = await appTester(connectionTest, { authData: { justclick_login: ' https://Shop.JustClick.ru/ ', justclick_secret: SECRET } });
    expect(info).toMatchObject({ justclick_login: 'shop' });
    await expect(connectionLabel({} as never, { inputData: info } as never)).resolves.toBe('JustClick shop');
  });

  it.each([
    ['owner@shop.ru', 'an e-mail address is not the login'],
    ['https://shop.getcourse.ru/', "that is not the address of a JustClick account (the account's own subdomain of justclick.ru)"],
  ])('refuses %j with the same message as the steps, before any request', async (login, why) => {
    const error = await caught(appTester(connectionTest, { authData: { justclick_login: login, justclick_secret: SECRET } }));
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
    const error = await caught(appTester(connectionTest, { authData: { justclick_login: login, justclick_secret: secret } }));
    expect(error.code).toBe('InvalidInput');
    for (const value of [login, login.trim().toLowerCase(), secret, 'jc-secret', '0123456789']) {
      expect(error.message.toLowerCase()).not.toContain(value.toLowerCase());
    }
  });
});

describe('connection test: fields', () => {
  it('names the missing field of a pair filled in halfway, before any request', async () => {
    const error = await caught(
      appTester(connectionTest, { authData: { justclick_login: 'shop', rlab_user_id: '1', rlab_api_key: 'rlab-key-0123456789' } }),
    );
    expect(error.message).toBe(
      'This step needs your JustClick credentials, but the connection has no JustClick API Key. Reconnect the account and fill in JustClick API Key.',
    );
  });

  it('asks for at least one complete pair', async () => {
    const error = await caught(appTester(connectionTest, { authData: { justclick_login: ' ', rlab_api_key: '' } }));
    expect(error.message).toBe(
      'Fill in at least one service: JustClick Login and JustClick API Key for JustClick, or R-Lab User ID and R-Lab API Key for R-Lab / DeliveryCRM.',
    );
  });

  it('labels the connection with the accounts it reaches', async () => {
    await expect(connectionLabel({} as never, { inputData: { justclick_login: 'shop', rlab_user_id: null } } as never)).resolves.toBe('JustClick shop');
  });

  it('keeps the public field keys and hides the secrets as passwords', () => {
    const fields = authentication.fields.map((field) => [field.key, field.type, field.required]);
    expect(fields).toEqual([
      ['justclick_login', 'string', false],
      ['justclick_secret', 'password', false],
      ['rlab_user_id', 'string', false],
      ['rlab_api_key', 'password', false],
    ]);
  });
});
