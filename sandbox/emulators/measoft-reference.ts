/**
 * MeaSoft's reference requests and order editing for the sandbox, written from the API
 * documentation and the public clients (docs/measoft.md, "Shipping flow"), never from the app's code:
 * - `calculator` with one `<calc townfrom townto l w h mass inshprice service/>`: one `<calc>` per
 *   delivery mode (or the one asked for), each with townfrom, townto, mass, `<service name>`, zone,
 *   price, mindeliverydays, maxdeliverydays, mindeliverydate; root errors 18/19 (town missing),
 *   21/22 (town not found), 23 (weight missing), 20 (bad weight), 15 (no such tariff);
 * - `pvzlist` by `town` and/or `code`, with `limit/limitfrom` and `limit/limitcount`;
 * - `services`: the delivery modes; `townlist` by `conditions/namecontains|namestarts|name`;
 * - `editorder`: the whole order again (as neworder), answered like neworder with an `editorder`
 *   root. An order left out of the request keeps nothing it is not sent: receiver, sender, fields,
 *   packages and the buyer's fee (`deliveryprice`, which statusreq never shows) are replaced, a fee
 *   not sent again is dropped, and a stored item missing from the request stays with quantity 0, as
 *   the documentation says. Refusals: 5 (receiver's town unknown), and the emulator's own codes for
 *   what the documentation names without a code: 52 no such order, 53 editing not allowed for this
 *   client, 54 the order is in process (its status is no longer NEW).
 *
 * PRICES ARE INVENTED, not MeaSoft's: zone 1 (same town) 300, zone 2 (Москва <-> Санкт-Петербург)
 * 450, zone 3 (any other pair) 600; plus 40 per started kilogram above the first; plus 1% of the
 * declared value; times 1.6 for Экспресс and 0.8 for До пункта выдачи, rounded to whole roubles.
 * Days: zone 1 1-1, zone 2 2-3, zone 3 4-6; Экспресс one day less (at least 1).
 */
import type { Reply } from './server';

type Node = Record<string, unknown>;

export interface EmulatedTown {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
}

export const EMULATED_TOWNS: readonly EmulatedTown[] = [
  { code: '1', name: 'Москва', regionCode: '77', regionName: 'Москва' },
  { code: '2', name: 'Санкт-Петербург', regionCode: '78', regionName: 'Санкт-Петербург' },
  { code: '3', name: 'Казань', regionCode: '16', regionName: 'Республика Татарстан' },
  { code: '4', name: 'Екатеринбург', regionCode: '66', regionName: 'Свердловская область' },
  { code: '5', name: 'Новосибирск', regionCode: '54', regionName: 'Новосибирская область' },
  { code: '6', name: 'Московский', regionCode: '77', regionName: 'Москва' },
  { code: '7', name: 'Мытищи', regionCode: '50', regionName: 'Московская область' },
];

export const EMULATED_SERVICES = [
  { code: '1', name: 'Стандарт', factor: 1, dayCut: 0 },
  { code: '2', name: 'Экспресс', factor: 1.6, dayCut: 1 },
  { code: '3', name: 'До пункта выдачи', factor: 0.8, dayCut: 0 },
] as const;

export interface EmulatedPickupPoint {
  code: string;
  clientcode: string;
  name: string;
  parentcode: string;
  parentname: string;
  town: string;
  address: string;
  phone: string;
  comment: string;
  worktime: string;
  traveldescription: string;
  maxweight: string;
  acceptcash: 'YES' | 'NO';
  acceptcard: 'YES' | 'NO';
  acceptfitting: 'YES' | 'NO';
  acceptindividuals: 'YES' | 'NO';
  latitude: string;
  longitude: string;
}

export const EMULATED_PICKUP_POINTS: readonly EmulatedPickupPoint[] = [
  {
    code: '124',
    clientcode: 'MSK-TV7',
    name: 'ПВЗ на Тверской',
    parentcode: '1',
    parentname: 'Москва, центральный склад',
    town: 'Москва',
    address: 'ул. Тверская, д. 7',
    phone: '+7 (495) 000-00-07',
    comment: 'Вход со двора',
    worktime: 'пн-пт 10:00-20:00, сб 10:00-16:00',
    traveldescription: 'м. Охотный ряд, 3 минуты пешком',
    maxweight: '15',
    acceptcash: 'YES',
    acceptcard: 'YES',
    acceptfitting: 'YES',
    acceptindividuals: 'YES',
    latitude: '55.7577',
    longitude: '37.6137',
  },
  {
    code: '125',
    clientcode: 'MSK-PR12',
    name: 'ПВЗ Профсоюзная',
    parentcode: '1',
    parentname: 'Москва, центральный склад',
    town: 'Москва',
    address: 'ул. Профсоюзная, д. 12',
    phone: '+7 (495) 000-00-12',
    comment: '',
    worktime: 'ежедневно 09:00-21:00',
    traveldescription: 'м. Академическая',
    maxweight: '30',
    acceptcash: 'YES',
    acceptcard: 'NO',
    acceptfitting: 'NO',
    acceptindividuals: 'YES',
    latitude: '55.6875',
    longitude: '37.5722',
  },
  {
    code: '210',
    clientcode: 'SPB-NV20',
    name: 'ПВЗ Невский',
    parentcode: '2',
    parentname: 'Санкт-Петербург, склад',
    town: 'Санкт-Петербург',
    address: 'Невский пр., д. 20',
    phone: '+7 (812) 000-00-20',
    comment: 'Только предоплаченные заказы',
    worktime: 'пн-сб 10:00-19:00',
    traveldescription: 'м. Невский проспект',
    maxweight: '10',
    acceptcash: 'NO',
    acceptcard: 'NO',
    acceptfitting: 'NO',
    acceptindividuals: 'YES',
    latitude: '59.9356',
    longitude: '30.3260',
  },
];

/** What the reference handlers need from the order emulator. */
export interface ReferenceHost {
  readonly orders: Map<string, EditableOrder>;
  /** False: the courier service has not allowed its clients to edit orders. */
  editingAllowed(): boolean;
  now(): Date;
  /** Records a change of the order (streams see it again). */
  touched(order: EditableOrder): void;
}

export interface EditableOrder {
  orderno: string;
  receiver: Record<string, string>;
  sender: Record<string, string> | null;
  fields: Record<string, string>;
  deliveryFee: { price: string; vatRate: string } | null;
  items: Array<{ name: string; attributes: Record<string, string> }>;
  packages: Array<{ name: string; attributes: Record<string, string> }>;
  statuses: Array<{ code: string }>;
}

export type Reply_ = (root: string, content: Node) => Reply;

const text = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return text((value as Node)['#text']);
  return String(value).trim();
};
const list = (value: unknown): Node[] =>
  value === undefined || value === null ? [] : ((Array.isArray(value) ? value : [value]) as Node[]);

/** A `receiver` or `sender` block: the named elements as text ('' when left out). */
export const readParty = (value: unknown, names: readonly string[]): Record<string, string> => {
  const node = (typeof value === 'object' && value !== null ? value : {}) as Node;
  return Object.fromEntries(names.map((name) => [name, text(node[name])]));
};

/** Repeated `item` or `package` elements: the text (name) and the attributes. */
export const readRows = (value: unknown): Array<{ name: string; attributes: Record<string, string> }> =>
  list(value).map((row) => ({
    name: text(row),
    attributes: Object.fromEntries(
      Object.entries(typeof row === 'object' && row !== null ? row : {})
        .filter(([key]) => key.startsWith('@'))
        .map(([key, value]) => [key.slice(1), String(value)]),
    ),
  }));
/** What a `<sender>` block holds (semivan's CreateOrderOperation; the documentation's order example). */
export const SENDER_ELEMENTS = ['company', 'person', 'phone', 'town', 'address', 'date', 'time_min', 'time_max'];

export const townNamed = (name: string): EmulatedTown | undefined =>
  EMULATED_TOWNS.find((town) => town.name.toLowerCase() === name.trim().toLowerCase());

function zoneOf(from: EmulatedTown, to: EmulatedTown): 1 | 2 | 3 {
  if (from.code === to.code) return 1;
  const pair = new Set([from.name, to.name]);
  return pair.has('Москва') && pair.has('Санкт-Петербург') ? 2 : 3;
}

const DAYS = { 1: [1, 1], 2: [2, 3], 3: [4, 6] } as const;
const BASE = { 1: 300, 2: 450, 3: 600 } as const;

function calculator(root: Node, reply: Reply_, now: Date): Reply {
  const calc = (root.calc ?? {}) as Node;
  const fail = (code: number, message: string) => reply('calculator', { '@error': String(code), '@errormsg': message });
  const fromName = text(calc['@townfrom']);
  const toName = text(calc['@townto']);
  if (fromName === '') return fail(18, 'Город отправления не указан');
  if (toName === '') return fail(19, 'Город назначения не указан');
  const from = townNamed(fromName);
  if (!from) return fail(21, 'Город отправления не найден');
  const to = townNamed(toName);
  if (!to) return fail(22, 'Город назначения не найден');
  const massText = text(calc['@mass']);
  if (massText === '') return fail(23, 'Масса не указана');
  const mass = Number(massText);
  if (!Number.isFinite(mass) || mass <= 0) return fail(20, 'Неверная масса');
  const wanted = text(calc['@service']);
  const services = EMULATED_SERVICES.filter((service) => wanted === '' || service.code === wanted);
  if (services.length === 0) return fail(15, 'Тариф не найден');
  const declared = Number(text(calc['@inshprice']) || 0);
  const zone = zoneOf(from, to);
  const calcs = services.map((service) => {
    const base = BASE[zone] + 40 * Math.max(0, Math.ceil(mass) - 1) + (Number.isFinite(declared) ? declared / 100 : 0);
    const [min, max] = DAYS[zone];
    const minDays = Math.max(1, min - service.dayCut);
    const date = new Date(now.getTime() + minDays * 86_400_000).toISOString().slice(0, 10);
    return {
      townfrom: { '@code': from.code, '#text': from.name },
      townto: { '@code': to.code, '#text': to.name },
      mass: String(mass),
      service: { '@name': service.name, '#text': service.code },
      zone: String(zone),
      price: Math.round(base * service.factor).toFixed(2),
      mindeliverydays: String(minDays),
      maxdeliverydays: String(Math.max(1, max - service.dayCut)),
      mindeliverydate: date,
    };
  });
  return reply('calculator', { calc: calcs });
}

function limits(root: Node): { from: number; count: number } {
  const limit = (root.limit ?? {}) as Node;
  return { from: Number(text(limit.limitfrom) || 0), count: Number(text(limit.limitcount) || 10_000) };
}

function pvzlist(root: Node, reply: Reply_): Reply {
  const town = text(root.town).toLowerCase();
  const code = text(root.code);
  const { from, count } = limits(root);
  const found = EMULATED_PICKUP_POINTS.filter(
    (point) => (town === '' || point.town.toLowerCase() === town) && (code === '' || point.code === code),
  ).slice(from, from + count);
  return reply('pvzlist', {
    '@count': String(found.length),
    pvz: found.map((point) => {
      const { town: name, ...rest } = point;
      const where = townNamed(name)!;
      return {
        ...rest,
        town: { '@code': where.code, '@regioncode': where.regionCode, '@regionname': where.regionName, '#text': name },
      };
    }),
  });
}

function townlist(root: Node, reply: Reply_): Reply {
  const conditions = (root.conditions ?? {}) as Node;
  const contains = text(conditions.namecontains).toLowerCase();
  const starts = text(conditions.namestarts).toLowerCase();
  const exact = text(conditions.name).toLowerCase();
  const { from, count } = limits(root);
  const found = EMULATED_TOWNS.filter((town) => {
    const name = town.name.toLowerCase();
    return name.includes(contains) && name.startsWith(starts) && (exact === '' || name === exact);
  }).slice(from, from + count);
  return reply('townlist', {
    '@count': String(found.length),
    '@page': '1',
    town: found.map((town) => ({
      code: town.code,
      name: town.name,
      city: { code: town.regionCode, name: town.regionName },
    })),
  });
}

function editOne(host: ReferenceHost, input: Node): Node {
  const orderno = text(input['@orderno']);
  const fail = (code: number, message: string) => ({
    '@orderno': orderno,
    '@error': String(code),
    '@errormsg': message,
  });
  const order = host.orders.get(orderno);
  if (!order) return fail(52, 'Заказ не найден');
  if (!host.editingAllowed()) return fail(53, 'Редактирование заказов не разрешено');
  if (order.statuses[order.statuses.length - 1]!.code !== 'NEW')
    return fail(54, 'Заказ уже в работе, изменение невозможно');
  const receiver = (input.receiver ?? {}) as Node;
  if (text(receiver.town) !== '' && !townNamed(text(receiver.town))) return fail(5, 'Не найден город получатель');
  if (text(receiver.address) === '') return fail(7, 'Не заполнен адрес получателя');
  if (text(receiver.phone) === '') return fail(8, 'Не заполнен телефон получателя');
  const sender = input.sender === undefined ? null : readParty(input.sender, SENDER_ELEMENTS);
  if (sender?.town && !townNamed(sender.town)) return fail(6, 'Не найден город отправитель');
  // The request is the whole order: what it leaves out is no longer stored.
  order.receiver = Object.fromEntries(Object.keys(order.receiver).map((name) => [name, text(receiver[name])]));
  order.sender = sender;
  order.fields = Object.fromEntries(Object.keys(order.fields).map((name) => [name, text(input[name])]));
  const fee = input.deliveryprice;
  order.deliveryFee =
    text(fee) === '' ? null : { price: text(fee), vatRate: text((fee as Node | undefined)?.['@VATrate']) };
  order.packages = readRows(((input.packages ?? {}) as Node).package);
  const sent = readRows(((input.items ?? {}) as Node).item);
  const kept = order.items
    .filter((old) => !sent.some((item) => item.name === old.name))
    .map((old) => ({ ...old, attributes: { ...old.attributes, quantity: '0' } }));
  order.items = [...sent, ...kept];
  host.touched(order);
  return { '@orderno': orderno, '@barcode': orderno, '@error': '0', '@errormsg': 'Success' };
}

/** The reference requests and editorder; undefined for any other request. */
export function handleReference(rootName: string, root: Node, host: ReferenceHost, reply: Reply_): Reply | undefined {
  switch (rootName) {
    case 'calculator':
      return calculator(root, reply, host.now());
    case 'pvzlist':
      return pvzlist(root, reply);
    case 'services':
      return reply('services', {
        service: EMULATED_SERVICES.map((service) => ({ code: service.code, name: service.name })),
      });
    case 'townlist':
      return townlist(root, reply);
    case 'editorder':
      return reply('editorder', { createorder: list(root.order).map((order) => editOne(host, order)) });
    default:
      return undefined;
  }
}
