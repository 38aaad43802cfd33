/**
 * The input and output fields MeaSoft's operations share, and the tables they are built from:
 * MeaSoft's status codes, the branch time zones, the status filter, the order's output fields and
 * the keys of the hidden dropdown triggers.
 */
import { defineInputField, type PlainOutputField, type ZObject } from 'zapier-platform-core';
import { readChoice } from '../common/input';
import { DEFAULT_READING } from './read-order';
import type { OrderReading } from './types';

/** Keys of the hidden triggers that feed the pickup point and delivery mode dropdowns (reference-dropdowns.ts). */
export const PICKUP_POINT_LIST_KEY = 'measoft_pickup_point_list';
export const SERVICE_LIST_KEY = 'measoft_service_list';

/**
 * MeaSoft status codes with their English meaning (docs/measoft.md, "Status codes"): the first twenty
 * with the Russian titles a public MeaSoft client lists, the others from arzuhuseyn/measoft-api-client
 * (`entities/status.py`), which gives codes only (their English labels are read from the code; no
 * Russian title is claimed). A courier company may rename the `title` it sends; the code stays. A code
 * not listed here still passes through from MeaSoft as it is.
 */
export const MEASOFT_STATUSES = {
  NEW: { ru: 'Новый', en: 'New' },
  PICKUP: { ru: 'Забран у отправителя', en: 'Picked Up from Sender' },
  ACCEPTED: { ru: 'Получен складом', en: 'Received at Warehouse' },
  INVENTORY: { ru: 'Инвентаризация', en: 'Stocktaking' },
  DEPARTURING: { ru: 'Планируется отправка', en: 'Dispatch Planned' },
  DEPARTURE: { ru: 'Отправлено со склада', en: 'Dispatched from Warehouse' },
  DELIVERY: { ru: 'Выдан курьеру на доставку', en: 'Out for Delivery' },
  COURIERDELIVERED: { ru: 'Доставлен (предварительно)', en: 'Delivered (Preliminary)' },
  COMPLETE: { ru: 'Доставлен', en: 'Delivered' },
  PARTIALLY: { ru: 'Доставлен частично', en: 'Partially Delivered' },
  COURIERRETURN: { ru: 'Курьер вернул на склад', en: 'Returned to Warehouse by Courier' },
  CANCELED: { ru: 'Не доставлен (Возврат/Отмена)', en: 'Not Delivered (Return or Cancellation)' },
  RETURNING: { ru: 'Планируется возврат', en: 'Return Planned' },
  RETURNED: { ru: 'Возвращен', en: 'Returned to Sender' },
  CONFIRM: { ru: 'Согласована доставка', en: 'Delivery Agreed' },
  DATECHANGE: { ru: 'Перенос', en: 'Delivery Rescheduled' },
  NEWPICKUP: { ru: 'Создан забор', en: 'Pickup Created' },
  UNCONFIRM: { ru: 'Не удалось согласовать доставку', en: 'Delivery Could Not Be Agreed' },
  PICKUPREADY: { ru: 'Готов к выдаче', en: 'Ready for Pickup' },
  AWAITING_SYNC: { ru: 'Ожидание синхронизации', en: 'Awaiting Synchronization' },
  LOST: { ru: null, en: 'Lost' },
  PARTLYRETURNED: { ru: null, en: 'Partially Returned to Sender' },
  PARTLYRETURNING: { ru: null, en: 'Partial Return Planned' },
  COURIERPARTIALLY: { ru: null, en: 'Partially Delivered (Preliminary)' },
  COURIERCANCELED: { ru: null, en: 'Not Delivered (Preliminary)' },
  WMSASSEMBLED: { ru: null, en: 'Assembled at Warehouse' },
  WMSDISASSEMBLED: { ru: null, en: 'Disassembled at Warehouse' },
  CUSTOMSPROCESS: { ru: null, en: 'Customs Clearance in Progress' },
  CUSTOMSFINISHED: { ru: null, en: 'Customs Clearance Finished' },
  TRANSACCEPTED: { ru: null, en: 'Accepted by Transport Company' },
  PICKUPTRANS: { ru: null, en: 'Handed to Transport Company' },
} as const satisfies Record<string, { ru: string | null; en: string }>;

export type MeasoftStatusCode = keyof typeof MEASOFT_STATUSES;

/** Dropdown choices, English first with MeaSoft's own term after it: "COMPLETE: Delivered (Доставлен)". */
export const MEASOFT_STATUS_CHOICES = Object.entries(MEASOFT_STATUSES).map(([code, { ru, en }]) => ({
  value: code,
  label: ru === null ? `${code}: ${en}` : `${code}: ${en} (${ru})`,
  sample: code,
}));

/** The status filter, one field object shared by both status triggers (the same choices, the same rule). */
export const statusesField = defineInputField({
  key: 'statuses',
  label: 'Only These Statuses',
  required: false,
  list: true,
  type: 'string',
  choices: MEASOFT_STATUS_CHOICES,
  helpText:
    'Start the Zap only when the order reaches one of these MeaSoft statuses (the code in the `<status>` ' +
    'element). Leave empty to start it on every status change. ' +
    'A mapped value may hold several statuses separated by commas, each as its code or its name in English or ' +
    'Russian, in any case, such as `COMPLETE, Доставлен частично`; a status MeaSoft does not have is refused.',
});

// Labelled by their codes, so a refusal lists them briefly; the dropdown's label ("COMPLETE: Delivered
// (Доставлен)") and its English and Russian names ("Delivered", "Доставлен") match too, in any case.
export const STATUS_CODES = MEASOFT_STATUS_CHOICES.map(({ value, label }) => {
  const names = MEASOFT_STATUSES[value as MeasoftStatusCode];
  return {
    value,
    label: value,
    aliases: names ? [label, names.en, ...(names.ru === null ? [] : [names.ru])] : [label],
  };
});

/**
 * The time zone of the courier service's branches. MeaSoft writes each status's `eventtime` in the
 * local time of the branch where it happened and does not say which zone that is (docs/measoft.md,
 * "Times"), so the user says it; Moscow time fits MeaSoft's own example. Russia keeps no daylight
 * saving time, so each zone is one fixed offset.
 */
const ZONES: ReadonlyArray<[offset: string, english: string, russian: string]> = [
  ['+02:00', 'Kaliningrad', 'Калининград'],
  ['+03:00', 'Moscow, St Petersburg, Minsk', 'Москва'],
  ['+04:00', 'Samara', 'Самара'],
  ['+05:00', 'Yekaterinburg, Tashkent, Almaty', 'Екатеринбург'],
  ['+06:00', 'Omsk', 'Омск'],
  ['+07:00', 'Novosibirsk, Krasnoyarsk', 'Новосибирск'],
  ['+08:00', 'Irkutsk', 'Иркутск'],
  ['+09:00', 'Yakutsk', 'Якутск'],
  ['+10:00', 'Vladivostok', 'Владивосток'],
  ['+11:00', 'Magadan', 'Магадан'],
  ['+12:00', 'Kamchatka', 'Камчатка'],
];

export const BRANCH_TIME_ZONE_CHOICES = ZONES.map(([value, english, russian]) => ({
  value,
  label: `UTC${value} ${english} (${russian})`,
  sample: value,
}));

// A mapped value may also be the offset with UTC, a city of the label, or the Russian name: "UTC+05:00",
// "Yekaterinburg", "Екатеринбург" (read in any case, ё as е, by readChoice).
const ZONE_NAMES = ZONES.map(([value, english, russian]) => ({
  value,
  label: `UTC${value} ${english} (${russian})`,
  aliases: [`UTC${value}`, russian, ...english.split(', ')],
}));

const BRANCH_TIME_ZONE_LABEL = 'Branch Time Zone';

/** One field object, shared by every MeaSoft operation that returns orders. */
export const branchTimeZoneField = defineInputField({
  key: 'branch_time_zone',
  label: BRANCH_TIME_ZONE_LABEL,
  required: false,
  type: 'string',
  default: DEFAULT_READING.branchOffset,
  choices: BRANCH_TIME_ZONE_CHOICES,
  helpText:
    "The time zone of your courier service's branches. MeaSoft sends each status's event time as the " +
    "branch's clock shows it, " +
    'without a zone; this sets the zone the Event Time fields carry (12:40 in Yekaterinburg becomes `12:40+05:00`). ' +
    'Ask your courier service if unsure. Moscow time (UTC+3) when empty. Recorded At (GMT) does not depend on it. ' +
    'A mapped value may be the offset (`+05:00`), the label, a city of the label or its Russian name ' +
    '(`Екатеринбург`), in any case.',
});

/** How an operation reads MeaSoft's times, from its Branch Time Zone field; Moscow when empty. */
export function readOrderReading(z: ZObject, value: unknown): OrderReading {
  return { branchOffset: readChoice(z, BRANCH_TIME_ZONE_LABEL, value, ZONE_NAMES) ?? DEFAULT_READING.branchOffset };
}

export const statusFields = (prefix: string, what: string) => [
  { key: `${prefix}code`, label: `${what} Code`, type: 'string' as const },
  { key: `${prefix}title`, label: `${what} Title`, type: 'string' as const },
  { key: `${prefix}eventstore`, label: `${what} Branch Status Code`, type: 'string' as const },
  { key: `${prefix}eventtime_iso`, label: `${what} Event Time (Branch Time Zone)`, type: 'datetime' as const },
  { key: `${prefix}createtimegmt_iso`, label: `${what} Recorded At`, type: 'datetime' as const },
  { key: `${prefix}message`, label: `${what} Message`, type: 'string' as const },
  { key: `${prefix}country`, label: `${what} Country`, type: 'string' as const },
];

/**
 * A sender's or receiver's fields (an element with attributes, such as <town regioncode>, keeps its text as `value`).
 */
export const partyFields = (key: 'sender' | 'receiver', who: string) => [
  { key: `${key}__company`, label: `${who} Company`, type: 'string' as const },
  { key: `${key}__person`, label: `${who} Person`, type: 'string' as const },
  { key: `${key}__phone`, label: `${who} Phone`, type: 'string' as const },
  { key: `${key}__zipcode`, label: `${who} Postal Code`, type: 'string' as const },
  { key: `${key}__town__value`, label: `${who} Town`, type: 'string' as const },
  { key: `${key}__town__regioncode`, label: `${who} Region Code`, type: 'string' as const },
  { key: `${key}__town__country`, label: `${who} Country`, type: 'string' as const },
  { key: `${key}__address`, label: `${who} Address`, type: 'string' as const },
  { key: `${key}__date`, label: key === 'sender' ? 'Pickup Date' : 'Delivery Date', type: 'string' as const },
  {
    key: `${key}__time_min`,
    label: key === 'sender' ? 'Pickup Time From' : 'Delivery Time From',
    type: 'string' as const,
  },
  { key: `${key}__time_max`, label: key === 'sender' ? 'Pickup Time To' : 'Delivery Time To', type: 'string' as const },
];

/** The fields of a MeaSoft order, shared by both status triggers, Find MeaSoft Courier Order and the actions. */
export const ORDER_OUTPUT_FIELDS: PlainOutputField[] = [
  { key: 'id', label: 'Event ID (Order, Status and Time)', type: 'string' },
  { key: 'orderno', label: 'Order Number', type: 'string' },
  { key: 'awb', label: 'Waybill Number (AWB)', type: 'string' },
  {
    key: 'orderno2',
    label: 'Urgent Order Number (orderno2, Express Subsystem)',
    type: 'string',
  },
  { key: 'ordercode', label: 'Internal Order Code', type: 'string' },
  { key: 'givencode', label: 'Given Code', type: 'string' },
  { key: 'barcode', label: 'Barcode', type: 'string' },
  ...statusFields('status__', 'Status'),
  ...statusFields('status_history[]', 'Status History'),
  ...partyFields('sender', 'Sender'),
  ...partyFields('receiver', 'Receiver'),
  { key: 'receiver__contacts__phone', label: 'Receiver Contact Phones', type: 'string', list: true },
  { key: 'receiver__inn', label: 'Receiver Tax Number (INN)', type: 'string' },
  { key: 'receiver__coords__lat', label: 'Receiver Latitude', type: 'number' },
  { key: 'receiver__coords__lon', label: 'Receiver Longitude', type: 'number' },
  { key: 'receiver__deliveryPIN', label: 'Delivery PIN', type: 'string' },
  { key: 'pickup', label: 'Is Pickup', type: 'boolean' },
  { key: 'return', label: 'With Return', type: 'boolean' },
  { key: 'weight', label: 'Weight (kg)', type: 'number' },
  { key: 'return_weight', label: 'Return Weight (kg)', type: 'number' },
  { key: 'quantity', label: 'Number of Parcels', type: 'number' },
  { key: 'paytype', label: 'Payment Type', type: 'string' },
  { key: 'print_check', label: 'Print Receipt', type: 'boolean' },
  { key: 'service', label: 'Service Code', type: 'string' },
  { key: 'return_service', label: 'Return Service Code', type: 'string' },
  { key: 'type', label: 'Type Code', type: 'string' },
  { key: 'return_type', label: 'Return Type Code', type: 'string' },
  { key: 'waittime', label: 'Waiting Time (Minutes)', type: 'number' },
  { key: 'price', label: 'Price', type: 'number' },
  { key: 'inshprice', label: 'Declared Value', type: 'number' },
  { key: 'enclosure', label: 'Enclosure', type: 'string' },
  { key: 'instruction', label: 'Instruction', type: 'string' },
  { key: 'receiverpays', label: 'Receiver Pays', type: 'boolean' },
  { key: 'acceptpartially', label: 'Partial Acceptance Allowed', type: 'boolean' },
  { key: 'basestatus__code', label: 'Base Status Code', type: 'string' },
  { key: 'currcoords__lat', label: 'Courier Latitude', type: 'number' },
  { key: 'currcoords__lon', label: 'Courier Longitude', type: 'number' },
  { key: 'currcoords__accuracy', label: 'Courier Position Accuracy (m)', type: 'number' },
  { key: 'currcoords__RequestDateTime_iso', label: 'Courier Position Time (Branch Time Zone)', type: 'datetime' },
  { key: 'customstatecode', label: 'Custom State Code', type: 'string' },
  { key: 'clientstatecode', label: 'Client State Code', type: 'string' },
  { key: 'department', label: 'Department', type: 'string' },
  { key: 'return_message', label: 'Return Message', type: 'string' },
  { key: 'arrival', label: 'Arrival', type: 'string' },
  { key: 'costcode', label: 'Cost Code', type: 'string' },
  { key: 'receipt', label: 'Receipt', type: 'string' },
  { key: 'acta', label: 'Handover Act', type: 'string' },
  { key: 'deliveryprice[]total', label: 'Delivery Price: Total', type: 'number' },
  { key: 'deliveryprice[]advprice', label: 'Delivery Price: Extra Services', list: true },
  { key: 'deliveryprice[]advprice[]code', label: 'Delivery Price: Extra Service Code', type: 'string' },
  { key: 'deliveryprice[]advprice[]price', label: 'Delivery Price: Extra Service Price', type: 'number' },
  { key: 'deliveredto', label: 'Delivered To', type: 'string' },
  { key: 'delivereddate', label: 'Delivered Date', type: 'string' },
  { key: 'deliveredtime', label: 'Delivered Time', type: 'string' },
  { key: 'outstrbarcode', label: 'External System Order Code', type: 'string' },
  { key: 'items[]name', label: 'Item Name', type: 'string' },
  { key: 'items[]quantity', label: 'Item Quantity', type: 'number' },
  { key: 'items[]mass', label: 'Item Weight (kg)', type: 'number' },
  { key: 'items[]retprice', label: 'Item Price', type: 'number' },
  { key: 'items[]barcode', label: 'Item Barcode', type: 'string' },
  { key: 'items[]extcode', label: 'Item External Code', type: 'string' },
  { key: 'items[]article', label: 'Item Article', type: 'string' },
  { key: 'items[]VATrate', label: 'Item VAT Rate (%)', type: 'number' },
  { key: 'items[]type', label: 'Item Type Code', type: 'string' },
  { key: 'items[]returns', label: 'Item Returns', type: 'string' },
  { key: 'packages[]name', label: 'Package Name', type: 'string' },
  { key: 'packages[]strbarcode', label: 'Package Barcode', type: 'string' },
  { key: 'packages[]mass', label: 'Package Weight (kg)', type: 'number' },
  { key: 'packages[]code', label: 'Package Code', type: 'string' },
  { key: 'packages[]quantity', label: 'Package Quantity', type: 'number' },
  { key: 'packages[]length', label: 'Package Length (cm)', type: 'number' },
  { key: 'packages[]width', label: 'Package Width (cm)', type: 'number' },
  { key: 'packages[]height', label: 'Package Height (cm)', type: 'number' },
  { key: 'webhook_status_code', label: 'Webhook Status Code', type: 'string' },
  { key: 'webhook_status_time_iso', label: 'Webhook Status Time', type: 'datetime' },
  { key: 'webhook_statuses[]code', label: 'Webhook Statuses Code', type: 'string' },
  { key: 'webhook_statuses[]time_iso', label: 'Webhook Statuses Time', type: 'datetime' },
];

/** What both status triggers add to the order's fields (types.ts, StatusConfirmation). */
export const CONFIRMATION_OUTPUT_FIELDS: PlainOutputField[] = [
  // true, false or the text "not checked": no one type fits, so it is given without one.
  { key: 'confirmed_by_measoft', label: 'Confirmed by MeaSoft (true, false or not checked)' },
  { key: 'confirmation_note', label: 'MeaSoft Confirmation Note', type: 'string' },
];
