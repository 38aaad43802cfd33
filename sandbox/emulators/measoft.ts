/**
 * MeaSoft's XML API (https://wiki.courierexe.ru/index.php/API_Documentation; docs/measoft.md, "API"),
 * emulated on its own XML reading and writing (fast-xml-parser, never the app's code):
 * - every request is one XML document POSTed to /api/ with `<auth login pass extra/>` in its root;
 *   a missing or wrong one gets error 25 on the root;
 * - `neworder` creates orders (the order error list: 7 no address, 8 no phone, 9 no name, 17 the
 *   number exists), `cancelorder` cancels orders still NEW (52 when unknown), `statusreq` finds
 *   orders by orderno, orderno2, givencode and creation dates, answering `<statusreq count>` with
 *   the same `<order>` the webhook sends;
 * - `statusreq` with `changes=ONLY_LAST` returns, per `<streamid>` (default 0), the orders whose
 *   status changed since that stream's last `commitlaststatus`, which marks received exactly what
 *   the stream's last ONLY_LAST answer returned (later changes stay). A stream never used before
 *   returns every order;
 * - `advance(orderno, code)` moves an order to its next status, as the courier service would.
 * Faults: the generic ones of server.ts; `malformed` answers with cut-off XML.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { handleReference, type ReferenceHost } from './measoft-reference';
import { Emulator, type ReceivedRequest, type Reply } from './server';

export interface MeasoftAccount {
  login: string;
  password: string;
  extra: string;
}

export const DEFAULT_MEASOFT_ACCOUNT: MeasoftAccount = {
  login: 'sandbox-shop',
  password: 'sandbox-measoft-pass',
  extra: '8',
};

/** Status codes with the titles MeaSoft's own module lists. */
export const MEASOFT_TITLES: Readonly<Record<string, string>> = {
  NEW: 'Новый',
  PICKUP: 'Забран у отправителя',
  ACCEPTED: 'Получен складом',
  DEPARTURE: 'Отправлено со склада',
  DELIVERY: 'Выдан курьеру на доставку',
  COMPLETE: 'Доставлен',
  CANCELED: 'Не доставлен (Возврат/Отмена)',
};

/** The way an order usually goes. */
export const MEASOFT_FLOW = ['NEW', 'PICKUP', 'ACCEPTED', 'DEPARTURE', 'DELIVERY', 'COMPLETE'] as const;

export interface EmulatedStatus {
  code: string;
  /** GMT, "YYYY-MM-DD HH:mm:ss". */
  timeGmt: string;
  /** Moscow local time, as eventtime. */
  timeLocal: string;
}

export interface EmulatedOrder {
  orderno: string;
  orderno2: string;
  givencode: string;
  /** Creation date (Moscow), YYYY-MM-DD. */
  created: string;
  receiver: Record<string, string>;
  fields: Record<string, string>;
  items: Array<{ name: string; attributes: Record<string, string> }>;
  /** Oldest first. */
  statuses: EmulatedStatus[];
  /** Bumped on every change; streams remember the version they committed. */
  version: number;
}

interface Stream {
  committed: Map<string, number>;
  lastAnswer: Map<string, number> | null;
}

const ORDER_ERRORS = {
  auth: [1, 'Ошибка авторизации'],
  address: [7, 'Не заполнен адрес получателя'],
  phone: [8, 'Не заполнен телефон получателя'],
  person: [9, 'Не заполнено контактное имя получателя'],
  exists: [17, 'Заказ с таким номером уже существует'],
} as const;

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['order', 'item'].includes(name),
  processEntities: true,
});
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  suppressEmptyNode: true,
  format: true,
});

const xmlReply = (root: string, content: Node): Reply => ({
  status: 200,
  headers: { 'Content-Type': 'text/xml; charset=utf-8' },
  body: `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: content })}`,
});

const text = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return text((value as Node)['#text']);
  return String(value).trim();
};

const pad = (n: number): string => String(n).padStart(2, '0');
const stamp = (date: Date): string =>
  `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
  `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
const moscow = (date: Date): Date => new Date(date.getTime() + 3 * 3_600_000);

export class MeasoftEmulator extends Emulator {
  readonly account: MeasoftAccount;
  readonly orders = new Map<string, EmulatedOrder>();
  private readonly streams = new Map<number, Stream>();
  private sequence = 32010;
  /** False: the courier service does not let its clients edit orders (editorder is refused). */
  editingAllowed = true;
  /** Seconds added to the clock on each status change, so every change has its own time. */
  private tick = 0;

  constructor(
    account: Partial<MeasoftAccount> = {},
    private readonly now: () => Date = () => new Date(),
  ) {
    super({
      name: 'MeaSoft',
      handler: (request) => this.handle(request),
      malformed: {
        status: 200,
        headers: { 'Content-Type': 'text/xml; charset=utf-8' },
        body: '<?xml version="1.0" encoding="UTF-8"?>\n<statusreq count="1"><order orderno="0003',
      },
    });
    this.account = { ...DEFAULT_MEASOFT_ACCOUNT, ...account };
  }

  /** The value for MEASOFT_BASE_URL. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  private clock(): Date {
    this.tick += 1;
    return new Date(this.now().getTime() + this.tick * 1000);
  }

  /** The courier service moves an order on: to `code`, or to the next status of MEASOFT_FLOW. */
  advance(orderno: string, code?: string): EmulatedStatus {
    const order = this.orders.get(orderno);
    if (!order) throw new Error(`MeaSoft emulator: no order ${orderno}`);
    const current = order.statuses[order.statuses.length - 1]!.code;
    const next = code ?? MEASOFT_FLOW[Math.min(MEASOFT_FLOW.indexOf(current as never) + 1, MEASOFT_FLOW.length - 1)]!;
    return this.setStatus(order, next);
  }

  private setStatus(order: EmulatedOrder, code: string): EmulatedStatus {
    const at = this.clock();
    const status = { code, timeGmt: stamp(at), timeLocal: stamp(moscow(at)) };
    order.statuses.push(status);
    order.version += 1;
    return status;
  }

  /** Uncommitted changes of a stream (what ONLY_LAST would return now). */
  pendingChanges(streamId = 0): string[] {
    const stream = this.streams.get(streamId);
    return [...this.orders.values()]
      .filter((order) => (stream?.committed.get(order.orderno) ?? 0) < order.version)
      .map((order) => order.orderno);
  }

  private handle(request: ReceivedRequest): Reply {
    if (request.path !== '/api/' && request.path !== '/api')
      return { status: 404, headers: { 'Content-Type': 'text/html' }, body: '<h1>404</h1>' };
    let document: Node;
    try {
      document = parser.parse(request.body, true) as Node;
    } catch {
      return xmlReply('error', { '@error': '1', '@errormsg': 'Неверный xml' });
    }
    const rootName = Object.keys(document).find((key) => key !== '?xml');
    if (!rootName) return xmlReply('error', { '@error': '1', '@errormsg': 'Неверный xml' });
    const root = (typeof document[rootName] === 'object' ? document[rootName] : {}) as Node;
    const auth = (root.auth ?? {}) as Node;
    const { login, password, extra } = this.account;
    if (auth['@login'] !== login || auth['@pass'] !== password || auth['@extra'] !== extra) {
      return xmlReply(rootName, { '@error': '25', '@errormsg': 'Ошибка авторизации' });
    }
    switch (rootName) {
      case 'statusreq':
        return this.statusreq(root);
      case 'commitlaststatus':
        return this.commit(root);
      case 'neworder':
        return this.neworder(root);
      case 'cancelorder':
        return this.cancelorder(root);
      default:
        return (
          handleReference(rootName, root, this.referenceHost(), xmlReply) ??
          xmlReply(rootName, { '@error': '14', '@errormsg': 'Неизвестная функция' })
        );
    }
  }

  /** What measoft-reference.ts (calculator, pvzlist, services, townlist, editorder) needs of this emulator. */
  private referenceHost(): ReferenceHost {
    return {
      orders: this.orders,
      editingAllowed: () => this.editingAllowed,
      now: () => this.now(),
      touched: (order) => {
        (order as EmulatedOrder).version += 1;
      },
    };
  }

  private stream(root: Node): Stream {
    const id = Number(text(root.streamid) || '0');
    let stream = this.streams.get(id);
    if (!stream) {
      stream = { committed: new Map(), lastAnswer: null };
      this.streams.set(id, stream);
    }
    return stream;
  }

  private statusreq(root: Node): Reply {
    let orders = [...this.orders.values()];
    if (text(root.changes) === 'ONLY_LAST') {
      // Every other filter is ignored in this mode (the documentation says so).
      const stream = this.stream(root);
      orders = orders.filter((order) => (stream.committed.get(order.orderno) ?? 0) < order.version);
      stream.lastAnswer = new Map(orders.map((order) => [order.orderno, order.version]));
    } else {
      const filters: Array<[string, (order: EmulatedOrder, value: string) => boolean]> = [
        ['orderno', (order, value) => order.orderno === value],
        ['orderno2', (order, value) => order.orderno2 === value],
        ['givencode', (order, value) => order.givencode === value],
        ['datefrom', (order, value) => order.created >= value],
        ['dateto', (order, value) => order.created <= value],
      ];
      for (const [name, test] of filters) {
        const value = text(root[name]);
        if (value !== '') orders = orders.filter((order) => test(order, value));
      }
    }
    return xmlReply('statusreq', {
      '@count': String(orders.length),
      order: orders.map((order) => this.orderXml(order)),
    });
  }

  private commit(root: Node): Reply {
    const stream = this.stream(root);
    for (const [orderno, version] of stream.lastAnswer ?? [])
      stream.committed.set(orderno, Math.max(version, stream.committed.get(orderno) ?? 0));
    stream.lastAnswer = null;
    return xmlReply('commitlaststatus', {});
  }

  private neworder(root: Node): Reply {
    const answers = ((root.order ?? []) as Node[]).map((order) => this.createOne(order));
    return xmlReply('neworder', { createorder: answers });
  }

  private createOne(input: Node): Node {
    const receiver = (input.receiver ?? {}) as Node;
    const fail = ([code, message]: readonly [number, string], orderno = '') => ({
      '@orderno': orderno,
      '@error': String(code),
      '@errormsg': message,
    });
    const wanted = text(input['@orderno']);
    if (wanted !== '' && this.orders.has(wanted)) return fail(ORDER_ERRORS.exists, wanted);
    if (text(receiver.address) === '') return fail(ORDER_ERRORS.address);
    if (text(receiver.phone) === '') return fail(ORDER_ERRORS.phone);
    if (text(receiver.person) === '' && text(receiver.company) === '') return fail(ORDER_ERRORS.person);
    const orderno = wanted || String((this.sequence += 1)).padStart(8, '0');
    const fields: Record<string, string> = {};
    for (const name of ['weight', 'quantity', 'paytype', 'price', 'inshprice', 'instruction'])
      fields[name] = text(input[name]);
    const order: EmulatedOrder = {
      orderno,
      orderno2: text(input['@orderno2']),
      givencode: '',
      created: stamp(moscow(this.now())).slice(0, 10),
      receiver: Object.fromEntries(
        ['company', 'person', 'phone', 'zipcode', 'town', 'address', 'date', 'time_min', 'time_max'].map((name) => [
          name,
          text(receiver[name]),
        ]),
      ),
      fields,
      items: (((input.items as Node | undefined)?.item ?? []) as Node[]).map((item) => ({
        name: text(item),
        attributes: Object.fromEntries(
          Object.entries(item)
            .filter(([key]) => key.startsWith('@'))
            .map(([key, value]) => [key.slice(1), String(value)]),
        ),
      })),
      statuses: [],
      version: 0,
    };
    this.orders.set(orderno, order);
    this.setStatus(order, 'NEW');
    const price = Number(fields.price || 0) + 350;
    return {
      '@orderno': orderno,
      '@barcode': orderno,
      '@error': '0',
      '@errormsg': 'Success',
      '@orderprice': String(price),
    };
  }

  private cancelorder(root: Node): Reply {
    const answers = ((root.order ?? []) as Node[]).map((input) => {
      const orderno = text(input['@orderno']);
      const order = this.orders.get(orderno);
      if (!order)
        return {
          '@orderno': orderno,
          '@ordercode': '',
          '@error': '52',
          '@errormsg': 'order not found',
          '@errormsgru': 'Заказ не найден',
        };
      // The documentation lets only orders not in process be cancelled; it lists no code for the
      // refusal, so this one is the emulator's own.
      if (order.statuses[order.statuses.length - 1]!.code !== 'NEW') {
        return {
          '@orderno': orderno,
          '@ordercode': '',
          '@error': '54',
          '@errormsg': 'order in process',
          '@errormsgru': 'Заказ уже в работе, отмена невозможна',
        };
      }
      this.setStatus(order, 'CANCELED');
      return { '@orderno': orderno, '@ordercode': '', '@error': '0', '@errormsg': 'OK', '@errormsgru': 'Успешно' };
    });
    return xmlReply('cancelorder', { order: answers });
  }

  /** The order as statusreq and the webhook send it (the wiki's webhook example, with town and address). */
  private orderXml(order: EmulatedOrder): Node {
    const statusNode = (status: EmulatedStatus) => ({
      '@eventstore': status.code,
      '@eventtime': status.timeLocal,
      '@createtimegmt': status.timeGmt,
      '@message': '',
      '@title': MEASOFT_TITLES[status.code] ?? status.code,
      '@country': 'RU',
      '#text': status.code,
    });
    const current = order.statuses[order.statuses.length - 1]!;
    return {
      '@orderno': order.orderno,
      '@awb': order.orderno,
      '@orderno2': order.orderno2,
      '@ordercode': order.orderno.replace(/^0+/, ''),
      '@givencode': order.givencode,
      barcode: order.orderno,
      receiver: order.receiver,
      ...order.fields,
      status: statusNode(current),
      statushistory: { status: [...order.statuses].reverse().map(statusNode) },
      items: {
        item: order.items.map((item) => ({
          ...Object.fromEntries(Object.entries(item.attributes).map(([key, value]) => [`@${key}`, value])),
          '#text': item.name,
        })),
      },
    };
  }
}
