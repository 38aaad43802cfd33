/**
 * Update Order Status end to end: the app, run through createAppTester, against the sandbox's
 * JustClick emulator over loopback (which checks the hash the way JustClick's PHP server does);
 * then the order and subscriber operations the same way.
 */
import { test as connectionTest } from '../../src/authentication';
import { perform as createOrder } from '../../src/justclick/create-order';
import { performGroups } from '../../src/justclick/groups';
import { performProducts } from '../../src/justclick/products';
import { perform as findOrder } from '../../src/justclick/find-order';
import { perform as newOrder } from '../../src/justclick/new-order';
import { performAdd } from '../../src/justclick/add-subscriber';
import { performFind } from '../../src/justclick/find-subscriber';
import { perform } from '../../src/justclick/update-order-status';

const updateOrderStatus = perform;
import { caught } from '../support/zapier-error';
import { appTester, useSandbox } from './helpers';

describe('e2e: JustClick Update Order Status against the sandbox', () => {
  const sandbox = useSandbox();

  const run = (
    inputData: { bill_id: string; status: string; date?: string; rpo?: string },
    authData: Record<string, string> = sandbox().accounts,
  ) => appTester(perform, { authData, inputData });

  it('marks a bill sent with its tracking number as carriers write it, even one PHP and Node encode differently', async () => {
    // Typed with spaces, in lower case and with a Cyrillic а; sent without spaces in upper-case Latin.
    const rpo = "RA644000123RU(1/2)!*~'";
    const result = await run({
      bill_id: '100001',
      status: 'sent',
      date: '2024-05-20T12:00:00+03:00',
      rpo: "rа 644000123ru (1/2)!*~'",
    });
    expect(result).toMatchObject({
      bill_id: '100001',
      status: 'sent',
      date_unix: 1716195600,
      rpo,
      justclick_error_code: 0,
      justclick_error_text: 'OK',
    });
    expect(sandbox().justclick.bills.get('100001')).toMatchObject({ status: 'sent', date: '1716195600', rpo });
    expect(sandbox().justclick.requests).toHaveLength(1);
    expect(sandbox().justclick.requests[0]?.path).toBe(`/${sandbox().accounts.justclick_login}/api/UpdateOrderStatus`);
  });

  it('a day-first date reaches JustClick as the day meant, in Moscow time', async () => {
    const result = await run({ bill_id: '100002', status: 'paid', date: '02.05.2024 10:00' });
    expect(result).toMatchObject({ date: '2024-05-02T10:00:00+03:00', date_unix: 1714633200 });
    expect(sandbox().justclick.bills.get('100002')).toMatchObject({ status: 'paid', date: '1714633200' });
  });

  it('a pasted account address works as the login, for the steps and the connection test', async () => {
    const { justclick_login: login, justclick_secret: secret } = sandbox().accounts;
    const pasted = `https://${login.toUpperCase()}.justclick.ru/`;
    await expect(
      appTester(connectionTest, { authData: { justclick_login: pasted, justclick_secret: secret } }),
    ).resolves.toMatchObject({ justclick_login: login });
    await run({ bill_id: '100000', status: 'cancel' }, { justclick_login: pasted, justclick_secret: secret });
    expect(sandbox().justclick.bills.get('100000')?.status).toBe('cancel');
    expect(sandbox().justclick.requests.map((request) => request.path)).toEqual([
      `/${login}/api/UpdateOrderStatus`,
      `/${login}/api/UpdateOrderStatus`,
    ]);
  });

  it('an e-mail as the login is refused before anything reaches JustClick', async () => {
    const error = await caught(
      run({ bill_id: '100000', status: 'cancel' }, { ...sandbox().accounts, justclick_login: 'owner@shop.ru' }),
    );
    expect(error.message).toMatch(
      /^JustClick Login: expected the first part of your JustClick address.*an e-mail address is not the login\.$/,
    );
    expect(sandbox().justclick.requests).toHaveLength(0);
  });

  it('marks a bill paid', async () => {
    await run({ bill_id: '100002', status: 'paid', date: '1716195600' });
    expect(sandbox().justclick.bills.get('100002')).toMatchObject({ status: 'paid', date: '1716195600' });
  });

  it("shows JustClick's refusal for an order it does not know", async () => {
    const error = await caught(run({ bill_id: '777', status: 'cancel' }));
    expect(error.message).toBe(
      'JustClick refused the request: error 200 "Заказ не существует" (the order does not exist).',
    );
  });

  it('a wrong secret: JustClick refuses with error 4 and the user is asked to fix the connection', async () => {
    const error = await caught(
      run({ bill_id: '100003', status: 'cancel' }, { ...sandbox().accounts, justclick_secret: 'wrong-key' }),
    );
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain('error 4 "Неверный хэш"');
    expect(error.message).toContain('check the JustClick API Key in the connection');
    expect(error.message).not.toContain('wrong-key');
    expect(sandbox().justclick.bills.get('100003')?.status).toBe('new');
  });

  it('a wrong login: error 5 names the login field', async () => {
    const error = await caught(
      run({ bill_id: '100003', status: 'cancel' }, { ...sandbox().accounts, justclick_login: 'someone' }),
    );
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain('check the JustClick Login in the connection');
  });

  it('badhash: an answer not signed with the key is not reported as done', async () => {
    await sandbox().justclick.fault('badhash');
    const error = await caught(run({ bill_id: '100004', status: 'cancel' }));
    expect(error.message).toContain('cannot be trusted');
    expect(sandbox().justclick.requests).toHaveLength(1);
  });

  it('down: nothing was sent, so the run is handed back to Zapier to retry later', async () => {
    await sandbox().justclick.fault('down');
    const error = await caught(run({ bill_id: '100005', status: 'cancel' }));
    expect(error.name).toBe('ThrottledError');
    expect(error.message).toContain('nothing was sent');
    expect(sandbox().justclick.bills.get('100005')?.status).toBe('new');
  });

  it('http500: the change may or may not be applied, and the app does not send it twice', async () => {
    await sandbox().justclick.fault('http500');
    const error = await caught(run({ bill_id: '100005', status: 'cancel' }));
    expect(error.message).toContain('server error (HTTP 500)');
    expect(sandbox().justclick.requests).toHaveLength(1);
  });

  it('malformed: an answer that is not JSON is an error, not a success', async () => {
    await sandbox().justclick.fault('malformed');
    const error = await caught(run({ bill_id: '100005', status: 'cancel' }));
    expect(error.message).toContain('something other than its API answer');
  });

  it('passes the connection test without changing any bill', async () => {
    const before = JSON.stringify([...sandbox().justclick.bills.values()]);
    await expect(
      appTester(connectionTest, {
        authData: {
          justclick_login: sandbox().accounts.justclick_login,
          justclick_secret: sandbox().accounts.justclick_secret,
        },
      }),
    ).resolves.toMatchObject({
      justclick_login: sandbox().accounts.justclick_login,
    });
    expect(JSON.stringify([...sandbox().justclick.bills.values()])).toBe(before);
  });
});

describe('e2e: JustClick orders and subscribers against the sandbox', () => {
  const sandbox = useSandbox();
  const run = (perform: unknown, inputData: Record<string, unknown>) =>
    appTester(perform as Parameters<typeof appTester>[0], { authData: sandbox().accounts, inputData });

  it('Create Order → New Order → Find Order: the same order, goods as line items; a replay returns it without a second order', async () => {
    const inputData = {
      goods: [{ good_name: 'course-basic', good_sum: '2490' }, { good_name: 'book-print' }],
      email: 'anna@example.com',
      first_name: 'Анна',
      city: 'Москва',
      comment: "звонить после 18:00 (!)*~'",
      order_date: new Date().toISOString(),
      utm_source: 'newsletter',
    };
    const created = (await run(createOrder, inputData)) as { bill_id: string; already_existed: boolean };
    expect(created).toMatchObject({ already_existed: false });

    const replay = (await run(createOrder, inputData)) as { bill_id: string; already_existed: boolean };
    expect(replay).toMatchObject({ bill_id: created.bill_id, already_existed: true });
    expect(
      [...sandbox().justclick.bills.values()].filter((bill) => bill.fields.bill_email === 'anna@example.com'),
    ).toHaveLength(1);

    const orders = (await run(newOrder, {})) as Array<{ id: string; goods: unknown[]; created: string }>;
    expect(orders[0]).toMatchObject({
      id: created.bill_id,
      goods: [
        { good_name: 'course-basic', good_title: 'Базовый курс', sum: 2490, price: 2990 },
        { good_name: 'book-print', sum: 1290 },
      ],
      price: 3780,
      utm_source: 'newsletter',
      comment: "звонить после 18:00 (!)*~'",
    });
    expect(orders[0]?.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/);

    const [found] = (await run(findOrder, { bill_id: created.bill_id })) as Array<{ bill_id: string }>;
    expect(found).toEqual(orders[0]);
    await expect(run(findOrder, { bill_id: '424242' })).resolves.toEqual([]);
  });

  it('Only Paid Orders: an order created days ago triggers when Update Order Status marks it paid', async () => {
    const days = 10;
    sandbox().justclick.addBill({
      id: '95000',
      created: Math.floor(Date.now() / 1000) - days * 86400,
      fields: { bill_email: 'old@example.com' },
    });
    expect(
      ((await run(newOrder, { only_paid: 'yes' })) as Array<{ id: string }>).map((order) => order.id),
    ).not.toContain('95000-paid');
    await run(updateOrderStatus, { bill_id: '95000', status: 'paid', date: new Date().toISOString() });
    const paid = (await run(newOrder, { only_paid: 'yes' })) as Array<{
      id: string;
      bill_id: string;
      pay_status: string;
    }>;
    expect(paid[0]).toMatchObject({ id: '95000-paid', bill_id: '95000', pay_status: 'paid' });
  });

  it('dropdowns list the shop products and groups; Find or Add Subscriber adds once and then finds', async () => {
    const products = (await run(performProducts, {})) as Array<{ id: string }>;
    expect(products.map((product) => product.id)).toEqual(['course-basic', 'book-print', 'consult']);
    const groups = (await run(performGroups, {})) as Array<{ id: string; name: string }>;
    expect(groups[0]).toEqual({ id: 'newsletter', name: 'Рассылка магазина (newsletter)' });

    await expect(run(performFind, { email: 'oleg@example.com' })).resolves.toEqual([]);
    await expect(
      run(performAdd, { groups: ['newsletter', 'buyers'], email: 'oleg@example.com', name: 'Олег' }),
    ).resolves.toMatchObject({
      already_subscribed: false,
    });
    await expect(run(performAdd, { groups: ['newsletter'], email: 'oleg@example.com' })).resolves.toMatchObject({
      already_subscribed: true,
    });
    const [found] = (await run(performFind, { email: 'oleg@example.com', group: 'buyers' })) as Array<{
      group_ids: string[];
      groups: Array<{ status_label: string; subscribed_at: string }>;
    }>;
    expect(found?.group_ids).toEqual(['newsletter', 'buyers']);
    expect(found?.groups[0]?.status_label).toBe('Subscribed');
    expect(found?.groups[0]?.subscribed_at).toMatch(/\+03:00$/);
    const error = await caught(run(performAdd, { groups: ['nope'], email: 'oleg@example.com' }));
    expect(error.message).toBe(
      'JustClick refused the request: error 103 "Передана несуществующая группа" (one of the groups does not exist).',
    );
  });

  it('badhash: a created order is not reported from an answer not signed with the key', async () => {
    await sandbox().justclick.fault('badhash');
    const error = await caught(run(createOrder, { goods: [{ good_name: 'consult' }], email: 'x@example.com' }));
    expect(error.code).toBe('JustClickUntrustedAnswer');
    expect(sandbox().justclick.requests).toHaveLength(1);
  });
});
