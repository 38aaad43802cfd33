/**
 * The MeaSoft client: exact request bodies, every documented refusal shown with MeaSoft's text, the
 * code and an English explanation, and undocumented answers never read as results.
 */
import nock from 'nock';
import { createAppTester, type ZObject } from 'zapier-platform-core';
import App from '../../src/index';
import { cancelOrder, changedOrders, commitLastStatus, createOrder, findOrders } from '../../src/measoft/client';
import { verifyMeasoftCredentials } from '../../src/measoft/connection';
import { element, escapeXml, textElement } from '../../src/measoft/xml-writer';
import { useEnv } from '../support/env';
import { caught } from '../support/zapier-error';

const appTester = createAppTester(App);
const setEnv = useEnv();
const API = 'https://home.courierexe.ru';
const credentials = { login: 'shop', password: 'p&ss"word', extra: '8' };
const AUTH = '<auth login="shop" pass="p&amp;ss&quot;word" extra="8"/>';
const doc = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?>${inner}`;
const ORDER = `<order orderno="A1" orderno2="S-1" givencode=""><status eventtime="2024-05-20 10:00:00" createtimegmt="2024-05-20 07:00:00" title="Новый">NEW</status></order>`;

// createAppTester runs a function with a real z object; the client functions take (z, ...).
const run = <T>(fn: (z: ZObject) => Promise<T>) => appTester(async (z: ZObject) => fn(z), {});

describe('MeaSoft XML building', () => {
  it('escapes text and attributes, and drops characters XML cannot carry', () => {
    expect(escapeXml('ООО "Рога & Копыта" <склад>\u0001')).toBe('ООО &quot;Рога &amp; Копыта&quot; &lt;склад&gt;');
    expect(escapeXml('a\tb\nc', true)).toBe('a&#9;b&#10;c');
    expect(textElement('x', '')).toBeUndefined();
    expect(element('a', [['b', undefined]], [textElement('c', 1)])).toEqual({
      name: 'a',
      attributes: [['b', undefined]],
      children: [{ name: 'c', text: 1 }],
      text: undefined,
    });
  });
});

describe('MeaSoft client: requests and answers', () => {
  it('statusreq with filters: auth first, only the filters given, UTF-8 XML', async () => {
    nock(API, { reqheaders: { 'content-type': 'text/xml; charset=utf-8' } })
      .post('/api/', doc(`<statusreq>${AUTH}<orderno>A1</orderno><orderno2>S-1</orderno2></statusreq>`))
      .reply(200, doc(`<statusreq count="1">${ORDER}</statusreq>`));
    const orders = await run((z) => findOrders(z, credentials, { orderno: 'A1', orderno2: 'S-1' }));
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({
      id: 'A1:NEW:2024-05-20 10:00:00',
      orderno: 'A1',
      orderno2: 'S-1',
      status: { code: 'NEW', title: 'Новый' },
    });
  });

  it("the document, password and all, stays out of core's request log (sent as a stream, with its byte length)", async () => {
    setEnv({ LOG_TO_STDOUT: 'true', DETAILED_LOG_TO_STDOUT: 'true' });
    const body = doc(`<statusreq>${AUTH}<orderno2>Ш-1</orderno2></statusreq>`);
    nock(API, { badheaders: ['transfer-encoding'] })
      .post('/api/', body)
      .matchHeader('content-length', String(Buffer.byteLength(body, 'utf8')))
      .reply(200, doc('<statusreq count="0"/>'));
    const printed: string[] = [];
    const spy = jest
      .spyOn(console, 'log')
      .mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
    try {
      await expect(run((z) => findOrders(z, credentials, { orderno2: 'Ш-1' }))).resolves.toEqual([]);
    } finally {
      spy.mockRestore();
    }
    const log = printed.join('\n');
    expect(log).toMatch(/POST https:\/\/home\.courierexe\.ru\/api\//);
    expect(log).toContain('<streaming data>');
    expect(log).not.toContain('pass=');
  });

  it('statusreq ONLY_LAST on a stream, and commitlaststatus on the same stream', async () => {
    nock(API)
      .post('/api/', doc(`<statusreq>${AUTH}<changes>ONLY_LAST</changes><streamid>4321</streamid></statusreq>`))
      .reply(200, doc('<statusreq count="0"/>'));
    nock(API)
      .post('/api/', doc(`<commitlaststatus>${AUTH}<streamid>4321</streamid></commitlaststatus>`))
      .reply(200, doc('<commitlaststatus/>'));
    await expect(run((z) => changedOrders(z, credentials, 4321))).resolves.toEqual([]);
    await expect(run((z) => commitLastStatus(z, credentials, 4321))).resolves.toBeUndefined();
  });

  it('error 25 on the root: MeaSoft text, the code, the meaning, and a request to reconnect', async () => {
    nock(API).post('/api/').reply(200, doc('<statusreq error="25" errormsg="Ошибка авторизации"/>'));
    const error = await caught(run((z) => findOrders(z, credentials, { orderno: 'A1' })));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toBe(
      'MeaSoft refused the request: error 25 "Ошибка авторизации" (authorization failed: the login, password or courier service code is wrong; reconnect the MeaSoft account). ' +
        'Reconnect the MeaSoft account and check the MeaSoft Login, MeaSoft Password and MeaSoft Courier Service Code.',
    );
    expect(error.message).not.toContain('p&ss');
  });

  it('another root error without text: the documented Russian text and the English meaning', async () => {
    nock(API).post('/api/').reply(200, doc('<error error="14"/>'));
    const error = await caught(run((z) => findOrders(z, credentials, {})));
    expect(error).toMatchObject({
      code: 'MeasoftError14',
      message:
        'MeaSoft refused the request: error 14 "Неизвестная функция" (MeaSoft does not know this request; ' +
        "this request of the app does not send that; if it persists, tell the app's maintainer).",
    });
  });

  it('an unknown code still shows the code and MeaSoft text, and says it is unknown', async () => {
    nock(API).post('/api/').reply(200, doc('<statusreq error="999">Что-то пошло не так</statusreq>'));
    const error = await caught(run((z) => findOrders(z, credentials, {})));
    expect(error.message).toBe(
      'MeaSoft refused the request: error 999 "Что-то пошло не так" (a code MeaSoft\'s documentation does not list ' +
        'here, so the app does not know what it means; ask your courier service).',
    );
  });

  it.each([
    ['HTML', '<html><body>Bad gateway</body></html>', 'the root element is <html>, not <statusreq>'],
    ['JSON', '{"ok":true}', 'the body is JSON'],
    ['cut-off XML', '<statusreq count="1"><order orderno="1">', 'not well-formed'],
    ['a non-numeric error', '<statusreq error="oops"/>', 'error="oops"'],
    ['a foreign element', '<statusreq><script/></statusreq>', 'holds a <script> element'],
    ['an order without status', '<statusreq><order orderno="1"/></statusreq>', 'no <status> element'],
  ])('%s is not read as a result', async (_name, body, why) => {
    nock(API).post('/api/').reply(200, body);
    const error = await caught(run((z) => findOrders(z, credentials, {})));
    expect(error.code).toBe('MeasoftBadAnswer');
    expect(error.message).toContain(why);
  });

  it('HTTP 500 on a write says it may or may not have been made; a refused connection says nothing was sent', async () => {
    nock(API).post('/api/').reply(500, 'oops');
    expect((await caught(run((z) => cancelOrder(z, credentials, 'A1')))).message).toContain(
      'may or may not have been made',
    );
    setEnv({ MEASOFT_BASE_URL: 'http://127.0.0.1:1/api/' });
    const refused = await caught(run((z) => findOrders(z, credentials, {})));
    expect(refused.name).toBe('ThrottledError');
    expect(refused.message).toContain('nothing was sent');
  });

  it.each([
    [
      'a poll',
      (z: ZObject) => changedOrders(z, credentials, 100),
      'Nothing was changed; the trigger asks again at its next poll.',
    ],
    [
      'a read',
      (z: ZObject) => findOrders(z, credentials, {}),
      'Nothing was changed (this only reads from MeaSoft); run the step again when MeaSoft answers.',
    ],
    [
      'a write',
      (z: ZObject) => cancelOrder(z, credentials, 'A1'),
      'The change may or may not have been made: check the order in MeaSoft before you replay this step.',
    ],
    [
      'a create',
      (z: ZObject) => createOrder(z, credentials, 'S-1', element('order')),
      'The order may or may not have been created. Replaying this step is safe: MeaSoft refuses a second order ' +
        'with the same Order Number (error 17), and the step then returns the order MeaSoft has.',
    ],
    ['the read right after a create', (z: ZObject) => findOrders(z, credentials, {}, undefined, 'after-create'), ''],
  ] as const)('a server error in %s says what happened, then what that request means', async (_, call, advice) => {
    nock(API).post('/api/').reply(503, 'busy');
    const error = await caught(run(call as (z: ZObject) => Promise<unknown>));
    expect(error).toMatchObject({ code: 'MeasoftServerError', status: 503 });
    expect(error.message).toBe(`MeaSoft answered with a server error (HTTP 503). ${advice}`.trim());
  });

  it("a 429 is core's ThrottledError in a step, and words with the connection test's advice there", async () => {
    nock(API).post('/api/').reply(429, '', { 'Retry-After': '60' });
    const step = await caught(run((z) => findOrders(z, credentials, {})));
    expect(step.name).toBe('ThrottledError');
    nock(API).post('/api/').reply(429, '');
    const test = await caught(
      run((z) =>
        verifyMeasoftCredentials(z, {
          authData: { measoft_login: 'shop', measoft_password: 'secret-pass', measoft_extra: '8' },
        }),
      ),
    );
    expect(test).toMatchObject({ code: 'MeasoftConnectionTestFailed' });
    expect(test.message).toBe(
      'MeaSoft asks to slow down (HTTP 429). The connection test changes nothing in MeaSoft, so it is safe to ' +
        'test again in a few minutes. If this keeps happening, ask your courier service whether its MeaSoft API ' +
        'is available to you.',
    );
  });

  it('neworder: one order, MeaSoft number and price back', async () => {
    nock(API)
      .post(
        '/api/',
        doc(`<neworder newfolder="NO">${AUTH}<order orderno="S-1"><weight>1.5</weight></order></neworder>`),
      )
      .reply(
        200,
        doc(
          '<neworder><createorder orderno="S-1" barcode="00032011" error="0" errormsg="Success" orderprice="350"/></neworder>',
        ),
      );
    const created = await run((z) =>
      createOrder(z, credentials, 'S-1', element('order', [['orderno', 'S-1']], [textElement('weight', 1.5)])),
    );
    expect(created).toEqual({ kind: 'created', orderno: 'S-1', barcode: '00032011', orderprice: 350 });
  });

  it('neworder refusals use the order list: 8 is a missing phone, 1 asks to reconnect', async () => {
    nock(API)
      .post('/api/')
      .reply(200, doc('<neworder><createorder orderno="" error="8" errormsg="empty phone"/></neworder>'));
    const error = await caught(run((z) => createOrder(z, credentials, 'S-1', element('order'))));
    expect(error.message).toBe(
      'MeaSoft refused the request: error 8 "empty phone" (the receiver\'s phone number is missing; fill in Receiver Phone).',
    );
    nock(API).post('/api/').reply(200, doc('<neworder><createorder error="1"/></neworder>'));
    expect((await caught(run((z) => createOrder(z, credentials, 'S-1', element('order'))))).name).toBe(
      'ExpiredAuthError',
    );
    nock(API).post('/api/').reply(200, doc('<neworder><createorder orderno="" error="0"/></neworder>'));
    expect((await caught(run((z) => createOrder(z, credentials, 'S-1', element('order'))))).code).toBe(
      'MeasoftBadAnswer',
    );
    nock(API).post('/api/').reply(200, doc('<neworder/>'));
    expect((await caught(run((z) => createOrder(z, credentials, 'S-1', element('order'))))).code).toBe(
      'MeasoftBadAnswer',
    );
  });

  it('cancelorder: by order number; MeaSoft refusing is a clear error', async () => {
    nock(API)
      .post('/api/', doc(`<cancelorder>${AUTH}<order orderno="A&amp;1" ordercode=""/></cancelorder>`))
      .reply(
        200,
        doc(
          '<cancelorder><order orderno="A&amp;1" ordercode="" error="0" errormsg="OK" errormsgru="Успешно"/></cancelorder>',
        ),
      );
    await expect(run((z) => cancelOrder(z, credentials, 'A&1'))).resolves.toEqual({
      orderno: 'A&1',
      message: 'Успешно',
    });
    nock(API)
      .post('/api/')
      .reply(
        200,
        doc(
          '<cancelorder><order orderno="X" error="52" errormsg="order not found" errormsgru="Заказ не найден"/></cancelorder>',
        ),
      );
    const error = await caught(run((z) => cancelOrder(z, credentials, 'X')));
    expect(error.message).toBe(
      'MeaSoft refused the request: error 52 "Заказ не найден" (the order was not found; check Order Number: ' +
        "it is MeaSoft's order number (Order Number of Create or Find MeaSoft Courier Order)).",
    );
  });

  it('MEASOFT_BASE_URL points the client elsewhere', async () => {
    setEnv({ MEASOFT_BASE_URL: 'https://staging.example.test/api' });
    nock('https://staging.example.test').post('/api/').reply(200, doc('<commitlaststatus/>'));
    await run((z) => commitLastStatus(z, credentials, 100));
  });
});
