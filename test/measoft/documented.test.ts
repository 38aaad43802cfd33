/**
 * MeaSoft as its documentation defines it (docs/measoft.md), with exact request bodies (nock): the
 * ordering error table on a neworder, error 17, filters re-checked, commit answers with content,
 * an unreadable order in the change stream, every code explained, secrets kept out of every text.
 */
import nock from 'nock';
import { createAppTester, type ZObject } from 'zapier-platform-core';
import App from '../../src/index';
import { cancelOrder, changedOrders, commitLastStatus, createOrder, findOrders } from '../../src/measoft/client';
import { MEASOFT_API_ERRORS, MEASOFT_CANCEL_ERRORS, MEASOFT_ORDER_ERRORS } from '../../src/measoft/errors';
import { newestFirst } from '../../src/measoft/order-filters';
import { MEASOFT_STATUS_CHOICES } from '../../src/measoft/fields';
import type { MeasoftOrderEvent } from '../../src/measoft/types';
import { element } from '../../src/measoft/xml-writer';
import { loggedBy } from '../support/cache-rpc';
import { caught } from '../support/zapier-error';

const appTester = createAppTester(App);
const API = 'https://home.courierexe.ru';
const credentials = { login: 'shop', password: 'p&ss"word', extra: '8' };
const AUTH = '<auth login="shop" pass="p&amp;ss&quot;word" extra="8"/>';
const doc = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?>${inner}`;
const order = (orderno: string, extra = '') =>
  `<order orderno="${orderno}" orderno2="" ${extra}><status eventtime="2024-05-20 10:00:00" createtimegmt="2024-05-20 07:00:00">NEW</status></order>`;
const run = <T>(fn: (z: ZObject) => Promise<T>) => appTester(async (z: ZObject) => fn(z), {});

afterEach(() => nock.cleanAll());

describe('neworder: the ordering error table and error 17', () => {
  const NEWORDER = doc(`<neworder newfolder="NO">${AUTH}<order orderno="S-1"/></neworder>`);
  const send = () => run((z) => createOrder(z, credentials, 'S-1', element('order', [['orderno', 'S-1']])));

  it('a root error is read with the ordering table: 1 asks to reconnect, 8 is the receiver phone (not latitude)', async () => {
    nock(API).post('/api/', NEWORDER).reply(200, doc('<neworder error="1"/>'));
    const auth = await caught(send());
    expect(auth.name).toBe('ExpiredAuthError');
    expect(auth.message).toContain('error 1 "Ошибка авторизации" (authorization failed');
    nock(API).post('/api/', NEWORDER).reply(200, doc('<neworder error="8"/>'));
    expect((await caught(send())).message).toBe(
      'MeaSoft refused the request: error 8 "Не заполнен телефон получателя" (the receiver\'s phone number is ' +
        'missing; fill in Receiver Phone).',
    );
  });

  it('17, on the order or on the root, is "the number exists", not a failure of the client', async () => {
    nock(API)
      .post('/api/', NEWORDER)
      .reply(200, doc('<neworder><createorder orderno="S-1" error="17" errormsg="Such number exists"/></neworder>'));
    await expect(send()).resolves.toEqual({ kind: 'exists', orderno: 'S-1' });
    nock(API).post('/api/', NEWORDER).reply(200, doc('<neworder error="17"/>'));
    await expect(send()).resolves.toEqual({ kind: 'exists', orderno: 'S-1' });
  });
});

describe('every read checks that the orders match its filter', () => {
  it.each([
    ['orderno', { orderno: 'A1' }, '<orderno>A1</orderno>', order('B2')],
    ['orderno2', { orderno2: 'U-1' }, '<orderno2>U-1</orderno2>', order('A1')],
  ])('an answer for %s holding another order is an error', async (_key, filters, sent, answer) => {
    nock(API)
      .post('/api/', doc(`<statusreq>${AUTH}${sent}</statusreq>`))
      .reply(200, doc(`<statusreq count="1">${answer}</statusreq>`));
    const error = await caught(run((z) => findOrders(z, credentials, filters)));
    expect(error.code).toBe('MeasoftFilterIgnored');
    expect(error.message).toContain('it did not apply the filter, so that order was not taken for the one asked for');
  });

  it('error 11 "orders not found" is an empty result, for a search and for the change stream alike', async () => {
    nock(API)
      .post('/api/', doc(`<statusreq>${AUTH}<orderno>A1</orderno></statusreq>`))
      .reply(200, doc('<statusreq error="11" errormsg="Заказы не найдены"/>'));
    await expect(run((z) => findOrders(z, credentials, { orderno: 'A1' }))).resolves.toEqual([]);
    nock(API)
      .post('/api/', doc(`<statusreq>${AUTH}<changes>ONLY_LAST</changes><streamid>100</streamid></statusreq>`))
      .reply(200, doc('<statusreq error="11" errormsg="Заказы не найдены"/>'));
    await expect(run((z) => changedOrders(z, credentials, 100))).resolves.toEqual([]);
  });
});

describe('the change stream', () => {
  it('commitlaststatus answered with content (as a public client reads it) is a success', async () => {
    nock(API)
      .post('/api/', doc(`<commitlaststatus>${AUTH}<streamid>100</streamid></commitlaststatus>`))
      .reply(200, doc('<commitlaststatus><order orderno="A1"/><order orderno="B2"/></commitlaststatus>'));
    await expect(run((z) => commitLastStatus(z, credentials, 100))).resolves.toBeUndefined();
    nock(API).post('/api/').reply(200, doc('<commitlaststatus error="25" errormsg="Ошибка авторизации"/>'));
    expect((await caught(run((z) => commitLastStatus(z, credentials, 100)))).name).toBe('ExpiredAuthError');
  });

  it('an order without <status> becomes an item with read_error; the others are read', async () => {
    nock(API)
      .post('/api/', doc(`<statusreq>${AUTH}<changes>ONLY_LAST</changes><streamid>100</streamid></statusreq>`))
      .reply(200, doc(`<statusreq count="2">${order('A1')}<order orderno="B2" awb="W2"/></statusreq>`));
    const { value: events, logged } = await loggedBy(() => run((z) => changedOrders(z, credentials, 100)));
    expect(logged).toEqual([expect.stringContaining('has no <status> element')]);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ orderno: 'A1', status: { code: 'NEW' } });
    expect(events[0]!.read_error).toBeUndefined();
    expect(events[1]).toMatchObject({
      orderno: 'B2',
      awb: 'W2',
      status: { code: null },
      read_error:
        'MeaSoft sent this order in a form the app could not read: the <order> has no <status> element, so ' +
        'there is no status change to report.',
    });
    expect(events[1]!.id).toMatch(/^unreadable:B2:[0-9a-f]{16}$/);
  });
});

describe('codes, statuses and order', () => {
  it('every code has an English meaning and what to do; 54 is explained', async () => {
    for (const table of [MEASOFT_API_ERRORS, MEASOFT_ORDER_ERRORS, MEASOFT_CANCEL_ERRORS])
      for (const code of Object.values(table)) expect(code.en.length * code.todo.length).toBeGreaterThan(0);
    nock(API)
      .post('/api/', doc(`<cancelorder>${AUTH}<order orderno="A1" ordercode=""/></cancelorder>`))
      .reply(200, doc('<cancelorder><order orderno="A1" error="54" errormsgru="Заказ уже в работе"/></cancelorder>'));
    expect((await caught(run((z) => cancelOrder(z, credentials, 'A1')))).message).toBe(
      'MeaSoft refused the request: error 54 "Заказ уже в работе" (the courier service has already started on ' +
        'the order, so it can no longer be cancelled; ask your courier service to stop the order).',
    );
  });

  it('Only These Statuses offers every documented code, with an English label', () => {
    const values = MEASOFT_STATUS_CHOICES.map((choice) => choice.value);
    for (const code of [
      'LOST',
      'PARTLYRETURNED',
      'PARTLYRETURNING',
      'COURIERPARTIALLY',
      'COURIERCANCELED',
      'WMSASSEMBLED',
      'WMSDISASSEMBLED',
      'CUSTOMSPROCESS',
      'CUSTOMSFINISHED',
      'TRANSACCEPTED',
      'PICKUPTRANS',
    ])
      expect(values).toContain(code);
    expect(values).toHaveLength(31);
    expect(MEASOFT_STATUS_CHOICES.find((choice) => choice.value === 'LOST')!.label).toBe('LOST: Lost');
  });

  it('newest first compares instants, not texts with different offsets', () => {
    const at = (id: string, createtimegmt_iso: string | null, eventtime_iso: string | null) =>
      ({ id, status: { createtimegmt_iso, eventtime_iso } }) as unknown as MeasoftOrderEvent;
    // 10:30+05:00 is 05:30Z, earlier than 06:00Z, although "2024-05-20T10:30" > "2024-05-20T06:00".
    const sorted = newestFirst([
      at('branch', null, '2024-05-20T10:30:00+05:00'),
      at('gmt', '2024-05-20T06:00:00Z', null),
      at('none', null, null),
    ]);
    expect(sorted.map((event) => event.id)).toEqual(['gmt', 'branch', 'none']);
  });
});

describe('secrets never reach a message or an output', () => {
  const forms = ['p&amp;ss&quot;word', 'p%26ss%22word', 'p&ss"word'];

  it.each(forms)('an error text quoting the request (%s) shows no password', async (form) => {
    const quoted = `&lt;auth login=&quot;shop&quot; pass=&quot;${form.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}&quot;/&gt;`;
    nock(API)
      .post('/api/')
      .reply(200, doc(`<statusreq error="25" errormsg="Ошибка авторизации: ${quoted}"/>`));
    const error = await caught(run((z) => findOrders(z, credentials, { orderno: 'A1' })));
    expect(error.message).toContain('pass="[hidden]"');
    for (const shown of forms) expect(error.message).not.toContain(shown);
  });

  it('an unreadable answer echoing the password, and a cancel message, show none', async () => {
    nock(API).post('/api/').reply(400, 'bad request: pass=p%26ss%22word');
    const error = await caught(run((z) => findOrders(z, credentials, { orderno: 'A1' })));
    expect(error.message).toContain('pass=[hidden]');
    nock(API)
      .post('/api/')
      .reply(200, doc('<cancelorder><order orderno="A1" error="0" errormsgru="OK p&amp;ss&quot;word"/></cancelorder>'));
    await expect(run((z) => cancelOrder(z, credentials, 'A1'))).resolves.toEqual({
      orderno: 'A1',
      message: 'OK [hidden]',
    });
  });
});

describe('a failed exchange says what it means where it is read', () => {
  it('a search, the change stream and a create each say their own next step', async () => {
    nock(API)
      .post('/api/', doc(`<statusreq>${AUTH}<orderno>A1</orderno></statusreq>`))
      .reply(503, 'busy');
    const search = await caught(run((z) => findOrders(z, credentials, { orderno: 'A1' })));
    expect(search.message).toBe(
      'MeaSoft answered with a server error (HTTP 503). Nothing was changed (this only reads from MeaSoft); run ' +
        'the step again when MeaSoft answers.',
    );
    nock(API).post('/api/').reply(503, 'busy');
    expect((await caught(run((z) => changedOrders(z, credentials, 100)))).message).toBe(
      'MeaSoft answered with a server error (HTTP 503). Nothing was changed; the trigger asks again at its next poll.',
    );
    nock(API).post('/api/').reply(503, 'busy');
    expect(
      (await caught(run((z) => createOrder(z, credentials, 'S-1', element('order', [['orderno', 'S-1']]))))).message,
    ).toContain('Replaying this step is safe: MeaSoft refuses a second order with the same Order Number (error 17)');
  });
});
