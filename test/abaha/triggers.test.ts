import { readFileSync } from 'node:fs';
import { createAppTester, type Bundle } from 'zapier-platform-core';
import newCustomer, { perform as customerPerform } from '../../src/abaha/new-customer';
import newOrder, { perform as orderPerform } from '../../src/abaha/new-order';
import newProduct, { perform as productPerform } from '../../src/abaha/new-product';
import { toBoolean, toNumber } from '../../src/abaha/read-event';
import { abahaCustomerSample, abahaOrderSample, abahaProductSample } from '../../src/abaha/samples';
import type { AbahaEvent } from '../../src/abaha/types';
import App from '../../src/index';
import { caught } from '../support/zapier-error';
import { cacheRpc, CACHE_SKIPPED, failingCacheRpc, loggedBy, rpcAppTester } from '../support/cache-rpc';

const appTester = createAppTester(App);

const fixture = (name: string) => readFileSync(`${__dirname}/fixtures/${name}.json`, 'utf8');
const ORDER = fixture('order');
const PRODUCT = fixture('product');
const CUSTOMER = fixture('customer');

type Perform = typeof orderPerform;

/** A delivery as Zapier hands it to the hook: headers renamed with Http- in Camel-Case. */
const delivery = (
  content: string | undefined,
  {
    headers = {},
    inputData = {},
    cleanedRequest,
  }: { headers?: Record<string, string>; inputData?: Record<string, unknown>; cleanedRequest?: unknown } = {},
): Bundle =>
  ({
    inputData,
    rawRequest: {
      method: 'POST',
      querystring: '',
      headers: { 'Content-Type': 'application/json', ...headers },
      content,
    },
    cleanedRequest: cleanedRequest ?? (content ? { querystring: {} } : {}),
  }) as unknown as Bundle;

const run = async (perform: Perform, bundle: Bundle) => (await appTester(perform, bundle)) as AbahaEvent[];

const refusal = async (content: string | undefined, extra: Parameters<typeof delivery>[1] = {}) => {
  const error = await caught(appTester(orderPerform, delivery(content, extra)));
  expect(error.name).toBe('AppError');
  expect(error.code).toBe('InvalidWebhookPayload');
  return error.message;
};

describe("Abaha triggers: the vendor's examples", () => {
  it('turns each example into its trigger’s sample', async () => {
    expect(await run(orderPerform, delivery(ORDER))).toEqual([abahaOrderSample]);
    expect(await run(productPerform, delivery(PRODUCT))).toEqual([abahaProductSample]);
    expect(await run(customerPerform, delivery(CUSTOMER))).toEqual([abahaCustomerSample]);
  });

  it('keeps every vendor field under its own name, with its value as sent, but times only as ISO 8601 with +07:00', () => {
    const VIETNAM_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;
    const expectKept = (shaped: Record<string, unknown>, vendor: Record<string, unknown>, topLevel: boolean) => {
      for (const [key, value] of Object.entries(vendor)) {
        const name = topLevel && key === 'id' ? 'abaha_id' : key;
        const time = typeof value === 'string' ? VIETNAM_TIME.exec(value) : null;
        if (time) {
          // D023/T003: a date string without a zone is not shown; the ISO companion carries it.
          expect([key, shaped[name], shaped[`${name}_iso`]]).toEqual([key, undefined, `${time[1]}T${time[2]}+07:00`]);
        } else if ((value === null || value === '') && `${name}_iso` in shaped) {
          expect([key, shaped[name], shaped[`${name}_iso`]]).toEqual([key, undefined, null]);
        } else if (key === 'address') {
          expectKept(shaped.address as Record<string, unknown>, value as Record<string, unknown>, false);
        } else {
          expect([key, shaped[name]]).toEqual([key, value]);
        }
      }
    };
    for (const [sample, text] of [
      [abahaOrderSample, ORDER],
      [abahaProductSample, PRODUCT],
      [abahaCustomerSample, CUSTOMER],
    ] as const) {
      expectKept(sample, JSON.parse(text) as Record<string, unknown>, true);
    }
    expect(abahaOrderSample.cashback).toEqual({ tickid: { user_cashback: 35 } });
    expect(abahaOrderSample.item_fee).toEqual({ 'Phí Ship': 'Chưa tính' });
    expect(abahaOrderSample.promotions).toEqual([]);
    expect(abahaOrderSample.user).toEqual({ user_id: '56913', name: 'Đinh Thị Phương Thảo' });
  });

  it('adds the event id, kind and object id; Abaha’s own id stays as abaha_id', () => {
    expect([abahaOrderSample.id, abahaOrderSample.kind, abahaOrderSample.object_id, abahaOrderSample.abaha_id]).toEqual(
      ['order:208610:2022-06-10 10:53:56', 'order', '208610', '208610'],
    );
    expect([abahaProductSample.id, abahaProductSample.object_id]).toEqual([
      'product:873167:2022-06-09 13:10:30',
      '873167',
    ]);
    expect([abahaCustomerSample.id, abahaCustomerSample.object_id]).toEqual([
      'customer:1347849:2022-06-09 13:16:01',
      '1347849',
    ]);
    expect(abahaCustomerSample).not.toHaveProperty('abaha_id');
  });

  it('adds numbers and booleans beside the fields, never replacing them, and gives times as +07:00', () => {
    expect(abahaOrderSample).toMatchObject({
      total_value: '1790000',
      total_value_number: 1790000,
      total_count_selected: '5',
      total_count_selected_number: 5,
      fee_ship: null,
      fee_ship_number: null,
      is_reject: '0',
      is_reject_boolean: false,
      created_iso: '2022-06-10T10:47:45+07:00',
      orders_time_iso: '2022-06-10T10:48:14+07:00',
      delivery_time_iso: null,
    });
    expect(abahaOrderSample.address).toMatchObject({
      latitude: '21.0344836',
      latitude_number: 21.0344836,
      default_flag: '1',
      default_flag_boolean: true,
      modified_iso: '2022-05-26T14:02:22+07:00',
    });
    expect(abahaProductSample).toMatchObject({
      price: '1500000',
      price_number: 1500000,
      cart_step: '1.0',
      cart_step_number: 1,
      level_inventory_max_number: 999999999,
      empty_flag_boolean: false,
      modified_iso: '2022-06-09T13:10:30+07:00',
    });
    expect(abahaCustomerSample).toMatchObject({
      tel: '0989898990',
      premium: '0',
      premium_boolean: false,
      premium_point_number: 0,
      last_login_iso: null,
      created_iso: '2022-06-09T13:16:01+07:00',
    });
    // Companions sit right after their field.
    const keys = Object.keys(abahaOrderSample);
    expect(keys[keys.indexOf('total_value') + 1]).toBe('total_value_number');
  });

  it('keeps a vendor field that has a companion’s or the app’s name, and reads numbers and flags sent as numbers', async () => {
    const payload = {
      cart_code: '1',
      id: 7,
      kind: 'retail',
      total_value: 12.5,
      total_value_number: 'vendor',
      is_reject: 1,
      modified: '2022-02-30 10:00:00',
      abaha_id: 'x',
    };
    const [event] = await run(orderPerform, delivery(JSON.stringify(payload)));
    expect(event).toMatchObject({
      id: 'order:7:2022-02-30 10:00:00',
      kind: 'order',
      object_id: '7',
      abaha_id: 7,
      abaha_kind: 'retail',
      abaha_abaha_id: 'x',
      total_value: 12.5,
      total_value_number: 'vendor',
      is_reject_boolean: true,
      modified_iso: null,
    });
    // Companions of fields this payload lacks are there too, so every order has the same keys.
    expect(event).toMatchObject({ fee_ship_number: null, created_iso: null, delete_flag_boolean: null });
  });
});

describe('Abaha triggers: one URL, three kinds', () => {
  const cases: Array<[string, Perform, string]> = [
    ['order', orderPerform, ORDER],
    ['product', productPerform, PRODUCT],
    ['customer', customerPerform, CUSTOMER],
  ];

  it.each(cases)('the %s trigger passes only its own kind', async (kind, perform) => {
    for (const [otherKind, , body] of cases) {
      const events = await run(perform, delivery(body));
      expect([otherKind, events.length]).toEqual([otherKind, otherKind === kind ? 1 : 0]);
    }
  });

  it('reads an order even though it also has user_id, and a product without user_id', async () => {
    expect(await run(customerPerform, delivery(ORDER))).toEqual([]);
    expect(await run(customerPerform, delivery(JSON.stringify({ user_id: '5', name: 'A' })))).toHaveLength(1);
  });

  it('refuses JSON that is none of the three kinds', async () => {
    expect(await refusal('{"id":"1","name":"?"}')).toBe(
      'Abaha webhook refused: the JSON is not an Abaha order, product or customer (it has no cart_code, product_code or user_id).',
    );
  });
});

describe('Abaha triggers: the secret header', () => {
  const SECRET = 'Zq8-very-long-shared-value';
  const inputData = { secret_header_name: 'X-Shop-Token', secret_header_value: SECRET };

  it('accepts a delivery whose header arrives renamed (X-Shop-Token as Http-X-Shop-Token)', async () => {
    const events = await run(orderPerform, delivery(ORDER, { inputData, headers: { 'Http-X-Shop-Token': SECRET } }));
    expect(events).toEqual([abahaOrderSample]);
  });

  it('accepts the header whatever case the user typed its name in', async () => {
    const events = await run(
      productPerform,
      delivery(PRODUCT, {
        inputData: { ...inputData, secret_header_name: 'x-shop-token' },
        headers: { 'Http-X-Shop-Token': SECRET },
      }),
    );
    expect(events).toHaveLength(1);
  });

  it('halts a delivery with another value or without the header, never showing the expected value', async () => {
    const tries: Array<Record<string, string>> = [{ 'Http-X-Shop-Token': 'wrong' }, {}, { 'Http-X-Other': SECRET }];
    for (const headers of tries) {
      const error = await caught(appTester(orderPerform, delivery(ORDER, { inputData, headers })));
      expect(error.name).toBe('HaltedError');
      expect(error.message).toMatch(
        /^Ignored a request without the header "X-Shop-Token" set to the value in Secret Header Value: /,
      );
      expect(error.message).not.toContain(SECRET);
    }
  });

  it('checks the header before reading the body', async () => {
    const error = await caught(appTester(orderPerform, delivery('not json', { inputData })));
    expect(error.name).toBe('HaltedError');
  });

  it('accepts any delivery when both fields are empty', async () => {
    expect(
      await run(
        customerPerform,
        delivery(CUSTOMER, { inputData: { secret_header_name: '', secret_header_value: '' } }),
      ),
    ).toHaveLength(1);
  });

  it('asks for the other field when only one is filled in', async () => {
    const error = await caught(
      appTester(orderPerform, delivery(ORDER, { inputData: { secret_header_value: SECRET } })),
    );
    expect(error.message).toBe(
      "Secret Header Key: expected a value, because Secret Header Value is filled in. Fill in both (the same Key and Value as in Abaha's webhook settings (Thông tin header)) or leave both empty.",
    );
  });
});

describe('Abaha triggers: resent events', () => {
  const tester = rpcAppTester();

  it('starts the Zap once for a delivery Abaha resends, and again when the object is modified', async () => {
    const { store, scope } = cacheRpc();
    expect(await tester(orderPerform, delivery(ORDER))).toEqual([abahaOrderSample]);
    expect(await tester(orderPerform, delivery(ORDER))).toEqual([]);
    expect(
      await tester(
        orderPerform,
        delivery(ORDER.replace('"modified": "2022-06-10 10:53:56"', '"modified": "2022-06-10 11:00:00"')),
      ),
    ).toHaveLength(1);
    // The product trigger on the same URL keeps its own memory.
    expect(await tester(productPerform, delivery(PRODUCT))).toHaveLength(1);
    expect(store.size).toBe(3);
    expect(scope.isDone()).toBe(true);
  });

  it('lets the event through when Zapier’s cache is unavailable', async () => {
    const scope = failingCacheRpc();
    const { value, logged } = await loggedBy(() => tester(customerPerform, delivery(CUSTOMER)));
    expect(value).toEqual([abahaCustomerSample]);
    expect(logged).toEqual([expect.stringMatching(CACHE_SKIPPED)]);
    expect(scope.isDone()).toBe(true);
  });
});

describe('Abaha triggers: the body', () => {
  it('falls back to Zapier’s parsed body when the raw one is absent, dropping the querystring Zapier adds', async () => {
    const cleanedRequest = { ...(JSON.parse(CUSTOMER) as object), querystring: { a: '1' } };
    expect(await run(customerPerform, delivery(undefined, { cleanedRequest }))).toEqual([abahaCustomerSample]);
  });

  it('refuses an empty body', async () => {
    const message = 'Abaha webhook refused: the body is empty; Abaha sends a JSON object.';
    expect(await refusal('')).toBe(message);
    expect(await refusal('  \n')).toBe(message);
    expect(await refusal(undefined, { cleanedRequest: '' })).toBe(message);
  });

  it('refuses XML', async () => {
    expect(await refusal('<?xml version="1.0"?><order/>')).toBe(
      'Abaha webhook refused: the body is XML, but Abaha sends JSON. Is this the URL of another trigger?',
    );
  });

  it('refuses malformed JSON, and JSON that is not an object', async () => {
    expect(await refusal('{"cart_code": "1",')).toMatch(/^Abaha webhook refused: the body is not valid JSON \(.+\)\.$/);
    expect(await refusal('[{"cart_code": "1"}]')).toBe(
      'Abaha webhook refused: the JSON is not an object; Abaha sends one order, product or customer as a JSON object.',
    );
    expect(await refusal('"text"')).toMatch(/the JSON is not an object/);
  });

  it('refuses __proto__, constructor and prototype keys anywhere, and nothing is polluted', async () => {
    const bodies = [
      '{"cart_code":"1","__proto__":{"polluted":"yes"}}',
      '{"cart_code":"1","address":{"constructor":{"prototype":{"polluted":"yes"}}}}',
      '{"cart_code":"1","promotions":[{"prototype":1}]}',
    ];
    const messages = [];
    for (const body of bodies) messages.push(await refusal(body));
    expect(messages).toEqual([
      'Abaha webhook refused: the JSON has a key named "__proto__", which is not allowed (it could tamper with the program\'s objects).',
      'Abaha webhook refused: the JSON has a key named "prototype", which is not allowed (it could tamper with the program\'s objects).',
      'Abaha webhook refused: the JSON has a key named "prototype", which is not allowed (it could tamper with the program\'s objects).',
    ]);
    // Zapier's own parse, when it is all there is, is checked the same way.
    const cleanedRequest = JSON.parse('{"cart_code":"1","user":{"__proto__":{"polluted":"yes"}}}') as unknown;
    expect(await refusal(undefined, { cleanedRequest })).toMatch(/a key named "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses a body over 10 MB, raw or parsed by Zapier', async () => {
    const big = JSON.stringify({ cart_code: '1', note: 'x'.repeat(10 * 1024 * 1024) });
    const message = 'Abaha webhook refused: the body is larger than 10 MB, the most a Zapier webhook accepts.';
    expect(await refusal(big)).toBe(message);
    expect(await refusal(undefined, { cleanedRequest: JSON.parse(big) as unknown })).toBe(message);
  });

  it('refuses a parsed body nested absurdly deep', async () => {
    let nested: unknown = 1;
    for (let i = 0; i < 120; i += 1) nested = { a: nested };
    expect(await refusal(undefined, { cleanedRequest: { cart_code: '1', nested } })).toBe(
      'Abaha webhook refused: the JSON is nested more than 100 levels deep.',
    );
  });
});

describe('Abaha triggers: definitions', () => {
  it.each([
    [newOrder, 'abaha_order', 'New Abaha Order', 'Đơn hàng'],
    [newProduct, 'abaha_product', 'New Abaha Product', 'Sản phẩm'],
    [newCustomer, 'abaha_customer', 'New Abaha Customer', 'Khách hàng'],
  ] as const)(
    '%#: a static hook with the secret-header inputs and directions for Abaha',
    (trigger, key, label, event) => {
      expect(trigger.key).toBe(key);
      expect(trigger.display.label).toBe(label);
      expect(trigger.operation.type).toBe('hook');
      expect((trigger.operation.inputFields as Array<{ key: string }>).map((field) => field.key)).toEqual([
        'secret_header_name',
        'secret_header_value',
      ]);
      const directions = trigger.display.directions!;
      for (const part of [
        '**Cấu hình webhook**',
        '**Thêm mới**',
        '**Webhook URL**',
        `**${event}`,
        '**Thông tin header**',
      ]) {
        expect(directions).toContain(part);
      }
      expect(directions.length).toBeLessThanOrEqual(1000);
      const sampleKeys = Object.keys(trigger.operation.sample as object);
      for (const field of trigger.operation.outputFields as Array<{ key: string; label: string }>) {
        expect(field.label).toMatch(/^[A-Z]/);
        expect(sampleKeys).toContain(field.key.split('__')[0]);
      }
    },
  );
});

describe('Abaha value companions', () => {
  it('reads numbers sent as text or as numbers, and nothing else', () => {
    expect(
      ['1790000', ' 1.0 ', '-2.5', '1e3', 35, '', 'abc', '1,5', null, undefined, true, Number.NaN].map((v) =>
        toNumber(v as never),
      ),
    ).toEqual([1790000, 1, -2.5, 1000, 35, null, null, null, null, null, null, null]);
  });

  it('reads 0/1 flags sent as text, numbers or booleans, and nothing else', () => {
    expect(['1', '0', 1, 0, true, false, ' 1 ', 'yes', '2', null, ''].map((v) => toBoolean(v as never))).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      null,
      null,
      null,
      null,
    ]);
  });

  it('gives times only for text in Abaha’s format', async () => {
    const [event] = await run(
      customerPerform,
      delivery(
        JSON.stringify({
          user_id: 1,
          modified: 20220101,
          created: '2022-06-09T13:16:01',
          last_login: '2022-06-09 13:16',
        }),
      ),
    );
    expect(event).toMatchObject({
      object_id: '1',
      modified: 20220101,
      modified_iso: null,
      created_iso: '2022-06-09T13:16:01+07:00',
      last_login_iso: '2022-06-09T13:16:00+07:00',
    });
    expect(event!.id).toBe('customer:1:20220101');
  });
});

describe("Abaha triggers: the connection's secret header pair", () => {
  const SECRET = 'connection-level-secret-42';
  const authData = { abaha_header_name: 'X-Shop-Token', abaha_header_value: SECRET };
  const withAuth = (bundle: Bundle, data: Record<string, string> = authData) =>
    ({ ...bundle, authData: data }) as Bundle;

  it("applies when the trigger's own fields are empty", async () => {
    const ok = await run(orderPerform, withAuth(delivery(ORDER, { headers: { 'Http-X-Shop-Token': SECRET } })));
    expect(ok).toHaveLength(1);
    const error = await caught(
      appTester(orderPerform, withAuth(delivery(ORDER, { headers: { 'Http-X-Shop-Token': 'wrong' } }))),
    );
    expect(error.name).toBe('HaltedError');
    expect(error.message).toContain('the value in Abaha Secret Header Value');
    expect(error.message).not.toContain(SECRET);
  });

  it("the trigger's own pair wins over the connection's", async () => {
    const inputData = { secret_header_name: 'X-Other', secret_header_value: 'trigger-own-secret-77' };
    const events = await run(
      orderPerform,
      withAuth(delivery(ORDER, { inputData, headers: { 'Http-X-Other': 'trigger-own-secret-77' } })),
    );
    expect(events).toHaveLength(1);
  });
});
