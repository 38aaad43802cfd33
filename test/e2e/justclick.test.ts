/**
 * Update Order Status end to end: the app, run through createAppTester, against the sandbox's
 * JustClick emulator over loopback (which checks the hash the way JustClick's PHP server does).
 */
import { test as connectionTest } from '../../src/authentication';
import { perform } from '../../src/justclick/update-order-status';
import { caught } from '../support/zapier-error';
import { appTester, useSandbox } from './helpers';

describe('e2e: JustClick Update Order Status against the sandbox', () => {
  const sandbox = useSandbox();

  const run = (inputData: { bill_id: string; status: string; date?: string; rpo?: string }, authData: Record<string, string> = sandbox().accounts) =>
    appTester(perform, { authData, inputData });

  it('marks a bill sent with its tracking number as carriers write it, even one PHP and Node encode differently', async () => {
    // Typed with spaces, in lower case and with a Cyrillic а; sent without spaces in upper-case Latin.
    const rpo = "RA644000123RU(1/2)!*~'";
    const result = await run({ bill_id: '100001', status: 'sent', date: '2024-05-20T12:00:00+03:00', rpo: "rа 644000123ru (1/2)!*~'" });
    expect(result).toMatchObject({ bill_id: '100001', status: 'sent', date_unix: 1716195600, rpo, justclick_error_code: 0, justclick_error_text: 'OK' });
    expect(sandbox().justclick.bills.get('100001')).toMatchObject({ status: 'sent', date: '1716195600', rpo });
    expect(sandbox().justclick.requests).toHaveLength(1);
    expect(sandbox().justclick.requests[0]?.path).toBe(`/${sandbox().accounts.justclick_login}/api/UpdateOrderStatus`);
  });

  it('a day-first date reaches JustClick as the day meant, in Moscow time', async () => {
    const result = await run({ bill_id: '100002', status: 'paid', date: '02.05.2024 10:00' });
    expect(result).toMatchObject({ date: '2024-05-02T07:00:00Z', date_unix: 1714633200 });
    expect(sandbox().justclick.bills.get('100002')).toMatchObject({ status: 'paid', date: '1714633200' });
  });

  it('a pasted account address works as the login, for the steps and the connection test', async () => {
    const { justclick_login: login, justclick_secret: secret } = sandbox().accounts;
    const pasted = `https://${login.toUpperCase()}.justclick.ru/`;
    await expect(appTester(connectionTest, { authData: { justclick_login: pasted, justclick_secret: secret } })).resolves.toMatchObject({ justclick_login: login });
    await run({ bill_id: '100000', status: 'cancel' }, { justclick_login: pasted, justclick_secret: secret });
    expect(sandbox().justclick.bills.get('100000')?.status).toBe('cancel');
    expect(sandbox().justclick.requests.map((request) => request.path)).toEqual([`/${login}/api/UpdateOrderStatus`, `/${login}/api/UpdateOrderStatus`]);
  });

  it('an e-mail as the login is refused before anything reaches JustClick', async () => {
    const error = await caught(run({ bill_id: '100000', status: 'cancel' }, { ...sandbox().accounts, justclick_login: 'owner@shop.ru' }));
    expect(error.message).toMatch(/^JustClick Login: expected the first part of your JustClick address.*an e-mail address is not the login\.$/);
    expect(sandbox().justclick.requests).toHaveLength(0);
  });

  it('marks a bill paid', async () => {
    await run({ bill_id: '100002', status: 'paid', date: '1716195600' });
    expect(sandbox().justclick.bills.get('100002')).toMatchObject({ status: 'paid', date: '1716195600' });
  });

  it("shows JustClick's refusal for an order it does not know", async () => {
    const error = await caught(run({ bill_id: '777', status: 'cancel' }));
    expect(error.message).toBe('JustClick refused the request: error 200 "Заказ не существует" (the order does not exist).');
  });

  it('a wrong secret: JustClick refuses with error 4 and the user is asked to fix the connection', async () => {
    const error = await caught(run({ bill_id: '100003', status: 'cancel' }, { ...sandbox().accounts, justclick_secret: 'wrong-key' }));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain('error 4 "Неверный хэш"');
    expect(error.message).toContain('check the JustClick API Key in the connection');
    expect(error.message).not.toContain('wrong-key');
    expect(sandbox().justclick.bills.get('100003')?.status).toBe('new');
  });

  it('a wrong login: error 5 names the login field', async () => {
    const error = await caught(run({ bill_id: '100003', status: 'cancel' }, { ...sandbox().accounts, justclick_login: 'someone' }));
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
    await expect(appTester(connectionTest, { authData: { justclick_login: sandbox().accounts.justclick_login, justclick_secret: sandbox().accounts.justclick_secret } })).resolves.toMatchObject({
      justclick_login: sandbox().accounts.justclick_login,
    });
    expect(JSON.stringify([...sandbox().justclick.bills.values()])).toBe(before);
  });
});
