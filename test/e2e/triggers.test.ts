/**
 * The hook triggers end to end: the sandbox's MeaSoft and Abaha senders POST real deliveries to the
 * local stand-in for Zapier's hook endpoint, which shapes them as Zapier does and runs the trigger
 * through createAppTester with a cache that honours nx (so redeliveries are really dropped).
 *
 * Nothing here imports zapier-platform-core or the app: the receiver loads them after pointing
 * core at its cache stand-in.
 */
import { dateProblems } from '../support/output-shape';
import { startReceiver, stopReceivers, type Receiver } from '../../sandbox/receiver';
import {
  abahaCustomer,
  abahaOrder,
  abahaProduct,
  AbahaSender,
  measoftOrderXml,
  sendMeasoftStatus,
} from '../../sandbox/senders';

type Event = Record<string, unknown> & { id: string };

describe('e2e: hook triggers through the local receiver', () => {
  const receivers: Receiver[] = [];
  const receiver = async (triggerKey: string, inputData: Record<string, unknown> = {}) => {
    const started = await startReceiver({ triggerKey, inputData });
    receivers.push(started);
    return started;
  };

  afterEach(() => {
    // Check T003 on every Zap start the hook endpoint recorded: dates in ISO 8601 with a zone.
    for (const hook of receivers) expect(dateProblems(hook.zapStarts)).toEqual([]);
  });

  afterAll(async () => {
    await Promise.all(receivers.map((item) => item.close()));
    await stopReceivers();
  });

  describe('MeaSoft New Order Status', () => {
    it('starts the Zap once for a status, and not again when MeaSoft resends it', async () => {
      const hook = await receiver('order_status');
      const xml = measoftOrderXml({
        orderno: '00032011',
        status: 'COMPLETE',
        at: new Date('2024-05-20T09:00:00Z'),
        price: 2490,
      });
      const first = await sendMeasoftStatus(hook.url, xml);
      expect(first.status).toBe(200);
      expect(JSON.parse(first.body)).toEqual({
        status: 'success',
        attempt: expect.any(String),
        id: expect.any(String),
        request_id: expect.any(String),
      });
      await sendMeasoftStatus(hook.url, xml);

      expect(hook.deliveries).toHaveLength(2);
      expect(hook.zapStarts).toHaveLength(1);
      const [event] = hook.zapStarts as Array<Event & { status_history: unknown[] }>;
      expect(event).toMatchObject({
        orderno: '00032011',
        status: expect.objectContaining({ code: 'COMPLETE', title: 'Доставлен' }),
      });
      expect(event?.status_history).toHaveLength(6);
      expect(hook.deliveries[0]?.rawRequest.headers).toMatchObject({
        'Content-Type': 'text/xml; charset=utf-8',
        'Http-User-Agent': 'MeaSoft-Webhook/1.0',
      });
      expect(hook.cache.size).toBeGreaterThanOrEqual(1);
    });

    it('a new status of the same order is a new event', async () => {
      const hook = await receiver('order_status');
      await sendMeasoftStatus(
        hook.url,
        measoftOrderXml({
          orderno: 'A-1001',
          status: 'DEPARTURE',
          awb: 'RA644000555RU',
          at: new Date('2024-05-20T06:00:00Z'),
        }),
      );
      await sendMeasoftStatus(
        hook.url,
        measoftOrderXml({
          orderno: 'A-1001',
          status: 'COMPLETE',
          awb: 'RA644000555RU',
          at: new Date('2024-05-22T06:00:00Z'),
        }),
      );
      expect((hook.zapStarts as Event[]).map((event) => (event.status as { code: string }).code)).toEqual([
        'DEPARTURE',
        'COMPLETE',
      ]);
      expect((hook.zapStarts as Event[])[0]).toMatchObject({ awb: 'RA644000555RU' });
    });

    it('"Only These Statuses" lets other statuses start nothing', async () => {
      const hook = await receiver('order_status', { statuses: ['COMPLETE'] });
      await sendMeasoftStatus(hook.url, measoftOrderXml({ orderno: 'A-2001', status: 'DELIVERY' }));
      expect(hook.deliveries).toHaveLength(1);
      expect(hook.zapStarts).toEqual([]);
    });

    it("parses the later form of MeaSoft's page (no webhook_status_time / webhook_statuses)", async () => {
      const hook = await receiver('order_status');
      await sendMeasoftStatus(hook.url, measoftOrderXml({ orderno: 'A-3001', status: 'NEW', short: true }));
      expect(hook.zapStarts).toEqual([expect.objectContaining({ orderno: 'A-3001' })]);
    });

    it('a JSON body sent to the MeaSoft URL starts nothing and is reported', async () => {
      const hook = await receiver('order_status');
      await new AbahaSender().send(hook.url, abahaOrder());
      expect(hook.zapStarts).toEqual([]);
      expect(hook.deliveries[0]?.error?.message).toContain('MeaSoft webhook refused');
    });
  });

  describe('Abaha New Order / Product / Customer', () => {
    const header = { name: 'X-Shop-Token', value: 'b8f1c0e2a7d94c55' };
    const secured = { secret_header_name: 'X-Shop-Token', secret_header_value: header.value };

    it('with the shop header: one Zap start per order, none for the redelivery', async () => {
      const hook = await receiver('abaha_order', secured);
      const abaha = new AbahaSender(header);
      await abaha.send(hook.url, abahaOrder({ id: '300001', cart_code: '00000300001' }));
      await abaha.redeliver();
      await abaha.redeliver();
      expect(hook.deliveries).toHaveLength(3);
      expect(hook.zapStarts).toEqual([expect.objectContaining({ cart_code: '00000300001' })]);
      expect(hook.deliveries[0]?.rawRequest.headers['Http-X-Shop-Token']).toBe(header.value);
    });

    it('without the header (or with another value) nothing starts, and the value is never echoed', async () => {
      const hook = await receiver('abaha_order', secured);
      await new AbahaSender().send(hook.url, abahaOrder({ id: '300002' }));
      await new AbahaSender({ name: 'X-Shop-Token', value: 'guess' }).send(hook.url, abahaOrder({ id: '300003' }));
      expect(hook.zapStarts).toEqual([]);
      expect(hook.deliveries.map((delivery) => delivery.error?.name)).toEqual(['HaltedError', 'HaltedError']);
      for (const delivery of hook.deliveries) expect(delivery.error?.message).not.toContain(header.value);
    });

    it('one Abaha URL carrying every kind: each trigger keeps only its own', async () => {
      const orders = await receiver('abaha_order');
      const products = await receiver('abaha_product');
      const customers = await receiver('abaha_customer');
      const abaha = new AbahaSender();
      for (const hook of [orders, products, customers]) {
        await abaha.send(hook.url, abahaOrder({ id: '300010' }));
        await abaha.send(hook.url, abahaProduct());
        await abaha.send(hook.url, abahaCustomer());
      }
      expect(orders.zapStarts).toEqual([expect.objectContaining({ cart_code: expect.any(String) })]);
      expect(products.zapStarts).toEqual([expect.objectContaining({ product_code: 'CEkJ48H4W4' })]);
      expect(customers.zapStarts).toEqual([expect.objectContaining({ user_id: '1347849' })]);
    });

    it('200 deliveries with redeliveries among them: exactly one start per distinct event', async () => {
      const hook = await receiver('abaha_order');
      const abaha = new AbahaSender();
      let distinct = 0;
      for (let i = 0; i < 200; i += 1) {
        if (i % 10 === 9) {
          await abaha.redeliver();
        } else {
          distinct += 1;
          await abaha.send(
            hook.url,
            abahaOrder({ id: String(400000 + i), cart_code: String(400000 + i).padStart(11, '0') }),
          );
        }
      }
      expect(hook.deliveries).toHaveLength(200);
      expect(new Set((hook.zapStarts as Event[]).map((event) => event.id)).size).toBe(distinct);
      expect(hook.zapStarts).toHaveLength(distinct);
    });
  });
});
