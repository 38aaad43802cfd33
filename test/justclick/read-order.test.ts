import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import { perform as findOrder } from '../../src/justclick/find-order';
import { perform as typedNewOrder } from '../../src/justclick/new-order';
import { orderSample } from '../../src/justclick/samples';
import { caught } from '../support/zapier-error';
import { JUSTCLICK, NOON, authData, body, freezeDate, loose, rawOrder, signed } from './support';

const newOrder = loose(typedNewOrder);

const appTester = createAppTester(App);

afterEach(() => jest.useRealTimers());

describe('New Order', () => {
  it('asks for the last 7 Moscow days (begin_date only, so "now" is the end) and returns the orders newest first', async () => {
    freezeDate('2024-05-20T21:30:00Z'); // 00:30 on 21 May in Moscow
    const scope = nock(JUSTCLICK)
      .post('/api/getOrdersWithGoods', body('begin_date=15.05.2024'))
      .reply(
        200,
        signed(0, 'OK', [rawOrder('100001', NOON - 3600), rawOrder('100003', NOON + 60), rawOrder('100002', NOON)]),
      );

    const orders = (await appTester(newOrder, { authData, inputData: {} })) as Array<{ id: string }>;

    expect(orders.map((order) => order.id)).toEqual(['100003', '100002', '100001']);
    expect(scope.isDone()).toBe(true);
  });

  it('turns an order into line items, numbers and ISO 8601 Moscow times (the sample is such an order)', async () => {
    freezeDate('2024-05-20T12:00:00Z');
    nock(JUSTCLICK)
      .post('/api/getOrdersWithGoods', body('begin_date=14.05.2024'))
      .reply(
        200,
        signed(0, 'OK', [
          rawOrder('100000', NOON, {
            pay_status: 'paid',
            paid: String(NOON + 900),
            payway: 'card',
            bill_sum_topay: '0',
          }),
        ]),
      );

    const [order] = (await appTester(newOrder, { authData, inputData: { only_paid: 'no' } })) as unknown[];

    expect(order).toEqual(orderSample);
  });

  it('Only Paid Orders: sends paid=1 over a month, keys each order as "<number>-paid" and sorts by payment time', async () => {
    freezeDate('2024-05-20T12:00:00Z');
    nock(JUSTCLICK)
      .post('/api/getOrdersWithGoods', body('begin_date=21.04.2024&paid=1'))
      .reply(
        200,
        signed(0, 'OK', [
          // Created 20 days ago, paid today: it must still trigger, once.
          rawOrder('99990', NOON - 20 * 86400, { pay_status: 'paid', paid: String(NOON) }),
          rawOrder('100005', NOON - 60, { pay_status: 'paid', paid: String(NOON - 30) }),
          rawOrder('100006', NOON, { pay_status: 'waiting', paid: '0' }),
        ]),
      );

    const orders = (await appTester(newOrder, { authData, inputData: { only_paid: true } })) as Array<{
      id: string;
      bill_id: string;
      paid: string;
    }>;

    expect(orders.map(({ id, bill_id, paid }) => ({ id, bill_id, paid }))).toEqual([
      { id: '99990-paid', bill_id: '99990', paid: '2024-05-20T12:00:00+03:00' },
      { id: '100005-paid', bill_id: '100005', paid: '2024-05-20T11:59:30+03:00' },
    ]);
  });

  it('reads Moscow wall-clock text, PHP keyed objects and an order with only product IDs', async () => {
    freezeDate('2024-05-20T12:00:00Z');
    const order = { ...rawOrder('7', 0), created: '2024-05-20 09:05:00', items: undefined, good_ids: 'a,b' };
    nock(JUSTCLICK)
      .post('/api/getOrdersWithGoods')
      .reply(200, signed(0, 'ok', { 7: order }));
    const [read] = (await appTester(newOrder, { authData, inputData: {} })) as Array<Record<string, unknown>>;
    expect(read).toMatchObject({
      id: '7',
      created: '2024-05-20T09:05:00+03:00',
      paid: null,
      goods: [
        { good_name: 'a', good_title: null, sum: null, price: null },
        { good_name: 'b', good_title: null, sum: null, price: null },
      ],
      goods_count: 2,
    });
  });

  it('returns nothing for an empty result', async () => {
    nock(JUSTCLICK)
      .post('/api/getOrdersWithGoods')
      .reply(200, signed(0, 'OK', []));
    await expect(appTester(newOrder, { authData, inputData: {} })).resolves.toEqual([]);
  });

  it.each([
    ['a result that is not a list', 'nothing here'],
    ['an order without a number', [{ email: 'a@b.c' }]],
  ])('refuses %s instead of reading it', async (_name, result) => {
    nock(JUSTCLICK)
      .post('/api/getOrdersWithGoods')
      .reply(200, signed(0, 'OK', result));
    const error = await caught(appTester(newOrder, { authData, inputData: {} }));
    expect(error.code).toBe('JustClickBadAnswer');
    expect(error.message).toMatch(
      /^JustClick's answer to getOrdersWithGoods does not carry the result its documentation describes/,
    );
  });

  it('never reads orders from an answer whose hash does not verify', async () => {
    nock(JUSTCLICK)
      .post('/api/getOrdersWithGoods')
      .reply(200, signed(0, 'OK', [rawOrder('1', NOON)], 'other-key'));
    expect((await caught(appTester(newOrder, { authData, inputData: {} }))).code).toBe('JustClickUntrustedAnswer');
  });

  it("explains a documented error in English with JustClick's own text", async () => {
    nock(JUSTCLICK).post('/api/getOrdersWithGoods').reply(200, signed(8, 'API disabled'));
    expect((await caught(appTester(newOrder, { authData, inputData: {} }))).message).toBe(
      'JustClick refused the request: error 8 "API disabled" (the API call limit is reached, or the API is disabled for this account).',
    );
  });

  it('refuses a yes/no value it cannot read, naming the field, before any request', async () => {
    const error = await caught(appTester(newOrder, { authData, inputData: { only_paid: 'maybe' } }));
    expect(error.message).toBe(
      'Only Paid Orders: expected yes or no (also true/false, 1/0, да/нет, có/không, in any case) (got "maybe").',
    );
  });
});

describe('Find Order', () => {
  it('asks getOrderDetails with good_info and returns the order with its goods', async () => {
    const scope = nock(JUSTCLICK)
      .post('/api/getOrderDetails', body('bill_id=100000&good_info=1'))
      .reply(
        200,
        signed(
          0,
          'OK',
          rawOrder('100000', NOON, {
            pay_status: 'paid',
            paid: String(NOON + 900),
            payway: 'card',
            bill_sum_topay: '0',
          }),
        ),
      );

    const result = await appTester(findOrder, { authData, inputData: { bill_id: ' 100000 ' } });

    expect(result).toEqual([orderSample]);
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    [400, 'Заказ с таким номером не существует'],
    [200, 'Заказ не существует'],
    [302, 'Несуществующий номер заказа'],
  ])('an unknown order (error %i) is nothing found, not an error', async (code, text) => {
    nock(JUSTCLICK).post('/api/getOrderDetails', body('bill_id=999&good_info=1')).reply(200, signed(code, text));
    await expect(appTester(findOrder, { authData, inputData: { bill_id: '999' } })).resolves.toEqual([]);
  });

  it('does not take an unsigned "not found" as an answer', async () => {
    nock(JUSTCLICK)
      .post('/api/getOrderDetails')
      .reply(200, signed(400, 'нет', undefined, 'forged'));
    expect((await caught(appTester(findOrder, { authData, inputData: { bill_id: '1' } }))).code).toBe(
      'JustClickUntrustedAnswer',
    );
  });

  it('refuses a result that is not an order', async () => {
    nock(JUSTCLICK)
      .post('/api/getOrderDetails')
      .reply(200, signed(0, 'OK', []));
    expect((await caught(appTester(findOrder, { authData, inputData: { bill_id: '1' } }))).code).toBe(
      'JustClickBadAnswer',
    );
  });

  it.each(['', 'A-17', '12.5'])('refuses the order number %j before any request', async (billId) => {
    const error = await caught(appTester(findOrder, { authData, inputData: { bill_id: billId } }));
    expect(error.message).toMatch(/^Order Number: expected the number of a JustClick order, digits only/);
  });
});
