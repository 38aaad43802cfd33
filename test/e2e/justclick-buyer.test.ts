/**
 * A buyer's orders, leaving a group and deleting an order, end to end: the app through
 * createAppTester against the sandbox's JustClick emulator (which checks every request's hash as
 * JustClick's PHP server does and signs every answer).
 */
import { caught } from '../support/zapier-error';
import { runOperation, useSandbox } from './helpers';

describe('e2e: JustClick a buyer’s orders, leaving a group, deleting an order', () => {
  const sandbox = useSandbox();
  const run = (key: string, inputData: Record<string, unknown>) => runOperation(key, sandbox().accounts, inputData);
  const now = () => Math.floor(Date.now() / 1000);

  it('Find Orders by Buyer: every order of the e-mail newest first, or only paid / cancelled ones', async () => {
    const jc = sandbox().justclick;
    const course = { good_name: 'course-basic', good_title: 'Базовый курс', sum: 2490, price: 2990 };
    jc.addBill({
      id: '200001',
      created: now() - 3 * 86400,
      goods: [course],
      fields: { bill_email: 'Mira@Example.com' },
    });
    jc.addBill({ id: '200002', created: now() - 86400, goods: [course], fields: { bill_email: 'mira@example.com' } });
    jc.addBill({ id: '200003', created: now() - 3600, goods: [course], fields: { bill_email: 'mira@example.com' } });
    jc.addBill({ id: '200004', created: now(), goods: [course], fields: { bill_email: 'other@example.com' } });
    await run('justclick_update_order_status', { bill_id: '200002', status: 'paid', date: new Date().toISOString() });
    await run('justclick_update_order_status', { bill_id: '200001', status: 'cancel' });

    const [all] = (await run('justclick_find_buyer_orders', { email: 'mira@example.com' })) as Array<{
      order_ids: string[];
      orders: Array<{ pay_status: string; created: string; goods: unknown[] }>;
    }>;
    expect(all?.order_ids).toEqual(['200003', '200002', '200001']);
    expect(all?.orders.map((order) => order.pay_status)).toEqual(['waiting', 'paid', 'cancel']);
    expect(all?.orders[0]?.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/);
    expect(all?.orders[0]?.goods).toEqual([course]);

    await expect(
      run('justclick_find_buyer_orders', { email: 'mira@example.com', pay_status: 'Paid' }),
    ).resolves.toEqual([expect.objectContaining({ pay_status: 'paid', order_ids: ['200002'] })]);
    await expect(
      run('justclick_find_buyer_orders', { email: 'mira@example.com', pay_status: 'cancel' }),
    ).resolves.toEqual([expect.objectContaining({ order_ids: ['200001'] })]);
    await expect(run('justclick_find_buyer_orders', { email: 'nobody@example.com' })).resolves.toEqual([]);
    expect(jc.requestsTo('/api/GetBills')).toHaveLength(4);
  });

  it('Remove Subscriber from Group: out of one group, still in the other; a second run and an unknown contact are done', async () => {
    await run('justclick_add_subscriber', { groups: ['newsletter', 'buyers'], email: 'vera@example.com' });
    const removed = await run('justclick_remove_subscriber', { groups: ['buyers'], email: 'vera@example.com' });
    expect(removed).toMatchObject({
      removed_from: ['buyers'],
      not_in_groups: [],
      was_in_any_group: true,
      groups: [{ group_id: 'buyers', group_name: 'Покупатели', was_in_group: true, status_before: 'STATUS_SUBSCRIBE' }],
      result_info: 'vera@example.com was removed from buyers.',
    });
    const statuses = sandbox().justclick.subscribers.get('vera@example.com')!.groups;
    expect(statuses.get('buyers')?.status).toBe('STATUS_UNSUBSCRIBE');
    expect(statuses.get('newsletter')?.status).toBe('STATUS_SUBSCRIBE');

    await expect(
      run('justclick_remove_subscriber', { groups: ['buyers'], email: 'vera@example.com' }),
    ).resolves.toMatchObject({
      removed_from: [],
      not_in_groups: ['buyers'],
      groups: [{ was_in_group: false, status_before: 'STATUS_UNSUBSCRIBE' }],
    });
    await expect(
      run('justclick_remove_subscriber', { groups: 'buyers, newsletter', email: 'ghost@example.com' }),
    ).resolves.toMatchObject({
      removed_from: [],
      not_in_groups: ['buyers', 'newsletter'],
      result_info: 'ghost@example.com was not in buyers, newsletter, so nothing changed there.',
    });

    const error = await caught(run('justclick_remove_subscriber', { groups: ['nope'], email: 'vera@example.com' }));
    expect(error.message).toBe(
      'JustClick refused the request: error 800 "Указанная группа контактов не найдена" (the contact group does not exist).',
    );
  });

  it('Delete Order: the order is gone; the same number again is an error naming Order Number; no number sends nothing', async () => {
    const jc = sandbox().justclick;
    jc.addBill({ id: '300001', fields: { bill_email: 'spam@example.com' } });
    await expect(run('justclick_delete_order', { bill_id: '300001' })).resolves.toMatchObject({
      bill_id: '300001',
      deleted: true,
      justclick_error_code: 0,
    });
    expect(jc.bills.has('300001')).toBe(false);
    await expect(run('justclick_find_order', { bill_id: '300001' })).resolves.toEqual([]);

    const again = await caught(run('justclick_delete_order', { bill_id: '300001' }));
    expect(again.message).toMatch(
      /^Order Number: JustClick has no order 300001 \(error 302 "Несуществующий номер заказа"/,
    );
    const requests = jc.requests.length;
    expect((await caught(run('justclick_delete_order', { bill_id: '' }))).code).toBe('InvalidInput');
    expect(jc.requests).toHaveLength(requests);
  });

  it('badhash: neither a deletion nor a removal is reported from an answer not signed with the key', async () => {
    sandbox().justclick.addBill({ id: '300002' });
    await sandbox().justclick.fault('badhash');
    expect((await caught(run('justclick_delete_order', { bill_id: '300002' }))).code).toBe('JustClickUntrustedAnswer');
    expect((await caught(run('justclick_find_buyer_orders', { email: 'a@example.com' }))).code).toBe(
      'JustClickUntrustedAnswer',
    );
    expect(
      (await caught(run('justclick_remove_subscriber', { groups: ['buyers'], email: 'a@example.com' }))).code,
    ).toBe('JustClickUntrustedAnswer');
    // One request each: nothing read from an untrusted answer leads to another call.
    expect(sandbox().justclick.requests).toHaveLength(3);
  });
});
