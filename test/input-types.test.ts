/**
 * The guard on what users type: Zapier's editor converts input values by their declared type before
 * the app sees them (number keeps `0-9 . - ,` and parses that, so `1 200,50` becomes 1200; boolean
 * reads `нет` as yes; datetime reads `02.05.2024` month first). createAppTester does none of this,
 * so this file runs the CLI's own conversion, the one `zapier-platform invoke` applies "like how
 * Zapier production does", over every input field of the app's definition, with messy values
 * chosen by what each field means, and checks what reaches the vendor, or that the step refuses
 * naming the field before anything is sent.
 *
 * A field added later must be given a messy value here (the coverage test lists the ones missing),
 * and a field with a converted type fails the first two tests.
 */
import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../src/index';
import { md5 } from './support/hash';
import { useEnv } from './support/env';
import { caught } from './support/zapier-error';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const resolveInputDataTypes = require('zapier-platform-cli/src/oclif/commands/invoke/input-types.js') as (
  inputData: Record<string, unknown>,
  inputFields: unknown[],
  timezone: string,
) => Record<string, unknown>;

type Field = {
  key: string;
  label?: string;
  type?: string;
  list?: boolean;
  dynamic?: string;
  children?: Field[];
};
type Operation = { key: string; operation: { inputFields?: Array<Field | ((...args: unknown[]) => unknown)> } };

const appTester = createAppTester(App);
const setEnv = useEnv();
const ZONE = 'Europe/Moscow';

const groups = { trigger: App.triggers, create: App.creates, search: App.searches } as Record<
  string,
  Record<string, Operation> | undefined
>;
const operations = Object.entries(groups).flatMap(([kind, list]) =>
  Object.values(list ?? {}).map((operation) => ({ name: `${kind} ${operation.key}`, operation })),
);

/** Every input field, children too, as `operation field` or `operation parent.child`. */
function walk(): Array<{ where: string; field: Field | 'function' }> {
  const found: Array<{ where: string; field: Field | 'function' }> = [];
  for (const { name, operation } of operations) {
    for (const field of operation.operation.inputFields ?? []) {
      if (typeof field === 'function') {
        found.push({ where: `${name} (dynamic fields)`, field: 'function' });
        continue;
      }
      found.push({ where: `${name} ${field.key}`, field });
      for (const child of field.children ?? [])
        found.push({ where: `${name} ${field.key}.${child.key}`, field: child });
    }
  }
  return found;
}

/** The types Zapier's editor (and the CLI's invoke) rewrites before the app sees the value. */
const CONVERTED = new Set(['number', 'integer', 'boolean', 'datetime']);

/**
 * A messy value for each input key, chosen by what the field means: money as Russian and
 * Vietnamese shops write it, weights with a decimal comma, yes/no in Russian, dates day first.
 */
const MESSY: Record<string, string> = {
  // money
  price: '1 200,50',
  inshprice: '1.200,50',
  item_price: '1 200,50',
  good_sum: '1 200,50',
  item_cost: '1 200,50',
  // weights
  weight: '1,5',
  item_weight: '0,4',
  deliveryprice: '350,50',
  // weights
  package_weight: '1,5',
  // sizes (cm)
  package_length: '30,5',
  package_width: '20',
  package_height: '10,5',
  length: '30,5',
  width: '20',
  height: '10,5',
  // whole numbers
  quantity: '1 200',
  item_quantity: '1 000',
  item_vat_rate: '20',
  deliveryprice_vat_rate: '20',
  campaign_id: '1 234',
  // yes/no
  send_to_user_email_full_tracking: 'нет',
  send_to_admin_email_full_tracking: 'Да',
  test_mode: 'нет',
  include_history: 'нет',
  only_paid: 'нет',
  acceptpartially: 'нет',
  confirm_with_measoft: 'Да',
  // dates and times
  delivery_date: '02.05.2024',
  order_date: '02.05.2024',
  date: '02.05.2024',
  time_min: '10.00',
  time_max: '18.30',
  sender_date: '01.05.2024',
  sender_time_min: '09.00',
  sender_time_max: '12.30',
  // choices, by label or a Russian name, ё for е
  paytype: 'НАЛИЧНЫМИ',
  payment_type: 'Наложенный платёж',
  delivery_service_id: 'СДЭК',
  service_id: 'Почта России',
  status: 'Оплачен',
  statuses: 'Доставлен',
  branch_time_zone: '+05:00',
  pay_status: 'waiting for payment',
  // codes from MeaSoft's reference books
  service: '1',
  code: '124',
  pickup_point: '124',
  package_code: 'P-1',
  package_barcode: 'CLNT00123_01',
  // towns
  town: 'Москва',
  town_from: 'Москва',
  town_to: 'Санкт-Петербург',
  // text
  track: '19527937484546',
  phone: '+7 (916) 000-00-00',
  receiver_phone: '8 916 000-00-00',
  email: 'anna@example.com',
  name: 'Анна',
  first_name: 'Анна',
  last_name: 'Петрова',
  middle_name: 'Сергеевна',
  receiver_name: 'Анна Петрова',
  receiver_company: 'ООО "Ромашка"',
  receiver_town: 'Москва',
  receiver_address: 'Петровка, 38',
  receiver_zipcode: '127051',
  package_name: 'Коробка 1',
  sender_company: 'ООО "Склад & Ко"',
  sender_person: 'Иван Сидоров',
  sender_phone: '8 (495) 000-00-01',
  sender_town: 'Санкт-Петербург',
  sender_address: 'Складская, 1',
  country: 'Россия',
  region: 'Московская область',
  city: 'Москва',
  address: 'Петровка, 38',
  postal_code: '127051',
  coupon: 'SPRING-10',
  tag: 'zapier',
  comment: 'Позвонить 1,200 раз',
  instruction: 'Позвонить за час',
  order_number: '0045',
  orderno: '00032011',
  orderno2: '100045',
  givencode: '0451',
  bill_id: '100000',
  rpo: 'RA644000886RU',
  description: 'Футболка 1 200,50',
  item_name: 'Футболка',
  item_extcode: 'TS-1',
  good_name: 'course-basic',
  groups: 'newsletter',
  group: 'newsletter',
  utm_source: 'newsletter',
  utm_medium: 'email',
  utm_campaign: 'spring',
  utm_content: 'button',
  utm_term: 'course',
  secret_header_name: 'X-Shop-Secret',
  // a generated secret with the signs base64 uses, as a password manager may make it
  url_secret: 'k9+Vq/2Zx=1200,50',
  when_measoft_unreachable: 'Run',
  secret_header_value: 'hush-1234',
};

/** An operation's whole input, messy: list fields as one-item lists, line items as one line. */
function messyInput(operation: Operation): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of operation.operation.inputFields ?? []) {
    if (typeof field === 'function') continue;
    if (field.children) {
      input[field.key] = [Object.fromEntries(field.children.map((child) => [child.key, MESSY[child.key]]))];
    } else {
      input[field.key] = field.list ? [MESSY[field.key]] : MESSY[field.key];
    }
  }
  return input;
}

const fieldsOf = (operation: Operation) => (operation.operation.inputFields ?? []) as Field[];
const find = (kind: 'trigger' | 'create' | 'search', key: string) => groups[kind]![key]!;

/** What `zapier-platform invoke` (and Zapier's editor) hands the step for these values. */
const asEditorSends = (operation: Operation, input: Record<string, unknown>) =>
  resolveInputDataTypes(structuredClone(input), fieldsOf(operation), ZONE);

describe('every input field of the app reaches the step as typed', () => {
  it('no input field has a type Zapier converts (number, integer, boolean, datetime) or is built by a function', () => {
    const offenders = walk()
      .filter(({ field }) => field === 'function' || CONVERTED.has(field.type ?? ''))
      .map(({ where, field }) => (field === 'function' ? where : `${where} (${field.type})`));
    expect(offenders).toEqual([]);
  });

  it('every input field has a messy value in this test, chosen by its meaning', () => {
    const missing = walk()
      .filter(({ field }) => field !== 'function' && !field.children && MESSY[field.key] === undefined)
      .map(({ where }) => where);
    expect(missing).toEqual([]);
    expect(walk().length).toBeGreaterThan(100);
  });

  it.each(operations.map(({ name, operation }) => [name, operation] as const))(
    '%s: the CLI conversion leaves every messy value as typed',
    (_name, operation) => {
      const input = messyInput(operation);
      expect(asEditorSends(operation, input)).toEqual(input);
    },
  );
});

describe('what reaches the vendor after the CLI conversion', () => {
  beforeEach(() =>
    setEnv({ RLAB_BASE_URL: undefined, RLAB_FALLBACK_URL: '', DELIVERYCRM_BASE_URL: undefined, MEASOFT_BASE_URL: '' }),
  );

  const measoftAuth = { measoft_login: 'shop', measoft_password: 'secret-pass-123', measoft_extra: '8' };
  const rlabAuth = { rlab_user_id: '1', rlab_api_key: '3c6e0b8a9c15224a8228b9a98ca1531d' };
  const justclickAuth = { justclick_login: 'username', justclick_secret: 'X'.repeat(40) };
  const JUSTCLICK = 'https://username.justclick.ru';
  const jcSigned = (code: number, text: string, result?: unknown) => ({
    error_code: code,
    error_text: text,
    hash: md5(`${code}::${text}::${'X'.repeat(40)}`),
    ...(result === undefined ? {} : { result }),
  });
  /** The JustClick request's parameters without the hash, decoded. */
  const params = (body: string) => {
    const out: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(body)) if (key !== 'hash') out[key] = value;
    return out;
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const run = (operation: Operation, inputData: Record<string, unknown>, authData: Record<string, string>): any =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    appTester((operation.operation as any).perform, { authData, inputData: asEditorSends(operation, inputData) });

  it('Create MeaSoft Courier Order: 1 200,50 and 0,4 and 02.05.2024 and 10.00 as meant, the phone as typed', async () => {
    const API = 'https://home.courierexe.ru';
    const AUTH = '<auth login="shop" pass="secret-pass-123" extra="8"/>';
    const doc = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?>${inner}`;
    const order = `<order orderno="00032011" orderno2=""><status eventtime="2024-05-02 10:00:00" createtimegmt="2024-05-02 07:00:00" title="t">NEW</status></order>`;
    const created = nock(API)
      .post(
        '/api/',
        doc(
          `<neworder newfolder="NO">${AUTH}<order orderno="00032011">` +
            '<sender><company>ООО &quot;Склад &amp; Ко&quot;</company><person>Иван Сидоров</person>' +
            '<phone>8 (495) 000-00-01</phone><town>Санкт-Петербург</town><address>Складская, 1</address>' +
            '<date>2024-05-01</date><time_min>09:00</time_min><time_max>12:30</time_max></sender><receiver>' +
            '<company>ООО &quot;Ромашка&quot;</company><person>Анна Петрова</person><phone>8 916 000-00-00</phone>' +
            '<zipcode>127051</zipcode><town>Москва</town><address>Петровка, 38</address><pvz>124</pvz><date>2024-05-02</date>' +
            '<time_min>10:00</time_min><time_max>18:30</time_max></receiver><weight>1.5</weight><quantity>1</quantity>' +
            '<paytype>CASH</paytype><service>1</service><price>1200.5</price><deliveryprice VATrate="20">350.5</deliveryprice>' +
            '<inshprice>1200.5</inshprice><instruction>Позвонить за час</instruction><acceptpartially>NO</acceptpartially>' +
            '<items><item extcode="TS-1" quantity="1000" mass="0.4" retprice="1200.5" VATrate="20">Футболка</item></items>' +
            '<packages><package code="P-1" strbarcode="CLNT00123_01" mass="1.5" length="30.5" width="20" height="10.5">' +
            'Коробка 1</package></packages></order></neworder>',
        ),
      )
      .reply(
        200,
        doc('<neworder><createorder orderno="00032011" barcode="00040001" error="0" errormsg="Success"/></neworder>'),
      );
    nock(API)
      .post('/api/', doc(`<statusreq>${AUTH}<orderno>00032011</orderno></statusreq>`))
      .reply(200, doc(`<statusreq count="1">${order}</statusreq>`));

    const operation = find('create', 'measoft_create_order');
    // With one Packages line, Number of Parcels left empty is sent as 1 (a typed 1 200 would be refused as
    // differing from the lines); 1 200 as 1200 is checked in test/measoft/operations.test.ts.
    const result = await run(operation, { ...messyInput(operation), quantity: '' }, measoftAuth);

    expect(created.isDone()).toBe(true);
    expect(result).toMatchObject({ orderno: '00032011', created_now: true });
  });

  it('Add R-Lab Tracking Number: 1 200,50 as 1200.5, нет as no, a chain id with a space, labels as codes', async () => {
    let sent: unknown;
    nock('https://apilr2.r-lab.biz')
      .post('/addtrack.ashx', (body) => ((sent = body), true))
      .reply(200, { resultState: 0, resultInfo: 'Данные успешно добавлены в базу', resultData: null });

    const operation = find('create', 'rlab_add_track');
    const result = await run(operation, messyInput(operation), rlabAuth);

    expect(sent).toMatchObject({
      testMode: false,
      trackingData: [
        {
          trackingUserClientTrack: '19527937484546',
          trackingUserClientPhone: '79160000000',
          trackingUserClientItemCost: 1200.5,
          trackingUserLR3CampaignId: 1234,
          trackingUserClientDeliveryServiceId: 7,
          trackingUserPaymentType: 1,
          sendToUserEmailFullTracking: false,
          sendToAdminEmailFullTracking: true,
        },
      ],
    });
    expect(result).toMatchObject({
      item_cost: 1200.5,
      test_mode: false,
      result_info_en: 'The data was added to R-Lab.',
    });
  });

  it('Add R-Lab Tracking Number: a mapped list of costs 100, 200, 300 stays three costs', async () => {
    let sent: { trackingData: Array<{ trackingUserClientItemCost: number }> } | undefined;
    nock('https://apilr2.r-lab.biz')
      .post('/addtrack.ashx', (body) => ((sent = body), true))
      .reply(200, { resultState: 0, resultInfo: 'Данные успешно добавлены в базу', resultData: null });
    const operation = find('create', 'rlab_add_track');
    await run(operation, { track: ['T1', 'T2', 'T3'], item_cost: ['100', '200', '300'] }, rlabAuth);
    expect(sent?.trackingData.map((entry) => entry.trackingUserClientItemCost)).toEqual([100, 200, 300]);
  });

  it('Update R-Lab Tracking Number: the same readers', async () => {
    let sent: unknown;
    nock('https://apilr2.r-lab.biz')
      .post('/updatetrack.ashx', (body) => ((sent = body), true))
      .reply(200, { resultState: 0, resultInfo: 'Данные успешно добавлены в очередь на обновление', resultData: null });
    const operation = find('create', 'rlab_update_track');
    await run(operation, messyInput(operation), rlabAuth);
    expect(sent).toMatchObject({
      testMode: false,
      trackingData: [
        {
          trackingUserClientItemCost: 1200.5,
          trackingUserLR3CampaignId: 1234,
          sendToUserEmailFullTracking: false,
          sendToAdminEmailFullTracking: true,
        },
      ],
    });
  });

  it('Find Buyer in Blacklist: нет asks for no history', async () => {
    const check = nock('https://api.deliverycrm.ru')
      .get('/v1/black/check')
      .query(true)
      .reply(200, [{ blackPhone: '79160000000', blackEmail: 'anna@example.com', blackKarma: 5, blackComment: '' }]);
    const operation = find('search', 'blacklist_check');
    const [found] = await run(operation, messyInput(operation), rlabAuth);
    expect(check.isDone()).toBe(true);
    expect(found).toMatchObject({ history_included: false });
  });

  it('Create JustClick Order: 1 200,50 as 1200.5 and 02.05.2024 as 2 May, Moscow midnight', async () => {
    let sent = '';
    nock(JUSTCLICK)
      .post('/api/CreateOrder', (body: string) => ((sent = body), true))
      .reply(200, jcSigned(0, 'OK', { bill_id: '100006' }));
    const operation = find('create', 'justclick_create_order');
    const result = await run(operation, messyInput(operation), justclickAuth);
    expect(params(sent)).toMatchObject({
      'goods[0][good_name]': 'course-basic',
      'goods[0][good_sum]': '1200.5',
      bill_created: '1714597200',
    });
    expect(result).toMatchObject({
      order_date: '2024-05-02T00:00:00+03:00',
      justclick_error_text_en: expect.any(String),
    });
  });

  it('Update JustClick Order Status: Оплачен as paid, 02.05.2024 as 2 May', async () => {
    let sent = '';
    nock(JUSTCLICK)
      .post('/api/UpdateOrderStatus', (body: string) => ((sent = body), true))
      .reply(200, jcSigned(0, 'OK'));
    const operation = find('create', 'justclick_update_order_status');
    const result = await run(operation, messyInput(operation), justclickAuth);
    expect(params(sent)).toEqual({ bill_id: '100000', status: 'paid', date: '1714597200', rpo: 'RA644000886RU' });
    expect(result).toMatchObject({ date: '2024-05-02T00:00:00+03:00' });
  });

  it('New JustClick Order: нет for Only Paid Orders asks for every new order, not only paid ones', async () => {
    let sent = '';
    nock(JUSTCLICK)
      .post('/api/getOrdersWithGoods', (body: string) => ((sent = body), true))
      .reply(200, jcSigned(0, 'OK', []));
    const operation = find('trigger', 'justclick_new_order');
    await run(operation, messyInput(operation), justclickAuth);
    expect(Object.keys(params(sent))).toEqual(['begin_date']);
  });

  it('New MeaSoft Order Status (Webhook): Да asks MeaSoft to confirm, the secret with + / = matches the URL however it is encoded', async () => {
    const API = 'https://home.courierexe.ru';
    const AUTH = '<auth login="shop" pass="secret-pass-123" extra="8"/>';
    const order =
      '<order orderno="00032011" awb="00032011"><status eventtime="2024-05-02 10:00:00" ' +
      'createtimegmt="2024-05-02 07:00:00" title="Доставлен">COMPLETE</status></order>';
    const operation = find('trigger', 'order_status');
    const inputData = asEditorSends(operation, messyInput(operation));
    const deliver = (querystring: string) =>
      appTester(
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        (operation.operation as any).perform,
        {
          authData: measoftAuth,
          inputData,
          // Loading a sample: nothing is recorded in the redelivery memory, so each form runs the Zap.
          meta: { isLoadingSample: true },
          rawRequest: { method: 'POST', querystring, headers: {}, content: order },
          cleanedRequest: {},
        },
      );
    for (const querystring of ['key=k9%2BVq%2F2Zx%3D1200%2C50', 'key=k9+Vq/2Zx=1200,50']) {
      const asked = nock(API)
        .post(
          '/api/',
          `<?xml version="1.0" encoding="UTF-8"?><statusreq>${AUTH}<orderno>00032011</orderno></statusreq>`,
        )
        .reply(200, `<?xml version="1.0" encoding="UTF-8"?><statusreq count="1">${order}</statusreq>`);
      expect(await deliver(querystring)).toEqual([
        expect.objectContaining({ orderno: '00032011', confirmed_by_measoft: true }),
      ]);
      expect(asked.isDone()).toBe(true);
    }
    const halted = await caught(deliver('key=k9+Vq/2Zx=1200,5'));
    expect(halted.name).toBe('HaltedError');
  });

  it.each([
    ['create', 'measoft_create_order', 'price', '1,200', 'Amount to Collect'],
    ['create', 'measoft_create_order', 'weight', 'heavy', 'Weight (kg)'],
    ['create', 'measoft_create_order', 'delivery_date', '2024-13-01', 'Delivery Date'],
    ['create', 'measoft_create_order', 'time_min', '25.00', 'Delivery Time From'],
    ['create', 'measoft_create_order', 'receiver_phone', 'позвонить', 'Receiver Phone'],
    ['create', 'measoft_create_order', 'quantity', '2,5', 'Number of Parcels'],
    ['create', 'measoft_create_order', 'deliveryprice', '1,200', 'Delivery Fee Charged to the Buyer'],
    ['create', 'measoft_create_order', 'deliveryprice_vat_rate', '20,5', 'Delivery Fee VAT Rate (%)'],
    ['create', 'measoft_create_order', 'acceptpartially', 'maybe', 'Accept Partially (Buyer May Keep Some Items)'],
    ['create', 'measoft_create_order', 'sender_phone', 'позвонить', 'Sender Phone'],
    ['create', 'measoft_create_order', 'sender_date', '31.04.2024', 'Sender Pickup Date'],
    ['create', 'measoft_create_order', 'sender_time_max', '25.00', 'Sender Pickup Time To'],
    ['create', 'rlab_add_track', 'item_cost', '1.200', 'Order Cost'],
    ['create', 'rlab_add_track', 'test_mode', 'maybe', 'Test Mode'],
    ['create', 'rlab_update_track', 'campaign_id', '1,5', 'Notification Chain ID'],
    ['search', 'blacklist_check', 'include_history', 'sometimes', 'Include Order History'],
    ['create', 'justclick_create_order', 'order_date', '31.04.2024', 'Order Date'],
    ['create', 'justclick_update_order_status', 'date', '2024-13-01', 'Date Sent or Paid'],
    ['trigger', 'justclick_new_order', 'only_paid', 'возможно', 'Only Paid Orders'],
    ['trigger', 'order_status', 'confirm_with_measoft', 'возможно', 'Confirm with MeaSoft'],
    ['trigger', 'order_status', 'when_measoft_unreachable', 'wait', 'If MeaSoft Does Not Answer'],
  ] as const)('%s %s: %s %j is refused naming %s, before any request', async (kind, key, field, typed, label) => {
    const operation = find(kind, key);
    const input = messyInput(operation);
    input[field] = Array.isArray(input[field]) ? [typed] : typed;
    const error = await caught(run(operation, input, { ...measoftAuth, ...rlabAuth, ...justclickAuth }));
    expect(error.message.startsWith(`${label}: expected `)).toBe(true);
    expect(error.message).toContain(`(got "${typed}")`);
  });

  it('Create JustClick Order: a line item price 1,200 is refused naming the line, before any request', async () => {
    const operation = find('create', 'justclick_create_order');
    const input = messyInput(operation);
    input.goods = [{ good_name: 'a' }, { good_name: 'b', good_sum: '1,200' }];
    const error = await caught(run(operation, input, justclickAuth));
    expect(error.message.startsWith('Price (line 2): expected a number such as 1200.50')).toBe(true);
  });
});
