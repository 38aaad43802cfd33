/**
 * The two services that push events, played from the sandbox: a MeaSoft sender that POSTs status
 * XML documents (docs/measoft.md, with what real MeaSoft data carries per that page:
 * Cyrillic titles, status text with trailing newlines and indentation, attributes in varied
 * order, newest-first history, repeated items) and an Abaha sender that POSTs order, product and
 * customer JSON (docs/abaha.md) with or without the shop's custom header, and resends. The MeaSoft sender can also
 * forge a status (forgeMeasoftStatus: a status, time or order MeaSoft never reported) and post to a URL carrying
 * the user's `?key=` (withKey).
 */

import { XMLBuilder, XMLParser } from 'fast-xml-parser';

/** MeaSoft status codes with the Russian titles a public MeaSoft client lists. */
export const MEASOFT_TITLES = {
  NEW: 'Новый',
  PICKUP: 'Забран у отправителя',
  ACCEPTED: 'Получен складом',
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
} as const;

export type MeasoftStatusCode = keyof typeof MEASOFT_TITLES;

export interface MeasoftItem {
  name: string;
  quantity: number;
  mass: number;
  retprice: number;
  barcode?: string;
}

export interface MeasoftOrderOptions {
  orderno: string;
  /** The status the order reaches now; the history gets the usual steps before it. */
  status: MeasoftStatusCode;
  /** The waybill (tracking) number in the courier's system; default: the order number. */
  awb?: string;
  /** When the status was reached (the branch's local time is written as Moscow time, UTC+3). */
  at?: Date;
  receiverName?: string;
  receiverPhone?: string;
  town?: string;
  address?: string;
  items?: MeasoftItem[];
  /** Cash on delivery (the receiver pays the price). */
  price?: number;
  /** The later form of MeaSoft's page, without webhook_status_time and webhook_statuses. */
  short?: boolean;
}

/** The steps an order goes through before each status, oldest first. */
const PATH: Partial<Record<MeasoftStatusCode, MeasoftStatusCode[]>> = {
  NEW: [],
  PICKUP: ['NEW'],
  ACCEPTED: ['NEW', 'PICKUP'],
  DEPARTURE: ['NEW', 'PICKUP', 'ACCEPTED'],
  DELIVERY: ['NEW', 'PICKUP', 'ACCEPTED', 'DEPARTURE'],
  COMPLETE: ['NEW', 'PICKUP', 'ACCEPTED', 'DEPARTURE', 'DELIVERY'],
  CANCELED: ['NEW', 'PICKUP', 'ACCEPTED', 'DEPARTURE', 'DELIVERY'],
  RETURNED: ['NEW', 'PICKUP', 'ACCEPTED', 'DEPARTURE', 'DELIVERY', 'CANCELED'],
};

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** "YYYY-MM-DD HH:mm:ss" of a date shifted by `hours` from UTC. */
const stamp = (date: Date, hours: number): string =>
  new Date(date.getTime() + hours * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

/** A realistic MeaSoft webhook document for one order reaching one status. */
export function measoftOrderXml(options: MeasoftOrderOptions): string {
  const at = options.at ?? new Date();
  const awb = options.awb ?? options.orderno;
  const steps = [...(PATH[options.status] ?? ['NEW']), options.status];
  // Each earlier step happened some hours before the next one.
  const times = steps.map((_, index) => new Date(at.getTime() - (steps.length - 1 - index) * 5 * 3600_000));
  const statusElement = (code: MeasoftStatusCode, time: Date, indent: string, withCountry: boolean) =>
    // Attributes in MeaSoft's varied order; the text with the trailing newline and indentation real documents have.
    `${indent}<status title="${escapeXml(MEASOFT_TITLES[code])}" eventtime="${stamp(time, 3)}" eventstore="${code}" ` +
    `createtimegmt="${stamp(time, 0)}" message=""${withCountry ? ' country="RU"' : ''}>${code}\n${indent}  </status>`;
  const history = steps
    .map((code, index) => ({ code, time: times[index]! }))
    .reverse()
    .map(({ code, time }) => statusElement(code, time, '    ', true))
    .join('\n');
  const items = (
    options.items ?? [{ name: 'Кроссовки беговые', quantity: 1, mass: 0.8, retprice: 2490, barcode: '4600000000017' }]
  )
    .map(
      (item) =>
        `    <item extcode="" quantity="${item.quantity}" mass="${item.mass}" retprice="${item.retprice.toFixed(2)}" ` +
        `barcode="${item.barcode ?? ''}" type="1" returns="0">${escapeXml(item.name)}</item>`,
    )
    .join('\n');
  const price = options.price ?? 0;
  const webhookTail = options.short
    ? ''
    : `\n  <webhook_status_time>${stamp(at, 3)}</webhook_status_time>\n  <webhook_statuses>\n` +
      steps.map((code, index) => `    <webhook_status code="${code}" time="${stamp(times[index]!, 3)}"/>`).join('\n') +
      '\n  </webhook_statuses>';
  return `<?xml version="1.0" encoding="UTF-8"?>
<order orderno="${escapeXml(options.orderno)}" awb="${escapeXml(awb)}" orderno2="" ordercode="${escapeXml(options.orderno.padStart(7, '0'))}" givencode="">
  <barcode>${escapeXml(awb)}</barcode>
  <sender>
    <company>Интернет-магазин «Бегун»</company>
    <person>Склад</person>
    <phone>+7 (495) 000-00-00</phone>
    <town>Москва</town>
    <address>ул. Складская, д. 1</address>
    <date>${stamp(times[0]!, 3).slice(0, 10)}</date>
    <time_min>10:00</time_min>
    <time_max>18:00</time_max>
  </sender>
  <receiver>
    <company/>
    <person>${escapeXml(options.receiverName ?? 'Анна Петрова')}</person>
    <phone>${escapeXml(options.receiverPhone ?? '+7 (916) 123-45-67')}</phone>
    <contacts>
      <phone>${escapeXml((options.receiverPhone ?? '+7 (916) 123-45-67').replace(/[^\d+]/g, ''))}</phone>
    </contacts>
    <zipcode>125009</zipcode>
    <town>${escapeXml(options.town ?? 'Москва')}</town>
    <address>${escapeXml(options.address ?? 'ул. Тверская, д. 7, кв. 12')}</address>
    <date>${stamp(at, 3).slice(0, 10)}</date>
    <time_min>10:00</time_min>
    <time_max>21:00</time_max>
    <coords lat="55.7578" lon="37.6136"/>
    <deliveryPIN/>
  </receiver>
  <pickup>NO</pickup>
  <return>NO</return>
  <weight>0.8</weight>
  <return_weight/>
  <quantity>1</quantity>
  <paytype>${price > 0 ? 'CASH' : 'NO'}</paytype>
  <print_check>YES</print_check>
  <service>1</service>
  <type>1</type>
  <waittime>0</waittime>
  <price>${price.toFixed(2)}</price>
  <inshprice>${price.toFixed(2)}</inshprice>
  <enclosure>${escapeXml(options.items?.[0]?.name ?? 'Кроссовки беговые')}</enclosure>
  <instruction>Позвонить за час</instruction>
  <currcoords lat="" lon="" accuracy="" RequestDateTime=""/>
  <receiverpays>${price > 0 ? 'YES' : 'NO'}</receiverpays>
  <acceptpartially>NO</acceptpartially>
${statusElement(options.status, at, '  ', false)}
  <statushistory>
${history}
  </statushistory>
  <customstatecode/>
  <deliveredto>${options.status === 'COMPLETE' ? escapeXml(options.receiverName ?? 'Анна Петрова') : ''}</deliveredto>
  <delivereddate>${options.status === 'COMPLETE' ? stamp(at, 3).slice(0, 10) : ''}</delivereddate>
  <deliveredtime>${options.status === 'COMPLETE' ? stamp(at, 3).slice(11, 16) : ''}</deliveredtime>
  <outstrbarcode>${escapeXml(options.orderno)}</outstrbarcode>
  <items>
${items}
  </items>
  <deliveryprice total="350.00">
    <advprice code="1" price="300.00"/>
    <advprice code="7" price="50.00"/>
  </deliveryprice>
  <packages>
  </packages>
  <webhook_status_code>${options.status}</webhook_status_code>${webhookTail}
</order>
`;
}

/** What a forged MeaSoft document claims (each field optional: what is not given stays as it was). */
export interface ForgedStatus {
  /** The status code claimed: it becomes `<status>`, the newest history entry and `webhook_status_code`. */
  code?: string;
  /** When the claimed status happened (default: now). */
  at?: Date;
  /** Another order number: the document then speaks of an order MeaSoft may not hold. */
  orderno?: string;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const ORDERED = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
} as const;

/** The name of an element node of fast-xml-parser's ordered form (undefined for text). */
const nameOf = (node: OrderedNode): string | undefined => Object.keys(node).find((key) => key !== ':@');
const childNamed = (children: OrderedNode[], name: string): OrderedNode | undefined =>
  children.find((node) => nameOf(node) === name);

/**
 * A forged MeaSoft status: a real-looking webhook document (one of measoftOrderXml or the emulator's `webhookXml`)
 * changed to claim what MeaSoft never sent, as whoever learned a Zap's URL could post it: another status code, or
 * the same code at another time, or another order number. The document stays well-formed and complete (the
 * claimed status is `<status>`, the newest `statushistory` entry, `webhook_status_code`, `webhook_status_time` and
 * the last `webhook_statuses` entry), so only a defence that does not trust the body can refuse it. Everything
 * else is kept (an empty element may come back self-closing).
 */
export function forgeMeasoftStatus(xml: string, forged: ForgedStatus): string {
  const start = xml.indexOf('<order');
  const end = xml.lastIndexOf('</order>') + '</order>'.length;
  if (start < 0 || end < start) throw new Error('forgeMeasoftStatus: not a MeaSoft <order> document');
  const [root] = new XMLParser(ORDERED).parse(xml.slice(start, end)) as OrderedNode[];
  const order = root?.order as OrderedNode[] | undefined;
  if (!root || !order) throw new Error('forgeMeasoftStatus: not a MeaSoft <order> document');
  if (forged.orderno !== undefined) root[':@'] = { ...root[':@'], '@orderno': escapeXml(forged.orderno) };
  if (forged.code !== undefined) {
    const at = forged.at ?? new Date();
    const attributes = (country: boolean) => ({
      '@eventstore': escapeXml(forged.code!),
      '@eventtime': stamp(at, 3),
      '@createtimegmt': stamp(at, 0),
      '@message': '',
      '@title': escapeXml(MEASOFT_TITLES[forged.code as MeasoftStatusCode] ?? forged.code!),
      ...(country ? { '@country': 'RU' } : {}),
    });
    const element = (name: string, text: string, attrs?: Record<string, string>): OrderedNode => ({
      [name]: text === '' ? [] : [{ '#text': text }],
      ...(attrs ? { ':@': attrs } : {}),
    });
    const status = order.findIndex((node) => nameOf(node) === 'status');
    if (status < 0) throw new Error('forgeMeasoftStatus: the document has no <status>');
    order[status] = element('status', escapeXml(forged.code), attributes(false));
    const history = childNamed(order, 'statushistory')?.statushistory as OrderedNode[] | undefined;
    history?.unshift({ '#text': '\n    ' }, element('status', escapeXml(forged.code), attributes(true)));
    const code = childNamed(order, 'webhook_status_code');
    if (code) code.webhook_status_code = [{ '#text': escapeXml(forged.code) }];
    const time = childNamed(order, 'webhook_status_time');
    if (time) time.webhook_status_time = [{ '#text': stamp(at, 3) }];
    const list = childNamed(order, 'webhook_statuses')?.webhook_statuses as OrderedNode[] | undefined;
    list?.push(
      { '#text': '  ' },
      element('webhook_status', '', { '@code': escapeXml(forged.code), '@time': stamp(at, 3) }),
      { '#text': '\n  ' },
    );
  }
  const body = new XMLBuilder({ ...ORDERED, suppressEmptyNode: true }).build([root]) as string;
  return `${xml.slice(0, start)}${body}${xml.slice(end)}`;
}

/**
 * The Zap's URL with `?key=` appended, as the user does before pasting it into MeaSoft: one `key` per value (two
 * values: a repeated key), each percent-encoded, or pasted as typed (`raw`, so `+ / =` travel unencoded).
 */
export function withKey(url: string, values: string | readonly string[], encoding: 'percent' | 'raw' = 'percent') {
  const query = (typeof values === 'string' ? [values] : values)
    .map((value) => `key=${encoding === 'raw' ? value : encodeURIComponent(value)}`)
    .join('&');
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

export interface SentDelivery {
  status: number;
  body: string;
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<SentDelivery> {
  const response = await fetch(url, { method: 'POST', body, headers });
  return { status: response.status, body: await response.text() };
}

/** POSTs one MeaSoft webhook document, as MeaSoft's integration does (the URL as given, query string included). */
export const sendMeasoftStatus = (url: string, xml: string): Promise<SentDelivery> =>
  post(url, xml, { 'Content-Type': 'text/xml; charset=utf-8', 'User-Agent': 'MeaSoft-Webhook/1.0' });

/**
 * The example order of Abaha's webhook page (docs/abaha.md) with overrides; `address` overrides merge into its address.
 */
export function abahaOrder(
  overrides: Record<string, unknown> & { address?: Record<string, unknown> } = {},
): Record<string, unknown> {
  const { address, ...rest } = overrides;
  return {
    id: '208610',
    cart_code: '00000208610',
    cart_type: 'cart',
    user_id: '56913',
    ref_user_id: null,
    payment_type: '1',
    payment_content: '',
    promotion_id: '0',
    user_voucher_id: null,
    voucher_status: '0',
    total_value: '1790000',
    total_after: '1790000',
    total_cashback: null,
    fee_ship: null,
    weight: '0',
    wallet_fee: null,
    commission_ref: null,
    dropship_commission_ref: null,
    accept_commission_ref: '0',
    cashback: { tickid: { user_cashback: 35 } },
    total_before: '1790000',
    total_cal_commission: '1790000',
    total_discount_value: '0',
    total_count_selected: '5',
    count_selected: '3',
    status: '5',
    before_status: '5',
    address_id: '30822',
    store_id: '552',
    user_note: null,
    site_note: null,
    payment: 'Khi nhận hàng (COD)',
    payment_method_id: null,
    payment_id: null,
    payment_status: 0,
    txn_id: null,
    item_fee: { 'Phí Ship': 'Chưa tính' },
    used_wallets: null,
    wallet_option: null,
    cart_fees: null,
    commerce_fee: '0',
    is_reject: '0',
    commissions: null,
    orders_time: '2022-06-10 10:48:14',
    delete_flag: '0',
    delivery_time: null,
    utm_source: 'App',
    modified: '2022-06-10 10:53:56',
    created: '2022-06-10 10:47:45',
    accept_commission_ref_date: null,
    comment: '',
    comment_time: null,
    star: null,
    pricing_id: null,
    cart_type_name: 'Đơn hàng',
    count: 0,
    user: { user_id: '56913', name: 'Đinh Thị Phương Thảo' },
    pos_details: '',
    promotions: [],
    address: {
      id: '30822',
      user_id: '56913',
      name: 'Thẻo',
      tel: '0336965825',
      address: '64 đội cấn(Phường Đội Cấn,Quận Ba Đình,Thành phố Hà Nội)',
      province_id: '1',
      district_id: '101',
      ward_id: '1096',
      city: 'Thành phố Hà Nội',
      district: 'Quận Ba Đình',
      ward: 'Phường Đội Cấn',
      latitude: '21.0344836',
      longitude: '105.8298894',
      default_flag: '1',
      delete_flag: '0',
      modified: '2022-05-26 14:02:22',
      created: '2022-05-26 14:02:22',
      ...address,
    },
    name_payment_method: 'Khi nhận hàng (COD)',
    store_name: 'Điểm bán 1',
    pricing_name: '',
    payment_status_name: 'Chưa thanh toán',
    ...rest,
  };
}

/** The example product of Abaha's webhook page (docs/abaha.md) with overrides. */
export function abahaProduct(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '873167',
    order_type: '1',
    product_code: 'CEkJ48H4W4',
    product_type: '0',
    name: 'Kẻ chân mày - Chanel',
    unit_name: null,
    discount: '1500000',
    discount_percent: '0',
    price: '1500000',
    price_steps: null,
    commission_ref: '0',
    cashback_percent: null,
    cart_step: '1.0',
    cat_id: '53560',
    ordering: '1',
    brand: '',
    sku: null,
    rate: '5',
    inventory: '998',
    sale_in_stock: '0',
    level_inventory_min: '0',
    level_inventory_max: '999999999',
    weight: '0',
    slug: 'ke-chan-may-chanel',
    image: 'https://abphotos.link/photos/origin/no-product-image.png',
    video: null,
    short_content: '',
    content: '',
    desc: null,
    made_in: '',
    tags: null,
    share_link: null,
    has_attr: '0',
    sales: '2',
    delete_flag: '0',
    empty_flag: '0',
    modified: '2022-06-09 13:10:30',
    created: '2022-05-26 14:34:10',
    attributes: null,
    ...overrides,
  };
}

/** The example customer of Abaha's webhook page (docs/abaha.md) with overrides. */
export function abahaCustomer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const nulls = [
    'premium_name',
    'premium_date',
    'last_login',
    'tags',
    'quote',
    'intro',
    'youtube',
    'facebook',
    'image',
    'image_cover',
    'id_card',
    'image_id_card_front',
    'image_id_card_back',
    'image_id_card',
    'bank_account',
    'bank_account_name',
    'bank_branch',
    'brand',
    'invite_id',
    'refer',
    'ref_code',
    'invite_link',
    'invite_link_shorten',
    'invite_user_id',
    'pricing_id',
    'pos_type',
    'pos_id',
    'store_id',
    'accept_refer_date',
  ];
  return {
    user_id: '1347849',
    name: 'Robot 2',
    tel: '0989898990',
    premium: '0',
    premium_point: '0',
    birthday: '',
    gender: '',
    email: '',
    delete_flag: '0',
    is_refer: '0',
    language: 'vi',
    bonus_invite_flag: '0',
    modified: '2022-06-09 13:16:01',
    created: '2022-06-09 13:16:01',
    ...Object.fromEntries(nulls.map((key) => [key, null])),
    ...overrides,
  };
}

/** The optional Key/Value the shop owner set in Abaha's "Thông tin header". */
export interface AbahaHeader {
  name: string;
  value: string;
}

export class AbahaSender {
  /** What was sent, so a redelivery resends the same bytes. */
  readonly sent: Array<{ url: string; body: string; headers: Record<string, string> }> = [];

  constructor(private readonly header?: AbahaHeader) {}

  /** POSTs one event as Abaha's webhook does. */
  send(url: string, payload: unknown): Promise<SentDelivery> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': 'GuzzleHttp/7' };
    if (this.header) headers[this.header.name] = this.header.value;
    const body = JSON.stringify(payload);
    this.sent.push({ url, body, headers });
    return post(url, body, headers);
  }

  /** Resends an earlier delivery unchanged (the last one by default), as Abaha's retry or "Gửi lại" does. */
  redeliver(index = this.sent.length - 1): Promise<SentDelivery> {
    const delivery = this.sent[index];
    if (!delivery) throw new Error('Abaha sender: nothing was sent yet');
    return post(delivery.url, delivery.body, delivery.headers);
  }
}
