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
      'Fill in at least one service: JustClick Login and JustClick API Key for JustClick, or R-Lab User ID and R-Lab API Key for R-Lab / DeliveryCRM, ' +
        'or MeaSoft Login, MeaSoft Password and MeaSoft Courier Service Code for MeaSoft, or Abaha Secret Header Key and Abaha Secret Header Value for Abaha.',
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
    expect(info).toMatchObject({ measoft_login: 'shop-login', measoft_extra: '8', justclick_login: null, rlab_user_id: null });
    await expect(connectionLabel({} as never, { inputData: info } as never)).resolves.toBe('MeaSoft shop-login (courier service 8)');
  });

  it('refuses wrong MeaSoft credentials with MeaSoft error 25 and never shows the password', async () => {
    probe().reply(200, '<?xml version="1.0" encoding="UTF-8"?><statusreq error="25" errormsg="Ошибка авторизации"/>');
    const error = await caught(appTester(connectionTest, { authData: measoft }));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain('error 25 "Ошибка авторизации"');
    expect(error.message).not.toContain('ms-pass');
  });

  it('names the missing MeaSoft field before any request', async () => {
    const error = await caught(appTester(connectionTest, { authData: { measoft_login: 'shop-login', measoft_password: 'x-0123456789' } }));
    expect(error.message).toBe(
      'This step needs your MeaSoft credentials, but the connection has no MeaSoft Courier Service Code. Reconnect the account and fill in MeaSoft Courier Service Code.',
    );
  });

  it('a connection with only the Abaha header pair passes without any request, and is labelled with the header', async () => {
    const info = await appTester(connectionTest, { authData: { abaha_header_name: 'X-Shop-Token', abaha_header_value: 'long-shared-value-123' } });
    expect(info).toMatchObject({ abaha_header_name: 'X-Shop-Token' });
    await expect(connectionLabel({} as never, { inputData: info } as never)).resolves.toBe('Abaha header X-Shop-Token');
    const half = await caught(appTester(connectionTest, { authData: { abaha_header_name: 'X-Shop-Token' } }));
    expect(half.message).toContain('no Abaha Secret Header Value');
  });
});
