/**
 * JustClick's UpdateOrderStatus (shared/seeds/001), the way its PHP server checks it: the form body
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
import { parsePhpQuery, phpHttpBuildQuery, phpJsonEncode, phpString, utf8 } from './php';

export type BillStatus = 'new' | 'sent' | 'paid' | 'return' | 'cancel';

export interface Bill {
  id: string;
  status: BillStatus;
  /** Unix seconds, as sent. */
  date: string | null;
  rpo: string | null;
  history: Array<{ status: BillStatus; date: string | null; rpo: string | null; at: Date }>;
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
}

// The codes of JustClick's documented answers (shared/notes/vendors.md); the texts are the
// emulator's own wording.
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
} as const satisfies Record<string, readonly [number, string]>;

const STATUSES = ['sent', 'paid', 'return', 'cancel'] as const;

const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

export const DEFAULT_JUSTCLICK_ACCOUNT: JustClickAccount = {
  login: 'sandboxshop',
  secret: '5f0c7a6e2b9d4c31a8e7f60b1d2c3e4f5a6b7c8d',
};

export class JustClickEmulator extends Emulator {
  readonly account: JustClickAccount;
  readonly bills = new Map<string, Bill>();
  private readonly okText: string;

  constructor(options: JustClickOptions = {}) {
    super({
      name: 'JustClick',
      handler: (request, fault) => this.handle(request, fault),
      vendorFaults: ['badhash'],
      malformed: { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"error_code":0,"error_text":"O' },
    });
    this.account = { login: options.login ?? DEFAULT_JUSTCLICK_ACCOUNT.login, secret: options.secret ?? DEFAULT_JUSTCLICK_ACCOUNT.secret };
    this.okText = options.okText ?? 'OK';
    const ids = options.bills ?? ['100000', '100001', '100002', '100003', '100004', '100005'];
    for (const id of ids) this.bills.set(id, { id, status: 'new', date: null, rpo: null, history: [] });
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
    if (match[2] !== 'UpdateOrderStatus') return this.answer(JUSTCLICK_ANSWERS.badData, secret, fault);

    const body = request.method === 'POST' ? request.rawBody.toString('latin1') : '';
    const params = parsePhpQuery(body);
    if (params.size === 0) return this.answer(JUSTCLICK_ANSWERS.noData, secret, fault);
    const hash = params.get('hash');
    if (typeof hash !== 'string') return this.answer(JUSTCLICK_ANSWERS.noHash, secret, fault);
    params.delete('hash');
    const expected = md5(`${phpHttpBuildQuery(params)}::${login}::${secret}`);
    if (utf8(hash).toLowerCase() !== expected) return this.answer(JUSTCLICK_ANSWERS.badHash, secret, fault);

    const billId = phpString(params, 'bill_id') ?? '';
    if (billId === '') return this.answer(JUSTCLICK_ANSWERS.noBillId, secret, fault);
    const status = phpString(params, 'status') ?? '';
    if (status === '') return this.answer(JUSTCLICK_ANSWERS.badStatus, secret, fault);
    if (!(STATUSES as readonly string[]).includes(status)) return this.answer(JUSTCLICK_ANSWERS.noSuchStatus, secret, fault);
    const date = phpString(params, 'date') ?? '';
    const rpo = phpString(params, 'rpo') ?? '';
    if ((status === 'sent' || status === 'paid') && !/^\d+$/.test(date)) return this.answer(JUSTCLICK_ANSWERS.badData, secret, fault);
    if (status === 'sent' && rpo.trim() === '') return this.answer(JUSTCLICK_ANSWERS.badData, secret, fault);
    if (!/^\d+$/.test(billId)) return this.answer(JUSTCLICK_ANSWERS.unknownBillNumber, secret, fault);
    const bill = this.bills.get(billId);
    if (!bill) return this.answer(JUSTCLICK_ANSWERS.noBill, secret, fault);

    bill.status = status as BillStatus;
    if (date !== '') bill.date = date;
    if (rpo !== '') bill.rpo = rpo;
    bill.history.push({ status: bill.status, date: date || null, rpo: rpo || null, at: request.receivedAt });
    return this.answer([0, this.okText], secret, fault);
  }

  private answer([code, text]: readonly [number, string], secret: string, fault: VendorFault): Reply {
    // badhash: the answer is signed with a key other than the account's, as a tampered answer would be.
    const key = fault === 'badhash' ? `${secret}-tampered` : secret;
    return {
      status: 200,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: phpJsonEncode({ error_code: code, error_text: text, hash: md5(`${code}::${text}::${key}`) }),
    };
  }
}
