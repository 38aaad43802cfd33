/**
 * MeaSoft operations with exact request bodies (nock): Create, Find and Cancel Courier Order, the
 * polling trigger's request sequence, and the instant trigger's samples.
 */
import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import { perform as cancelOrder } from '../../src/measoft/cancel-order';
import { perform as createOrder } from '../../src/measoft/create-order';
import { perform as findOrder } from '../../src/measoft/find-order';
import { performList } from '../../src/measoft/order-status';
import { perform as poll } from '../../src/measoft/order-status-poll';
import { webhookStatusSample } from '../../src/measoft/samples';
import { ZCacheStore } from '../../sandbox/zapier-cache';
import { cacheRpc, loggedBy, rpcAppTester } from '../support/cache-rpc';
import { caught } from '../support/zapier-error';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const loose = (perform: unknown) => perform as (z: any, bundle: any) => Promise<any>;
const appTester = createAppTester(App);
const API = 'https://home.courierexe.ru';
const authData = { measoft_login: 'shop', measoft_password: 'secret-pass-123', measoft_extra: '8' };
const AUTH = '<auth login="shop" pass="secret-pass-123" extra="8"/>';
const doc = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?>${inner}`;
const order = (orderno: string, code = 'NEW', time = '2024-05-20 10:00:00') =>
  `<order orderno="${orderno}" orderno2="S-9"><status eventtime="${time}" createtimegmt="${time}" title="t">${code}</status></order>`;

const input = {
  orderno: 'S-9',
  receiver_name: 'Анна <Петрова>',
  receiver_company: 'ООО "Рога & Копыта"',
  receiver_phone: '+7 (916) 000-00-00',
  receiver_town: 'Москва',
  receiver_address: 'Петровка, 38',
  delivery_date: '2024-05-21T09:00:00+03:00',
  time_min: '10:00',
  time_max: '18:00',
  weight: '1,5',
  quantity: '2',
  paytype: 'cash on delivery',
  price: '2 490',
  instruction: 'Звонить за час',
  items: [
    {
      item_name: 'Футболка',
      item_quantity: '2',
      item_price: '1245',
      item_weight: '0.3',
      item_extcode: 'TS-1',
      item_vat_rate: '20',
    },
    { item_name: 'Пакет' },
  ],
};

const NEWORDER = doc(
  `<neworder newfolder="NO">${AUTH}<order orderno="S-9"><receiver><company>ООО &quot;Рога &amp; Копыта&quot;</company>` +
    '<person>Анна &lt;Петрова&gt;</person><phone>+7 (916) 000-00-00</phone><town>Москва</town><address>Петровка, 38</address>' +
    '<date>2024-05-21</date><time_min>10:00</time_min><time_max>18:00</time_max></receiver><weight>1.5</weight><quantity>2</quantity>' +
    '<paytype>CASH</paytype><price>2490</price><instruction>Звонить за час</instruction><items>' +
    '<item extcode="TS-1" quantity="2" mass="0.3" retprice="1245" VATrate="20">Футболка</item><item quantity="1">Пакет</item></items></order></neworder>',
);
const READ_S9 = doc(`<statusreq>${AUTH}<orderno>S-9</orderno></statusreq>`);
const stored = (orderno: string, phone: string, address: string) =>
  `<order orderno="${orderno}" orderno2=""><receiver><phone>${phone}</phone><address>${address}</address></receiver>` +
  '<status eventtime="2024-05-20 10:00:00" createtimegmt="2024-05-20 07:00:00">NEW</status></order>';
const EXISTS = doc('<neworder><createorder orderno="S-9" error="17" errormsg="Such number exists"/></neworder>');

describe('Create Courier Order', () => {
  it("sends the shop's number as the order's orderno (no orderno2, no look-up first), then reads it back", async () => {
    nock(API)
      .post('/api/', NEWORDER)
      .reply(
        200,
        doc(
          '<neworder><createorder orderno="S-9" barcode="00040001" error="0" errormsg="Success" orderprice="350"/></neworder>',
        ),
      );
    nock(API)
      .post('/api/', READ_S9)
      .reply(200, doc(`<statusreq count="1">${stored('S-9', '+7 (916) 000-00-00', 'Петровка, 38')}</statusreq>`));
    const result = await appTester(loose(createOrder), { authData, inputData: input });
    expect(result).toMatchObject({
      orderno: 'S-9',
      created_now: true,
      result_note: 'MeaSoft created order S-9 for Order Number S-9.',
    });
    expect(nock.isDone()).toBe(true);
  });

  it('reads money, weights, the date and the window as Russian and Vietnamese shops write them', async () => {
    const created = nock(API)
      .post(
        '/api/',
        doc(
          `<neworder newfolder="NO">${AUTH}<order orderno="S-9"><receiver><person>Анна</person>` +
            '<phone>8 916 000-00-00</phone><town>Москва</town><address>Петровка, 38</address>' +
            '<date>2026-12-10</date><time_min>10:00</time_min><time_max>18:30</time_max></receiver>' +
            '<weight>1.5</weight><quantity>1200</quantity><paytype>CASH</paytype><price>1200.5</price><inshprice>1200.5</inshprice>' +
            '<items><item quantity="1" mass="0.4" retprice="1200.5" VATrate="20">Футболка</item></items></order></neworder>',
        ),
      )
      .reply(
        200,
        doc(
          '<neworder><createorder orderno="S-9" barcode="00040002" error="0" errormsg="Success" orderprice="350"/></neworder>',
        ),
      );
    nock(API)
      .post('/api/', READ_S9)
      .reply(200, doc(`<statusreq count="1">${stored('S-9', '8 916 000-00-00', 'Петровка, 38')}</statusreq>`));
    const result = await appTester(loose(createOrder), {
      authData,
      inputData: {
        orderno: 'S-9',
        receiver_name: 'Анна',
        receiver_phone: '8 916 000-00-00',
        receiver_town: 'Москва',
        receiver_address: 'Петровка, 38',
        delivery_date: '10.12.2026',
        time_min: '10.00',
        time_max: '18.30',
        weight: '1,5',
        quantity: '1\u00a0200',
        paytype: 'Cash on Delivery',
        price: '1 200,50',
        inshprice: '1.200,50',
        items: [{ item_name: 'Футболка', item_weight: '0,4', item_price: '1,200.50', item_vat_rate: '20' }],
      },
    });
    expect(created.isDone()).toBe(true);
    expect(result).toMatchObject({ orderno: 'S-9', created_now: true });
  });

  it('a replay meets error 17, reads the order with that number, and returns it when it is the same order', async () => {
    nock(API).post('/api/', NEWORDER).reply(200, EXISTS);
    nock(API)
      .post('/api/', READ_S9)
      .reply(200, doc(`<statusreq count="1">${stored('S-9', '8 916 000 00 00', 'ПЕТРОВКА 38')}</statusreq>`));
    const result = await appTester(loose(createOrder), { authData, inputData: input });
    expect(result).toMatchObject({ orderno: 'S-9', created_now: false });
    expect(result.result_note).toBe('MeaSoft already had order S-9 for this receiver; nothing new was created.');
  });

  it('error 17 for another order with that number fails naming Order Number, and adopts nothing', async () => {
    nock(API).post('/api/', NEWORDER).reply(200, EXISTS);
    nock(API)
      .post('/api/', READ_S9)
      .reply(200, doc(`<statusreq count="1">${stored('S-9', '+7 999 111-22-33', 'Ленина, 1')}</statusreq>`));
    const error = await caught(appTester(loose(createOrder), { authData, inputData: input }));
    expect(error.code).toBe('MeasoftOrderNumberTaken');
    expect(error.message).toMatch(/^Order Number: MeaSoft already has another order numbered "S-9" this calendar year/);
    expect(error.message).toContain('Nothing was created');
  });

  it('error 17 and a look-up that answers with a different number is an error, not that order', async () => {
    nock(API).post('/api/', NEWORDER).reply(200, EXISTS);
    nock(API)
      .post('/api/', READ_S9)
      .reply(200, doc(`<statusreq count="1">${stored('S-10', '+7 (916) 000-00-00', 'Петровка, 38')}</statusreq>`));
    expect((await caught(appTester(loose(createOrder), { authData, inputData: input }))).code).toBe(
      'MeasoftFilterIgnored',
    );
  });

  it.each([
    [
      'HTTP 500',
      (scope: nock.Interceptor) => scope.reply(500, 'oops'),
      'MeaSoft answered with a server error (HTTP 500)',
    ],
    [
      'another order',
      (scope: nock.Interceptor) =>
        scope.reply(
          200,
          doc(`<statusreq count="1">${stored('X-1', '+7 (916) 000-00-00', 'Петровка, 38')}</statusreq>`),
        ),
      'MeaSoft answered a search for orderno "S-9" with an order whose orderno is "X-1"',
    ],
    [
      'nothing',
      (scope: nock.Interceptor) => scope.reply(200, doc('<statusreq count="0"/>')),
      'MeaSoft did not return it',
    ],
    [
      'a refused connection',
      (scope: nock.Interceptor) =>
        scope.replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
      'reading it back failed: MeaSoft could not be reached (ECONNREFUSED). The order exists',
    ],
    [
      'a refusal',
      (scope: nock.Interceptor) => scope.reply(200, doc('<statusreq error="13" errormsg="Ошибка MySQL"/>')),
      'reading it back failed: MeaSoft refused the request: error 13 "Ошибка MySQL"',
    ],
    [
      'an HTTP 429',
      (scope: nock.Interceptor) => scope.reply(429, 'slow down', { 'Retry-After': '60' }),
      'reading it back failed: MeaSoft asks to slow down (HTTP 429). The order exists',
    ],
  ])('created, and the read-back gets %s: says the order was created, with its number', async (_name, reply, why) => {
    nock(API)
      .post('/api/', NEWORDER)
      .reply(200, doc('<neworder><createorder orderno="S-9" barcode="" error="0" orderprice="350"/></neworder>'));
    reply(nock(API).post('/api/', READ_S9));
    const error = await caught(appTester(loose(createOrder), { authData, inputData: input }));
    expect(error.code).toBe('MeasoftCreatedNotRead');
    expect(error.message).toMatch(/^MeaSoft created courier order S-9, but reading it back failed: /);
    expect(error.message).toContain(why);
    expect(error.message).toContain('Do not replay this step blindly');
    expect(error.message).not.toMatch(/Nothing was changed|tries again/);
    // The step is not handed back to Zapier: the order exists, so nothing may promise a retry.
    expect(error.message).not.toMatch(/retry this step|nothing was sent/);
  });

  it('Order Number is required, named, before any request', async () => {
    const error = await caught(appTester(loose(createOrder), { authData, inputData: { ...input, orderno: ' ' } }));
    expect(error.message).toBe("Order Number: expected your shop's order number, e.g. 100045.");
  });

  it.each([
    [{ receiver_phone: ' ' }, "Receiver Phone: expected the receiver's phone number."],
    [
      { delivery_date: '31.04.2024' },
      'Delivery Date: expected a date that exists in the calendar (no 30 February or 31 April, months 01 to 12) (got "31.04.2024").',
    ],
    [
      { delivery_date: '2024-13-01' },
      'Delivery Date: expected a date that exists in the calendar (no 30 February or 31 April, months 01 to 12) (got "2024-13-01").',
    ],
    [
      { delivery_date: 'tomorrow' },
      'Delivery Date: expected a date such as 10.12.2026 (day first) or 2026-12-10 (got "tomorrow").',
    ],
    [
      { time_min: '10:60' },
      'Delivery Time From: expected a time such as 10:00 or 10.00 (24-hour, 00:00 to 23:59) (got "10:60").',
    ],
    [
      { receiver_phone: 'позвонить' },
      'Receiver Phone: expected a phone number such as +7 916 000-00-00 (got "позвонить").',
    ],
    [
      { price: '1,200' },
      'Amount to Collect: expected a number such as 1200.50, 1200,50, 1 200,50, 1,200.50 or 1.200,50 (1,200 and 1.200 are refused as ambiguous: write 1200 or 1.2) (got "1,200").',
    ],
    [{ time_min: '19:00' }, 'Delivery Time To: expected a time after Delivery Time From (19:00) (got "18:00").'],
    [
      { weight: 'heavy' },
      'Weight (kg): expected a number such as 1200.50, 1200,50, 1 200,50, 1,200.50 or 1.200,50 (1,200 and 1.200 are refused as ambiguous: write 1200 or 1.2) (got "heavy").',
    ],
    [
      { paytype: 'bitcoin' },
      'Payment Type: expected one of CASH (Cash on Delivery), CARD (Card on Delivery), NO (No Payment (Prepaid)), OTHER (Other) (got "bitcoin").',
    ],
    [
      { items: [{ item_price: '10' }, { item_name: 'x' }] },
      'Item Name (line 1): expected the name of the item, because other item fields of this line are filled in.',
    ],
  ])('refuses %j before any request', async (change, message) => {
    const error = await caught(appTester(loose(createOrder), { authData, inputData: { ...input, ...change } }));
    expect(error.message).toBe(message);
  });
});

describe('Find and Cancel Courier Order', () => {
  it('finds by the urgent order number only (no given code is sent); nothing found (count 0 or error 11) is empty', async () => {
    nock(API)
      .post('/api/', doc(`<statusreq>${AUTH}<orderno2>U-1</orderno2></statusreq>`))
      .reply(200, doc('<statusreq count="0"/>'));
    await expect(
      appTester(loose(findOrder), { authData, inputData: { orderno2: 'U-1', givencode: 'G1' } }),
    ).resolves.toEqual([]);
    nock(API)
      .post('/api/', doc(`<statusreq>${AUTH}<orderno>X</orderno></statusreq>`))
      .reply(200, doc('<statusreq error="11" errormsg="Заказы не найдены"/>'));
    await expect(appTester(loose(findOrder), { authData, inputData: { orderno: 'X' } })).resolves.toEqual([]);
  });

  it('asks for a number before any request; cancel names its field too', async () => {
    expect((await caught(appTester(loose(findOrder), { authData, inputData: {} }))).message).toBe(
      'Order Number: expected an order number (or fill in Urgent Order Number).',
    );
    expect((await caught(appTester(loose(cancelOrder), { authData, inputData: { orderno: '' } }))).message).toBe(
      "Order Number: expected MeaSoft's order number, e.g. 00032011.",
    );
  });

  it("cancels, with MeaSoft's own words and an English companion beside them", async () => {
    nock(API)
      .post('/api/', doc(`<cancelorder>${AUTH}<order orderno="00032011" ordercode=""/></cancelorder>`))
      .reply(
        200,
        doc(
          '<cancelorder><order orderno="00032011" ordercode="" error="0" errormsg="OK" errormsgru="Успешно"/></cancelorder>',
        ),
      );
    await expect(appTester(loose(cancelOrder), { authData, inputData: { orderno: '00032011' } })).resolves.toEqual({
      orderno: '00032011',
      cancelled: true,
      measoft_message: 'Успешно',
      measoft_message_en: 'MeaSoft cancelled order 00032011.',
    });
  });

  it("points to MeaSoft's own words when they say more than a plain success", async () => {
    nock(API)
      .post('/api/', doc(`<cancelorder>${AUTH}<order orderno="7" ordercode=""/></cancelorder>`))
      .reply(
        200,
        doc(
          '<cancelorder><order orderno="7" ordercode="" error="0" errormsg="OK" errormsgru="Отменен, курьер уведомлен"/></cancelorder>',
        ),
      );
    const result = await appTester(loose(cancelOrder), { authData, inputData: { orderno: '7' } });
    expect(result.measoft_message_en).toBe("MeaSoft cancelled order 7. MeaSoft's own words are in MeaSoft Message.");
  });

  it('needs the MeaSoft credentials in the connection', async () => {
    const error = await caught(appTester(loose(findOrder), { authData: {}, inputData: { orderno: '1' } }));
    expect(error.message).toContain('This step needs your MeaSoft credentials');
  });
});

describe('New Order Status (Polling): requests', () => {
  const tester = rpcAppTester();
  const readBody =
    /^<\?xml version="1.0" encoding="UTF-8"\?><statusreq><auth login="shop" pass="secret-pass-123" extra="8"\/><changes>ONLY_LAST<\/changes><streamid>(\d+)<\/streamid><\/statusreq>$/;

  it('reads its stream; commits that answer only at the start of the next poll, on the same stream', async () => {
    const { calls } = cacheRpc(new ZCacheStore());
    let stream = '';
    nock(API)
      .post('/api/', (body: string) => readBody.test(body) && Boolean((stream = readBody.exec(body)![1]!)))
      .reply(
        200,
        doc(
          `<statusreq count="2">${order('A1', 'NEW', '2024-05-20 10:00:00')}${order('A2', 'PICKUP', '2024-05-20 11:00:00')}</statusreq>`,
        ),
      );
    const first = await tester(loose(poll), { authData, inputData: {}, meta: { zap: { id: 42 } } });
    expect(first.map((event: { id: string }) => event.id)).toEqual([
      'A2:PICKUP:2024-05-20 11:00:00',
      'A1:NEW:2024-05-20 10:00:00',
    ]);
    expect(Number(stream)).toBeGreaterThanOrEqual(100);
    expect(Number(stream)).toBeLessThanOrEqual(10000);

    nock(API)
      .post('/api/', doc(`<commitlaststatus>${AUTH}<streamid>${stream}</streamid></commitlaststatus>`))
      .reply(200, doc('<commitlaststatus/>'));
    nock(API)
      .post('/api/', doc(`<statusreq>${AUTH}<changes>ONLY_LAST</changes><streamid>${stream}</streamid></statusreq>`))
      .reply(200, doc('<statusreq count="0"/>'));
    await expect(tester(loose(poll), { authData, inputData: {}, meta: { zap: { id: 42 } } })).resolves.toEqual([]);
    // No cache key carries the password.
    expect(JSON.stringify(calls)).not.toContain('secret-pass-123');
  });

  it('an unreadable order passes the status filter as an item with read_error; a commit answer with content is a success', async () => {
    cacheRpc(new ZCacheStore());
    let stream = '';
    nock(API)
      .post('/api/', (body: string) => readBody.test(body) && Boolean((stream = readBody.exec(body)![1]!)))
      .reply(
        200,
        doc(`<statusreq count="2">${order('A1', 'NEW')}<order orderno="B2"><weight>1</weight></order></statusreq>`),
      );
    const { value: first, logged } = await loggedBy(() =>
      tester(loose(poll), {
        authData,
        inputData: { statuses: ['COMPLETE'] },
        meta: { zap: { id: 7 } },
      }),
    );
    expect(logged).toEqual([expect.stringContaining('has no <status> element')]);
    expect(
      first.map((event: { orderno: string; read_error?: string }) => [event.orderno, Boolean(event.read_error)]),
    ).toEqual([['B2', true]]);
    // Nobody can vouch for a status the app could not read: a Filter on Confirmed by MeaSoft holds it back.
    expect(first[0]).toMatchObject({
      confirmed_by_measoft: false,
      confirmation_note:
        "Not confirmed: MeaSoft's API returned this order, but the app could not read it (Read Error).",
    });
    nock(API)
      .post('/api/', doc(`<commitlaststatus>${AUTH}<streamid>${stream}</streamid></commitlaststatus>`))
      .reply(200, doc('<commitlaststatus><order orderno="A1"/><order orderno="B2"/></commitlaststatus>'));
    nock(API)
      .post('/api/', doc(`<statusreq>${AUTH}<changes>ONLY_LAST</changes><streamid>${stream}</streamid></statusreq>`))
      .reply(200, doc(`<statusreq count="1">${order('A1', 'COMPLETE', '2024-05-21 10:00:00')}</statusreq>`));
    const second = await tester(loose(poll), {
      authData,
      inputData: { statuses: ['COMPLETE'] },
      meta: { zap: { id: 7 } },
    });
    expect(second.map((event: { id: string }) => event.id)).toEqual(['A1:COMPLETE:2024-05-21 10:00:00']);
    expect(nock.isDone()).toBe(true);
  });

  it('loading samples reads recent orders with a plain statusreq and filters them, touching no cache and no stream', async () => {
    nock(API)
      .post('/api/', (body: string) =>
        /^<\?xml[^>]*><statusreq><auth [^>]+\/><datefrom>\d{4}-\d{2}-\d{2}<\/datefrom><dateto>\d{4}-\d{2}-\d{2}<\/dateto><\/statusreq>$/.test(
          body,
        ),
      )
      .reply(200, doc(`<statusreq count="2">${order('A1', 'NEW')}${order('A2', 'COMPLETE')}</statusreq>`));
    const samples = await tester(loose(poll), {
      authData,
      inputData: { statuses: ['complete'] },
      meta: { isLoadingSample: true, zap: { id: 42 } },
    });
    expect(samples.map((event: { orderno: string }) => event.orderno)).toEqual(['A2']);
  });
});

describe('New Order Status (instant): samples', () => {
  it('keeps the static sample without MeaSoft credentials', async () => {
    await expect(appTester(loose(performList), { authData: { justclick_login: 'x' }, inputData: {} })).resolves.toEqual(
      [webhookStatusSample],
    );
  });
});
