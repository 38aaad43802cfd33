import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import { MAX_BUYER_ORDERS, perform as typedPerform } from '../../src/justclick/find-buyer-orders';
import { buyerOrdersSample } from '../../src/justclick/samples';
import { caught } from '../support/zapier-error';
import { CREDENTIAL_ERRORS, GENERAL_ERRORS, JUSTCLICK, NOON, authData, body, loose, rawOrder, signed } from './support';

const perform = loose(typedPerform);
const appTester = createAppTester(App);

const details = (billId: string) => body(`bill_id=${billId}&good_info=1`);
const paidAnna = rawOrder('100000', NOON, {
  pay_status: 'paid',
  paid: String(NOON + 900),
  payway: 'card',
  bill_sum_topay: '0',
});
const cancelledAnna = rawOrder('99871', Date.parse('2024-04-02T18:40:00+03:00') / 1000, {
  pay_status: 'cancel',
  price: '1290.00',
  bill_sum_topay: '1290.00',
  items: [{ id: 'book-print', title: 'Книга (печатная)', price: '1290.00', sum: '1290.00' }],
});
/** GetBills' result as its page shows it: order number → product number → product ID and name. */
const annasBills = {
  99871: { 13011: { good_name: 'book-print', good_title: 'Книга (печатная)' } },
  100000: { 12549: { good_name: 'course-basic', good_title: 'Базовый курс' } },
};

describe('Find Orders by Buyer', () => {
  it('asks GetBills for the e-mail, then getOrderDetails for each order; newest first (the sample)', async () => {
    const scope = nock(JUSTCLICK)
      .post('/api/GetBills', body('email=anna%40example.com'))
      .reply(200, signed(0, 'OK', annasBills))
      .post('/api/getOrderDetails', details('100000'))
      .reply(200, signed(0, 'OK', paidAnna))
      .post('/api/getOrderDetails', details('99871'))
      .reply(200, signed(0, 'OK', cancelledAnna));
    await expect(appTester(perform, { authData, inputData: { email: ' anna@example.com ' } })).resolves.toEqual([
      buyerOrdersSample,
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ['cancel', 'cancel'],
    ['Cancelled', 'cancel'],
    ['waiting for payment', 'waiting'],
    ['PAID', 'paid'],
  ])('Payment Status %j is sent as pay_status=%s', async (typed, sent) => {
    const scope = nock(JUSTCLICK)
      .post('/api/GetBills', body(`email=anna%40example.com&pay_status=${sent}`))
      .reply(200, signed(0, 'OK', { 99871: annasBills[99871] }))
      .post('/api/getOrderDetails', details('99871'))
      .reply(200, signed(0, 'OK', cancelledAnna));
    const [found] = (await appTester(perform, {
      authData,
      inputData: { email: 'anna@example.com', pay_status: typed },
    })) as Array<{ pay_status: string; order_ids: string[] }>;
    expect(found).toMatchObject({ pay_status: sent, order_ids: ['99871'] });
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ['error 400', signed(400, 'Заказ с таким номером не существует')],
    ['an empty list', signed(0, 'OK', [])],
    ['an empty object', signed(0, 'OK', {})],
    ['no result', signed(0, 'OK')],
  ])('a buyer without orders (%s) is nothing found', async (_name, answer) => {
    const scope = nock(JUSTCLICK).post('/api/GetBills').reply(200, answer);
    await expect(appTester(perform, { authData, inputData: { email: 'nobody@example.com' } })).resolves.toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('sorts by creation time, not by number, and leaves out an order deleted in between', async () => {
    nock(JUSTCLICK)
      .post('/api/GetBills')
      .reply(200, signed(0, 'OK', { 5: [], 7: [], 6: [] }))
      .post('/api/getOrderDetails', details('7'))
      .reply(200, signed(0, 'OK', rawOrder('7', NOON - 60)))
      .post('/api/getOrderDetails', details('6'))
      .reply(200, signed(302, 'Несуществующий номер заказа'))
      .post('/api/getOrderDetails', details('5'))
      .reply(200, signed(0, 'OK', rawOrder('5', NOON)));
    const [found] = (await appTester(perform, { authData, inputData: { email: 'anna@example.com' } })) as Array<
      Record<string, unknown>
    >;
    expect(found).toMatchObject({ order_ids: ['5', '7'], orders_count: 2, orders_total: 3, more_orders: false });
  });

  it('an order without a creation time comes last; equal times go by number', async () => {
    nock(JUSTCLICK)
      .post('/api/GetBills')
      .reply(200, signed(0, 'OK', { 1: [], 2: [], 3: [] }))
      .post('/api/getOrderDetails', details('3'))
      .reply(200, signed(0, 'OK', rawOrder('3', 0)))
      .post('/api/getOrderDetails', details('2'))
      .reply(200, signed(0, 'OK', rawOrder('2', NOON)))
      .post('/api/getOrderDetails', details('1'))
      .reply(200, signed(0, 'OK', rawOrder('1', NOON)));
    const [found] = (await appTester(perform, { authData, inputData: { email: 'anna@example.com' } })) as Array<{
      order_ids: string[];
      orders: Array<{ created: string | null }>;
    }>;
    expect(found?.order_ids).toEqual(['2', '1', '3']);
    expect(found?.orders[2]?.created).toBeNull();
  });

  it('every order gone by the time it is read: nothing found', async () => {
    nock(JUSTCLICK)
      .post('/api/GetBills')
      .reply(200, signed(0, 'OK', { 5: [] }))
      .post('/api/getOrderDetails')
      .reply(200, signed(400, 'нет'));
    await expect(appTester(perform, { authData, inputData: { email: 'anna@example.com' } })).resolves.toEqual([]);
  });

  it(`reads the newest ${MAX_BUYER_ORDERS} by number of a long history and says there are more`, async () => {
    const numbers = Array.from({ length: MAX_BUYER_ORDERS + 2 }, (_, index) => String(1000 + index));
    const asked: string[] = [];
    nock(JUSTCLICK)
      .post('/api/GetBills')
      .reply(200, signed(0, 'OK', Object.fromEntries(numbers.map((number) => [number, []]))))
      .post('/api/getOrderDetails')
      .times(MAX_BUYER_ORDERS)
      .reply(200, (_uri, requestBody) => {
        const billId = /bill_id=(\d+)/.exec(String(requestBody))![1]!;
        asked.push(billId);
        return signed(0, 'OK', rawOrder(billId, NOON + Number(billId)));
      });
    const [found] = (await appTester(perform, { authData, inputData: { email: 'anna@example.com' } })) as Array<
      Record<string, unknown>
    >;
    const newest = [...numbers].reverse().slice(0, MAX_BUYER_ORDERS);
    expect(asked).toEqual(newest);
    expect(found).toMatchObject({ order_ids: newest, orders_count: 10, orders_total: 12, more_orders: true });
  });

  it("the step's calls share one time budget: none is sent once Zapier's limit is near", async () => {
    jest.useFakeTimers({
      now: new Date('2024-05-20T12:00:00Z'),
      doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'queueMicrotask'],
    });
    try {
      const scope = nock(JUSTCLICK)
        .post('/api/GetBills')
        .reply(200, () => {
          // GetBills took 25 s: the step's budget (STEP_BUDGET_MS) is spent.
          jest.setSystemTime(new Date('2024-05-20T12:00:25Z'));
          return signed(0, 'OK', annasBills);
        });
      const error = await caught(appTester(perform, { authData, inputData: { email: 'anna@example.com' } }));
      expect(error).toMatchObject({
        name: 'ThrottledError',
        message:
          'JustClick could not be reached (no time was left in this step to ask it); nothing was sent. ' +
          'Zapier will retry this step later.',
      });
      expect(scope.isDone()).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it.each([
    ['a list of numbers', ['100000']],
    ['keys that are not order numbers', { abc: {} }],
    ['an order whose products are not a list', { 100000: 'course-basic' }],
    ['text', 'no orders'],
  ])('refuses a GetBills result of %s instead of reading it', async (_name, result) => {
    nock(JUSTCLICK)
      .post('/api/GetBills')
      .reply(200, signed(0, 'OK', result));
    const error = await caught(appTester(perform, { authData, inputData: { email: 'anna@example.com' } }));
    expect(error.code).toBe('JustClickBadAnswer');
    expect(error.message).toMatch(/^JustClick's answer to GetBills does not carry the result/);
  });

  it('believes neither a list nor "no orders" whose hash does not verify, and asks nothing more', async () => {
    for (const answer of [signed(0, 'OK', annasBills, 'forged'), signed(400, 'нет', undefined, 'forged')]) {
      const scope = nock(JUSTCLICK).post('/api/GetBills').reply(200, answer);
      expect((await caught(appTester(perform, { authData, inputData: { email: 'anna@example.com' } }))).code).toBe(
        'JustClickUntrustedAnswer',
      );
      expect(scope.isDone()).toBe(true);
    }
  });

  it('an unsigned order detail fails the search', async () => {
    nock(JUSTCLICK)
      .post('/api/GetBills')
      .reply(200, signed(0, 'OK', { 100000: [] }))
      .post('/api/getOrderDetails')
      .reply(200, signed(0, 'OK', paidAnna, 'forged'));
    expect((await caught(appTester(perform, { authData, inputData: { email: 'anna@example.com' } }))).code).toBe(
      'JustClickUntrustedAnswer',
    );
  });

  it.each(GENERAL_ERRORS)("explains error %i with JustClick's text", async (code, text, explanation) => {
    nock(JUSTCLICK).post('/api/GetBills').reply(200, signed(code, text));
    const error = await caught(appTester(perform, { authData, inputData: { email: 'anna@example.com' } }));
    expect(error.message).toBe(`JustClick refused the request: error ${code} "${text}" (${explanation}).`);
  });

  it('a server error says the search changed nothing, so it can simply run again', async () => {
    nock(JUSTCLICK).post('/api/GetBills').reply(503, 'Service Unavailable');
    expect((await caught(appTester(perform, { authData, inputData: { email: 'anna@example.com' } }))).message).toBe(
      'JustClick answered with a server error (HTTP 503). This call changes nothing in JustClick, so the step can ' +
        'simply run again.',
    );
  });

  it.each(CREDENTIAL_ERRORS)('error %i asks to reconnect', async (code, text, advice) => {
    nock(JUSTCLICK).post('/api/GetBills').reply(200, signed(code, text));
    const error = await caught(appTester(perform, { authData, inputData: { email: 'anna@example.com' } }));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain(advice);
  });

  it.each([
    [{ email: 'anna' }, 'Buyer Email: expected an e-mail address such as anna@example.com (got "anna").'],
    [{ email: '' }, 'Buyer Email: expected an e-mail address such as anna@example.com (got "").'],
    [
      { email: 'anna@example.com', pay_status: 'refunded' },
      'Payment Status: expected one of paid (Paid), waiting (Waiting for Payment), cancel (Cancelled) (got "refunded").',
    ],
  ])('refuses %j before any request', async (inputData, message) => {
    expect(await caught(appTester(perform, { authData, inputData }))).toMatchObject({ message, code: 'InvalidInput' });
  });
});
