/**
 * Fields, choice tables and label tables shared by the R-Lab / DeliveryCRM operations: the carrier
 * numberings, the input and output fields of Add, Update and Delete Tracking Number, and reading a
 * code from a table.
 */
import { defineInputField, type ZObject } from 'zapier-platform-core';
import { INTEGER_FORMS, NUMBER_FORMS, readChoice, YES_NO_CHOICES, YES_NO_FORMS } from '../common/input';
import type { TrackOutcome } from './types';

/** A label from a code table, "Unknown <what> N" for a code the document does not list. */
export const labelOf = (table: Readonly<Record<number, string>>, code: number | null, what: string): string | null =>
  code === null ? null : (table[code] ?? `Unknown ${what} ${code}`);

/**
 * The two carrier numberings of R-Lab / DeliveryCRM (the R-Lab API document): the tracking API's
 * trackingUserClientDeliveryServiceId (table after addtrack.ashx) and the notification-history
 * API's service_id (end of the document). They differ, so each operation offers its own list.
 */

const RUSSIAN_POST = 'Russian Post (Почта России)';
const KAZPOST = 'Kazpost (Почта Казахстана)';

/** Ids 1-13 are the same carriers in both numberings. */
const SHARED: Readonly<Record<number, string>> = {
  1: 'TopDelivery',
  2: 'SPSR (СПСР)',
  3: 'Boxberry',
  4: 'PickPoint',
  5: 'Shop-Logistics',
  6: 'Delovye Linii (Деловые линии)',
  7: 'CDEK (СДЭК)',
  8: 'DPD',
  9: 'Express.Ru (Экспресс.Ру)',
  10: 'PEK (ПЭК)',
  11: 'KSE (КСЭ)',
  12: 'Dimex',
  13: 'Ukrposhta (УкрПочта)',
};

/** trackingUserClientDeliveryServiceId: 0 Russian Post ... 16 Nova Poshta (14 is not used). */
export const TRACKING_CARRIERS: Readonly<Record<number, string>> = {
  0: RUSSIAN_POST,
  ...SHARED,
  15: KAZPOST,
  16: 'Nova Poshta (Нова Пошта)',
};

/** service_id of /v1/track/history: Russian Post is 14 here, and the vendor's default. */
export const HISTORY_SERVICES: Readonly<Record<number, string>> = { ...SHARED, 14: RUSSIAN_POST, 15: KAZPOST };

/** trackingUserPaymentType (table after the carriers). */
export const PAYMENT_TYPES: Readonly<Record<number, string>> = {
  1: 'Cash on Delivery (Наложенный платеж)',
  2: 'Prepaid (Предоплата)',
};

/** What a carrier field's help text says a mapped value may be. */
export const CARRIER_FORMS =
  'A mapped value may be the number or the name, in English or Russian, in any case (`CDEK`, `СДЭК` or `7`).';

/** Static dropdown choices in the table's order (numeric keys of an object iterate ascending). */
export const choicesOf = (table: Readonly<Record<number, string>>, first?: number) =>
  Object.entries(table)
    .sort(([a], [b]) => (Number(a) === first ? -1 : Number(b) === first ? 1 : 0))
    .map(([value, label]) => ({ value, label, sample: value }));

/**
 * The code of a choice field (carrier, payment type): by its number or its label (or either half of
 * it), any case, ё as е;
 * undefined when empty. Looked up with readChoice, so `constructor` or `__proto__` are unknown
 * values like any other.
 */
export function readCode(
  z: ZObject,
  label: string,
  value: unknown,
  table: Readonly<Record<number, string>>,
  first?: number,
): number | undefined {
  // Each half of a label such as "CDEK (СДЭК)" names the choice too: "cdek", "сдэк", "prepaid".
  const choices = choicesOf(table, first).map((choice) => ({
    ...choice,
    aliases: /^(.*?) \((.*)\)$/.exec(choice.label)?.slice(1) ?? [],
  }));
  const code = readChoice(z, label, value, choices);
  return code === undefined ? undefined : Number(code);
}

/**
 * The input fields of Add, Update and Delete Tracking Number: one definition per key, help text
 * per mode where Update keeps stored values. Zapier line items arrive as arrays, one per track.
 */
export type Mode = 'add' | 'update' | 'delete';

/** The label of each input key: the fields show them, and messages and outputs name fields by them. */
export const LABELS = {
  track: 'Tracking Number',
  phone: 'Phone',
  email: 'Email',
  name: 'Buyer Name',
  item_cost: 'Order Cost',
  order_number: 'Order Number',
  description: 'Description',
  delivery_service_id: 'Carrier',
  payment_type: 'Payment Type',
  campaign_id: 'Notification Chain ID',
  send_to_user_email_full_tracking: 'Email Every Status to Buyer',
  send_to_admin_email_full_tracking: 'Email Every Status to Shop',
  test_mode: 'Test Mode',
} as const;

const LINE_ITEMS =
  'Map line items to send several tracks in one run: item N of each field belongs to tracking number N; a ' +
  'single value applies to every track.';

export const trackField = defineInputField({
  key: 'track',
  label: LABELS.track,
  required: true,
  list: true,
  type: 'string',
  helpText: `The parcel's tracking number from the carrier, e.g. \`19527937484546\`. ${LINE_ITEMS}`,
});

/** Help text per mode: Add says what an empty field sends, Update that an empty field keeps the stored value. */
const byMode = (mode: Mode, add: string, update: string) => (mode === 'update' ? update : add);

export const carrierField = (mode: Mode) =>
  defineInputField({
    key: 'delivery_service_id',
    label: LABELS.delivery_service_id,
    required: false,
    list: true,
    type: 'string',
    choices: choicesOf(TRACKING_CARRIERS),
    ...(mode === 'update' ? {} : { default: '0' }),
    helpText:
      mode === 'update'
        ? `The carrier the track is filed under in R-Lab. Leave empty to keep the stored carrier. ${CARRIER_FORMS}`
        : `The carrier that delivers the parcel; R-Lab files the track under it. Russian Post when empty. ${CARRIER_FORMS}`,
  });

export const detailFields = (mode: 'add' | 'update') =>
  [
    defineInputField({
      key: 'phone',
      label: LABELS.phone,
      required: false,
      list: true,
      type: 'string',
      helpText: byMode(
        mode,
        "The buyer's mobile phone for SMS, e.g. `+7 (916) 000-00-00`; it is sent as digits in the federal " +
          'format (79160000000). ' +
          "A number of another country needs its country code, e.g. `+84 33 696 5825`. When empty, R-Lab's " +
          '"send no SMS" number 79000000000 is sent.',
        'A new mobile phone for the buyer, e.g. `+7 (916) 000-00-00` (another country with its code, e.g. ' +
          '`+84 33 696 5825`). Leave empty to keep the stored phone.',
      ),
    }),
    defineInputField({
      key: 'email',
      label: LABELS.email,
      required: false,
      list: true,
      type: 'string',
      helpText: byMode(
        mode,
        "The buyer's e-mail; when empty, R-Lab sends no e-mails to the buyer.",
        'A new e-mail for the buyer. Leave empty to keep the stored e-mail.',
      ),
    }),
    defineInputField({
      key: 'name',
      label: LABELS.name,
      required: false,
      list: true,
      type: 'string',
      helpText: byMode(
        mode,
        "The buyer's name or full name, used in the notifications.",
        'A new name for the buyer. Leave empty to keep the stored name.',
      ),
    }),
    defineInputField({
      key: 'item_cost',
      label: LABELS.item_cost,
      required: false,
      list: true,
      // Text read by the app, not `number`: Zapier's editor would turn 1 200,50 into 1200 first.
      type: 'string',
      helpText: byMode(
        mode,
        `The cost of the goods, e.g. \`1 234,50\`: ${NUMBER_FORMS}.`,
        `A new cost of the goods, e.g. \`1 234,50\`: ${NUMBER_FORMS}. Leave empty (or 0) to keep the stored cost.`,
      ),
    }),
    defineInputField({
      key: 'order_number',
      label: LABELS.order_number,
      required: false,
      list: true,
      type: 'string',
      helpText: byMode(
        mode,
        "The shop's order number, at most 40 characters.",
        'A new order number, at most 40 characters. Leave empty to keep the stored one.',
      ),
    }),
    defineInputField({
      key: 'description',
      label: LABELS.description,
      required: false,
      list: true,
      type: 'text',
      helpText: byMode(
        mode,
        'Anything else, e.g. the goods or the shop name when one account serves several shops; at most 200 characters.',
        'A new description, at most 200 characters. Leave empty to keep the stored one.',
      ),
    }),
    carrierField(mode),
    defineInputField({
      key: 'payment_type',
      label: LABELS.payment_type,
      required: false,
      list: true,
      type: 'string',
      choices: choicesOf(PAYMENT_TYPES),
      helpText: byMode(
        mode,
        'Lets R-Lab use different notification schemes for cash-on-delivery and prepaid parcels. When empty, ' +
          'none is set. A mapped value may be `1`, `2` or the name in English or Russian, in any case ' +
          '(`Наложенный платёж`, `Prepaid`).',
        'Lets R-Lab use different notification schemes for cash-on-delivery and prepaid parcels. Leave empty ' +
          'to keep the stored one. A mapped value may be `1`, `2` or the name in English or Russian, in any case.',
      ),
    }),
    defineInputField({
      key: 'campaign_id',
      label: LABELS.campaign_id,
      required: false,
      list: true,
      type: 'string',
      helpText:
        'The number of the notification chain (the SMS, Viber and e-mail scheme) that should handle the ' +
        'track. Chains are set up under ' +
        '**Настройка** (Settings) in your ' +
        "[DeliveryCRM account](https://deliverycrm.ru/client/profile/index); R-Lab's support tells you a " +
        `chain's number: ${INTEGER_FORMS}. ` +
        byMode(
          mode,
          'When empty, your default chain handles the track.',
          'Leave empty to keep the chain the track is in.',
        ),
    }),
    defineInputField({
      key: 'send_to_user_email_full_tracking',
      label: LABELS.send_to_user_email_full_tracking,
      required: false,
      type: 'string',
      choices: YES_NO_CHOICES,
      helpText: `Yes: the buyer gets an e-mail at every status change of the parcel. No when empty. A mapped value may be ${YES_NO_FORMS}.`,
    }),
    defineInputField({
      key: 'send_to_admin_email_full_tracking',
      label: LABELS.send_to_admin_email_full_tracking,
      required: false,
      type: 'string',
      choices: YES_NO_CHOICES,
      helpText:
        "Yes: the shop's e-mail (the one registered with R-Lab / Strekoza) gets an e-mail at every status change. No when empty. " +
        `A mapped value may be ${YES_NO_FORMS}.`,
    }),
    defineInputField({
      key: 'test_mode',
      label: LABELS.test_mode,
      required: false,
      type: 'string',
      choices: YES_NO_CHOICES,
      default: 'no',
      helpText:
        'Yes: R-Lab only checks the request and stores nothing. Use it while setting up the Zap. No when empty. ' +
        `A mapped value may be ${YES_NO_FORMS}.`,
    }),
  ] as const;

/**
 * The output fields of Add, Update and Delete Tracking Number: one row per key, with the modes it
 * belongs to (a delete sends no buyer data, so its output has none).
 */
/** The label of served_by_backup: a filter on it finds the runs whose data went over plain http. */
export const SERVED_BY_BACKUP = 'Served by Backup Address (Plain HTTP)';

const OUTPUT_ROWS: ReadonlyArray<[keyof TrackOutcome, string, 'string' | 'number' | 'integer' | 'boolean', Mode[]?]> = [
  ['track', LABELS.track, 'string'],
  ['phone', 'Phone as Sent', 'string', ['add', 'update']],
  ['email', LABELS.email, 'string', ['add', 'update']],
  ['name', LABELS.name, 'string', ['add', 'update']],
  ['item_cost', LABELS.item_cost, 'number', ['add', 'update']],
  ['order_number', LABELS.order_number, 'string', ['add', 'update']],
  ['description', LABELS.description, 'string', ['add', 'update']],
  ['delivery_service_id', 'Carrier ID', 'integer'],
  ['delivery_service_name', 'Carrier Name', 'string'],
  ['payment_type', 'Payment Type ID', 'integer', ['add', 'update']],
  ['payment_type_name', 'Payment Type Name', 'string', ['add', 'update']],
  ['campaign_id', LABELS.campaign_id, 'integer', ['add', 'update']],
  ['batch', 'Request Number', 'integer'],
  ['result_state', 'R-Lab Result Code', 'integer'],
  ['result_info', 'R-Lab Result Text', 'string'],
  ['result_info_en', 'R-Lab Result Text (English)', 'string'],
  ['served_by_backup', SERVED_BY_BACKUP, 'boolean'],
];

const rowsOf = (mode: Mode) => OUTPUT_ROWS.filter(([, , , modes]) => !modes || modes.includes(mode));

/** The keys a track's outcome carries in this mode, in the order of the output fields. */
export const outputKeys = (mode: Mode): Array<keyof TrackOutcome> => rowsOf(mode).map(([key]) => key);

/** Top-level fields (one-track runs), the same as `tracks[]` line items, then the run's counts. */
export function trackOutputFields(mode: Mode) {
  const rows = rowsOf(mode);
  return [
    // At the top, served_by_backup is the run's (any track), listed once below.
    ...rows.filter(([key]) => key !== 'served_by_backup').map(([key, label, type]) => ({ key, label, type })),
    ...rows.map(([key, label, type]) => ({ key: `tracks[]${key}`, label: `Tracks: ${label}`, type })),
    { key: 'track_count', label: 'Number of Tracks', type: 'integer' as const },
    { key: 'batch_count', label: 'Number of Requests', type: 'integer' as const },
    ...(mode === 'delete' ? [] : [{ key: 'test_mode', label: LABELS.test_mode, type: 'boolean' as const }]),
    { key: 'served_by_backup', label: `${SERVED_BY_BACKUP}: Any Track`, type: 'boolean' as const },
  ];
}
