import { JustClickEmulator } from '../../sandbox/emulators/justclick';
import { md5, postForm, type Answer } from './helpers';

// The account of JustClick's own PHP example (shared/seeds/001).
const LOGIN = 'username';
const SECRET = 'X'.repeat(40);

interface JustClickAnswer {
  error_code: number;
  error_text: string;
  hash: string;
}

const signed = (query: string, login = LOGIN, secret = SECRET) => `${query}&hash=${md5(`${query}::${login}::${secret}`)}`;

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
    const ok = answerOf(await postForm(`${justclick.url}/${LOGIN}/api/UpdateOrderStatus`, signed('bill_id=100001&status=cancel')));
    expect(ok).toMatchObject({ error_code: 0, signedWithKey: true });
    const unknown = answerOf(await postForm(`${justclick.url}/someoneelse/api/UpdateOrderStatus`, signed('bill_id=100001&status=cancel')));
    expect(unknown).toMatchObject({ error_code: 5, error_text: 'Неверное имя пользователя', signedWithKey: false });
  });

  it('re-encodes the received params with PHP rules: a Node-encoded body fails the hash, a PHP-encoded one passes', async () => {
    // Node's querystring leaves ! * ' ( ) ~ as they are; PHP's http_build_query escapes them.
    const nodeStyle = "bill_id=100002&status=sent&date=1362254400&rpo=x+y!*()~'";
    const refused = answerOf(await postForm(endpoint, signed(nodeStyle)));
    expect(refused).toMatchObject({ error_code: 4, error_text: 'Неверный хэш', signedWithKey: true });
    expect(justclick.bills.get('100002')?.status).toBe('new');

    const phpStyle = 'bill_id=100002&status=sent&date=1362254400&rpo=x+y%21%2A%28%29%7E%27+%D0%9F%D0%BE%D1%87%D1%82%D0%B0';
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
      const answer = answerOf(await postForm(`${lower.url}/api/UpdateOrderStatus`, signed('bill_id=100004&status=return')));
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
    expect(justclick.requests.map((request) => [request.method, request.path, request.body])).toEqual([['POST', '/index.php', 'a=1']]);
    expect(justclick.requests[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });
});
