/**
 * The JustClick emulator's GetBills, DeleteSubscribe and DeleteOrder, called with hand-signed
 * requests (not through the app), against what JustClick's pages describe (docs/justclick.md).
 */
import { JustClickEmulator } from '../../sandbox/emulators/justclick';
import { md5 } from '../support/hash';
import { postForm } from './helpers';

const LOGIN = 'username';
const SECRET = 'X'.repeat(40);

interface Answer {
  error_code: number;
  error_text: string;
  hash: string;
  result?: unknown;
}

describe('JustClick emulator: GetBills, DeleteSubscribe, DeleteOrder', () => {
  let justclick: JustClickEmulator;

  beforeEach(async () => {
    justclick = new JustClickEmulator({ login: LOGIN, secret: SECRET });
    await justclick.start();
  });

  afterEach(() => justclick.stop());

  /** Calls a method with a PHP-encoded query, signed; returns the answer, its raw text, and whether it is signed. */
  const call = async (method: string, query: string) => {
    const reply = await postForm(
      `${justclick.url}/api/${method}`,
      `${query}&hash=${md5(`${query}::${LOGIN}::${SECRET}`)}`,
    );
    const body = reply.json as Answer;
    return { ...body, signedWithKey: body.hash === md5(`${body.error_code}::${body.error_text}::${SECRET}`) };
  };

  it("GetBills: the buyer's orders keyed by number, products keyed by product number; pay_status filters; none is 400", async () => {
    justclick.addBill({
      id: '258367',
      goods: [{ good_name: 'course-basic', good_title: 'Базовый курс', sum: 2990, price: 2990 }],
      fields: { bill_email: 'anna@example.com' },
    });
    justclick.addBill({ id: '258368', status: 'paid', goods: [], fields: { bill_email: 'Anna@Example.com' } });
    expect(await call('GetBills', 'email=anna%40example.com')).toMatchObject({
      error_code: 0,
      signedWithKey: true,
      result: { 258367: { 12549: { good_name: 'course-basic', good_title: 'Базовый курс' } }, 258368: [] },
    });
    expect(await call('GetBills', 'email=anna%40example.com&pay_status=paid')).toMatchObject({
      result: { 258368: [] },
    });
    expect(await call('GetBills', 'email=anna%40example.com&pay_status=cancel')).toMatchObject({
      error_code: 400,
      signedWithKey: true,
    });
    expect(await call('GetBills', 'email=anna%40example.com&pay_status=refund')).toMatchObject({ error_code: 3 });
    expect(await call('GetBills', 'pay_status=paid')).toMatchObject({ error_code: 3 });
  });

  it('DeleteSubscribe: 800 for an unknown group, 801 for an unknown contact; the contact stays listed as unsubscribed', async () => {
    const add = 'rid%5B0%5D=newsletter&rid%5B1%5D=buyers&lead_email=anna%40example.com';
    expect(await call('AddLeadToGroup', add)).toMatchObject({ error_code: 0 });
    expect(await call('DeleteSubscribe', 'lead_email=anna%40example.com&rass_name=nope')).toMatchObject({
      error_code: 800,
      signedWithKey: true,
    });
    expect(await call('DeleteSubscribe', 'lead_email=ghost%40example.com&rass_name=buyers')).toMatchObject({
      error_code: 801,
      signedWithKey: true,
    });
    expect(await call('DeleteSubscribe', 'lead_email=anna%40example.com&rass_name=buyers')).toMatchObject({
      error_code: 0,
      signedWithKey: true,
    });
    expect(await call('GetLeadGroupStatuses', 'email=anna%40example.com')).toMatchObject({
      result: [
        { rass_name: 'newsletter', rass_status: 'STATUS_SUBSCRIBE' },
        { rass_name: 'buyers', rass_status: 'STATUS_UNSUBSCRIBE' },
      ],
    });
    expect(await call('DeleteSubscribe', 'rass_name=buyers')).toMatchObject({ error_code: 100 });
  });

  it('DeleteOrder: deletes one order; the same number again is 302; no number is 203', async () => {
    expect(await call('DeleteOrder', 'bill_id=100003')).toMatchObject({ error_code: 0, signedWithKey: true });
    expect(justclick.bills.has('100003')).toBe(false);
    expect(await call('DeleteOrder', 'bill_id=100003')).toMatchObject({ error_code: 302, signedWithKey: true });
    expect(await call('DeleteOrder', 'bill_id=')).toMatchObject({ error_code: 203 });
    expect(justclick.bills.size).toBe(5);
  });
});
