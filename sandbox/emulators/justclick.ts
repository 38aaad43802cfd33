/**
 * JustClick's API as its help pages describe it (UpdateOrderStatus, getOrdersWithGoods,
 * getOrderDetails, CreateOrder, GetAllGoods, AddLeadToGroup, GetAllGroups, GetLeadGroupStatuses,
 * GetBills, DeleteSubscribe, DeleteOrder:
 * docs/justclick.md, "API"), with state (orders, products, groups, contacts), the way its PHP server
 * checks a request: the form body
 * is parsed like $_POST, `hash` is taken out, the rest is re-encoded with http_build_query in the
 * order received, and md5(query::login::secret) must match. Every answer is
 * {error_code, error_text, hash: md5(code::text::secret)}, json_encode'd PHP-style.
 *
 * The real server knows the account from the subdomain ({login}.justclick.ru). Loopback has no
 * subdomains, so the login may come as the first path segment instead: the sandbox sets
 * JUSTCLICK_BASE_URL to http://127.0.0.1:PORT/{login}, and the app fills in {login} as it does for
 * the real host. A request to /api/UpdateOrderStatus without it is taken as the configured account.
 */
import { createHash } from 'node:crypto';
import { Emulator, type ReceivedRequest, type Reply, type VendorFault } from './server';
import { parsePhpQuery, phpHttpBuildQuery, phpJsonEncode, phpString, utf8, type PhpArray, type PhpValue } from './php';

export type BillStatus = 'new' | 'sent' | 'paid' | 'return' | 'cancel';

export interface BillGood {
  good_name: string;
  good_title: string;
  /** The price in this order. */
  sum: number;
  /** The product's price in the shop. */
  price: number;
}

export interface Bill {
  id: string;
  status: BillStatus;
  /** Unix seconds, as sent. */
  date: string | null;
  rpo: string | null;
  history: Array<{ status: BillStatus; date: string | null; rpo: string | null; at: Date }>;
  /** Unix seconds. */
  created: number;
  /** Unix seconds of the payment, or null. */
  paid: number | null;
  goods: BillGood[];
  /** bill_* fields as received (bill_email, bill_first_name, ...), and tag/kupon/comment. */
  fields: Record<string, string>;
  utm: Record<string, string>;
}

export interface Good {
  good_id: number;
  good_name: string;
  good_title: string;
  good_type: number;
  good_sum: number;
}

export interface Group {
  rass_name: string;
  rass_title: string;
}

export interface Subscriber {
  email: string;
  fields: Record<string, string>;
  /** rass_name -> status and Unix seconds of the subscription. */
  groups: Map<string, { status: string; time: number }>;
}

export interface JustClickAccount {
  login: string;
  secret: string;
}

export interface JustClickOptions extends Partial<JustClickAccount> {
  /** Bill numbers that exist (default 100000..100005, status "new"). */
  bills?: string[];
  /** error_text of a success: JustClick sends "OK" in some answers and "ok" in others. */
  okText?: string;
  /** Products of the shop (default: three). */
  goods?: Array<Omit<Good, 'good_id'>>;
  /** Contact groups (default: newsletter, buyers). */
  groups?: Group[];
}

// The codes of JustClick's documented answers (https://help.justclick.ru/archives/511, docs/justclick.md); the texts
// are the emulator's own wording.
export const JUSTCLICK_ANSWERS = {
  ok: [0, 'OK'],
  noHash: [1, 'Не передан хэш'],
  noData: [2, 'Не переданы данные'],
  badData: [3, 'Переданы неверные данные'],
  badHash: [4, 'Неверный хэш'],
  badUser: [5, 'Неверное имя пользователя'],
  noBill: [200, 'Заказ не существует'],
  badStatus: [201, 'Неверный статус'],
  noBillId: [203, 'Не передан номер заказа'],
  unknownBillNumber: [302, 'Несуществующий номер заказа'],
  noSuchStatus: [303, 'Нет такого статуса'],
  noEmail: [100, 'Не передан e-mail'],
  alreadySubscribed: [102, 'Контакт уже есть во всех группах'],
  noSuchGroup: [103, 'Передана несуществующая группа'],
  noSuchOrder: [400, 'Заказ с таким номером не существует'],
  noContact: [500, 'Контакт с таким e-mail не существует'],
  contactInNoGroup: [501, 'Контакт не состоит ни в одной группе'],
  badBuyerEmail: [600, 'Неверный e-mail покупателя'],
  orderExists: [601, 'Такой заказ уже существует'],
  noGoods: [603, 'В заказе нет продуктов'],
  noSuchGood: [604, 'В магазине нет продукта с таким id'],
  shopHasNoGoods: [700, 'В магазине нет продуктов'],
  noSuchGroupToLeave: [800, 'Указанная группа контактов не найдена'],
  noContactToRemove: [801, 'Контакт с указанным email не найден'],
} as const satisfies Record<string, readonly [number, string]>;

const STATUSES = ['sent', 'paid', 'return', 'cancel'] as const;

const METHODS = [
  'UpdateOrderStatus',
  'getOrdersWithGoods',
  'getOrderDetails',
  'CreateOrder',
  'GetAllGoods',
  'AddLeadToGroup',
  'GetAllGroups',
  'GetLeadGroupStatuses',
  'GetBills',
  'DeleteSubscribe',
  'DeleteOrder',
];

type Answerer = (answer: readonly [number, string], result?: unknown) => Reply;
type Ok = (result?: unknown) => Reply;

const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

const MOSCOW = 3 * 3600; // JustClick's shop clock: Moscow, UTC+3
const DAY = 86400;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** dd.mm.yyyy (a Moscow calendar day) to the Unix second it starts at, or undefined. */
function moscowDayStart(text: string): number | undefined {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  if (!match) return undefined;
  const [, day, month, year] = match.map(Number) as [number, number, number, number];
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined;
  return utc / 1000 - MOSCOW;
}

/** Unix seconds as Moscow wall-clock text, the way JustClick's MySQL dates read: 2024-05-20 12:00:00. */
const moscowText = (seconds: number): string =>
  new Date((seconds + MOSCOW) * 1000).toISOString().slice(0, 19).replace('T', ' ');

/** The values of a PHP array (rid[0], rid[1] ... or rid[]), or of one scalar. */
function phpValues(value: PhpValue | undefined): PhpValue[] {
  if (value === undefined) return [];
  return value instanceof Map ? [...value.values()] : [value];
}

const sub = (value: PhpValue | undefined, key: string): string | undefined =>
  value instanceof Map && typeof value.get(key) === 'string' ? utf8(value.get(key) as string) : undefined;

/** The pay_status JustClick shows for a bill: paid, cancel, return, or waiting while it is open. */
const payStatusOf = (bill: Bill): string =>
  bill.status === 'paid' || bill.status === 'cancel' || bill.status === 'return' ? bill.status : 'waiting';

const DEFAULT_GOODS: Array<Omit<Good, 'good_id'>> = [
  { good_name: 'course-basic', good_title: 'Базовый курс', good_type: 0, good_sum: 2990 },
  { good_name: 'book-print', good_title: 'Книга (печатная)', good_type: 1, good_sum: 1290 },
  { good_name: 'consult', good_title: 'Консультация', good_type: 0, good_sum: 5000 },
];

const DEFAULT_GROUPS: Group[] = [
  { rass_name: 'newsletter', rass_title: 'Рассылка магазина' },
  { rass_name: 'buyers', rass_title: 'Покупатели' },
];

export const DEFAULT_JUSTCLICK_ACCOUNT: JustClickAccount = {
  login: 'sandboxshop',
  secret: '5f0c7a6e2b9d4c31a8e7f60b1d2c3e4f5a6b7c8d',
};

export class JustClickEmulator extends Emulator {
  readonly account: JustClickAccount;
  readonly bills = new Map<string, Bill>();
  readonly goods = new Map<string, Good>();
  readonly groups = new Map<string, Group>();
  readonly subscribers = new Map<string, Subscriber>();
  private readonly okText: string;

  constructor(options: JustClickOptions = {}) {
    super({
      name: 'JustClick',
      handler: (request, fault) => this.handle(request, fault),
      vendorFaults: ['badhash'],
      malformed: {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        body: '{"error_code":0,"error_text":"O',
      },
    });
    this.account = {
      login: options.login ?? DEFAULT_JUSTCLICK_ACCOUNT.login,
      secret: options.secret ?? DEFAULT_JUSTCLICK_ACCOUNT.secret,
    };
    this.okText = options.okText ?? 'OK';
    (options.goods ?? DEFAULT_GOODS).forEach((good, index) =>
      this.goods.set(good.good_name, { ...good, good_id: 12549 + index }),
    );
    for (const group of options.groups ?? DEFAULT_GROUPS) this.groups.set(group.rass_name, group);
    const ids = options.bills ?? ['100000', '100001', '100002', '100003', '100004', '100005'];
    const now = Math.floor(Date.now() / 1000);
    const course = this.goods.values().next().value as Good | undefined;
    ids.forEach((id, index) =>
      this.bills.set(id, {
        id,
        status: 'new',
        date: null,
        rpo: null,
        history: [],
        // Created in the last hours, newest last, each for one product.
        created: now - (ids.length - index) * 3600,
        paid: null,
        goods: course
          ? [
              {
                good_name: course.good_name,
                good_title: course.good_title,
                sum: course.good_sum,
                price: course.good_sum,
              },
            ]
          : [],
        fields: {
          bill_email: `buyer${id}@example.com`,
          bill_first_name: 'Покупатель',
          bill_phone: `+7903${id.slice(-7).padStart(7, '0')}`,
        },
        utm: {},
      }),
    );
  }

  /** Adds an order as if a buyer had placed it in the shop (for tests and the demo). */
  addBill(bill: Partial<Bill> & { id: string }): Bill {
    const full: Bill = {
      status: 'new',
      date: null,
      rpo: null,
      history: [],
      created: Math.floor(Date.now() / 1000),
      paid: null,
      goods: [],
      fields: {},
      utm: {},
      ...bill,
    };
    this.bills.set(full.id, full);
    return full;
  }

  /** The value for JUSTCLICK_BASE_URL: the app puts the login where {login} stands. */
  get baseUrl(): string {
    return `${this.url}/{login}`;
  }

  private handle(request: ReceivedRequest, fault: VendorFault): Reply {
    const match = /^(?:\/([^/]+))?\/api\/([^/]+)$/.exec(request.path);
    if (!match) return { status: 404, headers: { 'Content-Type': 'text/html' }, body: '<h1>404 Not Found</h1>' };
    const login = match[1] === undefined ? this.account.login : decodeURIComponent(match[1]);
    // An unknown subdomain has no key to sign with; the answer is signed with an empty one.
    if (login !== this.account.login) return this.answer(JUSTCLICK_ANSWERS.badUser, '', fault);
    const secret = this.account.secret;
    const method = match[2]!;
    if (!METHODS.includes(method)) return this.answer(JUSTCLICK_ANSWERS.badData, secret, fault);

    const body = request.method === 'POST' ? request.rawBody.toString('latin1') : '';
    const params = parsePhpQuery(body);
    if (params.size === 0) return this.answer(JUSTCLICK_ANSWERS.noData, secret, fault);
    const hash = params.get('hash');
    if (typeof hash !== 'string') return this.answer(JUSTCLICK_ANSWERS.noHash, secret, fault);
    params.delete('hash');
    const expected = md5(`${phpHttpBuildQuery(params)}::${login}::${secret}`);
    if (utf8(hash).toLowerCase() !== expected) return this.answer(JUSTCLICK_ANSWERS.badHash, secret, fault);

    const reply = (answer: readonly [number, string], result?: unknown) => this.answer(answer, secret, fault, result);
    const ok = (result?: unknown) => reply([0, this.okText], result);
    switch (method) {
      case 'getOrdersWithGoods':
        return this.ordersWithGoods(params, request.receivedAt, ok);
      case 'getOrderDetails': {
        const bill = this.bills.get(phpString(params, 'bill_id') ?? '');
        if (!bill) return reply(JUSTCLICK_ANSWERS.noSuchOrder);
        return ok(this.orderView(bill, ['1', 'true'].includes(phpString(params, 'good_info') ?? '')));
      }
      case 'CreateOrder':
        return this.createOrder(params, request.receivedAt, reply, ok);
      case 'GetAllGoods':
        return this.goods.size === 0 ? reply(JUSTCLICK_ANSWERS.shopHasNoGoods) : ok([...this.goods.values()]);
      case 'GetAllGroups':
        return ok([...this.groups.values()]);
      case 'AddLeadToGroup':
        return this.addLead(params, request.receivedAt, reply, ok);
      case 'GetLeadGroupStatuses': {
        const subscriber = this.subscribers.get((phpString(params, 'email') ?? '').toLowerCase());
        if (!subscriber) return reply(JUSTCLICK_ANSWERS.noContact);
        if (subscriber.groups.size === 0) return reply(JUSTCLICK_ANSWERS.contactInNoGroup);
        return ok(
          [...subscriber.groups].map(([rassName, { status, time }]) => ({
            rass_name: rassName,
            rass_title: this.groups.get(rassName)?.rass_title ?? rassName,
            rass_status: status,
            subscription_time: moscowText(time),
          })),
        );
      }
      case 'GetBills':
        return this.buyerBills(params, reply, ok);
      case 'DeleteSubscribe':
        return this.deleteSubscribe(params, request.receivedAt, reply, ok);
      case 'DeleteOrder':
        return this.deleteOrder(params, reply, ok);
      default:
        return this.updateOrderStatus(params, request.receivedAt, reply, ok);
    }
  }

  private updateOrderStatus(params: PhpArray, receivedAt: Date, reply: Answerer, ok: Ok): Reply {
    const billId = phpString(params, 'bill_id') ?? '';
    if (billId === '') return reply(JUSTCLICK_ANSWERS.noBillId);
    const status = phpString(params, 'status') ?? '';
    if (status === '') return reply(JUSTCLICK_ANSWERS.badStatus);
    if (!(STATUSES as readonly string[]).includes(status)) return reply(JUSTCLICK_ANSWERS.noSuchStatus);
    const date = phpString(params, 'date') ?? '';
    const rpo = phpString(params, 'rpo') ?? '';
    if ((status === 'sent' || status === 'paid') && !/^\d+$/.test(date)) return reply(JUSTCLICK_ANSWERS.badData);
    if (status === 'sent' && rpo.trim() === '') return reply(JUSTCLICK_ANSWERS.badData);
    if (!/^\d+$/.test(billId)) return reply(JUSTCLICK_ANSWERS.unknownBillNumber);
    const bill = this.bills.get(billId);
    if (!bill) return reply(JUSTCLICK_ANSWERS.noBill);

    bill.status = status as BillStatus;
    if (date !== '') bill.date = date;
    if (rpo !== '') bill.rpo = rpo;
    if (status === 'paid') bill.paid = Number(date);
    bill.history.push({ status: bill.status, date: date || null, rpo: rpo || null, at: receivedAt });
    return ok();
  }

  /** getOrdersWithGoods: created (or, with paid, paid) within begin_date..end_date, at most a month. */
  private ordersWithGoods(params: PhpArray, receivedAt: Date, ok: Ok): Reply {
    const now = Math.floor(receivedAt.getTime() / 1000);
    const beginText = phpString(params, 'begin_date');
    const endText = phpString(params, 'end_date');
    const endDay = endText ? moscowDayStart(endText) : undefined;
    // No end date: now. An end date: through the end of that Moscow day.
    const end = endDay === undefined ? now : endDay + DAY - 1;
    const todayStart = moscowDayStart(moscowText(now).slice(0, 10).split('-').reverse().join('.'))!;
    let begin = beginText ? (moscowDayStart(beginText) ?? todayStart) : todayStart;
    if (end - begin > 31 * DAY) begin = end - 31 * DAY; // cut to a month, keeping the end
    const paidOnly = ['1', 'true'].includes(phpString(params, 'paid') ?? '');
    const orders = [...this.bills.values()]
      .filter((bill) => {
        const when = paidOnly ? bill.paid : bill.created;
        return when !== null && when >= begin && when <= end;
      })
      .map((bill) => this.orderView(bill, true));
    return ok(orders);
  }

  private orderView(bill: Bill, withGoods: boolean): Record<string, unknown> {
    const field = (key: string) => bill.fields[key] ?? '';
    const total = bill.goods.reduce((sum, good) => sum + good.sum, 0);
    const payStatus = payStatusOf(bill);
    return {
      id: bill.id,
      first_name: field('bill_first_name'),
      last_name: field('bill_surname'),
      middle_name: field('bill_otchestvo'),
      email: field('bill_email'),
      phone: field('bill_phone'),
      city: field('bill_city'),
      country: field('bill_country'),
      address: field('bill_address'),
      region: field('bill_region'),
      postalcode: field('bill_postal_code'),
      created: String(bill.created),
      pay_status: payStatus,
      paid: String(bill.paid ?? 0),
      type: bill.goods.some((good) => this.goods.get(good.good_name)?.good_type === 1) ? 'physical' : 'digital',
      payway: bill.paid ? 'card' : '',
      comment: field('bill_comment'),
      domain: '',
      link: `https://${this.account.login}.justclick.ru/order/${bill.id}/`,
      tag: field('bill_tag'),
      kupon: field('bill_kupon'),
      utm: {
        source: bill.utm.utm_source ?? '',
        medium: bill.utm.utm_medium ?? '',
        campaign: bill.utm.utm_campaign ?? '',
        content: bill.utm.utm_content ?? '',
        term: bill.utm.utm_term ?? '',
      },
      price: total.toFixed(2),
      bill_sum_topay: (bill.paid ? 0 : total).toFixed(2),
      ...(withGoods
        ? {
            good_count: bill.goods.length,
            items: bill.goods.map((good) => ({
              id: good.good_name,
              title: good.good_title,
              price: good.price.toFixed(2),
              sum: good.sum.toFixed(2),
            })),
          }
        : {}),
    };
  }

  /**
   * CreateOrder. A repeat of an order (same e-mail, same goods and sums, same bill_created) is
   * refused with 601 and the existing number, the way JustClick answers a duplicate; without
   * bill_created every call is a new order (JustClick documents no other duplicate rule).
   */
  private createOrder(params: PhpArray, receivedAt: Date, reply: Answerer, ok: Ok): Reply {
    const email = phpString(params, 'bill_email') ?? '';
    if (!EMAIL.test(email)) return reply(JUSTCLICK_ANSWERS.badBuyerEmail);
    const lines = phpValues(params.get('goods')).filter((line): line is PhpArray => line instanceof Map);
    if (lines.length === 0) return reply(JUSTCLICK_ANSWERS.noGoods);
    const goods: BillGood[] = [];
    for (const line of lines) {
      const name = sub(line, 'good_name') ?? '';
      const good = this.goods.get(name);
      if (!good) return reply(JUSTCLICK_ANSWERS.noSuchGood, { good_name: name });
      const sumText = sub(line, 'good_sum');
      const sum = sumText !== undefined && /^\d+(\.\d+)?$/.test(sumText) ? Number(sumText) : good.good_sum;
      goods.push({ good_name: good.good_name, good_title: good.good_title, sum, price: good.good_sum });
    }
    const createdText = phpString(params, 'bill_created');
    const created = createdText && /^\d+$/.test(createdText) ? Number(createdText) : undefined;
    const signature = JSON.stringify([email.toLowerCase(), goods.map((good) => [good.good_name, good.sum])]);
    if (created !== undefined) {
      for (const bill of this.bills.values()) {
        const same = JSON.stringify([
          (bill.fields.bill_email ?? '').toLowerCase(),
          bill.goods.map((good) => [good.good_name, good.sum]),
        ]);
        if (bill.created === created && same === signature)
          return reply(JUSTCLICK_ANSWERS.orderExists, { bill_id: bill.id });
      }
    }
    const fields: Record<string, string> = {};
    for (const [key, value] of params) {
      if (typeof value === 'string' && /^bill_/.test(key) && key !== 'bill_created') fields[key] = utf8(value);
    }
    const utm: Record<string, string> = {};
    const utmParam = params.get('utm');
    if (utmParam instanceof Map)
      for (const [key, value] of utmParam) if (typeof value === 'string') utm[key] = utf8(value);
    const next = Math.max(100000, ...[...this.bills.keys()].map(Number).filter(Number.isFinite)) + 1;
    const bill = this.addBill({
      id: String(next),
      created: created ?? Math.floor(receivedAt.getTime() / 1000),
      goods,
      fields,
      utm,
    });
    return ok({ bill_id: bill.id });
  }

  /** AddLeadToGroup: every rid must exist; a contact already in all of them gets 102. */
  private addLead(params: PhpArray, receivedAt: Date, reply: Answerer, ok: Ok): Reply {
    const email = (phpString(params, 'lead_email') ?? '').trim();
    if (email === '') return reply(JUSTCLICK_ANSWERS.noEmail);
    const rids = phpValues(params.get('rid'))
      .filter((rid): rid is string => typeof rid === 'string')
      .map(utf8);
    if (rids.length === 0 || rids.some((rid) => !this.groups.has(rid))) return reply(JUSTCLICK_ANSWERS.noSuchGroup);
    const key = email.toLowerCase();
    const subscriber: Subscriber = this.subscribers.get(key) ?? { email, fields: {}, groups: new Map() };
    if (rids.every((rid) => subscriber.groups.has(rid))) return reply(JUSTCLICK_ANSWERS.alreadySubscribed);
    for (const field of ['lead_name', 'lead_phone', 'lead_city', 'tag']) {
      const value = phpString(params, field);
      if (value) subscriber.fields[field] = value;
    }
    const time = Math.floor(receivedAt.getTime() / 1000);
    for (const rid of rids)
      if (!subscriber.groups.has(rid)) subscriber.groups.set(rid, { status: 'STATUS_SUBSCRIBE', time });
    this.subscribers.set(key, subscriber);
    return ok();
  }

  // ------------------------------------------------------------ GetBills, DeleteSubscribe, DeleteOrder
  // https://help.justclick.ru/archives/571, /674 and /587 (docs/justclick.md). What the pages leave
  // open is answered one way here and written down there: GetBills with no order answers 400 (the
  // code of JustClick's table for listing a buyer's products), DeleteSubscribe for a contact that is
  // not in the group answers 0 and changes nothing.

  /** GetBills: the buyer's orders keyed by number, each with its products keyed by product number. */
  private buyerBills(params: PhpArray, reply: Answerer, ok: Ok): Reply {
    const email = (phpString(params, 'email') ?? '').trim().toLowerCase();
    if (email === '') return reply(JUSTCLICK_ANSWERS.badData);
    const payStatus = phpString(params, 'pay_status') ?? '';
    if (payStatus !== '' && !['paid', 'waiting', 'cancel'].includes(payStatus)) return reply(JUSTCLICK_ANSWERS.badData);
    const bills = [...this.bills.values()].filter(
      (bill) =>
        (bill.fields.bill_email ?? '').toLowerCase() === email && (payStatus === '' || payStatusOf(bill) === payStatus),
    );
    if (bills.length === 0) return reply(JUSTCLICK_ANSWERS.noSuchOrder);
    const result: Record<string, unknown> = {};
    for (const bill of bills) {
      const goods: Record<string, unknown> = {};
      for (const good of bill.goods) {
        const number = this.goods.get(good.good_name)?.good_id ?? good.good_name;
        goods[String(number)] = { good_name: good.good_name, good_title: good.good_title };
      }
      // PHP's json_encode writes an empty array as [].
      result[bill.id] = bill.goods.length === 0 ? [] : goods;
    }
    return ok(result);
  }

  /** DeleteSubscribe: the contact stays listed in the group as unsubscribed. */
  private deleteSubscribe(params: PhpArray, receivedAt: Date, reply: Answerer, ok: Ok): Reply {
    const email = (phpString(params, 'lead_email') ?? '').trim().toLowerCase();
    const group = phpString(params, 'rass_name') ?? '';
    if (email === '') return reply(JUSTCLICK_ANSWERS.noEmail);
    if (group === '' || !this.groups.has(group)) return reply(JUSTCLICK_ANSWERS.noSuchGroupToLeave);
    const subscriber = this.subscribers.get(email);
    if (!subscriber) return reply(JUSTCLICK_ANSWERS.noContactToRemove);
    const membership = subscriber.groups.get(group);
    if (membership && membership.status !== 'STATUS_UNSUBSCRIBE')
      subscriber.groups.set(group, { status: 'STATUS_UNSUBSCRIBE', time: Math.floor(receivedAt.getTime() / 1000) });
    return ok();
  }

  /** DeleteOrder: one order per call; an unknown number answers 302. */
  private deleteOrder(params: PhpArray, reply: Answerer, ok: Ok): Reply {
    const billId = phpString(params, 'bill_id') ?? '';
    if (billId === '') return reply(JUSTCLICK_ANSWERS.noBillId);
    if (!this.bills.delete(billId)) return reply(JUSTCLICK_ANSWERS.unknownBillNumber);
    return ok();
  }
  // ------------------------------------------------------------ end of GetBills, DeleteSubscribe, DeleteOrder

  private answer([code, text]: readonly [number, string], secret: string, fault: VendorFault, result?: unknown): Reply {
    // badhash: the answer is signed with a key other than the account's, as a tampered answer would be.
    const key = fault === 'badhash' ? `${secret}-tampered` : secret;
    return {
      status: 200,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: phpJsonEncode({
        error_code: code,
        error_text: text,
        hash: md5(`${code}::${text}::${key}`),
        ...(result === undefined ? {} : { result }),
      }),
    };
  }
}
