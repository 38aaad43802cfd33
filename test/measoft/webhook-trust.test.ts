/**
 * New MeaSoft Order Status (Webhook): a status MeaSoft did not send starts nothing (issue 24).
 * The URL secret (`?key=`), checked before the body is read; the confirmation with MeaSoft's API
 * (one read-only statusreq by the order number, exact body); what happens when MeaSoft cannot be
 * asked; and that neither the redelivery memory nor a message is touched by a refused delivery.
 */
import crypto from 'node:crypto';
import nock from 'nock';
import { createAppTester, type Bundle } from 'zapier-platform-core';
import App from '../../src/index';
import { perform, performList } from '../../src/measoft/order-status';
import { perform as pollPerform } from '../../src/measoft/order-status-poll';
import { useEnv } from '../support/env';
import { cacheRpc, rpcAppTester } from '../support/cache-rpc';
import { caught } from '../support/zapier-error';

const appTester = createAppTester(App);
const tester = rpcAppTester();
const setEnv = useEnv();

const API = 'https://home.courierexe.ru';
const authData = { measoft_login: 'shop', measoft_password: 'pa55-w0rd-long', measoft_extra: '8' };
const AUTH = '<auth login="shop" pass="pa55-w0rd-long" extra="8"/>';
const doc = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?>${inner}`;
const SECRET = 'Zq8vN3xKp7Lw2Rt9Yb4Hc6Jm1Fd5Gs0A';

const status = (code: string, time: string, extra = '') =>
  `<status title="${code.toLowerCase()}" eventtime="${time}" createtimegmt="${time}" eventstore="${code}"${extra}>${code}</status>`;

/** An `<order>` as MeaSoft's webhook and statusreq give it: current status first, its history newest first. */
const order = (options: {
  orderno?: string;
  awb?: string;
  price?: string;
  outstrbarcode?: string;
  statuses: Array<[string, string]>;
  webhook?: boolean;
}) => {
  const [current, ...older] = [...options.statuses].reverse();
  return (
    `<order orderno="${options.orderno ?? 'SHOP-7'}" awb="${options.awb ?? '0007001'}">` +
    `<price>${options.price ?? '2490.00'}</price><outstrbarcode>${options.outstrbarcode ?? 'SHOP-7'}</outstrbarcode>` +
    status(current![0], current![1]) +
    `<statushistory>${[current!, ...older].map(([code, time]) => status(code, time, ' country="RU"')).join('')}</statushistory>` +
    (options.webhook === false
      ? ''
      : `<webhook_status_code>${current![0]}</webhook_status_code><webhook_status_time>${current![1]}</webhook_status_time>`) +
    '</order>'
  );
};

const REAL: Array<[string, string]> = [
  ['NEW', '2024-05-18 09:00:00'],
  ['DELIVERY', '2024-05-20 09:00:00'],
  ['COMPLETE', '2024-05-20 12:40:00'],
];
/** What MeaSoft posts for the order's last status. */
const DELIVERED = doc(order({ statuses: REAL }));
/** What MeaSoft's statusreq answers for the order (no webhook elements). */
const RECORD = order({ statuses: REAL, webhook: false });

const delivery = (content: string, inputData: Record<string, unknown> = {}, querystring = ''): Bundle =>
  ({
    authData,
    inputData,
    rawRequest: { method: 'POST', querystring, headers: { 'Content-Type': 'text/xml' }, content },
    cleanedRequest: { querystring: Object.fromEntries(new URLSearchParams(querystring)) },
  }) as unknown as Bundle;

/** MeaSoft's answer to the confirmation's one request: a statusreq by the order number, nothing else. */
const measoftHolds = (orders: string, orderno = 'SHOP-7') =>
  nock(API)
    .post('/api/', doc(`<statusreq>${AUTH}<orderno>${orderno}</orderno></statusreq>`))
    .reply(200, doc(`<statusreq count="1">${orders}</statusreq>`));

const CONFIRM = { confirm_with_measoft: 'yes' };

type Item = Record<string, unknown> & { status: Record<string, unknown> };

describe('Secret in the Webhook URL', () => {
  it.each([
    ['as typed', `key=${SECRET}`],
    ['after a leading ?', `?key=${SECRET}`],
    ['beside other parameters', `utm=1&key=${SECRET}&x`],
  ])('lets a delivery through with the secret %s', async (_how, querystring) => {
    cacheRpc();
    const items = (await tester(perform, delivery(DELIVERED, { url_secret: SECRET }, querystring))) as Item[];
    expect(items.map((item) => item.orderno)).toEqual(['SHOP-7']);
  });

  it('matches a secret with + / = whether the sender percent-encoded it or not', async () => {
    const secret = 'k9+Vq/2Zx=';
    for (const querystring of ['key=k9%2BVq%2F2Zx%3D', 'key=k9+Vq/2Zx=']) {
      const items = await appTester(perform, {
        ...delivery(DELIVERED, { url_secret: secret }, querystring),
        meta: { isLoadingSample: true },
      });
      expect(items).toHaveLength(1);
    }
  });

  it('reads a query string handed already parsed in rawRequest', async () => {
    const bundle = delivery(DELIVERED, { url_secret: SECRET });
    (bundle.rawRequest as { querystring: unknown }).querystring = { key: SECRET };
    bundle.cleanedRequest = {};
    expect(await appTester(perform, { ...bundle, meta: { isLoadingSample: true } })).toHaveLength(1);
    (bundle.rawRequest as { querystring: unknown }).querystring = { key: 'other' };
    expect((await caught(appTester(perform, bundle))).name).toBe('HaltedError');
  });

  it('reads the parsed query string when Zapier gives no raw one', async () => {
    const bundle = delivery(DELIVERED, { url_secret: SECRET });
    bundle.cleanedRequest = { querystring: { key: SECRET } };
    expect(await appTester(perform, { ...bundle, meta: { isLoadingSample: true } })).toHaveLength(1);
    for (const [cleaned, why] of [
      [{ querystring: { key: 'other' } }, 'another "key" value'],
      [{ querystring: { key: [SECRET, SECRET] } }, 'the "key" parameter 2 times'],
      [{ querystring: {} }, 'no "key" parameter'],
      [{}, 'no "key" parameter'],
    ] as const) {
      bundle.cleanedRequest = cleaned;
      const error = await caught(appTester(perform, bundle));
      expect(error.name).toBe('HaltedError');
      expect(error.message).toContain(why);
    }
  });

  it.each([
    ['missing', '', 'its URL has no "key" parameter'],
    [
      'another value',
      'key=Zq8vN3xKp7Lw2Rt9Yb4Hc6Jm1Fd5Gs0B',
      'its URL carries another "key" value than Secret in the Webhook URL',
    ],
    ['a prefix of it', `key=${SECRET.slice(0, 10)}`, 'another "key" value'],
    ['given twice', `key=wrong&key=${SECRET}`, 'its URL carries the "key" parameter 2 times'],
    ['under another name', `Key=${SECRET}`, 'its URL has no "key" parameter'],
    ['badly percent-encoded', 'key=%E0%A4%A', 'another "key" value'],
  ])(
    'ignores a delivery with the secret %s as halted, before its body is read, naming neither value',
    async (_how, querystring, why) => {
      const { calls } = cacheRpc();
      // Not an order at all: a stranger's junk must not raise an error alert either.
      const error = await caught(tester(perform, delivery('{"junk": true}', { url_secret: SECRET }, querystring)));
      expect(error.name).toBe('HaltedError');
      expect(error.message).toContain(why);
      expect(error.message).toContain('the Zap did not run');
      expect(error.message).not.toContain(SECRET);
      expect(error.message).not.toContain(SECRET.slice(0, 10));
      expect(error.message).not.toContain('wrong');
      expect(calls).toEqual([]);
      nock.cleanAll(); // the cache was rightly never asked
    },
  );

  it("marks the halt so core does not append the bundle (with the trigger's inputs) to its message", async () => {
    let thrown: unknown;
    try {
      await appTester(perform, delivery(DELIVERED, { url_secret: SECRET }, 'key=nope'));
    } catch (error) {
      thrown = error;
    }
    expect((thrown as { doNotContextify?: boolean }).doNotContextify).toBe(true);
  });

  it('compares the secret in constant time', async () => {
    const compare = jest.spyOn(crypto, 'timingSafeEqual');
    try {
      await caught(appTester(perform, delivery(DELIVERED, { url_secret: SECRET }, `key=${'x'.repeat(SECRET.length)}`)));
      expect(compare).toHaveBeenCalledWith(Buffer.from('x'.repeat(SECRET.length)), Buffer.from(SECRET));
    } finally {
      compare.mockRestore();
    }
  });

  it('changes nothing when empty: a delivery with or without a key parameter runs the Zap', async () => {
    for (const querystring of ['', 'key=anything']) {
      const items = await appTester(perform, {
        ...delivery(DELIVERED, {}, querystring),
        meta: { isLoadingSample: true },
      });
      expect(items).toHaveLength(1);
    }
  });

  it.each(['two words', 'a&b', 'a#b', 'tab\there'])(
    'refuses a secret that cannot be part of a URL (%j), naming the field, in a delivery and in the editor',
    async (secret) => {
      for (const run of [
        appTester(perform, delivery(DELIVERED, { url_secret: secret }, `key=${encodeURIComponent(secret)}`)),
        appTester(performList, { authData: {}, inputData: { url_secret: secret } }),
      ]) {
        const error = await caught(run);
        expect(error.code).toBe('InvalidInput');
        expect(error.message).toMatch(/^Secret in the Webhook URL: expected letters, digits/);
        expect(error.message).not.toContain(secret);
      }
    },
  );
});

describe('Confirm with MeaSoft', () => {
  it('No (the default): the delivery as sent, not checked, and MeaSoft is not asked', async () => {
    cacheRpc();
    const [item] = (await tester(perform, delivery(DELIVERED))) as Item[];
    expect(item).toMatchObject({ confirmed_by_measoft: 'not checked', price: 2490 });
    expect(item!.confirmation_note).toMatch(/^Not checked with MeaSoft/);
  });

  it("Yes: runs the Zap with MeaSoft's record of the order when MeaSoft shows the delivered status at its time", async () => {
    const { store } = cacheRpc();
    const asked = measoftHolds(RECORD);
    // A forger who knows a real status still cannot change what the Zap maps: price and shop code come from MeaSoft.
    const forged = doc(order({ statuses: REAL, price: '1.00', outstrbarcode: 'SHOP-8' }));
    const [item] = (await tester(perform, delivery(forged, CONFIRM))) as Item[];
    expect(asked.isDone()).toBe(true);
    expect(item).toMatchObject({
      id: 'SHOP-7:COMPLETE:2024-05-20 12:40:00',
      orderno: 'SHOP-7',
      price: 2490,
      outstrbarcode: 'SHOP-7',
      status: { code: 'COMPLETE', eventtime_iso: '2024-05-20T12:40:00+03:00' },
      webhook_status_code: 'COMPLETE',
      webhook_status_time_iso: '2024-05-20T12:40:00+03:00',
      confirmed_by_measoft: true,
      confirmation_note: 'Confirmed by MeaSoft: its order SHOP-7 shows status COMPLETE at 2024-05-20T12:40:00+03:00.',
    });
    expect(store.size).toBe(1);
  });

  it('Yes: a status MeaSoft has in the order history (the order moved on since) is confirmed, as that status', async () => {
    cacheRpc();
    measoftHolds(order({ statuses: [...REAL, ['RETURNING', '2024-05-21 10:00:00']], webhook: false }));
    const [item] = (await tester(perform, delivery(DELIVERED, CONFIRM))) as Item[];
    expect(item!.status).toMatchObject({ code: 'COMPLETE', eventtime_iso: '2024-05-20T12:40:00+03:00', country: 'RU' });
    expect(item!.confirmed_by_measoft).toBe(true);
  });

  it('Yes: of two orders with the number (MeaSoft allows one per calendar year), the one that shows the status', async () => {
    cacheRpc();
    const lastYear = order({
      awb: '0005001',
      price: '10.00',
      statuses: [['COMPLETE', '2023-05-20 12:40:00']],
      webhook: false,
    });
    measoftHolds(lastYear + RECORD);
    const [item] = (await tester(perform, delivery(DELIVERED, CONFIRM))) as Item[];
    expect(item).toMatchObject({ awb: '0007001', price: 2490 });
  });

  it.each([
    [
      'an order MeaSoft does not hold (error 11)',
      doc(order({ orderno: 'SHOP-9', statuses: REAL })),
      () =>
        nock(API)
          .post('/api/', doc(`<statusreq>${AUTH}<orderno>SHOP-9</orderno></statusreq>`))
          .reply(200, doc('<statusreq error="11" errormsg="Заказы не найдены"/>')),
      "MeaSoft has no order SHOP-9 for this connection's login",
    ],
    [
      'a status the order never had',
      doc(order({ statuses: [...REAL.slice(0, 2), ['CANCELED', '2024-05-20 12:40:00']] })),
      () => measoftHolds(RECORD),
      "MeaSoft's order SHOP-7 has no status CANCELED at 2024-05-20T12:40:00+03:00 (its status now: COMPLETE at " +
        '2024-05-20T12:40:00+03:00)',
    ],
    [
      'a real status at another time',
      doc(order({ statuses: [...REAL.slice(0, 2), ['COMPLETE', '2024-05-20 12:41:00']] })),
      () => measoftHolds(RECORD),
      'has no status COMPLETE at 2024-05-20T12:41:00+03:00',
    ],
  ])(
    'Yes: %s starts nothing, halted with a reason naming the order, and is not remembered',
    async (_what, xml, measoft, why) => {
      const { store } = cacheRpc();
      const asked = measoft();
      const error = await caught(tester(perform, delivery(xml, { ...CONFIRM, url_secret: SECRET }, `key=${SECRET}`)));
      expect(asked.isDone()).toBe(true);
      expect(error.name).toBe('HaltedError');
      expect(error.message.startsWith('MeaSoft does not confirm this delivery, so the Zap did not run: ')).toBe(true);
      expect(error.message).toContain(why);
      expect(error.message).not.toContain(SECRET);
      expect(store.size).toBe(0);
      nock.cleanAll(); // the cache was rightly never asked
    },
  );

  it('Yes: an event time that does not read as a time is compared as MeaSoft wrote it', async () => {
    cacheRpc();
    const odd = (time: string) => order({ statuses: [['COMPLETE', time]], webhook: false });
    measoftHolds(odd('вчера, 12:40'));
    const [item] = (await tester(perform, delivery(doc(odd('вчера, 12:40')), CONFIRM))) as Item[];
    expect(item!.confirmation_note).toBe(
      'Confirmed by MeaSoft: its order SHOP-7 shows status COMPLETE at вчера, 12:40.',
    );
    measoftHolds(odd('вчера, 12:41'));
    expect((await caught(tester(perform, delivery(doc(odd('вчера, 12:40')), CONFIRM)))).name).toBe('HaltedError');
  });

  it('Yes: a delivery without an order number cannot be confirmed, and MeaSoft is not asked', async () => {
    const xml = doc(`<order awb="1">${status('COMPLETE', '2024-05-20 12:40:00')}</order>`);
    const error = await caught(appTester(perform, delivery(xml, CONFIRM)));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toContain('the delivery names no order number (orderno) to look up');
  });

  it('Yes: a defect while asking (not a failed exchange) travels on as it is, never as "not confirmed"', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const client = require('../../src/measoft/client') as typeof import('../../src/measoft/client');
    const broken = jest.spyOn(client, 'findOrders').mockRejectedValue(new TypeError('a defect'));
    try {
      const error = await caught(
        appTester(perform, delivery(DELIVERED, { ...CONFIRM, when_measoft_unreachable: 'run' })),
      );
      expect(error).toMatchObject({ name: 'TypeError' });
      expect(error.message).toMatch(/^a defect/);
    } finally {
      broken.mockRestore();
    }
  });

  it('Yes: a delivered status without an event time cannot be confirmed, and MeaSoft is not asked', async () => {
    cacheRpc();
    const xml = doc('<order orderno="SHOP-7"><status title="t">COMPLETE</status></order>');
    const error = await caught(tester(perform, delivery(xml, CONFIRM)));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toContain('the delivered status of order SHOP-7 has no status code or event time');
    nock.cleanAll(); // neither MeaSoft nor the cache was asked
  });

  it('Yes: a status left out by Only These Statuses costs no request', async () => {
    expect(await appTester(perform, delivery(DELIVERED, { ...CONFIRM, statuses: ['NEW'] }))).toEqual([]);
  });

  it('Yes without the MeaSoft fields of the connection: refused naming the field, in a delivery and in the editor', async () => {
    for (const run of [
      appTester(perform, { ...delivery(DELIVERED, CONFIRM), authData: { justclick_login: 'x' } }),
      appTester(performList, { authData: {}, inputData: CONFIRM }),
    ]) {
      const error = await caught(run);
      expect(error.code).toBe('InvalidInput');
      expect(error.message).toMatch(/^Confirm with MeaSoft: Yes needs the MeaSoft fields of the connection/);
    }
  });
});

describe('Confirm with MeaSoft: MeaSoft cannot be asked', () => {
  const down = () => nock(API).post('/api/').reply(502, 'Bad Gateway');

  it('Stop (the default): an error run (alerted, replayable) naming the order; a replay once MeaSoft answers runs the Zap', async () => {
    const { store } = cacheRpc();
    down();
    const error = await caught(tester(perform, delivery(DELIVERED, CONFIRM)));
    expect(error).toMatchObject({ name: 'AppError', code: 'MeasoftNotConfirmed' });
    expect(error.message).toMatch(/^MeaSoft answered with a server error \(HTTP 502\)\./);
    expect(error.message).toContain(
      'MeaSoft could not confirm status COMPLETE of order SHOP-7, so the Zap did not run. Replay this run from the ' +
        'Zap history when MeaSoft answers again.',
    );
    // Nothing remembered: the replay is not taken for a resend.
    expect(store.size).toBe(0);
    measoftHolds(RECORD);
    const items = (await tester(perform, delivery(DELIVERED, CONFIRM))) as Item[];
    expect(items.map((item) => item.confirmed_by_measoft)).toEqual([true]);
  });

  it('Stop: no answer in time (MEASOFT_TIMEOUT_MS) is the same error, within the trigger', async () => {
    setEnv({ MEASOFT_TIMEOUT_MS: '50' });
    nock(API)
      .post('/api/')
      .delay(5_000)
      .reply(200, doc(`<statusreq count="1">${RECORD}</statusreq>`));
    const error = await caught(appTester(perform, delivery(DELIVERED, CONFIRM)));
    expect(error.code).toBe('MeasoftNotConfirmed');
    expect(error.message).toMatch(/^MeaSoft did not answer in time/);
    nock.abortPendingRequests();
  });

  it('Stop: a 429 is said in words, not handed back as a retry of a trigger', async () => {
    nock(API).post('/api/').reply(429, 'slow down');
    const error = await caught(appTester(perform, delivery(DELIVERED, CONFIRM)));
    expect(error).toMatchObject({ name: 'AppError', code: 'MeasoftNotConfirmed' });
    expect(error.message).toMatch(/^MeaSoft asks to slow down \(HTTP 429\)\. MeaSoft could not confirm/);
  });

  it.each(['stop', 'run'])('%s: a wrong MeaSoft login asks to reconnect', async (choice) => {
    nock(API).post('/api/').reply(200, doc('<statusreq error="25" errormsg="Ошибка авторизации"/>'));
    const error = await caught(
      appTester(perform, delivery(DELIVERED, { ...CONFIRM, when_measoft_unreachable: choice })),
    );
    expect(error.name).toBe('ExpiredAuthError');
  });

  it.each(['stop', 'run'])('%s: MeaSoft refusing the connection is said as such, not as a 429', async (choice) => {
    cacheRpc();
    // Nothing listens on port 1: the connection is refused before anything is sent.
    setEnv({ MEASOFT_BASE_URL: 'http://127.0.0.1:1/api/' });
    const run = tester(perform, delivery(DELIVERED, { ...CONFIRM, when_measoft_unreachable: choice }));
    const said =
      choice === 'stop' ? (await caught(run)).message : String(((await run) as Item[])[0]!.confirmation_note);
    expect(said).toContain('MeaSoft could not be reached');
    expect(said).not.toContain('429');
    if (choice === 'stop') nock.cleanAll(); // the cache was rightly never asked
  });

  it('Run: the Zap runs with the delivery as sent, Confirmed by MeaSoft = false, and the note says why', async () => {
    cacheRpc();
    down();
    const [item] = (await tester(
      perform,
      delivery(DELIVERED, { ...CONFIRM, when_measoft_unreachable: 'run' }),
    )) as Item[];
    expect(item).toMatchObject({ orderno: 'SHOP-7', confirmed_by_measoft: false });
    expect(item!.confirmation_note).toBe(
      'Not confirmed: MeaSoft answered with a server error (HTTP 502). The Zap ran with the delivery as sent, as If ' +
        'MeaSoft Does Not Answer says.',
    );
  });

  it('Run: an answer MeaSoft did not answer is never taken as a refutation (an unreadable answer is "could not ask")', async () => {
    cacheRpc();
    nock(API).post('/api/').reply(200, '<html>maintenance</html>');
    const [item] = (await tester(
      perform,
      delivery(DELIVERED, { ...CONFIRM, when_measoft_unreachable: 'Run' }),
    )) as Item[];
    expect(item!.confirmed_by_measoft).toBe(false);
  });
});

describe('Confirmed by MeaSoft in samples and in the polling trigger', () => {
  it('the editor samples read from MeaSoft say true with Confirm with MeaSoft = Yes, not checked with No', async () => {
    for (const [input, expected] of [
      [CONFIRM, true],
      [{}, 'not checked'],
    ] as const) {
      nock(API)
        .post('/api/')
        .reply(200, doc(`<statusreq count="1">${RECORD}</statusreq>`));
      const samples = (await appTester(performList, { authData, inputData: input })) as Item[];
      expect(samples.map((sample) => sample.confirmed_by_measoft)).toEqual([expected]);
    }
  });

  it('the polling trigger reads MeaSoft itself: every item is confirmed', async () => {
    nock(API)
      .post('/api/')
      .reply(200, doc(`<statusreq count="1">${RECORD}</statusreq>`));
    const items = (await appTester(pollPerform, {
      authData,
      inputData: {},
      meta: { isLoadingSample: true },
    })) as Item[];
    expect(items.map((item) => [item.confirmed_by_measoft, item.confirmation_note])).toEqual([
      [true, "Read from MeaSoft's API by the polling trigger."],
    ]);
  });
});
