/**
 * Create Courier Order: `neworder` with one order, the shop's order number as the `orderno` attribute
 * of `<order>`, where MeaSoft's documentation puts a number "assigned by the client" (docs/measoft.md,
 * "neworder"). MeaSoft refuses a number already used in the same calendar year with error 17, and
 * that is the replay guard: on 17 the order with that number is read, and returned with
 * `created_now: false` when it is the same order (same receiver phone and address); another order
 * with that number is refused naming Order Number. No look-up is made before the neworder: it would
 * cost a request on every run and could not close the gap between look-up and creation, which 17 does.
 * The optional shipping fields (pickup point, delivery mode, the buyer's fee, packages, partial
 * acceptance, a sender block) are read with the rest before anything is sent (docs/measoft.md,
 * "neworder: the shipping fields"); a town MeaSoft refuses (5, 6) is named with close names.
 */
import { defineCreate, type CreatePerform, type ZObject } from 'zapier-platform-core';
import { invalidInput } from '../common/errors';
import { whatFailed } from '../common/failures';
import { DAY_FORMS, DAY_ON_CALENDAR, MOSCOW, TIME_FORMS, readDay, readTimeOfDay } from '../common/dates';
import {
  INTEGER_FORMS,
  NUMBER_FORMS,
  YES_NO_CHOICES,
  YES_NO_FORMS,
  asList,
  readBoolean,
  readChoice,
  readNumber,
  readText,
} from '../common/input';
import { readDialledPhone } from '../common/phone';
import { requireMeasoft } from '../credentials';
import { createOrder, findOrders } from './client';
import {
  branchTimeZoneField,
  ORDER_OUTPUT_FIELDS,
  PICKUP_POINT_LIST_KEY,
  readOrderReading,
  SERVICE_LIST_KEY,
} from './fields';
import { hideSecrets } from '../common/secrets';
import { orderStatusSample } from './samples';
import { measoftRefusal } from './errors';
import { isTownRefusal, townRefusal } from './town-suggestions';
import type { CreatedCourierOrder, MeasoftOrderEvent, NewOrderResult } from './types';
import { element, textElement, type XmlNode } from './xml-writer';

export const CREATE_ORDER_KEY = 'measoft_create_order';

/**
 * MeaSoft's payment types (docs/measoft.md, "Requests used"), with Russian names a mapped value from a
 * Russian-speaking shop may hold (read in any case, ё as е).
 */
export const PAYMENT_TYPES = [
  { value: 'CASH', label: 'Cash on Delivery', aliases: ['Наличными', 'Наличные'] },
  { value: 'CARD', label: 'Card on Delivery', aliases: ['Картой', 'Карта'] },
  { value: 'NO', label: 'No Payment (Prepaid)', aliases: ['Без оплаты', 'Предоплата', 'Prepaid'] },
  { value: 'OTHER', label: 'Other', aliases: ['Другое', 'Прочее'] },
] as const;

/** The labels of this step's inputs, as messages name them. */
const LABELS = {
  orderno: 'Order Number',
  name: 'Receiver Name',
  company: 'Receiver Company',
  phone: 'Receiver Phone',
  town: 'Receiver Town',
  address: 'Receiver Address',
  zipcode: 'Receiver Postal Code',
  date: 'Delivery Date',
  from: 'Delivery Time From',
  to: 'Delivery Time To',
  weight: 'Weight (kg)',
  quantity: 'Number of Parcels',
  paytype: 'Payment Type',
  price: 'Amount to Collect',
  inshprice: 'Declared Value',
  instruction: 'Instructions for the Courier',
  itemName: 'Item Name',
  itemQuantity: 'Item Quantity',
  itemPrice: 'Item Price',
  itemWeight: 'Item Weight (kg)',
  itemCode: 'Item Code',
  itemVat: 'Item VAT Rate (%)',
  pickupPoint: 'Pickup Point (Instead of a Door Address)',
  service: 'Delivery Mode',
  deliveryprice: 'Delivery Fee Charged to the Buyer',
  deliveryVat: 'Delivery Fee VAT Rate (%)',
  packageName: 'Package Name',
  packageWeight: 'Package Weight (kg)',
  packageLength: 'Package Length (cm)',
  packageWidth: 'Package Width (cm)',
  packageHeight: 'Package Height (cm)',
  packageCode: 'Package Code',
  packageBarcode: 'Package Barcode',
  acceptpartially: 'Accept Partially (Buyer May Keep Some Items)',
  senderCompany: 'Sender Company',
  senderName: 'Sender Name',
  senderPhone: 'Sender Phone',
  senderTown: 'Sender Town',
  senderAddress: 'Sender Address',
  senderDate: 'Sender Pickup Date',
  senderFrom: 'Sender Pickup Time From',
  senderTo: 'Sender Pickup Time To',
} as const;

const required = (z: ZObject, label: string, value: unknown, expected: string): string => {
  const text = readText(value);
  if (text === '') throw invalidInput(z, label, expected);
  return text;
};

/** A day by the app's one day reader (src/common/dates.ts): 10.12.2026 or 2026-12-10. */
function readDate(z: ZObject, label: string, value: unknown): string | undefined {
  const reading = readDay(value, MOSCOW);
  if (reading === undefined) return undefined;
  if ('problem' in reading)
    throw invalidInput(z, label, reading.problem === 'calendar' ? DAY_ON_CALENDAR : DAY_FORMS, readText(value));
  return reading.day;
}

/** A delivery window's start or end by the app's one time reader: 10:00 or 10.00, 24-hour. */
function readTime(z: ZObject, label: string, value: unknown): string | undefined {
  const reading = readTimeOfDay(value);
  if (reading === undefined) return undefined;
  if ('problem' in reading) throw invalidInput(z, label, TIME_FORMS, readText(value));
  return reading.time;
}

/**
 * Zapier hands a line-item group as `items: [{item_name, ...}, ...]`; values mapped into the child
 * fields from outside a line-item source may also arrive as parallel lists. Both are read.
 */
function rowsOf<K extends string>(
  input: Record<string, unknown>,
  group: string,
  keys: readonly K[],
): Array<Partial<Record<K, unknown>>> {
  const given = input[group];
  if (Array.isArray(given))
    return given.filter((row): row is Partial<Record<K, unknown>> => typeof row === 'object' && row !== null);
  const lists = keys.map((key) => asList(input[key]));
  const count = Math.max(0, ...lists.map((list) => list.length));
  return Array.from(
    { length: count },
    (_, i) => Object.fromEntries(keys.map((key, k) => [key, lists[k]![i]])) as Partial<Record<K, unknown>>,
  );
}

const ITEM_KEYS = ['item_name', 'item_quantity', 'item_price', 'item_weight', 'item_extcode', 'item_vat_rate'] as const;
type ItemRow = Partial<Record<(typeof ITEM_KEYS)[number], unknown>>;

const itemRows = (input: Record<string, unknown>): ItemRow[] => rowsOf(input, 'items', ITEM_KEYS);

/** The `<items>` of the order; a line needs a name, the rest is optional; empty lines are skipped. */
function readItems(z: ZObject, input: Record<string, unknown>): XmlNode | undefined {
  const rows = itemRows(input).filter((row) => ITEM_KEYS.some((key) => readText(row[key]) !== ''));
  const items = rows.map((row, i) => {
    const line = rows.length > 1 ? ` (line ${i + 1})` : '';
    const name = required(
      z,
      `${LABELS.itemName}${line}`,
      row.item_name,
      'the name of the item, because other item fields of this line are filled in',
    );
    return element(
      'item',
      [
        ['extcode', readText(row.item_extcode) || undefined],
        ['quantity', readNumber(z, `${LABELS.itemQuantity}${line}`, row.item_quantity, { integer: true }) ?? 1],
        ['mass', readNumber(z, `${LABELS.itemWeight}${line}`, row.item_weight)],
        ['retprice', readNumber(z, `${LABELS.itemPrice}${line}`, row.item_price)],
        ['VATrate', readNumber(z, `${LABELS.itemVat}${line}`, row.item_vat_rate, { integer: true })],
      ],
      [],
      name,
    );
  });
  return items.length > 0 ? element('items', [], items) : undefined;
}

const PACKAGE_KEYS = [
  'package_name',
  'package_weight',
  'package_length',
  'package_width',
  'package_height',
  'package_code',
  'package_barcode',
] as const;
type PackageRow = Partial<Record<(typeof PACKAGE_KEYS)[number], unknown>>;

/** A size or weight of a package: a number above 0 when given. */
function readPositive(z: ZObject, label: string, value: unknown): number | undefined {
  const number = readNumber(z, label, value);
  if (number === 0) throw invalidInput(z, label, 'a number above 0', readText(value));
  return number;
}

/**
 * The order's places (`<packages><package code strbarcode mass length width height>NAME</package>`,
 * semivan/measoft-api-client CreateOrderOperation.php); empty rows are skipped. Also returns the
 * number of rows and the sum of their weights (undefined when a row has none).
 */
function readPackages(z: ZObject, input: Record<string, unknown>): { node?: XmlNode; count: number; weight?: number } {
  const rows = rowsOf<(typeof PACKAGE_KEYS)[number]>(input, 'packages', PACKAGE_KEYS).filter((row: PackageRow) =>
    PACKAGE_KEYS.some((key) => readText(row[key]) !== ''),
  );
  let weight: number | undefined = 0;
  const packages = rows.map((row, i) => {
    const line = rows.length > 1 ? ` (line ${i + 1})` : '';
    const mass = readPositive(z, `${LABELS.packageWeight}${line}`, row.package_weight);
    weight = mass === undefined || weight === undefined ? undefined : weight + mass;
    return element(
      'package',
      [
        ['code', readText(row.package_code) || undefined],
        ['strbarcode', readText(row.package_barcode) || undefined],
        ['mass', mass],
        ['length', readPositive(z, `${LABELS.packageLength}${line}`, row.package_length)],
        ['width', readPositive(z, `${LABELS.packageWidth}${line}`, row.package_width)],
        ['height', readPositive(z, `${LABELS.packageHeight}${line}`, row.package_height)],
      ],
      [],
      readText(row.package_name) || undefined,
    );
  });
  if (packages.length === 0) return { count: 0 };
  // Sums of decimals are rounded to grams, so 0.1 + 0.2 is sent as 0.3.
  const total = weight === undefined ? undefined : Math.round((weight as number) * 1000) / 1000;
  return { node: element('packages', [], packages), count: packages.length, weight: total };
}

const SENDER_KEYS = [
  'sender_company',
  'sender_person',
  'sender_phone',
  'sender_town',
  'sender_address',
  'sender_date',
  'sender_time_min',
  'sender_time_max',
] as const;

/**
 * The `<sender>` block for a pickup from another address than the account's, sent only when one of
 * its fields is filled; then Sender Phone, Town and Address are needed (MeaSoft's order errors 15, 16
 * and 6 name them). Returns the town too, for a refusal with error 6.
 */
function readSender(z: ZObject, input: Record<string, unknown>): { node?: XmlNode; town?: string } {
  if (!SENDER_KEYS.some((key) => readText(input[key]) !== '')) return {};
  const because = 'because other Sender fields are filled in (a pickup from another address)';
  const phone = readDialledPhone(
    z,
    LABELS.senderPhone,
    required(z, LABELS.senderPhone, input.sender_phone, `the phone number at the pickup address, ${because}`),
  );
  const town = required(z, LABELS.senderTown, input.sender_town, `the town of the pickup address, ${because}`);
  const address = required(
    z,
    LABELS.senderAddress,
    input.sender_address,
    `the street address of the pickup, ${because}`,
  );
  const date = readDate(z, LABELS.senderDate, input.sender_date);
  const timeMin = readTime(z, LABELS.senderFrom, input.sender_time_min);
  const timeMax = readTime(z, LABELS.senderTo, input.sender_time_max);
  if (timeMin && timeMax && timeMin > timeMax)
    throw invalidInput(z, LABELS.senderTo, `a time after ${LABELS.senderFrom} (${timeMin})`, timeMax);
  const node = element(
    'sender',
    [],
    [
      textElement('company', readText(input.sender_company)),
      textElement('person', readText(input.sender_person)),
      textElement('phone', phone),
      textElement('town', town),
      textElement('address', address),
      textElement('date', date),
      textElement('time_min', timeMin),
      textElement('time_max', timeMax),
    ],
  );
  return { node, town };
}

/** The buyer's delivery fee, with its VAT rate as AdvantShop's MeaSoft module sends it (`VATrate`). */
function readDeliveryPrice(z: ZObject, input: Record<string, unknown>): XmlNode | undefined {
  const price = readNumber(z, LABELS.deliveryprice, input.deliveryprice);
  const vat = readNumber(z, LABELS.deliveryVat, input.deliveryprice_vat_rate, { integer: true });
  if (price === undefined) {
    if (vat !== undefined)
      throw invalidInput(z, LABELS.deliveryprice, `the delivery fee, because ${LABELS.deliveryVat} is filled in`);
    return undefined;
  }
  return element('deliveryprice', [['VATrate', vat]], [], price);
}

const yesNo = (value: boolean | undefined): string | undefined =>
  value === undefined ? undefined : value ? 'YES' : 'NO';

/** Reads and checks every field before anything is sent; the order element MeaSoft's neworder wants. */
export function buildOrder(
  z: ZObject,
  input: Record<string, unknown>,
): { orderno: string; order: XmlNode; receiver: Receiver; senderTown?: string } {
  const orderno = required(z, LABELS.orderno, input.orderno, "your shop's order number, e.g. 100045");
  const person = required(z, LABELS.name, input.receiver_name, "the receiver's name");
  const phone = readDialledPhone(
    z,
    LABELS.phone,
    required(z, LABELS.phone, input.receiver_phone, "the receiver's phone number"),
  );
  const town = required(z, LABELS.town, input.receiver_town, 'the town of delivery, e.g. Москва');
  const pvz = readText(input.pickup_point);
  // MeaSoft requires receiver/address (order error 7); for a pickup point without a door address the
  // point's code goes there, as AdvantShop's MeaSoft module does (docs/measoft.md, "neworder: the shipping fields").
  const address =
    readText(input.receiver_address) ||
    pvz ||
    required(z, LABELS.address, input.receiver_address, `the street address of delivery, or a ${LABELS.pickupPoint}`);
  const date = readDate(z, LABELS.date, input.delivery_date);
  const timeMin = readTime(z, LABELS.from, input.time_min);
  const timeMax = readTime(z, LABELS.to, input.time_max);
  if (timeMin && timeMax && timeMin > timeMax)
    throw invalidInput(z, LABELS.to, `a time after ${LABELS.from} (${timeMin})`, timeMax);
  const packages = readPackages(z, input);
  const weight = readNumber(z, LABELS.weight, input.weight) ?? packages.weight;
  const typedQuantity = readNumber(z, LABELS.quantity, input.quantity, { integer: true });
  const paytype = readChoice(z, LABELS.paytype, input.paytype, PAYMENT_TYPES);
  const price = readNumber(z, LABELS.price, input.price);
  const deliveryprice = readDeliveryPrice(z, input);
  const inshprice = readNumber(z, LABELS.inshprice, input.inshprice);
  const acceptpartially = yesNo(readBoolean(z, LABELS.acceptpartially, input.acceptpartially));
  const items = readItems(z, input);
  const sender = readSender(z, input);
  // Checked once every field has been read on its own, so a field's own mistake is named first.
  if (typedQuantity !== undefined && packages.count > 0 && typedQuantity !== packages.count)
    throw invalidInput(
      z,
      LABELS.quantity,
      `the number of Packages lines (${packages.count}), or leave it empty to send that number`,
      typedQuantity,
    );
  const quantity = typedQuantity ?? (packages.count > 0 ? packages.count : undefined);
  const order = element(
    'order',
    // Only the shop's number, as `orderno`; `orderno2` is MeaSoft's express-delivery number (docs/measoft.md).
    [['orderno', orderno]],
    [
      sender.node,
      element(
        'receiver',
        [],
        [
          textElement('company', readText(input.receiver_company)),
          textElement('person', person),
          textElement('phone', phone),
          textElement('zipcode', readText(input.receiver_zipcode)),
          textElement('town', town),
          textElement('address', address),
          textElement('pvz', pvz),
          textElement('date', date),
          textElement('time_min', timeMin),
          textElement('time_max', timeMax),
        ],
      ),
      textElement('weight', weight),
      textElement('quantity', quantity),
      textElement('paytype', paytype),
      textElement('service', readText(input.service)),
      textElement('price', price),
      deliveryprice,
      textElement('inshprice', inshprice),
      textElement('instruction', readText(input.instruction)),
      textElement('acceptpartially', acceptpartially),
      items,
      packages.node,
    ],
  );
  return { orderno, order, receiver: { phone, address, town }, senderTown: sender.town };
}

/** What identifies an order besides its number: whom it goes to. */
interface Receiver {
  phone: string;
  address: string;
  town: string;
}

/** Digits only, the last ten (MeaSoft may store +7 / 8 prefixes differently). */
const phoneKey = (value: unknown): string => readText(value).replace(/\D/g, '').slice(-10);
/** Letters and digits only, lower case: spacing and punctuation MeaSoft may change are ignored. */
const addressKey = (value: unknown): string =>
  readText(value)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** True when MeaSoft's order goes to the receiver this step asked for (phone and address). */
function sameReceiver(order: MeasoftOrderEvent, wanted: Receiver): boolean {
  const receiver = (order.receiver ?? {}) as Record<string, unknown>;
  const phone = phoneKey(receiver.phone);
  const address = addressKey(receiver.address);
  return phone !== '' && address !== '' && phone === phoneKey(wanted.phone) && address === addressKey(wanted.address);
}

/**
 * What went wrong in the read-back, in words made where the error was made (every MeaSoft error ties
 * its words to it: whatFailed); never parsed back from core's message.
 */
function reasonOf(z: ZObject, error: unknown): string {
  const said = whatFailed(error);
  if (said !== undefined) return said;
  if (error instanceof z.errors.ThrottledError) return 'MeaSoft asks to slow down (HTTP 429)';
  return 'the app met an error it did not expect';
}

/** MeaSoft created the order, and the read right after failed: say so, with the number. */
function createdButUnread(z: ZObject, orderno: string, why: string): Error {
  return new z.errors.Error(
    `MeaSoft created courier order ${orderno}, but reading it back failed: ${why.replace(/\.$/, '')}. The order ` +
      `exists: find it with Find MeaSoft Courier Order (Order Number ${orderno}). Do not replay this step ` +
      'blindly: check the order in MeaSoft first.',
    'MeasoftCreatedNotRead',
    502,
  );
}

export const perform = (async (z, bundle) => {
  const input = bundle.inputData as Record<string, unknown>;
  const { orderno, order, receiver, senderTown } = buildOrder(z, input);
  const reading = readOrderReading(z, input.branch_time_zone);
  const credentials = requireMeasoft(z, bundle);
  let result: NewOrderResult;
  try {
    result = await createOrder(z, credentials, orderno, order);
  } catch (error) {
    // 5/6 on the order: nothing was created; the message names the town field and close names.
    // Without a Sender block, 6 is about the account's own sender town: MeaSoft's error, as it says, goes on.
    const refusal = measoftRefusal(error);
    if (!refusal || !isTownRefusal('order', refusal.code)) throw error;
    if (refusal.code === 6 && senderTown === undefined) throw error;
    throw await townRefusal(z, credentials, {
      label: refusal.code === 5 ? LABELS.town : LABELS.senderTown,
      town: refusal.code === 5 ? receiver.town : senderTown!,
      list: 'order',
      ...refusal,
      outcome: 'No order was created.',
    });
  }
  if (result.kind === 'exists') {
    // Error 17: nothing was created. Either this step ran before, or the number belongs to another order.
    const [found] = await findOrders(z, credentials, { orderno }, reading);
    if (!found) {
      throw new z.errors.Error(
        `${LABELS.orderno}: MeaSoft already has an order numbered "${orderno}" this calendar year (error 17) but does ` +
          'not show it to this account, so it cannot be told whether it is this order. Nothing was created. Use ' +
          'another Order Number, or check the number with your courier service.',
        'MeasoftOrderNumberTaken',
        400,
      );
    }
    if (!sameReceiver(found, receiver)) {
      throw new z.errors.Error(
        `${LABELS.orderno}: MeaSoft already has another order numbered "${orderno}" this calendar year (error 17), ` +
          'for a different receiver phone or address. Nothing was created. MeaSoft refuses a number used in the ' +
          'same calendar year: use another Order Number.',
        'MeasoftOrderNumberTaken',
        400,
      );
    }
    return {
      ...found,
      created_now: false,
      result_note: `MeaSoft already had order ${orderno} for this receiver; nothing new was created.`,
    };
  }
  let stored: MeasoftOrderEvent | undefined;
  try {
    [stored] = await findOrders(z, credentials, { orderno: result.orderno }, reading, 'after-create');
  } catch (error) {
    throw createdButUnread(z, result.orderno, hideSecrets(reasonOf(z, error), [credentials.password]));
  }
  if (!stored) throw createdButUnread(z, result.orderno, 'MeaSoft did not return it when asked right after');
  return {
    ...stored,
    created_now: true,
    result_note: `MeaSoft created order ${result.orderno} for Order Number ${orderno}.`,
  };
}) satisfies CreatePerform<Record<string, unknown>, CreatedCourierOrder>;

// Every item field is text read by the app (src/common/input.ts): a `number` or `integer` field would
// be rewritten by Zapier's editor first (1 200,50 to 1200, 0,4 to 0).
const itemField = (key: string, label: string, helpText: string) => ({
  key,
  label,
  type: 'string' as const,
  helpText,
  required: false,
});

export default defineCreate({
  key: CREATE_ORDER_KEY,
  noun: 'Courier Order',
  display: {
    label: 'Create MeaSoft Courier Order',
    description:
      'Creates a courier order in MeaSoft for a shop order, or returns the one already created for that shop ' +
      'order number.',
  },
  operation: {
    inputFields: [
      {
        key: 'orderno',
        label: LABELS.orderno,
        required: true,
        type: 'string',
        helpText:
          "Your shop's order number, e.g. `100045`: MeaSoft's order gets this number. MeaSoft refuses a number " +
          'already used in the same calendar year; a second run with the same number and receiver returns the ' +
          'existing courier order instead of creating another.',
      },
      {
        key: 'receiver_name',
        label: LABELS.name,
        required: true,
        type: 'string',
        helpText: 'The person who receives the parcel.',
      },
      {
        key: 'receiver_company',
        label: LABELS.company,
        required: false,
        type: 'string',
        helpText: 'Optional. The receiving company, for business deliveries.',
      },
      {
        key: 'receiver_phone',
        label: LABELS.phone,
        required: true,
        type: 'string',
        helpText:
          "The receiver's phone number as the courier should dial it, e.g. `+7 (916) 000-00-00`; it is sent as " +
          'typed, and anything that is not a phone number (digits, spaces, `+ ( ) - .`) is refused.',
      },
      {
        key: 'receiver_town',
        label: LABELS.town,
        required: true,
        type: 'string',
        helpText: 'The town of delivery as your courier service names it, e.g. `Москва`.',
      },
      {
        key: 'receiver_address',
        label: LABELS.address,
        required: false,
        type: 'string',
        helpText:
          'Street, house, flat. Needed unless a Pickup Point is chosen; with a pickup point and no address, the ' +
          "point's code is sent as the address.",
      },
      { key: 'receiver_zipcode', label: LABELS.zipcode, required: false, type: 'string', helpText: 'Optional.' },
      {
        key: 'pickup_point',
        label: LABELS.pickupPoint,
        required: false,
        type: 'string',
        dynamic: `${PICKUP_POINT_LIST_KEY}.id.name`,
        helpText:
          "Optional. The pickup point (ПВЗ) the parcel goes to instead of the receiver's door: choose one of the " +
          "Receiver Town's points (fill in Receiver Town first), or type or map MeaSoft's pickup point code, e.g. " +
          '`124` (Find MeaSoft Pickup Point gives it as Pickup Point Code).',
      },
      {
        key: 'delivery_date',
        label: LABELS.date,
        required: false,
        type: 'string',
        helpText:
          'Optional. The day of delivery, day first with dots as in Russia (`10.12.2026`) or ISO 8601 ' +
          '(`2026-12-10`); a mapped date and time works too, its day as written is used. A day that does not exist ' +
          '(30 February) is refused.',
      },
      {
        key: 'time_min',
        label: LABELS.from,
        required: false,
        type: 'string',
        helpText: 'Optional. The start of the delivery window, 24-hour, e.g. `10:00` or `10.00`.',
      },
      {
        key: 'time_max',
        label: LABELS.to,
        required: false,
        type: 'string',
        helpText: 'Optional. The end of the delivery window, 24-hour, e.g. `18:00` or `18.00`.',
      },
      {
        key: 'weight',
        label: LABELS.weight,
        required: false,
        type: 'string',
        helpText: `Optional. Total weight in kilograms, e.g. \`1,5\`: ${NUMBER_FORMS}.`,
      },
      {
        key: 'quantity',
        label: LABELS.quantity,
        required: false,
        type: 'string',
        helpText: `Optional. How many parcels the order has (default 1): ${INTEGER_FORMS}.`,
      },
      {
        key: 'paytype',
        label: LABELS.paytype,
        required: false,
        type: 'string',
        choices: PAYMENT_TYPES.map(({ value, label }) => ({ value, label, sample: value })),
        helpText:
          'How the receiver pays the courier: CASH, CARD, NO (prepaid) or OTHER. A mapped value may be the code, ' +
          'the name shown here or a Russian name (`Наличными`, `Картой`, `Без оплаты`, `Другое`), in any case.',
      },
      {
        key: 'service',
        label: LABELS.service,
        required: false,
        type: 'string',
        dynamic: `${SERVICE_LIST_KEY}.id.name`,
        helpText:
          "Optional. Your courier service's delivery mode (a code from its list, e.g. `1`); Calculate MeaSoft " +
          "Delivery Price gives the cheapest one as Cheapest Delivery Mode Code. Empty: your account's default mode.",
      },
      {
        key: 'price',
        label: LABELS.price,
        required: false,
        type: 'string',
        helpText:
          'Optional. The amount the courier collects from the receiver, e.g. `2 490,50`. Leave empty for prepaid ' +
          `orders. Accepts ${NUMBER_FORMS}.`,
      },
      {
        key: 'deliveryprice',
        label: LABELS.deliveryprice,
        required: false,
        type: 'string',
        helpText:
          'Optional. The delivery fee the receiver pays on top of the goods, e.g. `350`; Calculate MeaSoft Delivery ' +
          `Price gives a quote as Cheapest Price. Accepts ${NUMBER_FORMS}.`,
      },
      {
        key: 'deliveryprice_vat_rate',
        label: LABELS.deliveryVat,
        required: false,
        type: 'string',
        helpText: `Optional. The VAT rate of the delivery fee in per cent, e.g. \`20\`: ${INTEGER_FORMS}.`,
      },
      {
        key: 'inshprice',
        label: LABELS.inshprice,
        required: false,
        type: 'string',
        helpText: `Optional. The declared value of the parcel: ${NUMBER_FORMS}.`,
      },
      {
        key: 'instruction',
        label: LABELS.instruction,
        required: false,
        type: 'text',
        helpText: 'Optional. What the courier should know, e.g. "call an hour before".',
      },
      {
        key: 'items',
        label: 'Items',
        required: false,
        children: [
          itemField('item_name', LABELS.itemName, 'The name of the item as it appears on the receipt.'),
          itemField('item_quantity', LABELS.itemQuantity, `How many (default 1): ${INTEGER_FORMS}.`),
          itemField('item_price', LABELS.itemPrice, `The price of one item: ${NUMBER_FORMS}.`),
          itemField(
            'item_weight',
            LABELS.itemWeight,
            `The weight of one item in kilograms, e.g. \`0,4\`: ${NUMBER_FORMS}.`,
          ),
          itemField('item_extcode', LABELS.itemCode, "Your shop's code (SKU) of the item."),
          itemField(
            'item_vat_rate',
            LABELS.itemVat,
            `The VAT rate in per cent, e.g. \`20\`; needed when your courier service prints receipts: ${INTEGER_FORMS}.`,
          ),
        ],
      },
      {
        key: 'packages',
        label: 'Packages',
        required: false,
        children: [
          itemField(
            'package_name',
            LABELS.packageName,
            'Optional. What the label of this parcel should say, e.g. `Коробка 1`.',
          ),
          itemField(
            'package_weight',
            LABELS.packageWeight,
            `The weight of this parcel in kilograms, e.g. \`1,5\`: ${NUMBER_FORMS}. One line per parcel; with ` +
              'lines, Number of Parcels and Weight may stay empty (the number of lines and the sum of the weights ' +
              'are sent).',
          ),
          itemField('package_length', LABELS.packageLength, `In centimetres, e.g. \`30\`: ${NUMBER_FORMS}.`),
          itemField('package_width', LABELS.packageWidth, `In centimetres: ${NUMBER_FORMS}.`),
          itemField('package_height', LABELS.packageHeight, `In centimetres: ${NUMBER_FORMS}.`),
          itemField('package_code', LABELS.packageCode, "Optional. Your shop's code of this parcel."),
          itemField('package_barcode', LABELS.packageBarcode, "Optional. The barcode on this parcel's label."),
        ],
      },
      {
        key: 'acceptpartially',
        label: LABELS.acceptpartially,
        required: false,
        type: 'string',
        choices: YES_NO_CHOICES,
        helpText:
          'Optional. Yes: the receiver may buy some items and return the rest to the courier. Empty: your ' +
          `courier service's setting. Accepts ${YES_NO_FORMS}.`,
      },
      {
        key: 'sender_company',
        label: LABELS.senderCompany,
        required: false,
        type: 'string',
        helpText:
          "Optional, for a pickup from another address than your account's. With any Sender field filled in, " +
          'Sender Phone, Sender Town and Sender Address are needed.',
      },
      {
        key: 'sender_person',
        label: LABELS.senderName,
        required: false,
        type: 'string',
        helpText: 'Optional. The person who hands over the parcel.',
      },
      {
        key: 'sender_phone',
        label: LABELS.senderPhone,
        required: false,
        type: 'string',
        helpText: 'Optional. The phone number at the pickup address, e.g. `+7 (495) 000-00-00`.',
      },
      {
        key: 'sender_town',
        label: LABELS.senderTown,
        required: false,
        type: 'string',
        helpText: 'Optional. The town of the pickup address as your courier service names it, e.g. `Москва`.',
      },
      {
        key: 'sender_address',
        label: LABELS.senderAddress,
        required: false,
        type: 'string',
        helpText: 'Optional. Street, house, office of the pickup address.',
      },
      {
        key: 'sender_date',
        label: LABELS.senderDate,
        required: false,
        type: 'string',
        helpText: 'Optional. The day of the pickup, `10.12.2026` or `2026-12-10`.',
      },
      {
        key: 'sender_time_min',
        label: LABELS.senderFrom,
        required: false,
        type: 'string',
        helpText: 'Optional. The start of the pickup window, 24-hour, e.g. `10:00` or `10.00`.',
      },
      {
        key: 'sender_time_max',
        label: LABELS.senderTo,
        required: false,
        type: 'string',
        helpText: 'Optional. The end of the pickup window, 24-hour, e.g. `18:00` or `18.00`.',
      },
      branchTimeZoneField,
    ],
    perform,
    sample: {
      ...orderStatusSample,
      created_now: true,
      result_note: 'MeaSoft created order 00032011 for Order Number 00032011.',
    },
    outputFields: [
      ...ORDER_OUTPUT_FIELDS,
      { key: 'created_now', label: 'Created Now (False When the Order Already Existed)', type: 'boolean' },
      { key: 'result_note', label: 'Result Note', type: 'string' },
    ],
  },
});
