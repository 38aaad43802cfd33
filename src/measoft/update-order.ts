/**
 * Update MeaSoft Courier Order: `editorder` (docs/measoft.md, "Shipping flow", editorder). MeaSoft
 * wants the edited order in full, as if it were created anew, so the order is read first (statusreq)
 * and only the fields the user filled in replace what MeaSoft holds; an empty field keeps the stored
 * value. When nothing would change, nothing is sent. The buyer's delivery fee (neworder's `deliveryprice`)
 * is the exception: statusreq does not report it (its `deliveryprice` is the courier service's own
 * charge), so it cannot be copied and an edit without it would erase it. The user states it (or 0 for
 * none) with every change, and the step refuses before any request when it is empty
 * (docs/measoft.md, "Shipping flow", editorder).
 */
import { defineCreate, type CreatePerform, type ZObject } from 'zapier-platform-core';
import { invalidInput } from '../common/errors';
import { INTEGER_FORMS, NUMBER_FORMS, readNumber, readText } from '../common/input';
import { requireMeasoft } from '../credentials';
import { findOrders } from './client';
import { MEASOFT_ORDER_ERRORS, measoftError } from './errors';
import { branchTimeZoneField, ORDER_OUTPUT_FIELDS, readOrderReading } from './fields';
import { toNumber } from './read-order';
import { editOrder, storedOrders } from './reference-client';
import { orderStatusSample } from './samples';
import { townRefusal } from './town-suggestions';
import type { UpdatedCourierOrder } from './types';
import { attr, type XmlElement } from './xml-reader';
import { element, type XmlNode } from './xml-writer';

export const UPDATE_ORDER_KEY = 'measoft_update_order';

/** The inputs that change something: key, label, where it goes (`receiver/<name>` or `<name>` of the order). */
const CHANGES = [
  { key: 'receiver_name', label: 'Receiver Name', target: ['receiver', 'person'] },
  { key: 'receiver_company', label: 'Receiver Company', target: ['receiver', 'company'] },
  { key: 'receiver_phone', label: 'Receiver Phone', target: ['receiver', 'phone'] },
  { key: 'receiver_town', label: 'Receiver Town', target: ['receiver', 'town'] },
  { key: 'receiver_address', label: 'Receiver Address', target: ['receiver', 'address'] },
  { key: 'receiver_zipcode', label: 'Receiver Postal Code', target: ['receiver', 'zipcode'] },
  { key: 'delivery_date', label: 'Delivery Date', target: ['receiver', 'date'] },
  { key: 'time_min', label: 'Delivery Time From', target: ['receiver', 'time_min'] },
  { key: 'time_max', label: 'Delivery Time To', target: ['receiver', 'time_max'] },
  { key: 'price', label: 'Amount to Collect', target: ['price'] },
  { key: 'instruction', label: 'Instructions for the Courier', target: ['instruction'] },
] as const;
type ChangeKey = (typeof CHANGES)[number]['key'];
const LABEL = Object.fromEntries(CHANGES.map(({ key, label }) => [key, label])) as Record<ChangeKey, string>;
const FEE_LABEL = 'Delivery Fee Charged to the Buyer';
const FEE_VAT_LABEL = 'Delivery Fee VAT Rate (%)';

/** The buyer's fee as the user states it: the amount (0: no fee) and its VAT rate, or undefined when empty. */
export interface StatedFee {
  price: number;
  vatRate: number | undefined;
}
export function readFee(z: ZObject, input: Record<string, unknown>): StatedFee | undefined {
  const price = readNumber(z, FEE_LABEL, input.deliveryprice);
  const vatRate = readNumber(z, FEE_VAT_LABEL, input.deliveryprice_vat_rate, { integer: true });
  if (price === undefined) {
    if (vatRate !== undefined)
      throw invalidInput(z, FEE_LABEL, `the delivery fee, because ${FEE_VAT_LABEL} is filled in`);
    return undefined;
  }
  return { price, vatRate };
}

// neworder's elements (docs/measoft.md): what an edit carries over from the stored order, in this order.
const PARTY: Record<'sender' | 'receiver', readonly string[]> = {
  sender: ['company', 'person', 'phone', 'town', 'address', 'date', 'time_min', 'time_max'],
  receiver: ['company', 'person', 'phone', 'zipcode', 'town', 'address', 'pvz', 'inn', 'date', 'time_min', 'time_max'],
};
const ORDER_ELEMENTS = [
  'pickup',
  'return',
  'weight',
  'return_weight',
  'quantity',
  'paytype',
  'service',
  'return_service',
  'type',
  'return_type',
  'price',
  'inshprice',
  'receiverpays',
  'enclosure',
  'instruction',
  'department',
  'acceptpartially',
] as const;
const NUMERIC = new Set(['weight', 'return_weight', 'quantity', 'price', 'inshprice']);
const ITEM_ATTRIBUTES = [
  'code',
  'extcode',
  'quantity',
  'mass',
  'retprice',
  'VATrate',
  'barcode',
  'article',
  'volume',
  'type',
  'length',
  'width',
  'height',
];
const PACKAGE_ATTRIBUTES = ['code', 'strbarcode', 'mass', 'message', 'length', 'width', 'height'];

const child = (node: XmlElement | undefined, name: string): XmlElement | undefined =>
  node?.children.find((c) => c.name === name);

function readDay(z: ZObject, value: unknown): string | undefined {
  const text = readText(value);
  if (text === '') return undefined;
  const [, y, m, d] = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text) ?? [];
  const day = y ? new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))) : undefined;
  if (!day || day.getUTCMonth() !== Number(m) - 1 || day.getUTCDate() !== Number(d))
    throw invalidInput(z, LABEL.delivery_date, 'a date such as 2024-05-20', value);
  return `${y}-${m}-${d}`;
}

function readClock(z: ZObject, key: 'time_min' | 'time_max', value: unknown): string | undefined {
  const text = readText(value);
  if (text === '') return undefined;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(text))
    throw invalidInput(z, LABEL[key], 'a time such as 10:00 (24-hour, HH:MM)', value);
  return text;
}

/** The filled-in fields, read and checked before anything is sent; empty ones are left out. */
export function readChanges(z: ZObject, input: Record<string, unknown>): Partial<Record<ChangeKey, string>> {
  const changes: Partial<Record<ChangeKey, string>> = {};
  for (const { key } of CHANGES) {
    let value: string | number | undefined;
    if (key === 'delivery_date') value = readDay(z, input[key]);
    else if (key === 'time_min' || key === 'time_max') value = readClock(z, key, input[key]);
    else if (key === 'price') value = readNumber(z, LABEL.price, input[key]);
    else value = readText(input[key]) || undefined;
    if (value !== undefined) changes[key] = String(value);
  }
  if (changes.time_min && changes.time_max && changes.time_min > changes.time_max)
    throw invalidInput(z, LABEL.time_max, `a time after ${LABEL.time_min} (${changes.time_min})`, changes.time_max);
  return changes;
}

/** A stored value as neworder wants it: numbers with a decimal point, the rest as MeaSoft wrote it. */
const asSent = (name: string, text: string): string => {
  if (!NUMERIC.has(name)) return text;
  const number = toNumber(text);
  return number === null ? text : String(number);
};

const copyAttributes = (node: XmlElement, names: readonly string[]): Array<[string, string]> =>
  names.flatMap((name) => {
    const value = attr(node, name);
    return value === undefined || value.trim() === '' ? [] : [[name, asSentAttribute(value)] as [string, string]];
  });
const asSentAttribute = (value: string): string => {
  const number = toNumber(value);
  return number !== null && /^[\d\s\u00a0]+([.,]\d+)?$/.test(value.trim()) ? String(number) : value.trim();
};

function party(
  stored: XmlElement | undefined,
  names: readonly string[],
  replaced: Map<string, string>,
): XmlNode | undefined {
  const children = names.flatMap((name): XmlNode[] => {
    const old = child(stored, name);
    const value = replaced.get(name) ?? old?.text.trim() ?? '';
    if (value === '') return [];
    // A new town drops the stored region and country, which described the old one.
    const attributes = old && !replaced.has(name) ? copyAttributes(old, ['regioncode', 'country']) : [];
    return [element(name, attributes, [], value)];
  });
  return children.length > 0 ? element(stored?.name ?? 'receiver', [], children) : undefined;
}

/** The whole `<order>` for editorder: the stored order with the changes applied. */
export function editedOrder(stored: XmlElement, changes: Partial<Record<ChangeKey, string>>, fee: StatedFee): XmlNode {
  const receiverChanges = new Map<string, string>();
  const orderChanges = new Map<string, string>();
  for (const { key, target } of CHANGES) {
    const value = changes[key];
    if (value === undefined) continue;
    if (target[0] === 'receiver') receiverChanges.set(target[1], value);
    else orderChanges.set(target[0], value);
  }
  const sender = child(stored, 'sender');
  const receiver = child(stored, 'receiver') ?? { name: 'receiver', attributes: [], children: [], text: '' };
  const simple = ORDER_ELEMENTS.flatMap((name): XmlNode[] => {
    const value = orderChanges.get(name) ?? asSent(name, child(stored, name)?.text.trim() ?? '');
    const node = value === '' ? [] : [element(name, [], [], value)];
    // The buyer's fee, as the user stated it (statusreq's `deliveryprice` is not this fee, so never copied).
    return name === 'price' ? [...node, element('deliveryprice', [['VATrate', fee.vatRate]], [], fee.price)] : node;
  });
  const items = (child(stored, 'items')?.children ?? [])
    .filter((item) => item.name === 'item')
    .map((item) => element('item', copyAttributes(item, ITEM_ATTRIBUTES), [], item.text.trim() || undefined));
  const packages = (child(stored, 'packages')?.children ?? [])
    .filter((pack) => pack.name === 'package')
    .map((pack) =>
      element(
        'package',
        copyAttributes(pack, PACKAGE_ATTRIBUTES),
        [],
        (attr(pack, 'name') ?? pack.text).trim() || undefined,
      ),
    );
  return element(
    'order',
    [
      ['orderno', attr(stored, 'orderno') ?? ''],
      ['orderno2', attr(stored, 'orderno2')?.trim() || undefined],
    ],
    [
      sender ? party(sender, PARTY.sender, new Map()) : undefined,
      party(receiver, PARTY.receiver, receiverChanges),
      ...simple,
      items.length > 0 ? element('items', [], items) : undefined,
      packages.length > 0 ? element('packages', [], packages) : undefined,
    ],
  );
}

/** The stored value of a change's target, to tell a real change from a repeat. */
function storedValue(stored: XmlElement, target: readonly string[]): string {
  const node = target.length === 2 ? child(child(stored, target[0]!), target[1]!) : child(stored, target[0]!);
  const text = node?.text.trim() ?? '';
  return target[0] === 'price' ? asSent('price', text) : text;
}

/** MeaSoft's refusal of an edit: documented codes with their meaning, others with the documented restriction. */
function editRefusal(z: ZObject, code: number, text: string | null, orderno: string): Error {
  if (MEASOFT_ORDER_ERRORS[code]) return measoftError(z, code, text ?? undefined, 'order');
  return new z.errors.Error(
    `MeaSoft refused to change order ${orderno}: error ${code}${text ? ` "${text}"` : ''} (MeaSoft documents no ` +
      'code for this refusal; it changes only orders that are not in process yet, and only when your courier ' +
      'service has its Premium or Maximum plan with "Allow canceling and editing orders" switched on). ' +
      'Nothing was changed.',
    `MeasoftError${code}`,
    400,
  );
}

export const perform = (async (z, bundle) => {
  const input = bundle.inputData as Record<string, unknown>;
  const orderno = readText(input.orderno);
  if (orderno === '') throw invalidInput(z, 'Order Number', "MeaSoft's order number, e.g. 00032011");
  const changes = readChanges(z, input);
  const fee = readFee(z, input);
  if (Object.keys(changes).length === 0 && fee === undefined) {
    throw new z.errors.Error(
      `Every field to change is empty, so nothing was sent. Fill in at least one of: ${[...CHANGES.map(({ label }) => label), FEE_LABEL].join(', ')}.`,
      'InvalidInput',
      400,
    );
  }
  if (fee === undefined) {
    throw new z.errors.Error(
      `${FEE_LABEL} is empty, so nothing was sent. MeaSoft takes a changed order only in full and does not ` +
        'report the delivery fee the buyer pays, so a change without it would erase the stored fee. Fill in the ' +
        'fee the buyer pays (as given to Create MeaSoft Courier Order), or 0 when the buyer pays no delivery fee.',
      'InvalidInput',
      400,
    );
  }
  const reading = readOrderReading(z, input.branch_time_zone);
  const credentials = requireMeasoft(z, bundle);
  const found = (await storedOrders(z, credentials, orderno)).filter((order) => attr(order, 'orderno') === orderno);
  if (found.length !== 1) {
    throw new z.errors.Error(
      found.length === 0
        ? `MeaSoft has no order ${orderno}; nothing was changed. Check the Order Number (for orders Create MeaSoft Courier Order made, your shop's order number).`
        : `MeaSoft returned ${found.length} orders numbered ${orderno}; nothing was changed.`,
      'MeasoftOrderNotFound',
      404,
    );
  }
  const stored = found[0]!;
  const changed: Array<{ key: string; label: string }> = CHANGES.filter(
    ({ key, target }) => changes[key] !== undefined && changes[key] !== storedValue(stored, target),
  );
  // The fee cannot be compared with MeaSoft's: it is sent with every change, and alone only when it is all
  // the user filled in (a repeat of unchanged fields then sends nothing, the fee included).
  const feeOnly = Object.keys(changes).length === 0;
  if (changed.length > 0 || feeOnly) changed.push({ key: 'deliveryprice', label: FEE_LABEL });
  const read = async (note: string, updated: boolean): Promise<UpdatedCourierOrder> => {
    const [order] = await findOrders(z, credentials, { orderno }, reading);
    if (!order)
      throw new z.errors.Error(
        `${note} MeaSoft did not return the order when asked right after.`,
        'MeasoftNotReadBack',
        502,
      );
    return {
      ...order,
      updated_now: updated,
      changed_fields: changed.map(({ key }) => key).join(', '),
      result_note: note,
    };
  };
  if (changed.length === 0)
    return read(
      `MeaSoft already had these values for order ${orderno}; nothing was sent, ${FEE_LABEL} included ` +
        '(MeaSoft does not report the fee, so it cannot be compared; to change only the fee, fill in only the fee).',
      false,
    );
  const answer = await editOrder(z, credentials, editedOrder(stored, changes, fee));
  if (answer.code === 5 || answer.code === 6) {
    const town =
      answer.code === 5
        ? (changes.receiver_town ?? storedValue(stored, ['receiver', 'town']))
        : storedValue(stored, ['sender', 'town']);
    throw await townRefusal(z, credentials, {
      label: answer.code === 5 ? LABEL.receiver_town : "Sender's Town (Stored in MeaSoft)",
      town,
      list: 'order',
      code: answer.code,
      text: answer.text,
      outcome: `Order ${orderno} was not changed.`,
    });
  }
  if (answer.code !== 0) throw editRefusal(z, answer.code, answer.text, orderno);
  const others = changed.filter(({ key }) => key !== 'deliveryprice').map(({ label }) => label);
  const sentFee = `${FEE_LABEL} sent as ${fee.price}${fee.vatRate === undefined ? '' : ` (VAT ${fee.vatRate}%)`}`;
  return read(
    others.length > 0
      ? `MeaSoft changed ${others.join(', ')} of order ${orderno} (${sentFee}).`
      : `MeaSoft took the order ${orderno} again with ${sentFee}.`,
    true,
  );
}) satisfies CreatePerform<Record<string, unknown>, UpdatedCourierOrder>;

const field = (key: string, label: string, helpText: string, required = false) => ({
  key,
  label,
  required,
  type: 'string' as const,
  helpText,
});

export default defineCreate({
  key: UPDATE_ORDER_KEY,
  noun: 'Courier Order',
  display: {
    label: 'Update MeaSoft Courier Order',
    description:
      "Changes a courier order's receiver, delivery window, amount to collect or instructions before the courier service starts on it.",
  },
  operation: {
    inputFields: [
      field(
        'orderno',
        'Order Number',
        "MeaSoft's order number (Order Number of Create or Find MeaSoft Courier Order). MeaSoft changes only orders " +
          'that are not in process yet, and only when your courier service allows editing.',
        true,
      ),
      field('receiver_name', LABEL.receiver_name, 'Optional. A new receiver name. Empty keeps the stored one.'),
      field(
        'receiver_company',
        LABEL.receiver_company,
        'Optional. A new receiving company. Empty keeps the stored one.',
      ),
      field(
        'receiver_phone',
        LABEL.receiver_phone,
        'Optional. A new phone number, e.g. `+7 (916) 000-00-00`. Empty keeps the stored one.',
      ),
      field(
        'receiver_town',
        LABEL.receiver_town,
        'Optional. A new town of delivery, e.g. `Москва`. Empty keeps the stored one.',
      ),
      field('receiver_address', LABEL.receiver_address, 'Optional. A new street address. Empty keeps the stored one.'),
      field('receiver_zipcode', LABEL.receiver_zipcode, 'Optional. A new postal code. Empty keeps the stored one.'),
      field(
        'delivery_date',
        LABEL.delivery_date,
        'Optional. A new day of delivery, `YYYY-MM-DD` (a mapped ISO 8601 date and time works too). Empty keeps the stored one.',
      ),
      field(
        'time_min',
        LABEL.time_min,
        'Optional. A new start of the delivery window, `HH:MM`. Empty keeps the stored one.',
      ),
      field(
        'time_max',
        LABEL.time_max,
        'Optional. A new end of the delivery window, `HH:MM`. Empty keeps the stored one.',
      ),
      field(
        'price',
        LABEL.price,
        'Optional. A new amount for the courier to collect, e.g. `2490`. Empty keeps the stored one.',
      ),
      field(
        'instruction',
        LABEL.instruction,
        'Optional. New instructions for the courier. Empty keeps the stored ones.',
      ),
      field(
        'deliveryprice',
        FEE_LABEL,
        'Required for any change. The delivery fee the buyer pays, e.g. `350` (as given to Create MeaSoft Courier ' +
          'Order), or `0` when there is none. MeaSoft does not report this fee back and takes a changed order ' +
          `only in full, so an update resends the fee given here, and refuses when it is empty. Accepts ${NUMBER_FORMS}.`,
        true,
      ),
      field(
        'deliveryprice_vat_rate',
        FEE_VAT_LABEL,
        `Optional. The VAT rate of the delivery fee in per cent, e.g. \`20\`, as given to Create MeaSoft Courier Order: ${INTEGER_FORMS}.`,
      ),
      branchTimeZoneField,
    ],
    perform,
    sample: {
      ...orderStatusSample,
      updated_now: true,
      changed_fields: 'receiver_phone, deliveryprice',
      result_note: 'MeaSoft changed Receiver Phone of order ИМ-000451 (Delivery Fee Charged to the Buyer sent as 350).',
    },
    outputFields: [
      ...ORDER_OUTPUT_FIELDS,
      { key: 'updated_now', label: 'Updated Now (False When Nothing Needed Changing)', type: 'boolean' },
      { key: 'changed_fields', label: 'Changed Fields', type: 'string' },
      { key: 'result_note', label: 'Result Note', type: 'string' },
    ],
  },
});
