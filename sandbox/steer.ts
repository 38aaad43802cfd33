/**
 * Steering a running sandbox from another terminal, so the polling triggers and searches can be tried
 * by hand with `zapier-platform invoke`: `npm run sandbox` also listens on a control address on
 * 127.0.0.1 (by default the port after the emulators', 18407), and
 *
 *   npm run sandbox -- steer list                           # MeaSoft orders, JustClick bills, blacklist
 *   npm run sandbox -- steer measoft-next 00032011 [CODE]   # the courier moves the order on
 *   npm run sandbox -- steer justclick-pay 100002           # the buyer pays the bill
 *   npm run sandbox -- steer blacklist-add 79031234567 [REFUSED [UNKNOWN [DELIVERED]]]
 *
 * sends the words to it. The control address takes only POSTs of JSON (a browser page cannot send one
 * without asking first, and nothing here answers that question), and changes only emulated data.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeHistory } from './emulators/blacklist-data';
import { MEASOFT_FLOW, MEASOFT_TITLES } from './emulators/measoft';
import type { Sandbox } from './index';

export const STEER_USAGE = [
  'steer list',
  'steer measoft-next ORDERNO [STATUS]   (STATUS one of ' + Object.keys(MEASOFT_TITLES).join(', ') + ')',
  'steer justclick-pay BILL_ID',
  'steer blacklist-add PHONE|EMAIL [REFUSED=3 [UNKNOWN=0 [DELIVERED=0]]]',
].join('\n');

/** A steering request the sandbox refuses, with the reason. */
export class SteerError extends Error {}

const count = (word: string | undefined, name: string, fallback: number): number => {
  if (word === undefined) return fallback;
  if (!/^\d{1,3}$/.test(word)) throw new SteerError(`${name} must be a whole number from 0 to 999, not "${word}"`);
  return Number(word);
};

/** The sandbox's state, the way `steer list` prints it. */
function list(sandbox: Sandbox): string {
  const orders = [...sandbox.measoft.orders.values()].map(
    (order) => `${order.orderno} ${order.statuses[order.statuses.length - 1]!.code}`,
  );
  const bills = [...sandbox.justclick.bills.values()].map((bill) => `${bill.id} ${bill.status}`);
  const records = sandbox.blacklist.map((record) => record.phone || record.email);
  return [
    `MeaSoft orders: ${orders.length > 0 ? orders.join(', ') : 'none yet (create one with measoft_create_order)'}`,
    `JustClick bills: ${bills.join(', ')}`,
    `Blacklist: ${records.join(', ')}`,
  ].join('\n');
}

/** Carries out one steering command on the sandbox; returns what happened, in words. */
export function steer(sandbox: Sandbox, words: readonly string[], now: () => Date = () => new Date()): string {
  const [command, ...args] = words;
  switch (command) {
    case 'list':
      return list(sandbox);
    case 'measoft-next': {
      const [orderno, code] = args;
      const order = orderno === undefined ? undefined : sandbox.measoft.orders.get(orderno);
      if (!order) {
        const known = [...sandbox.measoft.orders.keys()];
        throw new SteerError(
          `no MeaSoft order ${orderno ?? '(none given)'}; known: ${known.length > 0 ? known.join(', ') : 'none'}`,
        );
      }
      if (code !== undefined && !(code in MEASOFT_TITLES)) {
        throw new SteerError(`unknown MeaSoft status ${code}; one of ${Object.keys(MEASOFT_TITLES).join(', ')}`);
      }
      const before = order.statuses[order.statuses.length - 1]!.code;
      if (code === undefined && before === MEASOFT_FLOW[MEASOFT_FLOW.length - 1]) {
        throw new SteerError(`MeaSoft order ${orderno} is already ${before}, the last status; name one to set`);
      }
      const status = sandbox.measoft.advance(order.orderno, code);
      return `MeaSoft order ${order.orderno}: ${before} -> ${status.code} at ${status.timeGmt} GMT`;
    }
    case 'justclick-pay': {
      const [id] = args;
      const bill = id === undefined ? undefined : sandbox.justclick.bills.get(id);
      if (!bill) {
        throw new SteerError(
          `no JustClick bill ${id ?? '(none given)'}; known: ${[...sandbox.justclick.bills.keys()].join(', ')}`,
        );
      }
      if (bill.status === 'paid') throw new SteerError(`JustClick bill ${bill.id} is already paid`);
      const before = bill.status;
      bill.status = 'paid';
      bill.paid = Math.floor(now().getTime() / 1000);
      return `JustClick bill ${bill.id}: ${before} -> paid at ${new Date(bill.paid * 1000).toISOString()}`;
    }
    case 'blacklist-add': {
      const [who, refused, unknown, delivered] = args;
      const isEmail = who?.includes('@') ?? false;
      const value = isEmail ? who!.trim().toLowerCase() : (who ?? '').replace(/\D/g, '');
      if (value === '' || (!isEmail && !/^\d{10,15}$/.test(value))) {
        throw new SteerError(`blacklist-add needs a phone (10 to 15 digits) or an e-mail, not "${who ?? ''}"`);
      }
      const known = sandbox.blacklist.some((record) =>
        isEmail ? record.email.toLowerCase() === value : record.phone.replace(/\D/g, '') === value,
      );
      if (known) throw new SteerError(`${value} is already in the blacklist`);
      const history = makeHistory(
        count(refused, 'REFUSED', 3),
        count(unknown, 'UNKNOWN', 0),
        count(delivered, 'DELIVERED', 0),
        sandbox.blacklist.length + 1,
      );
      sandbox.blacklist.push({ phone: isEmail ? '' : value, email: isEmail ? value : '', history });
      const karma = history.filter((event) => event.bwType !== 1).length;
      return `Blacklist: added ${value} (karma ${karma}, ${history.length} parcels)`;
    }
    default:
      throw new SteerError(`unknown command ${command ?? '(none)'}; use one of:\n${STEER_USAGE}`);
  }
}

export interface Control {
  url: string;
  stop(): Promise<void>;
}

/** Listens on 127.0.0.1:port for steering commands: POST / with {"words": [...]}, answered in text. */
export async function startControl(sandbox: Sandbox, port = 0): Promise<Control> {
  const server: Server = createServer((request, response) => {
    const answer = (status: number, text: string) => {
      response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(`${text}\n`);
    };
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || !/^application\/json\b/.test(request.headers['content-type'] ?? '')) {
        answer(405, 'POST a JSON body: {"words": ["measoft-next", "00032011"]}');
        return;
      }
      let words: unknown;
      try {
        words = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { words?: unknown }).words;
      } catch {
        words = undefined;
      }
      if (!Array.isArray(words) || !words.every((word) => typeof word === 'string')) {
        answer(400, 'the body must be {"words": [strings]}');
        return;
      }
      try {
        answer(200, steer(sandbox, words as string[]));
      } catch (error) {
        answer(error instanceof SteerError ? 400 : 500, error instanceof Error ? error.message : String(error));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Sends steering words to a running sandbox; resolves with its answer. */
export async function sendSteer(url: string, words: readonly string[]): Promise<{ ok: boolean; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ words }),
  });
  return { ok: response.ok, text: (await response.text()).trimEnd() };
}
