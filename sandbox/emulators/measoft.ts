/**
 * MeaSoft's XML API (https://wiki.courierexe.ru/index.php/API_Documentation; docs/measoft.md, "API"),
 * emulated on its own XML reading and writing (fast-xml-parser, never the app's code):
 * - every request is one XML document POSTed to /api/ with `<auth login pass extra/>` in its root;
 *   a missing or wrong one gets error 25 on the root (1 on a `neworder`, whose errors follow the
 *   documentation's "Error codes in case of ordering"), with a text that quotes the `<auth>` element
 *   as received, as some servers echo the request;
 * - `neworder` creates orders under the client's `orderno` (or its own number when empty); a number
 *   used in the same calendar year is refused with 17 (the order error list: 7 no address, 8 no
 *   phone, 9 no name, 17 the number exists; 5/6 a receiver's/sender's town not in the reference book of
 *   measoft-reference.ts). It stores the sender block, receiver/pvz, service, acceptpartially, items,
 *   packages and the buyer's fee (`deliveryprice` with `VATrate`), and statusreq returns them as the
 *   documentation's order element has them (sender, receiver, service, acceptpartially, packages), except
 *   the buyer's fee: the order element's `deliveryprice` is the courier service's own charge, so the
 *   fee is kept in `deliveryFee` for tests only; `cancelorder` cancels orders still NEW (52 when unknown,
 *   54 once in work); `statusreq` finds orders by the documented filters orderno, orderno2 and
 *   creation dates, answering `<statusreq count>` with the same `<order>` the webhook sends, or
 *   error 11 when a search by number finds nothing;
 * - `commitlaststatus` answers with the committed orders as `<order orderno>` children, as a public
 *   client reads it;
 * - `statusreq` with `changes=ONLY_LAST` returns, per `<streamid>` (default 0), the orders whose
 *   status changed since that stream's last `commitlaststatus`, which marks received exactly what
 *   the stream's last ONLY_LAST answer returned (later changes stay). A stream never used before
 *   returns every order;
 * - `advance(orderno, code)` moves an order to its next status, as the courier service would;
 * - `addOrder(orderno)` holds an order (status NEW) without a neworder request;
 * - `webhookXml(orderno, code?)` is the document MeaSoft's webhook posts for the order's current (or an earlier)
 *   status: the statusreq `<order>` with `webhook_status_code`, `webhook_status_time` and `webhook_statuses`.
 * Faults: the generic ones of server.ts; `malformed` answers with cut-off XML. Hostile answers:
 * `ignoreFilters` answers every search with all orders; `rawOrders` are raw `<order>` elements
 * (readable or not: say, one without `<status>`, or one with only a branch-time `eventtime`) added to a stream's ONLY_LAST answers until that stream commits an answer holding them; `failReads` answers the next N statusreq
 * with HTTP 500 (a neworder before them still creates).
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import {
  SENDER_ELEMENTS,
  handleReference,
  readParty,
  readRows,
  townNamed,
  type ReferenceHost,
} from './measoft-reference';
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

/**
 * Every status code the documentation and public clients show, with the titles a public client lists
 * (the codes arzuhuseyn/measoft-api-client adds without a title send their code as title here).
 */
export const MEASOFT_TITLES: Readonly<Record<string, string>> = {
  NEW: 'Новый',
  PICKUP: 'Забран у отправителя',
  ACCEPTED: 'Получен складом',
  INVENTORY: 'Инвентаризация',
  DEPARTURING: 'Планируется отправка',
  DEPARTURE: 'Отправлено со склада',
  DELIVERY: 'Выдан курьеру на доставку',
  COURIERDELIVERED: 'Доставлен (предварительно)',
  COMPLETE: 'Доставлен',
  PARTIALLY: 'Доставлен частично',
  COURIERRETURN: 'Курьер вернул на склад',
  CANCELED: 'Не доставлен (Возврат/Отмена)',
  RETURNING: 'Планируется возврат',
  RETURNED: 'Возвращен',
  CONFIRM: 'Согласована доставка',
  DATECHANGE: 'Перенос',
  NEWPICKUP: 'Создан забор',
  UNCONFIRM: 'Не удалось согласовать доставку',
  PICKUPREADY: 'Готов к выдаче',
  AWAITING_SYNC: 'Ожидание синхронизации',
  LOST: 'LOST',
  PARTLYRETURNED: 'PARTLYRETURNED',
  PARTLYRETURNING: 'PARTLYRETURNING',
  COURIERPARTIALLY: 'COURIERPARTIALLY',
  COURIERCANCELED: 'COURIERCANCELED',
  WMSASSEMBLED: 'WMSASSEMBLED',
  WMSDISASSEMBLED: 'WMSDISASSEMBLED',
  CUSTOMSPROCESS: 'CUSTOMSPROCESS',
  CUSTOMSFINISHED: 'CUSTOMSFINISHED',
  TRANSACCEPTED: 'TRANSACCEPTED',
  PICKUPTRANS: 'PICKUPTRANS',
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
  /** The `<sender>` block of a pickup from another address; null when the account's own sender is used. */
  sender: Record<string, string> | null;
  fields: Record<string, string>;
  /** The buyer's delivery fee (`deliveryprice`, with its `VATrate`); statusreq does not return it. */
  deliveryFee: { price: string; vatRate: string } | null;
  items: Array<{ name: string; attributes: Record<string, string> }>;
  packages: Array<{ name: string; attributes: Record<string, string> }>;
  /** Oldest first. */
  statuses: EmulatedStatus[];
  /** Bumped on every change; streams remember the version they committed. */
  version: number;
}

interface Stream {
  committed: Map<string, number>;
  lastAnswer: Map<string, number> | null;
  /** The raw orders were in this stream's last answer / have been committed by it. */
  rawSent: boolean;
  rawCommitted: boolean;
}

const ORDER_ERRORS = {
  auth: [1, 'Ошибка авторизации'],
  address: [7, 'Не заполнен адрес получателя'],
  phone: [8, 'Не заполнен телефон получателя'],
  person: [9, 'Не заполнено контактное имя получателя'],
  receiverTown: [5, 'Не найден город получатель'],
  senderTown: [6, 'Не найден город отправитель'],
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

/** What neworder stores of `receiver` and `sender` (the wiki's neworder example; semivan's CreateOrderOperation). */
const RECEIVER_ELEMENTS = [
  'company',
  'person',
  'phone',
  'zipcode',
  'town',
  'address',
  'pvz',
  'date',
  'time_min',
  'time_max',
];
/** The order's own elements stored and returned by statusreq (all in the documentation's order example). */
const ORDER_ELEMENTS = [
  'weight',
  'quantity',
  'paytype',
  'service',
  'price',
  'inshprice',
  'instruction',
  'acceptpartially',
];

export class MeasoftEmulator extends Emulator {
  readonly account: MeasoftAccount;
  readonly orders = new Map<string, EmulatedOrder>();
  private readonly streams = new Map<number, Stream>();
  private sequence = 32010;
  /** Hostile: every search answers with all orders, whatever it asked for. */
  ignoreFilters = false;
  /** Hostile: raw `<order>` elements (readable or not) added to each stream's ONLY_LAST answers until it commits them. */
  rawOrders: string[] = [];
  /** Hostile: the next N statusreq requests get an HTTP 500 page (nothing else is affected). */
  failReads = 0;
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

  /**
   * An order the courier service's staff entered (status NEW), for tests and the demo; neworder's checks are not
   * applied. `receiver` and `fields` are merged over a Moscow courier delivery.
   */
  addOrder(
    orderno: string,
    options: { receiver?: Record<string, string>; fields?: Record<string, string>; itemName?: string } = {},
  ): EmulatedOrder {
    if (this.orders.has(orderno)) throw new Error(`MeaSoft emulator: order ${orderno} exists`);
    const order: EmulatedOrder = {
      orderno,
      orderno2: '',
      givencode: '',
      created: stamp(moscow(this.now())).slice(0, 10),
      receiver: {
        person: 'Анна Петрова',
        phone: '+7 (916) 123-45-67',
        town: 'Москва',
        address: 'ул. Тверская, д. 7, кв. 12',
        ...options.receiver,
      },
      sender: null,
      fields: { weight: '0.8', quantity: '1', paytype: 'NO', service: '1', price: '0', ...options.fields },
      deliveryFee: null,
      items: [
        {
          name: options.itemName ?? 'Кроссовки беговые',
          attributes: { quantity: '1', mass: '0.8', retprice: options.fields?.price ?? '0' },
        },
      ],
      packages: [],
      statuses: [],
      version: 0,
    };
    this.orders.set(orderno, order);
    this.setStatus(order, 'NEW');
    return order;
  }

  /**
   * The document MeaSoft's webhook posts for a status of a held order (docs/measoft.md, "Webhook"): the `<order>`
   * statusreq returns, as it stood when the order reached that status, then `webhook_status_code`,
   * `webhook_status_time` (Moscow time, as `eventtime` here) and `webhook_statuses` (the order's statuses up to that
   * one, oldest first). The order's current status by default, or the latest one with `code`, so a test can post
   * what MeaSoft really sent earlier.
   */
  webhookXml(orderno: string, code?: string): string {
    const order = this.orders.get(orderno);
    if (!order) throw new Error(`MeaSoft emulator: no order ${orderno}`);
    const index =
      code === undefined ? order.statuses.length - 1 : order.statuses.map((status) => status.code).lastIndexOf(code);
    if (index < 0) throw new Error(`MeaSoft emulator: order ${orderno} never had the status ${code}`);
    const statuses = order.statuses.slice(0, index + 1);
    const reported = statuses[index]!;
    return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({
      order: {
        ...this.orderXml({ ...order, statuses }),
        webhook_status_code: reported.code,
        webhook_status_time: reported.timeLocal,
        webhook_statuses: {
          webhook_status: statuses.map((status) => ({ '@code': status.code, '@time': status.timeLocal })),
        },
      },
    })}`;
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
      // The text quotes the <auth> element as it came, XML escapes and all.
      const quoted = /<auth\b[^>]*>/.exec(request.body)?.[0] ?? '';
      const code = rootName === 'neworder' ? '1' : '25';
      return xmlReply(rootName, { '@error': code, '@errormsg': `Ошибка авторизации: ${quoted}` });
    }
    switch (rootName) {
      case 'statusreq':
        if (this.failReads > 0) {
          this.failReads -= 1;
          return { status: 500, headers: { 'Content-Type': 'text/html' }, body: '<h1>500</h1>' };
        }
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
      stream = { committed: new Map(), lastAnswer: null, rawSent: false, rawCommitted: false };
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
      stream.rawSent = this.rawOrders.length > 0 && !stream.rawCommitted;
      if (stream.rawSent) {
        const reply = xmlReply('statusreq', {
          '@count': String(orders.length + this.rawOrders.length),
          order: orders.map((order) => this.orderXml(order)),
        });
        return { ...reply, body: reply.body.replace('</statusreq>', `${this.rawOrders.join('')}</statusreq>`) };
      }
    } else if (!this.ignoreFilters) {
      // The documented filters only (givencode is not among them: it is ignored, as an unknown element).
      const filters: Array<[string, (order: EmulatedOrder, value: string) => boolean]> = [
        ['orderno', (order, value) => order.orderno === value],
        ['orderno2', (order, value) => order.orderno2 === value],
        ['datefrom', (order, value) => order.created >= value],
        ['dateto', (order, value) => order.created <= value],
      ];
      for (const [name, test] of filters) {
        const value = text(root[name]);
        if (value !== '') orders = orders.filter((order) => test(order, value));
      }
      if (orders.length === 0 && (text(root.orderno) !== '' || text(root.orderno2) !== ''))
        return xmlReply('statusreq', { '@error': '11', '@errormsg': 'Заказы не найдены' });
    }
    return xmlReply('statusreq', {
      '@count': String(orders.length),
      order: orders.map((order) => this.orderXml(order)),
    });
  }

  private commit(root: Node): Reply {
    const stream = this.stream(root);
    const committed = [...(stream.lastAnswer ?? [])];
    for (const [orderno, version] of committed)
      stream.committed.set(orderno, Math.max(version, stream.committed.get(orderno) ?? 0));
    stream.lastAnswer = null;
    if (stream.rawSent) stream.rawCommitted = true;
    return xmlReply('commitlaststatus', { order: committed.map(([orderno]) => ({ '@orderno': orderno })) });
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
    const year = stamp(moscow(this.now())).slice(0, 4);
    // The documentation: a number used within the current calendar year is refused with 17.
    if (wanted !== '' && this.orders.get(wanted)?.created.startsWith(year)) return fail(ORDER_ERRORS.exists, wanted);
    if (text(receiver.address) === '') return fail(ORDER_ERRORS.address);
    if (text(receiver.phone) === '') return fail(ORDER_ERRORS.phone);
    if (text(receiver.person) === '' && text(receiver.company) === '') return fail(ORDER_ERRORS.person);
    // Towns from the emulator's reference book (measoft-reference.ts); an empty one is left to the account.
    if (text(receiver.town) !== '' && !townNamed(text(receiver.town))) return fail(ORDER_ERRORS.receiverTown);
    const sender = input.sender === undefined ? null : readParty(input.sender, SENDER_ELEMENTS);
    if (sender?.town && !townNamed(sender.town)) return fail(ORDER_ERRORS.senderTown);
    const orderno = wanted || String((this.sequence += 1)).padStart(8, '0');
    const fields: Record<string, string> = {};
    for (const name of ORDER_ELEMENTS) fields[name] = text(input[name]);
    const fee = input.deliveryprice;
    const order: EmulatedOrder = {
      orderno,
      orderno2: text(input['@orderno2']),
      givencode: '',
      created: stamp(moscow(this.now())).slice(0, 10),
      receiver: readParty(receiver, RECEIVER_ELEMENTS),
      sender,
      fields,
      deliveryFee:
        text(fee) === '' ? null : { price: text(fee), vatRate: text((fee as Node | undefined)?.['@VATrate']) },
      items: readRows((input.items as Node | undefined)?.item),
      packages: readRows((input.packages as Node | undefined)?.package),
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
      // The documentation lets only orders not in process be cancelled; 54 is the refusal's code
      // (docs/measoft.md, "Error codes": not in the pages read, so unverified).
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
      ...(order.sender ? { sender: order.sender } : {}),
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
      packages: {
        package: order.packages.map((pack) => ({
          ...Object.fromEntries(Object.entries(pack.attributes).map(([key, value]) => [`@${key}`, value])),
          '#text': pack.name,
        })),
      },
    };
  }
}
