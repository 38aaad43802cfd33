/**
 * MeaSoft end to end: the app (createAppTester, z.cache over core's RPC to a cache that honours
 * nx) against the sandbox's MeaSoft emulator over loopback. The polling trigger's promises are
 * checked as a live Zap sees them: no change lost, none twice, two Zaps apart, a failing poll and
 * the editor's sample loading swallow nothing.
 */
import { test as connectionTest } from '../../src/authentication';
import { perform as cancelOrder } from '../../src/measoft/cancel-order';
import { perform as createOrder } from '../../src/measoft/create-order';
import { perform as findOrder } from '../../src/measoft/find-order';
import { performList } from '../../src/measoft/order-status';
import { perform as poll } from '../../src/measoft/order-status-poll';
import { webhookStatusSample } from '../../src/measoft/samples';
import type { MeasoftOrderEvent } from '../../src/measoft/types';
import { ZCacheStore } from '../../sandbox/zapier-cache';
import { cacheRpc, loggedBy, rpcAppTester } from '../support/cache-rpc';
import { caught } from '../support/zapier-error';
import { appTester, useSandbox } from './helpers';

// Zapier hands mapped values loosely (strings, nulls, partial meta): the performs are run as such.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const loose = (perform: unknown) => perform as (z: any, bundle: any) => Promise<unknown>;

type Item = MeasoftOrderEvent & { created_now?: boolean; result_note?: string };

describe('e2e: MeaSoft against the sandbox', () => {
  const sandbox = useSandbox();
  const auth = () => {
    const { measoft_login, measoft_password, measoft_extra } = sandbox().accounts;
    return { measoft_login, measoft_password, measoft_extra };
  };
  const order = (orderno: string, extra: Record<string, unknown> = {}) => ({
    orderno,
    receiver_name: 'Анна Петрова',
    receiver_phone: '+7 (916) 000-00-00',
    receiver_town: 'Москва',
    receiver_address: 'Петровка, 38, кв. 5',
    delivery_date: '2024-05-21',
    time_min: '10:00',
    time_max: '18:00',
    weight: '1,5',
    quantity: 1,
    paytype: 'CASH',
    price: 2490,
    instruction: 'Позвонить за час',
    items: [{ item_name: 'Футболка "Лето" & шорты', item_quantity: 2, item_price: 1245, item_vat_rate: 20 }],
    ...extra,
  });
  const create = async (orderno: string, extra: Record<string, unknown> = {}) =>
    (await appTester(createOrder, { authData: auth(), inputData: order(orderno, extra) })) as Item;

  it('the connection test passes with the MeaSoft fields only, and changes nothing', async () => {
    await expect(appTester(connectionTest, { authData: auth() })).resolves.toMatchObject({
      measoft_login: 'sandbox-shop',
      measoft_extra: '8',
    });
    expect(sandbox().measoft.orders.size).toBe(0);
    const wrong = await caught(appTester(connectionTest, { authData: { ...auth(), measoft_password: 'wrong-pass' } }));
    expect(wrong.name).toBe('ExpiredAuthError');
  });

  it.each([
    ['down', {}, 'MeaSoft could not be reached (ECONNREFUSED).'],
    ['http500', { status: 503 }, 'MeaSoft answered with a server error (HTTP 503).'],
  ] as const)(
    'the connection test with MeaSoft %s says what happened and that testing again is safe, never "retry this step"',
    async (mode, options, what) => {
      await sandbox().measoft.fault(mode, options);
      const error = await caught(appTester(connectionTest, { authData: auth() }));
      expect(error).toMatchObject({ code: 'MeasoftConnectionTestFailed' });
      expect(error.message).toBe(
        `${what} The connection test changes nothing in MeaSoft, so it is safe to test again in a few minutes. ` +
          'If this keeps happening, ask your courier service whether its MeaSoft API is available to you.',
      );
      expect(error.message).not.toMatch(/retry this step|replay/);
    },
  );

  it("Create Courier Order: the shop's number is MeaSoft's order number; a replay meets error 17 and returns it; Find finds it", async () => {
    const first = await create('SHOP-1001');
    expect(first).toMatchObject({
      created_now: true,
      orderno: 'SHOP-1001',
      orderno2: null,
      status: { code: 'NEW' },
      price: 2490,
      weight: 1.5,
      receiver: { town: 'Москва' },
    });
    expect(first.items).toEqual([
      expect.objectContaining({ name: 'Футболка "Лето" & шорты', quantity: 2, retprice: 1245, VATrate: 20 }),
    ]);
    const sent = sandbox().measoft.requests.find((request) => request.body.includes('<neworder'))!.body;
    expect(sent).toContain('<order orderno="SHOP-1001">');
    expect(sent).not.toContain('orderno2');
    const replay = await create('SHOP-1001');
    expect(replay).toMatchObject({ created_now: false, orderno: 'SHOP-1001' });
    expect(replay.result_note).toBe('MeaSoft already had order SHOP-1001 for this receiver; nothing new was created.');
    expect(sandbox().measoft.orders.size).toBe(1);
    const found = (await appTester(findOrder, { authData: auth(), inputData: { orderno: 'SHOP-1001' } })) as Item[];
    expect(found.map((one) => one.id)).toEqual([first.id]);
    await expect(appTester(findOrder, { authData: auth(), inputData: { orderno: '99999999' } })).resolves.toEqual([]);
  });

  it('Create Courier Order with a number another order has this year fails naming Order Number, creating nothing', async () => {
    await create('SHOP-1101');
    const error = await caught(
      appTester(createOrder, {
        authData: auth(),
        inputData: order('SHOP-1101', { receiver_phone: '+7 999 111-22-33', receiver_address: 'Ленина, 1' }),
      }),
    );
    expect(error.message).toMatch(/^Order Number: MeaSoft already has another order numbered "SHOP-1101"/);
    expect(sandbox().measoft.orders.get('SHOP-1101')!.receiver.phone).toBe('+7 (916) 000-00-00');
  });

  it('Create Courier Order: MeaSoft created the order and the read-back failed: the message says so, with the number', async () => {
    const measoft = sandbox().measoft;
    // The neworder goes through; the statusreq right after meets a server error.
    measoft.failReads = 1;
    const error = await caught(create('SHOP-1201'));
    expect(measoft.orders.has('SHOP-1201')).toBe(true);
    expect(error.message).toBe(
      'MeaSoft created courier order SHOP-1201, but reading it back failed: MeaSoft answered with a server error ' +
        '(HTTP 500). The order exists: find it with Find MeaSoft Courier Order (Order Number SHOP-1201). Do not ' +
        'replay this step blindly: check the order in MeaSoft first.',
    );
  });

  it('a vendor that ignores the filter never hands over another order', async () => {
    await create('SHOP-1301');
    sandbox().measoft.ignoreFilters = true;
    try {
      const error = await caught(appTester(findOrder, { authData: auth(), inputData: { orderno: 'SHOP-9999' } }));
      expect(error.code).toBe('MeasoftFilterIgnored');
      const created = await caught(create('SHOP-1302'));
      expect(created.message).toMatch(/^MeaSoft created courier order SHOP-1302, but reading it back failed/);
    } finally {
      sandbox().measoft.ignoreFilters = false;
    }
  });

  it('a MeaSoft error text quoting the request shows no password in any form', async () => {
    const password = 'pa&ss"<word>';
    // The connection's password is not the account's: MeaSoft's refusal quotes the <auth> it received.
    const error = await caught(
      appTester(findOrder, { authData: { ...auth(), measoft_password: password }, inputData: { orderno: 'X' } }),
    );
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain('pass="[hidden]"');
    for (const form of [password, 'pa&amp;ss&quot;&lt;word&gt;', encodeURIComponent(password)])
      expect(error.message).not.toContain(form);
    const createRefused = await caught(
      appTester(createOrder, { authData: { ...auth(), measoft_password: password }, inputData: order('SHOP-1401') }),
    );
    expect(createRefused.name).toBe('ExpiredAuthError');
    expect(createRefused.message).toContain('error 1 "Ошибка авторизации: <auth login="sandbox-shop" pass="[hidden]"');
  });

  it('bad input is refused before any request, naming the field', async () => {
    const error = await caught(
      appTester(createOrder, { authData: auth(), inputData: order('SHOP-2', { time_min: '25:00' }) }),
    );
    expect(error.message).toBe(
      'Delivery Time From: expected a time such as 10:00 or 10.00 (24-hour, 00:00 to 23:59) (got "25:00").',
    );
    expect(sandbox().measoft.requests).toHaveLength(0);
  });

  it('Cancel Courier Order cancels a new order and shows MeaSoft refusing one in process', async () => {
    const created = await create('SHOP-3001');
    await expect(
      appTester(loose(cancelOrder), { authData: auth(), inputData: { orderno: created.orderno } }),
    ).resolves.toMatchObject({ cancelled: true });
    const busy = await create('SHOP-3002');
    sandbox().measoft.advance(busy.orderno!);
    const error = await caught(
      appTester(loose(cancelOrder), { authData: auth(), inputData: { orderno: busy.orderno } }),
    );
    expect(error.message).toBe(
      'MeaSoft refused the request: error 54 "Заказ уже в работе, отмена невозможна" (the courier service has ' +
        'already started on the order, so it can no longer be cancelled; ask your courier service to stop the order).',
    );
  });

  it('the instant trigger loads real samples with MeaSoft credentials, the static one without', async () => {
    const created = await create('SHOP-4001');
    const samples = (await appTester(performList, { authData: auth(), inputData: {} })) as Item[];
    expect(samples.map((one) => one.orderno)).toContain(created.orderno);
    const statics = (await appTester(performList, { authData: {}, inputData: {} })) as Item[];
    expect(statics).toEqual([webhookStatusSample]);
  });

  describe('New Order Status (Polling)', () => {
    let store: ZCacheStore;
    const tester = rpcAppTester();
    beforeEach(() => {
      store = new ZCacheStore();
      cacheRpc(store);
    });
    const livePoll = async (zap: string, meta: Record<string, unknown> = {}) =>
      (
        (await tester(loose(poll), { authData: auth(), inputData: {}, meta: { zap: { id: zap }, ...meta } })) as Item[]
      ).map((event) => event.id);

    /** A stand-in for Zapier's dedupe: each id starts the Zap once; a populating poll only records. */
    const zap = (id: string) => {
      const seen = new Set<string>();
      const runs: string[] = [];
      return {
        runs,
        async poll(meta: Record<string, unknown> = {}) {
          const ids = await livePoll(id, meta);
          for (const one of ids) {
            if (!seen.has(one) && !meta.isPopulatingDedupe) runs.push(one);
            seen.add(one);
          }
          return ids;
        },
      };
    };

    it('no change lost and none twice across polls, with changes between reading and committing', async () => {
      const measoft = sandbox().measoft;
      const a = zap('zap-A');
      await a.poll({ isPopulatingDedupe: true });
      const created = await create('SHOP-5001');
      await a.poll(); // NEW
      measoft.advance(created.orderno!); // PICKUP
      await a.poll(); // commits NEW's answer first, then reads PICKUP
      measoft.advance(created.orderno!); // ACCEPTED
      measoft.advance(created.orderno!); // DEPARTURE: only the latest status is in the stream (ONLY_LAST)
      await a.poll();
      await a.poll();
      await a.poll();
      expect(a.runs.map((id) => id.split(':')[1])).toEqual(['NEW', 'PICKUP', 'DEPARTURE']);
    });

    it('two Zaps on one account each see every change', async () => {
      const a = zap('zap-A');
      const b = zap('zap-B');
      await a.poll({ isPopulatingDedupe: true });
      await b.poll({ isPopulatingDedupe: true });
      const created = await create('SHOP-6001');
      await a.poll();
      await a.poll(); // A commits its stream: B must still get the change
      await b.poll();
      sandbox().measoft.advance(created.orderno!);
      await b.poll();
      await b.poll();
      await a.poll();
      expect(a.runs.map((id) => id.split(':')[1])).toEqual(['NEW', 'PICKUP']);
      expect(b.runs.map((id) => id.split(':')[1])).toEqual(['NEW', 'PICKUP']);
      const streams = sandbox()
        .measoft.requests.map((request) => /<streamid>(\d+)</.exec(request.body)?.[1])
        .filter(Boolean);
      expect(new Set(streams).size).toBe(2);
    });

    it('a poll whose read fails (answer lost after MeaSoft recorded it, HTTP 500, cut-off answer) swallows nothing', async () => {
      const measoft = sandbox().measoft;
      const a = zap('zap-A');
      await a.poll({ isPopulatingDedupe: true });
      await a.poll();
      await create('SHOP-7001');
      // The fault hits the ONLY_LAST read itself, after the poll's commit went through.
      const failNextRead = (mode: 'reset' | 'http500' | 'malformed') => {
        const listener = (request: { body: string }) => {
          if (!request.body.includes('ONLY_LAST')) return;
          measoft.listeners.delete(listener);
          void measoft.fault(mode, { times: 1 });
        };
        measoft.listeners.add(listener);
      };
      failNextRead('reset');
      await expect(a.poll()).rejects.toThrow(/did not answer/);
      failNextRead('http500');
      await expect(a.poll()).rejects.toThrow(/server error/);
      failNextRead('malformed');
      await expect(a.poll()).rejects.toThrow(/something other than its API answer/);
      await a.poll();
      await a.poll();
      expect(a.runs.map((id) => id.split(':')[1])).toEqual(['NEW']);
    });

    it("the editor's test trigger reads recent orders without touching the stream", async () => {
      const a = zap('zap-A');
      await a.poll({ isPopulatingDedupe: true });
      const created = await create('SHOP-8001');
      const before = sandbox().measoft.requests.length;
      const samples = await livePoll('zap-A', { isLoadingSample: true });
      expect(samples.some((id) => id.startsWith(`${created.orderno}:`))).toBe(true);
      const during = sandbox()
        .measoft.requests.slice(before)
        .map((request) => request.body);
      expect(during.filter((body) => body.includes('ONLY_LAST') || body.includes('<commitlaststatus>'))).toEqual([]);
      await a.poll();
      expect(a.runs).toEqual([expect.stringMatching(new RegExp(`^${created.orderno}:NEW:`))]);
    });

    it('without a Zap id nothing is committed: changes keep coming back, Zapier dedupes them', async () => {
      await create('SHOP-9001');
      const bare = async () =>
        ((await tester(loose(poll), { authData: auth(), inputData: {}, meta: {} })) as Item[]).map((event) => event.id);
      const first = await bare();
      expect(await bare()).toEqual(first);
      expect(sandbox().measoft.requests.filter((request) => request.body.includes('<commitlaststatus>'))).toHaveLength(
        0,
      );
    });

    it('the status filter keeps only the statuses asked for', async () => {
      const created = await create('SHOP-9101');
      sandbox().measoft.advance(created.orderno!);
      const events = (await tester(loose(poll), {
        authData: auth(),
        inputData: { statuses: ['NEW'] },
        meta: { zap: { id: 'zap-F' } },
      })) as Item[];
      expect(events.filter((event) => event.orderno === created.orderno)).toEqual([]);
    });

    it('an unreadable order does not stop the stream: the others flow, it is reported once, the stream moves on', async () => {
      const measoft = sandbox().measoft;
      const a = zap('zap-U');
      await a.poll({ isPopulatingDedupe: true });
      const created = await create('SHOP-9201');
      measoft.rawOrders = ['<order orderno="BROKEN-1" awb="W-1"><weight>1</weight></order>'];
      // Another Zap asking for COMPLETE only still gets the unreadable order, so its user learns about it.
      const { value: filtered, logged } = await loggedBy(
        async () =>
          (await tester(loose(poll), {
            authData: auth(),
            inputData: { statuses: ['COMPLETE'] },
            meta: { zap: { id: 'zap-W' } },
          })) as Item[],
      );
      // The step's log says why, once for the one unreadable order.
      expect(logged).toEqual([expect.stringContaining('has no <status> element')]);
      const unreadable = filtered.filter((event) => event.read_error !== undefined);
      expect(unreadable.map((event) => event.orderno)).toEqual(['BROKEN-1']);
      expect(unreadable[0]!.read_error).toContain('has no <status> element');
      const { logged: pollLog } = await loggedBy(async () => {
        await a.poll(); // NEW of SHOP-9201 and the unreadable order
        await a.poll(); // commits that answer: MeaSoft stops sending the broken order
      });
      expect(pollLog).toEqual([expect.stringContaining('has no <status> element')]);
      measoft.advance(created.orderno!, 'LOST');
      measoft.advance(created.orderno!, 'SOMENEWCODE'); // a code the app does not know passes through
      await a.poll();
      await a.poll();
      measoft.rawOrders = [];
      expect(a.runs.filter((id) => id.startsWith('unreadable:BROKEN-1:'))).toHaveLength(1);
      expect(a.runs.filter((id) => id.startsWith(`${created.orderno}:`)).map((id) => id.split(':')[1])).toEqual([
        'NEW',
        'SOMENEWCODE',
      ]);
    });

    it('newest first by the real instant: a branch-time status and a GMT one are compared as points in time', async () => {
      const measoft = sandbox().measoft;
      const created = await create('SHOP-9401');
      const gmt = measoft.orders.get('SHOP-9401')!.statuses[0]!.timeGmt; // "YYYY-MM-DD HH:mm:ss", GMT
      // Half an hour earlier, written as Moscow branch time (+3 h): as text it sorts after the GMT one.
      const earlier = new Date(Date.parse(`${gmt.replace(' ', 'T')}Z`) - 30 * 60_000 + 3 * 3_600_000);
      const branchTime = earlier.toISOString().slice(0, 19).replace('T', ' ');
      measoft.rawOrders = [`<order orderno="BRANCH-1"><status eventtime="${branchTime}">PICKUP</status></order>`];
      try {
        const events = (await tester(loose(poll), {
          authData: auth(),
          inputData: {},
          meta: { zap: { id: 'zap-T' } },
        })) as Item[];
        const order = events.map((event) => event.orderno).filter((no) => no === created.orderno || no === 'BRANCH-1');
        expect(order).toEqual([created.orderno, 'BRANCH-1']);
      } finally {
        measoft.rawOrders = [];
      }
    });

    it('Only These Statuses takes the codes the documentation adds, such as LOST', async () => {
      const created = await create('SHOP-9301');
      sandbox().measoft.advance(created.orderno!, 'LOST');
      const events = (await tester(loose(poll), {
        authData: auth(),
        inputData: { statuses: ['LOST'] },
        meta: { zap: { id: 'zap-L' } },
      })) as Item[];
      expect(events.filter((event) => event.orderno === created.orderno).map((event) => event.status.code)).toEqual([
        'LOST',
      ]);
    });
  });
});
