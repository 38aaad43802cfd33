/**
 * The sandbox's MeaSoft webhook documents, read here with fast-xml-parser (never src/): the emulator's own
 * document for a held order's status is the `<order>` its statusreq returns plus the webhook elements of MeaSoft's
 * webhook page; a forged document claims what MeaSoft never reported and stays well-formed and complete; the
 * sender posts to a URL with the user's `?key=`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MeasoftEmulator } from '../../sandbox/emulators/measoft';
import { forgeMeasoftStatus, measoftOrderXml, sendMeasoftStatus, withKey } from '../../sandbox/senders';
import { call } from './helpers';

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['order', 'status', 'webhook_status', 'item'].includes(name),
});
/** The one `<order>` of a document. */
const orderOf = (xml: string): Node => {
  expect(XMLValidator.validate(xml)).toBe(true);
  const orders = (parser.parse(xml) as { order?: Node[] }).order;
  expect(orders).toHaveLength(1);
  return orders![0]!;
};
const statusOf = (order: Node) => (order.status as Node[])[0]!;
const historyOf = (order: Node) => ((order.statushistory as Node).status as Node[]).map((s) => s['@eventstore']);
const webhookStatuses = (order: Node) =>
  ((order.webhook_statuses as Node).webhook_status as Node[]).map((s) => [s['@code'], s['@time']]);

const AUTH = '<auth login="sandbox-shop" pass="sandbox-measoft-pass" extra="8"/>';

describe("sandbox: MeaSoft's own webhook document, forged ones, and a URL with the user's key", () => {
  const emulator = new MeasoftEmulator({}, () => new Date('2024-05-20T09:00:00Z'));
  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());

  it("webhookXml is statusreq's <order> of the held order plus webhook_status_code, _time and _statuses", async () => {
    emulator.addOrder('WH-1', { fields: { price: '2490', paytype: 'CASH' } });
    emulator.advance('WH-1');
    emulator.advance('WH-1');
    const xml = emulator.webhookXml('WH-1');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<order ')).toBe(true);
    const order = orderOf(xml);
    expect(order['@orderno']).toBe('WH-1');
    expect(statusOf(order)).toMatchObject({
      '@eventstore': 'ACCEPTED',
      '@eventtime': '2024-05-20 12:00:03',
      '@createtimegmt': '2024-05-20 09:00:03',
      '#text': 'ACCEPTED',
    });
    expect(order.webhook_status_code).toBe('ACCEPTED');
    // Moscow time, as MeaSoft's page shows it (GMT + 3 h).
    expect(order.webhook_status_time).toBe('2024-05-20 12:00:03');
    expect(webhookStatuses(order)).toEqual([
      ['NEW', '2024-05-20 12:00:01'],
      ['PICKUP', '2024-05-20 12:00:02'],
      ['ACCEPTED', '2024-05-20 12:00:03'],
    ]);

    const answer = await call(emulator.apiUrl, {
      method: 'POST',
      body: `<?xml version="1.0" encoding="UTF-8"?><statusreq>${AUTH}<orderno>WH-1</orderno></statusreq>`,
    });
    const [held] = (parser.parse(answer.text) as { statusreq: { order: Node[] } }).statusreq.order;
    const { webhook_status_code, webhook_status_time, webhook_statuses, ...rest } = order;
    expect([webhook_status_code, webhook_status_time, webhook_statuses]).not.toContain(undefined);
    expect(rest).toEqual(held);
  });

  it('webhookXml for an earlier status is the order as it stood then; an unknown order or status is refused', () => {
    emulator.addOrder('WH-2');
    emulator.advance('WH-2', 'DELIVERY');
    emulator.advance('WH-2', 'COMPLETE');
    const earlier = orderOf(emulator.webhookXml('WH-2', 'DELIVERY'));
    expect(statusOf(earlier)['@eventstore']).toBe('DELIVERY');
    expect(historyOf(earlier)).toEqual(['DELIVERY', 'NEW']);
    expect(earlier.webhook_status_code).toBe('DELIVERY');
    expect(webhookStatuses(earlier).map(([code]) => code)).toEqual(['NEW', 'DELIVERY']);
    expect(statusOf(orderOf(emulator.webhookXml('WH-2')))['@eventstore']).toBe('COMPLETE');
    expect(() => emulator.webhookXml('WH-404')).toThrow('MeaSoft emulator: no order WH-404');
    expect(() => emulator.webhookXml('WH-2', 'RETURNED')).toThrow('order WH-2 never had the status RETURNED');
    expect(() => emulator.addOrder('WH-2')).toThrow('order WH-2 exists');
  });

  it('forgeMeasoftStatus claims a status MeaSoft never gave, consistently in every place the document names it', () => {
    emulator.addOrder('WH-3');
    emulator.advance('WH-3', 'DELIVERY');
    const real = emulator.webhookXml('WH-3');
    const at = new Date('2024-05-21T10:00:00Z');
    const forged = orderOf(forgeMeasoftStatus(real, { code: 'COMPLETE', at }));
    const claimed = {
      '@eventstore': 'COMPLETE',
      '@eventtime': '2024-05-21 13:00:00',
      '@createtimegmt': '2024-05-21 10:00:00',
      '@title': 'Доставлен',
      '#text': 'COMPLETE',
    };
    expect(statusOf(forged)).toMatchObject(claimed);
    expect((forged.statushistory as { status: Node[] }).status[0]).toMatchObject({ ...claimed, '@country': 'RU' });
    expect(historyOf(forged)).toEqual(['COMPLETE', 'DELIVERY', 'NEW']);
    expect(forged.webhook_status_code).toBe('COMPLETE');
    expect(forged.webhook_status_time).toBe('2024-05-21 13:00:00');
    expect(webhookStatuses(forged).at(-1)).toEqual(['COMPLETE', '2024-05-21 13:00:00']);
    // Everything else is the real document's.
    const strip = (order: Node) => {
      const rest = { ...order };
      for (const name of ['status', 'statushistory', 'webhook_status_code', 'webhook_status_time', 'webhook_statuses'])
        delete rest[name];
      return rest;
    };
    expect(strip(forged)).toEqual(strip(orderOf(real)));
  });

  it('a real code at another time, another order number, and the short form of the page are forged too', () => {
    emulator.addOrder('WH-4');
    emulator.advance('WH-4', 'COMPLETE');
    const real = emulator.webhookXml('WH-4');
    const realTime = statusOf(orderOf(real))['@eventtime'];
    const later = orderOf(forgeMeasoftStatus(real, { code: 'COMPLETE', at: new Date('2024-06-01T08:00:00Z') }));
    expect(statusOf(later)).toMatchObject({ '@eventstore': 'COMPLETE', '@eventtime': '2024-06-01 11:00:00' });
    expect(statusOf(later)['@eventtime']).not.toBe(realTime);

    const renumbered = forgeMeasoftStatus(real, { orderno: 'NOT & HELD' });
    expect(renumbered).toContain('<order orderno="NOT &amp; HELD"');
    expect(orderOf(renumbered)['@orderno']).toBe('NOT & HELD');
    expect(statusOf(orderOf(renumbered))).toEqual(statusOf(orderOf(real)));

    const short = measoftOrderXml({ orderno: 'S-1', status: 'DELIVERY', short: true });
    const forgedShort = orderOf(forgeMeasoftStatus(short, { code: 'COMPLETE' }));
    expect(forgedShort.webhook_status_code).toBe('COMPLETE');
    expect(forgedShort).not.toHaveProperty('webhook_status_time');
    expect(forgedShort).not.toHaveProperty('webhook_statuses');
    expect(() => forgeMeasoftStatus('{"result": true}', { code: 'COMPLETE' })).toThrow(/not a MeaSoft <order>/);
  });

  describe('withKey and the sender: the URL MeaSoft posts to, query string as pasted', () => {
    let server: Server;
    let base: string;
    const targets: string[] = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        targets.push(req.url ?? '');
        req.resume();
        req.on('end', () => res.end('{"status":"success"}'));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/catch/1/abc/`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('appends key once per value, percent-encoded or as typed, and the sender posts to exactly that URL', async () => {
      const secret = 'k+/=9Zx';
      expect(withKey(base, secret)).toBe(`${base}?key=k%2B%2F%3D9Zx`);
      expect(withKey(base, secret, 'raw')).toBe(`${base}?key=k+/=9Zx`);
      expect(withKey(base, [secret, 'other'])).toBe(`${base}?key=k%2B%2F%3D9Zx&key=other`);
      expect(withKey(`${base}?a=1`, 'x')).toBe(`${base}?a=1&key=x`);
      const xml = measoftOrderXml({ orderno: 'K-1', status: 'NEW' });
      for (const url of [withKey(base, secret), withKey(base, secret, 'raw'), withKey(base, [secret, 'other'])]) {
        expect((await sendMeasoftStatus(url, xml)).status).toBe(200);
      }
      expect(targets).toEqual([
        '/hooks/catch/1/abc/?key=k%2B%2F%3D9Zx',
        '/hooks/catch/1/abc/?key=k+/=9Zx',
        '/hooks/catch/1/abc/?key=k%2B%2F%3D9Zx&key=other',
      ]);
    });
  });
});
