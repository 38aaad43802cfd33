import { readFileSync } from 'node:fs';
import nock from 'nock';
import { createAppTester, type Bundle } from 'zapier-platform-core';
import App from '../../src/index';
import orderStatus, { perform } from '../../src/measoft/order-status';
import { parseMeasoftOrder, toBoolean, toNumber } from '../../src/measoft/read-order';
import { orderStatusSample, webhookStatusSample } from '../../src/measoft/samples';
import type { MeasoftOrderEvent } from '../../src/measoft/types';
import { MEASOFT_STATUSES } from '../../src/measoft/fields';
import { caught } from '../support/zapier-error';
import { cpuNow } from '../support/cpu-time';
import { cacheRpc, CACHE_SKIPPED, failingCacheRpc, loggedBy, rpcAppTester } from '../support/cache-rpc';

const appTester = createAppTester(App);

const fixture = (name: string) => readFileSync(`${__dirname}/fixtures/${name}`, 'utf8');
const SEED = fixture('seed-order.xml');
const SEED_LATER = fixture('seed-order-later-revision.xml');
const MULTI = fixture('multi-status-order.xml');

/** A delivery as Zapier hands it to the hook's perform. */
const delivery = (content: string | undefined, inputData: Record<string, unknown> = {}): Bundle =>
  ({
    inputData,
    rawRequest: { method: 'POST', querystring: '', headers: { 'Content-Type': 'text/xml' }, content },
    cleanedRequest: {},
  }) as unknown as Bundle;

const run = async (content: string | undefined, inputData: Record<string, unknown> = {}) =>
  (await appTester(perform, delivery(content, inputData))) as MeasoftOrderEvent[];

const one = async (content: string, inputData: Record<string, unknown> = {}): Promise<MeasoftOrderEvent> => {
  const events = await run(content, inputData);
  expect(events).toHaveLength(1);
  return events[0]!;
};

/** The message Zapier shows for a refused delivery. */
const refusal = async (content: string | undefined) => {
  const error = await caught(appTester(perform, delivery(content)));
  expect(error.name).toBe('AppError');
  expect(error.code).toBe('InvalidWebhookPayload');
  return error.message;
};

describe("New Order Status: MeaSoft's own examples", () => {
  let seed: MeasoftOrderEvent;
  beforeAll(async () => {
    seed = await one(SEED);
  });

  it('keeps identifiers, codes and phones of the wiki example (2022 revision) as sent, and types quantities, money and YES/NO flags', () => {
    expect(seed.id).toBe('00032011:NEW:2022-01-20 17:08:43');
    expect([seed.orderno, seed.awb, seed.ordercode, seed.barcode, seed.customstatecode]).toEqual([
      '00032011',
      '00032011',
      '0000032',
      '00032011',
      '1',
    ]);
    expect(seed.receiver).toMatchObject({
      phone: '+7 (495) 000-00-00',
      contacts: { phone: ['+74950000000'] },
      date: '2022-01-21',
      coords: { lat: 55.7287, lon: 37.6447 },
    });
    expect([seed.weight, seed.quantity, seed.price, seed.inshprice, seed.return_weight]).toEqual([0.4, 1, 0, 0, null]);
    expect([seed.pickup, seed.return, seed.print_check, seed.receiverpays, seed.acceptpartially]).toEqual([
      false,
      true,
      true,
      false,
      true,
    ]);
    expect([seed.service, seed.type, seed.paytype]).toEqual(['1', '1', 'NO']);
    expect([seed.orderno2, seed.givencode, seed.enclosure]).toEqual([null, null, null]);
    expect(seed.items).toEqual([]);
    expect(seed.packages).toEqual([]);
    expect(seed.webhook_status_code).toBe('NEW');
  });

  it('gives every time only in ISO 8601 with its zone: createtimegmt in UTC, eventtime in the branch zone (Moscow by default), webhook times in Moscow time', () => {
    expect(seed.status).toEqual({
      code: 'NEW',
      title: 'new',
      eventstore: 'NEW',
      eventtime_iso: '2022-01-20T17:08:43+03:00',
      createtimegmt_iso: '2022-01-20T17:08:43Z',
      message: null,
      country: null,
    });
    expect(seed.status_history).toEqual([{ ...seed.status, title: 'NEW', country: 'RU' }]);
    // The webhook time is the same instant as the GMT creation time, seen from Moscow (UTC+3).
    expect(seed.webhook_status_time_iso).toBe('2022-01-20T20:08:43+03:00');
    expect(new Date(seed.webhook_status_time_iso!).getTime()).toBe(new Date(seed.status.createtimegmt_iso!).getTime());
    expect(seed.webhook_statuses).toEqual([{ code: 'NEW', time_iso: '2022-01-20T20:08:43+03:00' }]);
    expect(seed).not.toHaveProperty('webhook_status_time');
  });

  it('reads the branch-local event time in the Branch Time Zone chosen, and keeps the id, which uses the time as sent', async () => {
    const [yekaterinburg] = (await run(SEED, { branch_time_zone: '+05:00' })) as MeasoftOrderEvent[];
    expect(yekaterinburg!.status.eventtime_iso).toBe('2022-01-20T17:08:43+05:00');
    expect(yekaterinburg!.status.createtimegmt_iso).toBe('2022-01-20T17:08:43Z');
    expect(yekaterinburg!.id).toBe(seed.id);
  });

  it.each(['UTC+05:00', 'yekaterinburg', 'Екатеринбург', 'UTC+05:00 Yekaterinburg, Tashkent, Almaty (Екатеринбург)'])(
    'reads the Branch Time Zone %j as +05:00',
    async (typed) => {
      const [event] = (await run(SEED, { branch_time_zone: typed })) as MeasoftOrderEvent[];
      expect(event!.status.eventtime_iso).toBe('2022-01-20T17:08:43+05:00');
    },
  );

  it('reads the later revision of the page, without webhook_status_time and webhook_statuses', async () => {
    const event = await one(SEED_LATER);
    expect(event.webhook_status_code).toBe('NEW');
    expect(event.webhook_status_time_iso).toBeNull();
    expect(event.webhook_statuses).toEqual([]);
    const { webhook_status_time_iso: _i, webhook_statuses: _s, ...rest } = event;
    const { webhook_status_time_iso: _i2, webhook_statuses: _s2, ...seedRest } = seed;
    expect(rest).toEqual(seedRest);
  });

  it('keeps a time that does not read as one as sent, beside a null ISO value', async () => {
    const event = await one(
      '<order orderno="1"><status eventtime="вчера" createtimegmt="2024-02-30 10:00:00">NEW</status></order>',
    );
    expect(event.status).toMatchObject({
      eventtime: 'вчера',
      eventtime_iso: null,
      createtimegmt: '2024-02-30 10:00:00',
      createtimegmt_iso: null,
    });
  });
});

describe('New Order Status: the sample', () => {
  it('is what the parser gives for a delivered order with items, packages and a receiver town and address', async () => {
    expect(await run(MULTI)).toEqual([webhookStatusSample]);
  });
});

describe('New Order Status: a real-world order', () => {
  let event: MeasoftOrderEvent;
  beforeAll(async () => {
    event = await one(MULTI);
  });

  it('takes the status code from trimmed text, with Cyrillic attributes in any order', () => {
    expect(event.id).toBe('ИМ-000451:COMPLETE:2024-03-15 12:40:00');
    expect(event.status).toEqual({
      code: 'COMPLETE',
      title: 'Доставлен',
      eventstore: 'СПБ-1',
      eventtime_iso: '2024-03-15T12:40:00+03:00',
      createtimegmt_iso: '2024-03-15T09:41:10Z',
      message: 'Вручено лично',
      country: 'RU',
    });
  });

  it('keeps the status history newest first, every entry with the same keys whatever the attribute order', () => {
    expect(event.status_history.map((status) => [status.code, status.title])).toEqual([
      ['COMPLETE', 'Доставлен'],
      ['DELIVERY', 'Выдан курьеру на доставку'],
      ['DEPARTURE', 'Отправлено со склада'],
    ]);
    for (const status of event.status_history) expect(Object.keys(status)).toEqual(Object.keys(event.status));
    expect(event.status_history[1]!.message).toBeNull();
  });

  it('puts the order attributes at the top level, as sent', () => {
    expect(event).toMatchObject({
      orderno: 'ИМ-000451',
      awb: '0004512',
      orderno2: 'EX-9',
      ordercode: '77001',
      givencode: null,
    });
  });

  it('trims indented text, decodes entities and CDATA, and keeps inner line breaks', () => {
    expect(event.barcode).toBe('0004512');
    expect((event.sender as Record<string, unknown>).company).toBe('ООО "Ромашка" & Ко');
    expect(event.instruction).toBe('Позвонить за час & не <раньше> 12:00');
    expect(event.enclosure).toBe('Книги\n    и диски');
  });

  it('reads money with a space and a decimal comma, coordinates and flags', () => {
    expect([event.price, event.inshprice, event.weight, event.return_weight, event.quantity]).toEqual([
      4990.5, 5000, 2.35, 0, 2,
    ]);
    expect(event.currcoords).toEqual({
      accuracy: 15,
      lat: 59.93,
      lon: 30.33,
      RequestDateTime_iso: '2024-03-15T11:59:00+03:00',
    });
    expect((event.receiver as { coords: unknown }).coords).toEqual({ lon: 30.3351, lat: 59.9343 });
    expect([event.receiverpays, event.acceptpartially, event.pickup, event.print_check]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('lists every item and package with numbers for sizes, weights and prices', () => {
    expect(event.items).toEqual([
      {
        extcode: 'A-1',
        quantity: 2,
        mass: 0.5,
        retprice: 1495.25,
        VATrate: 20,
        barcode: '4600000000012',
        article: 'KN-01',
        type: '1',
        returns: '0',
        name: 'Книга «Мастер и Маргарита»',
      },
      { type: '1', barcode: null, quantity: 1, retprice: 2000, mass: 1.35, returns: '0', name: 'DVD-диск' },
    ]);
    expect(event.packages).toEqual([
      { strbarcode: '0004512-1', mass: 1.2, length: 30, width: 20, height: 10, quantity: 1, code: '1', name: null },
      { code: '2', quantity: 1, mass: 1.15, strbarcode: '0004512-2', name: 'Коробка' },
    ]);
  });

  it('passes unknown elements through, and keeps repeated ones as lists', () => {
    expect(event.acta).toBe('АКТ-15/03');
    expect((event.receiver as Record<string, unknown>).town).toEqual({
      regioncode: '78',
      country: 'RU',
      value: 'Санкт-Петербург',
    });
    expect((event.receiver as { contacts: unknown }).contacts).toEqual({ phone: ['+79210001122', '8-812-000-00-00'] });
    expect(event.deliveryprice).toEqual([
      {
        total: 350,
        advprice: [
          { code: '1', price: 300 },
          { code: '7', price: 50 },
        ],
      },
      { total: 0, advprice: [] },
    ]);
    expect(event.webhook_statuses).toEqual([
      { code: 'DELIVERY', time_iso: '2024-03-15T09:02:33+03:00' },
      { code: 'COMPLETE', time_iso: '2024-03-15T12:41:10+03:00' },
    ]);
  });

  it('keeps a single item, package or phone a list, and unknown attributes and children too', async () => {
    const single = MULTI.replace(/<item type="1" barcode=""[^]*?<\/item>/, '')
      .replace(/<package code="2"[^>]*\/>/, '')
      .replace('<phone>8-812-000-00-00</phone>', '')
      .replace('<deliveryprice total="0"/>', '')
      .replace(
        'country="RU" message="Вручено лично">COMPLETE',
        'country="RU" message="Вручено лично" courier="Сидоров">COMPLETE<gps lat="1"/>',
      )
      .replace('<statushistory>', '<statushistory note="3 из 3">');
    const event1 = await one(single);
    expect(event1.items).toHaveLength(1);
    expect(event1.packages).toHaveLength(1);
    expect((event1.receiver as { contacts: unknown }).contacts).toEqual({ phone: ['+79210001122'] });
    expect(event1.deliveryprice).toHaveLength(1);
    expect(event1.status).toMatchObject({ code: 'COMPLETE', courier: 'Сидоров', gps: { lat: '1' } });
    expect(event1.statushistory_other).toEqual({ note: '3 из 3' });
  });

  it('keeps an element that clashes with an attribute, and names like toString, without losing either', async () => {
    const event1 = await one(
      '<order orderno="1" barcode="A"><barcode>B</barcode><toString>x</toString><hasOwnProperty/><status eventtime="2024-01-01 10:00:00">NEW</status></order>',
    );
    expect(event1).toMatchObject({ orderno: '1', barcode: 'A', barcode_2: 'B', awb: null });
    expect(Object.getOwnPropertyDescriptor(event1, 'toString')?.value).toBe('x');
    expect(Object.getOwnPropertyDescriptor(event1, 'hasOwnProperty')?.value).toBeNull();
    expect(event1.id).toBe('1:NEW:2024-01-01 10:00:00');
  });

  it('reads numeric character references and leaves unknown named entities as written', async () => {
    const event1 = await one(
      '<order orderno="&#x34;2"><note>&#1044;&#x430; &nbsp;&amp;</note><status>NEW</status></order>',
    );
    expect(event1.orderno).toBe('42');
    expect(event1.note).toBe('Да &nbsp;&');
  });
});

describe('New Order Status: the Only These Statuses filter', () => {
  it('starts the Zap for a chosen status, whatever the case typed', async () => {
    expect(await run(MULTI, { statuses: ['DELIVERY', 'COMPLETE'] })).toHaveLength(1);
    expect(await run(MULTI, { statuses: ['complete '] })).toHaveLength(1);
  });

  it('starts nothing for a status not chosen', async () => {
    expect(await run(MULTI, { statuses: ['DELIVERY'] })).toEqual([]);
    expect(await run(SEED, { statuses: ['COMPLETE', 'CANCELED'] })).toEqual([]);
  });

  it('starts the Zap on every status when nothing is chosen', async () => {
    expect(await run(SEED, { statuses: [] })).toHaveLength(1);
    expect(await run(SEED, { statuses: [''] })).toHaveLength(1);
  });

  it('accepts each status by its dropdown label or its English or Russian name, in any case, ё as е', async () => {
    for (const typed of ['COMPLETE: Delivered (Доставлен)', 'delivered', 'ДОСТАВЛЕН', 'Delivered, Новый']) {
      expect(await run(MULTI, { statuses: [typed] })).toHaveLength(1);
    }
    expect(await run(MULTI, { statuses: 'Out for Delivery, Новый' })).toEqual([]);
  });

  it('reads a mapped list of codes separated by commas', async () => {
    expect(await run(MULTI, { statuses: 'DELIVERY, complete' })).toHaveLength(1);
    expect(await run(MULTI, { statuses: 'DELIVERY,NEW' })).toEqual([]);
  });

  const CODES = Object.keys(MEASOFT_STATUSES).join(', ');
  it.each([
    'constructor',
    'toString',
    '__proto__',
    'hasOwnProperty',
    'SHIPPED',
    'COMPLETE: Delivered (Доставлен) extra',
  ])('refuses %j, which is not one of its choices, instead of silently matching nothing', async (typed) => {
    const error = await caught(run(MULTI, { statuses: ['COMPLETE', typed] }));
    expect(error).toMatchObject({
      message: `Only These Statuses: expected one of ${CODES} (got "${typed}").`,
      code: 'InvalidInput',
    });
  });

  it('refuses an unknown status before reading the delivery', async () => {
    const error = await caught(run('not xml at all', { statuses: ['valueOf'] }));
    expect(error.message).toBe(`Only These Statuses: expected one of ${CODES} (got "valueOf").`);
  });

  it('offers every MeaSoft status, labelled in English first with the Russian term after it', () => {
    const field = orderStatus.operation.inputFields![0] as {
      key: string;
      list: boolean;
      choices: Array<{ value: string; label: string }>;
    };
    expect(field.key).toBe('statuses');
    expect(field.list).toBe(true);
    expect(field.choices).toHaveLength(Object.keys(MEASOFT_STATUSES).length);
    expect(field.choices).toContainEqual({
      value: 'COMPLETE',
      label: 'COMPLETE: Delivered (Доставлен)',
      sample: 'COMPLETE',
    });
    expect(field.choices).toContainEqual({
      value: 'AWAITING_SYNC',
      label: 'AWAITING_SYNC: Awaiting Synchronization (Ожидание синхронизации)',
      sample: 'AWAITING_SYNC',
    });
  });
});

describe('New Order Status: resent events', () => {
  const tester = rpcAppTester();

  it('starts the Zap once for an event MeaSoft sends twice, and again for the next status', async () => {
    const { store, scope } = cacheRpc();
    const first = (await tester(perform, delivery(SEED))) as MeasoftOrderEvent[];
    expect(first.map((event) => event.id)).toEqual(['00032011:NEW:2022-01-20 17:08:43']);
    expect(await tester(perform, delivery(SEED))).toEqual([]);
    // The later page revision carries the same order, status and event time: the same event.
    expect(await tester(perform, delivery(SEED_LATER))).toEqual([]);
    expect(await tester(perform, delivery(MULTI))).toHaveLength(1);
    expect(store.size).toBe(2);
    expect(scope.isDone()).toBe(true);
  });

  it('does not record a filtered-out status', async () => {
    const { calls } = cacheRpc();
    expect(await tester(perform, delivery(SEED, { statuses: ['COMPLETE'] }))).toEqual([]);
    expect(calls).toEqual([]);
    nock.cleanAll(); // the cache was rightly never asked
  });

  it('lets the event through when Zapier’s cache is unavailable', async () => {
    const scope = failingCacheRpc();
    const { value, logged } = await loggedBy(() => tester(perform, delivery(MULTI)));
    expect(value).toEqual([webhookStatusSample]);
    expect(logged).toEqual([expect.stringMatching(CACHE_SKIPPED)]);
    expect(scope.isDone()).toBe(true);
  });
});

describe('New Order Status: refused deliveries', () => {
  it('refuses an empty body', async () => {
    const message = 'MeaSoft webhook refused: the body is empty; MeaSoft sends an XML <order> document.';
    expect(await refusal('')).toBe(message);
    expect(await refusal(' \r\n ')).toBe(message);
    expect(await refusal(undefined)).toBe(message);
  });

  it('refuses JSON, and text that is not XML', async () => {
    expect(await refusal('{"result": true}')).toBe(
      'MeaSoft webhook refused: the body is JSON, but MeaSoft sends XML. Is this the URL of another trigger?',
    );
    expect(await refusal('orderno=1&status=NEW')).toBe(
      'MeaSoft webhook refused: the body is not XML; MeaSoft sends an XML <order> document.',
    );
  });

  it('refuses XML that is not well-formed, saying where', async () => {
    expect(await refusal('<order><status>NEW</order>')).toBe(
      'MeaSoft webhook refused: the XML is not well-formed: the closing tag </order> does not match <status> opened on line 1, column 8 (line 1, column 19).',
    );
    expect(await refusal(SEED.slice(0, 500))).toMatch(/^MeaSoft webhook refused: the XML is not well-formed: /);
  });

  it('refuses a root other than <order>, and several roots', async () => {
    expect(await refusal('<statusreq><order/></statusreq>')).toBe(
      "MeaSoft webhook refused: the root element is <statusreq>, but MeaSoft's webhook sends <order>.",
    );
    expect(await refusal('<order/><order/>')).toBe(
      'MeaSoft webhook refused: the XML is not well-formed: <order> is a second root element; a document has exactly one (line 1, column 9).',
    );
  });

  it('refuses an order without a status', async () => {
    expect(await refusal('<order orderno="1"/>')).toBe(
      'MeaSoft webhook refused: the <order> has no <status> element, so there is no status change to report.',
    );
  });

  it('refuses entity expansion ("billion laughs") at once, without expanding anything', async () => {
    const lol = (n: number) => `<!ENTITY lol${n} "${`&lol${n - 1};`.repeat(10)}">`;
    const bomb = `<?xml version="1.0"?><!DOCTYPE order [<!ENTITY lol0 "lol">${[1, 2, 3, 4, 5, 6, 7, 8, 9].map(lol).join('')}]><order>&lol9;</order>`;
    const started = cpuNow();
    expect(await refusal(bomb)).toBe(
      'MeaSoft webhook refused: the XML declares a DOCTYPE or entities, which MeaSoft never sends; it was not read.',
    );
    expect(cpuNow() - started).toBeLessThan(1000);
  });

  it('refuses external entities without fetching them (nock refuses every host but loopback)', async () => {
    const xxe =
      '<?xml version="1.0"?>\n<!doctype order [<!ENTITY xxe SYSTEM "https://evil.example/secret">]>\n<order><status>&xxe;</status></order>';
    expect(await refusal(xxe)).toBe(
      'MeaSoft webhook refused: the XML declares a DOCTYPE or entities, which MeaSoft never sends; it was not read.',
    );
    // Inside an element `<!ENTITY` declares nothing (only a DOCTYPE can): it is refused as markup out of place.
    expect(await refusal('<order><!ENTITY x "y"><status>NEW</status></order>')).toBe(
      'MeaSoft webhook refused: the XML is not well-formed: "<!" must start a comment or a CDATA section here (line 1, column 8).',
    );
  });

  it('refuses __proto__, constructor and prototype as element or attribute names, and nothing is polluted', async () => {
    const polluting = [
      '<order><__proto__><polluted>yes</polluted></__proto__><status>NEW</status></order>',
      '<order><status __proto__="yes">NEW</status></order>',
      '<order constructor="yes"><status>NEW</status></order>',
      '<order><items><item><prototype polluted="yes"/></item></items><status>NEW</status></order>',
    ];
    const messages = [];
    for (const xml of polluting) messages.push(await refusal(xml));
    expect(messages).toEqual([
      'MeaSoft webhook refused: the XML has an element named "__proto__", which is not allowed (it could tamper with the program\'s objects).',
      'MeaSoft webhook refused: the XML has an attribute named "__proto__", which is not allowed (it could tamper with the program\'s objects).',
      'MeaSoft webhook refused: the XML has an attribute named "constructor", which is not allowed (it could tamper with the program\'s objects).',
      'MeaSoft webhook refused: the XML has an element named "prototype", which is not allowed (it could tamper with the program\'s objects).',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses a body over 10 MB', async () => {
    const huge = `<order><status>NEW</status><note>${'x'.repeat(10 * 1024 * 1024)}</note></order>`;
    expect(await refusal(huge)).toBe(
      'MeaSoft webhook refused: the body is larger than 10 MB, the most a Zapier webhook accepts.',
    );
  });

  it('refuses XML nested deeper than 256 elements, as libxml2 does, and reads 256', async () => {
    const nested = (depth: number) =>
      `<order>${'<a>'.repeat(depth - 1)}${'</a>'.repeat(depth - 1)}<status>NEW</status></order>`;
    expect(parseMeasoftOrder(nested(256)).status.code).toBe('NEW');
    expect(await refusal(nested(257))).toBe(
      'MeaSoft webhook refused: the XML could not be read: the elements are nested more than 256 deep (line 1, column 773).',
    );
  });
});

describe('New Order Status: definition', () => {
  it('is a static hook with directions saying where to paste the URL in MeaSoft', () => {
    expect(orderStatus.key).toBe('order_status');
    expect(orderStatus.operation.type).toBe('hook');
    expect(orderStatus.operation).not.toHaveProperty('performSubscribe');
    const directions = orderStatus.display.directions!;
    expect(directions).toContain('**Интеграции**');
    expect(directions).toContain('**Webhook**');
    expect(directions.length).toBeGreaterThanOrEqual(12);
    expect(directions.length).toBeLessThanOrEqual(1000);
  });

  it("labels every output field, and each exists in the sample or in MeaSoft's own example", async () => {
    const fields = orderStatus.operation.outputFields as Array<{ key: string; label?: string }>;
    for (const field of fields) expect(field.label).toMatch(/^[A-Z(]/);
    const sampleTop = [...Object.keys(orderStatusSample), ...Object.keys(await one(SEED))];
    for (const field of fields) {
      const top = field.key.split(/__|\[\]/)[0]!;
      expect(sampleTop).toContain(top);
    }
  });
});

describe('MeaSoft value conversions', () => {
  it('reads numbers with spaces, no-break spaces and decimal commas; empty or text is null', () => {
    expect(['0.40', '4 990,50', '1\u00a0000', '-3', '', 'n/a', null].map((v) => toNumber(v))).toEqual([
      0.4,
      4990.5,
      1000,
      -3,
      null,
      null,
      null,
    ]);
  });

  it('reads YES/NO flags (and 1/0, true/false) in any case; anything else is null', () => {
    expect(['YES', 'no', ' Yes ', '1', '0', 'TRUE', 'false', 'MAYBE', '', null].map((v) => toBoolean(v))).toEqual([
      true,
      false,
      true,
      true,
      false,
      true,
      false,
      null,
      null,
      null,
    ]);
  });
});
