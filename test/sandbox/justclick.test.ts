import { JustClickEmulator } from '../../sandbox/emulators/justclick';
import { md5 } from '../support/hash';
import { postForm, type Answer } from './helpers';

// The account of JustClick's own PHP example (UpdateOrderStatus, https://help.justclick.ru/archives/592).
const LOGIN = 'username';
const SECRET = 'X'.repeat(40);

interface JustClickAnswer {
  error_code: number;
  error_text: string;
  hash: string;
}

const signed = (query: string, login = LOGIN, secret = SECRET) =>
  `${query}&hash=${md5(`${query}::${login}::${secret}`)}`;

/** The answer, with its hash checked the way the document's CheckHash does. */
function answerOf(answer: Answer, secret = SECRET): JustClickAnswer & { signedWithKey: boolean } {
  const body = answer.json as JustClickAnswer;
  return { ...body, signedWithKey: body.hash === md5(`${body.error_code}::${body.error_text}::${secret}`) };
}

describe('JustClick emulator', () => {
  let justclick: JustClickEmulator;
  let endpoint: string;

  beforeEach(async () => {
    justclick = new JustClickEmulator({ login: LOGIN, secret: SECRET });
    await justclick.start();
    endpoint = `${justclick.url}/api/UpdateOrderStatus`;
  });

  afterEach(() => justclick.stop());

  it("accepts the document's own example request, byte for byte, and marks bill 100000 sent", async () => {
    const body = 'bill_id=100000&status=sent&date=1362254400&rpo=10000000000000&hash=92cea5ba30b463b8c3b234e3d2945e65';
    const answer = answerOf(await postForm(endpoint, body));
    expect(answer).toEqual({ error_code: 0, error_text: 'OK', hash: md5(`0::OK::${SECRET}`), signedWithKey: true });
    expect(justclick.bills.get('100000')).toMatchObject({ status: 'sent', date: '1362254400', rpo: '10000000000000' });
  });

  it('learns the login from the first path segment, as the real server does from the subdomain', async () => {
    expect(justclick.baseUrl).toBe(`${justclick.url}/{login}`);
    const ok = answerOf(
      await postForm(`${justclick.url}/${LOGIN}/api/UpdateOrderStatus`, signed('bill_id=100001&status=cancel')),
    );
    expect(ok).toMatchObject({ error_code: 0, signedWithKey: true });
    const unknown = answerOf(
      await postForm(`${justclick.url}/someoneelse/api/UpdateOrderStatus`, signed('bill_id=100001&status=cancel')),
    );
    expect(unknown).toMatchObject({ error_code: 5, error_text: 'Неверное имя пользователя', signedWithKey: false });
  });

  it('re-encodes the received params with PHP rules: a Node-encoded body fails the hash, a PHP-encoded one passes', async () => {
    // Node's querystring leaves ! * ' ( ) ~ as they are; PHP's http_build_query escapes them.
    const nodeStyle = "bill_id=100002&status=sent&date=1362254400&rpo=x+y!*()~'";
    const refused = answerOf(await postForm(endpoint, signed(nodeStyle)));
    expect(refused).toMatchObject({ error_code: 4, error_text: 'Неверный хэш', signedWithKey: true });
    expect(justclick.bills.get('100002')?.status).toBe('new');

    const phpStyle =
      'bill_id=100002&status=sent&date=1362254400&rpo=x+y%21%2A%28%29%7E%27+%D0%9F%D0%BE%D1%87%D1%82%D0%B0';
    expect(answerOf(await postForm(endpoint, signed(phpStyle)))).toMatchObject({ error_code: 0, signedWithKey: true });
    expect(justclick.bills.get('100002')).toMatchObject({ status: 'sent', rpo: "x y!*()~' Почта" });
  });

  it('refuses a wrong key with error 4, and signs the refusal with the account key', async () => {
    const answer = answerOf(await postForm(endpoint, signed('bill_id=100001&status=cancel', LOGIN, 'not-the-key')));
    expect(answer).toMatchObject({ error_code: 4, signedWithKey: true });
    expect(justclick.bills.get('100001')?.status).toBe('new');
  });

  it('sends Cyrillic texts as json_encode does (\\u escapes) and hashes the decoded text', async () => {
    const raw = await postForm(endpoint, 'bill_id=1');
    expect(raw.text).toContain('\\u041d\\u0435'); // "Не передан хэш"
    expect(answerOf(raw)).toMatchObject({ error_code: 1, error_text: 'Не передан хэш', signedWithKey: true });
  });

  it('answers 2 for an empty body', async () => {
    expect(answerOf(await postForm(endpoint, ''))).toMatchObject({ error_code: 2, signedWithKey: true });
  });

  it.each([
    ['no order number (the connection test)', 'bill_id=', 203],
    ['no status', 'bill_id=100001&status=', 201],
    ['an unknown status', 'bill_id=100001&status=shipped', 303],
    ['sent without a date', 'bill_id=100001&status=sent&rpo=123', 3],
    ['sent without a tracking number', 'bill_id=100001&status=sent&date=1362254400', 3],
    ['paid without a date', 'bill_id=100001&status=paid', 3],
    ['a date that is not a timestamp', 'bill_id=100001&status=paid&date=2013-03-03', 3],
    ['an order number that cannot exist', 'bill_id=abc&status=cancel', 302],
    ['an order that does not exist', 'bill_id=999999&status=cancel', 200],
  ])('refuses %s (%s) with code %i and changes nothing', async (_name, query, code) => {
    expect(answerOf(await postForm(endpoint, signed(query)))).toMatchObject({ error_code: code, signedWithKey: true });
    expect([...justclick.bills.values()].every((bill) => bill.status === 'new')).toBe(true);
  });

  it('keeps each bill’s status, date and tracking number across updates', async () => {
    await postForm(endpoint, signed('bill_id=100003&status=sent&date=1700000000&rpo=RA123456789RU'));
    await postForm(endpoint, signed('bill_id=100003&status=paid&date=1700100000'));
    expect(justclick.bills.get('100003')).toMatchObject({ status: 'paid', date: '1700100000', rpo: 'RA123456789RU' });
    expect(justclick.bills.get('100003')?.history.map((entry) => entry.status)).toEqual(['sent', 'paid']);
  });

  it('answers "ok" in lower case when configured so, signing that exact text', async () => {
    const lower = new JustClickEmulator({ login: LOGIN, secret: SECRET, okText: 'ok' });
    await lower.start();
    try {
      const answer = answerOf(
        await postForm(`${lower.url}/api/UpdateOrderStatus`, signed('bill_id=100004&status=return')),
      );
      expect(answer).toMatchObject({ error_code: 0, error_text: 'ok', signedWithKey: true });
    } finally {
      await lower.stop();
    }
  });

  it('badhash fault: applies the change but signs the answer with another key', async () => {
    await justclick.fault('badhash');
    const answer = answerOf(await postForm(endpoint, signed('bill_id=100005&status=cancel')));
    expect(answer).toMatchObject({ error_code: 0, error_text: 'OK', signedWithKey: false });
    expect(justclick.bills.get('100005')?.status).toBe('cancel');
  });

  it('answers 404 for other paths and records every request it received', async () => {
    const answer = await postForm(`${justclick.url}/index.php`, 'a=1');
    expect(answer.status).toBe(404);
    expect(justclick.requests.map((request) => [request.method, request.path, request.body])).toEqual([
      ['POST', '/index.php', 'a=1'],
    ]);
    expect(justclick.requests[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });
});

describe('JustClick emulator: orders, products, groups and contacts', () => {
  let justclick: JustClickEmulator;
  const call = async (method: string, query: string) =>
    answerOfWithResult(await postForm(`${justclick.url}/api/${method}`, signed(query)));

  beforeEach(async () => {
    justclick = new JustClickEmulator({ login: LOGIN, secret: SECRET });
    await justclick.start();
  });

  afterEach(() => justclick.stop());

  it('checks the hash of every method the PHP way (a Node-encoded nested body fails)', async () => {
    const nodeStyle = 'goods[0][good_name]=course-basic&bill_email=a@b.ru';
    expect(await call('CreateOrder', nodeStyle)).toMatchObject({ error_code: 4, signedWithKey: true });
    expect(justclick.bills.size).toBe(6);
  });

  it('CreateOrder stores the order with goods, bill fields and utm, and answers its bill_id', async () => {
    const query =
      'goods%5B0%5D%5Bgood_name%5D=course-basic&goods%5B0%5D%5Bgood_sum%5D=2490&goods%5B1%5D%5Bgood_name%5D=book-print' +
      '&bill_first_name=%D0%90%D0%BD%D0%BD%D0%B0&bill_email=anna%40example.com&bill_created=1716195600&utm%5Butm_source%5D=mail';
    const answer = await call('CreateOrder', query);
    expect(answer).toMatchObject({ error_code: 0, signedWithKey: true, result: { bill_id: '100006' } });
    expect(justclick.bills.get('100006')).toMatchObject({
      created: 1716195600,
      fields: { bill_first_name: 'Анна', bill_email: 'anna@example.com' },
      utm: { utm_source: 'mail' },
      goods: [
        { good_name: 'course-basic', sum: 2490, price: 2990 },
        { good_name: 'book-print', sum: 1290 },
      ],
    });
  });

  it('CreateOrder answers a repeat (same e-mail, goods and bill_created) with 601 and the existing bill_id', async () => {
    const query = 'goods%5B0%5D%5Bgood_name%5D=consult&bill_email=a%40b.ru&bill_created=1716195600';
    await call('CreateOrder', query);
    expect(await call('CreateOrder', query)).toMatchObject({
      error_code: 601,
      signedWithKey: true,
      result: { bill_id: '100006' },
    });
    expect(justclick.bills.size).toBe(7);
  });

  it.each([
    ['no goods', 'bill_email=a%40b.ru', 603],
    ['an unknown product', 'goods%5B0%5D%5Bgood_name%5D=nope&bill_email=a%40b.ru', 604],
    ['a bad e-mail', 'goods%5B0%5D%5Bgood_name%5D=consult&bill_email=anna', 600],
  ])('CreateOrder refuses %s (%s) with %i', async (_name, query, code) => {
    expect(await call('CreateOrder', query)).toMatchObject({ error_code: code, signedWithKey: true });
    expect(justclick.bills.size).toBe(6);
  });

  it('getOrdersWithGoods filters on the Moscow days given, and with paid=1 on the payment time', async () => {
    // Yesterday in Moscow: the default bills were created in the last six hours.
    const yesterday = new Date(Date.now() + 3 * 3600 * 1000 - 86400 * 1000)
      .toISOString()
      .slice(0, 10)
      .split('-')
      .reverse()
      .join('.');
    const old = justclick.addBill({ id: '90000', created: Math.floor(Date.now() / 1000) - 20 * 86400 });
    const recent = await call('getOrdersWithGoods', `begin_date=${yesterday}`);
    expect((recent.result as Array<{ id: string }>).map((order) => order.id)).not.toContain('90000');
    expect(recent.result).toHaveLength(6);

    old.status = 'paid';
    old.paid = Math.floor(Date.now() / 1000);
    const paid = await call('getOrdersWithGoods', `begin_date=${yesterday}&paid=1`);
    expect(paid.result).toEqual([expect.objectContaining({ id: '90000', pay_status: 'paid', items: [] })]);
  });

  it('getOrderDetails answers an order with items, and 400 for an unknown one', async () => {
    const found = await call('getOrderDetails', 'bill_id=100001&good_info=1');
    expect(found).toMatchObject({
      error_code: 0,
      result: {
        id: '100001',
        pay_status: 'waiting',
        items: [{ id: 'course-basic', title: 'Базовый курс', price: '2990.00', sum: '2990.00' }],
      },
    });
    expect(await call('getOrderDetails', 'bill_id=5')).toMatchObject({ error_code: 400, signedWithKey: true });
  });

  it('UpdateOrderStatus paid records the payment time that getOrdersWithGoods filters on', async () => {
    await call('UpdateOrderStatus', 'bill_id=100002&status=paid&date=1716195600');
    expect(justclick.bills.get('100002')).toMatchObject({ status: 'paid', paid: 1716195600 });
  });

  it('GetAllGoods and GetAllGroups list the shop; a shop without products answers 700', async () => {
    expect((await call('GetAllGoods', '')).result).toEqual([
      { good_name: 'course-basic', good_title: 'Базовый курс', good_type: 0, good_sum: 2990, good_id: 12549 },
      expect.objectContaining({ good_name: 'book-print' }),
      expect.objectContaining({ good_name: 'consult' }),
    ]);
    expect((await call('GetAllGroups', '')).result).toEqual([
      { rass_name: 'newsletter', rass_title: 'Рассылка магазина' },
      { rass_name: 'buyers', rass_title: 'Покупатели' },
    ]);
    justclick.goods.clear();
    expect(await call('GetAllGoods', '')).toMatchObject({ error_code: 700, signedWithKey: true });
  });

  it('AddLeadToGroup adds a contact to rid[n] groups; again answers 102; an unknown group 103; GetLeadGroupStatuses lists them', async () => {
    expect(await call('GetLeadGroupStatuses', 'email=anna%40example.com')).toMatchObject({ error_code: 500 });
    const add =
      'rid%5B0%5D=newsletter&rid%5B1%5D=buyers&lead_name=%D0%90%D0%BD%D0%BD%D0%B0&lead_email=anna%40example.com';
    expect(await call('AddLeadToGroup', add)).toMatchObject({ error_code: 0, signedWithKey: true });
    expect(await call('AddLeadToGroup', add)).toMatchObject({ error_code: 102, signedWithKey: true });
    expect(await call('AddLeadToGroup', 'rid%5B0%5D=nope&lead_email=anna%40example.com')).toMatchObject({
      error_code: 103,
    });
    expect(await call('AddLeadToGroup', 'rid%5B0%5D=newsletter')).toMatchObject({ error_code: 100 });
    const statuses = await call('GetLeadGroupStatuses', 'email=Anna%40example.com');
    expect(statuses).toMatchObject({
      error_code: 0,
      result: [
        {
          rass_name: 'newsletter',
          rass_title: 'Рассылка магазина',
          rass_status: 'STATUS_SUBSCRIBE',
          subscription_time: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
        },
        { rass_name: 'buyers', rass_status: 'STATUS_SUBSCRIBE' },
      ],
    });
    expect(justclick.subscribers.get('anna@example.com')?.fields).toEqual({ lead_name: 'Анна' });
  });
});

function answerOfWithResult(answer: Answer): JustClickAnswer & { signedWithKey: boolean; result?: unknown } {
  const body = answer.json as JustClickAnswer & { result?: unknown };
  return { ...body, signedWithKey: body.hash === md5(`${body.error_code}::${body.error_text}::${SECRET}`) };
}
