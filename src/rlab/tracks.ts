/**
 * What Add, Update and Delete Tracking Number share: the input fields, reading one or many tracks
 * (Zapier line items arrive as arrays), validation before any request, batches of at most 100
 * (the vendor's limit, seed 002) and the output.
 */
import { defineInputField, type Bundle, type ZObject } from 'zapier-platform-core';
import { invalidInput } from '../common/errors';
import { toFederalPhone } from '../common/phone';
import { requireRlab } from '../credentials';
import { PAYMENT_TYPES, TRACKING_CARRIERS, choicesOf } from './carriers';
import { createRlabClient, rlabResultError, type RlabAnswer, type RlabMethod, type TrackingEntry } from './client';
import type { TrackOutcome, TracksResult } from './samples';

export type Mode = 'add' | 'update' | 'delete';

/** The vendor's "send no SMS" number, used when Add gets no phone. */
export const NO_SMS_PHONE = '79000000000';
export const BATCH_SIZE = 100;
const LIMITS = { order_number: 40, description: 200 } as const;

const LABELS = {
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
  'Map line items to send several tracks in one run: item N of each field belongs to tracking number N; a single value applies to every track.';

// ---- Input fields (one definition per key; help text differs where Update keeps stored values) ----

export const trackField = defineInputField({
  key: 'track',
  label: LABELS.track,
  required: true,
  list: true,
  type: 'string',
  helpText: `The parcel's tracking number from the carrier, e.g. \`19527937484546\`. ${LINE_ITEMS}`,
});

const keepHelp = (mode: Mode, text: string) => (mode === 'update' ? `${text} Leave empty to keep the stored value.` : text);

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
        ? 'The carrier the track is filed under in R-Lab. Leave empty to keep the stored carrier.'
        : 'The carrier that delivers the parcel; R-Lab files the track under it. Russian Post when empty.',
  });

export const detailFields = (mode: 'add' | 'update') =>
  [
    defineInputField({
      key: 'phone',
      label: LABELS.phone,
      required: false,
      list: true,
      type: 'string',
      helpText: keepHelp(
        mode,
        'The buyer\'s mobile phone for SMS, e.g. `+7 (916) 000-00-00`; it is sent as digits in the federal format (79160000000). ' +
          (mode === 'add' ? 'When empty, R-Lab\'s "send no SMS" number 79000000000 is sent.' : ''),
      ),
    }),
    defineInputField({
      key: 'email',
      label: LABELS.email,
      required: false,
      list: true,
      type: 'string',
      helpText: keepHelp(mode, 'The buyer\'s e-mail; when empty, R-Lab sends no e-mails to the buyer.'),
    }),
    defineInputField({ key: 'name', label: LABELS.name, required: false, list: true, type: 'string', helpText: keepHelp(mode, "The buyer's name or full name, used in the notifications.") }),
    defineInputField({
      key: 'item_cost',
      label: LABELS.item_cost,
      required: false,
      list: true,
      type: 'number',
      helpText: keepHelp(mode, 'The cost of the goods, e.g. `123.45`.') + (mode === 'update' ? ' 0 also keeps the stored cost.' : ''),
    }),
    defineInputField({
      key: 'order_number',
      label: LABELS.order_number,
      required: false,
      list: true,
      type: 'string',
      helpText: keepHelp(mode, "The shop's order number, at most 40 characters."),
    }),
    defineInputField({
      key: 'description',
      label: LABELS.description,
      required: false,
      list: true,
      type: 'text',
      helpText: keepHelp(mode, 'Anything else, e.g. the goods or the shop name when one account serves several shops; at most 200 characters.'),
    }),
    carrierField(mode),
    defineInputField({
      key: 'payment_type',
      label: LABELS.payment_type,
      required: false,
      list: true,
      type: 'string',
      choices: choicesOf(PAYMENT_TYPES),
      helpText: keepHelp(mode, 'Lets R-Lab use different notification schemes for cash-on-delivery and prepaid parcels.'),
    }),
    defineInputField({
      key: 'campaign_id',
      label: LABELS.campaign_id,
      required: false,
      list: true,
      type: 'integer',
      helpText: keepHelp(mode, 'The ID of the notification chain (campaign) in your R-Lab account that should handle the track; empty uses the default chain.'),
    }),
    defineInputField({
      key: 'send_to_user_email_full_tracking',
      label: LABELS.send_to_user_email_full_tracking,
      required: false,
      type: 'boolean',
      helpText: 'Yes: the buyer gets an e-mail at every status change of the parcel.',
    }),
    defineInputField({
      key: 'send_to_admin_email_full_tracking',
      label: LABELS.send_to_admin_email_full_tracking,
      required: false,
      type: 'boolean',
      helpText: 'Yes: the shop\'s e-mail (the one registered with R-Lab / Strekoza) gets an e-mail at every status change.',
    }),
    defineInputField({
      key: 'test_mode',
      label: LABELS.test_mode,
      required: false,
      type: 'boolean',
      default: 'false',
      helpText: 'Yes: R-Lab only checks the request and stores nothing. Use it while setting up the Zap.',
    }),
  ] as const;

// ---- Reading and validating ----

type Key = keyof typeof LABELS;
type Raw = Record<string, unknown>;

const asList = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());

/** Values of one field, one per track: none, one for all, or exactly one per track. */
function perTrack(z: ZObject, input: Raw, key: Key, count: number): string[] {
  const values = asList(input[key]).map(text);
  if (values.length === count) return values;
  if (values.length <= 1) return Array<string>(count).fill(values[0] ?? '');
  throw invalidInput(z, LABELS[key], `one value for every track, or one value per tracking number (${count})`, `${values.length} values`);
}

function toNumber(z: ZObject, label: string, value: string, integer: boolean): number | undefined {
  if (value === '') return undefined;
  const normal = value.replace(/[\s\u00a0]/g, '').replace(',', '.');
  const number = /^\d+(\.\d+)?$/.test(normal) ? Number(normal) : NaN;
  if (Number.isNaN(number) || (integer && !Number.isInteger(number))) {
    throw invalidInput(z, label, integer ? 'a whole number such as 12' : 'a number such as 123.45', value);
  }
  return number;
}

function toChoice(z: ZObject, key: Key, value: string, table: Readonly<Record<number, string>>): number | undefined {
  if (value === '') return undefined;
  if (!Object.hasOwn(table, value)) {
    throw invalidInput(z, LABELS[key], `one of ${Object.entries(table).map(([id, name]) => `${id} (${name})`).join(', ')}`, value);
  }
  return Number(value);
}

function toBoolean(z: ZObject, key: Key, value: unknown): boolean {
  const normal = text(value).toLowerCase();
  if (['', 'false', 'no', '0'].includes(normal)) return false;
  if (['true', 'yes', '1'].includes(normal)) return true;
  throw invalidInput(z, LABELS[key], 'yes or no', value);
}

/** Labels say which track a bad value belongs to when a run carries several. */
const labelFor = (key: Key, track: string, count: number) => (count > 1 ? `${LABELS[key]} (tracking number ${track})` : LABELS[key]);

export type Request = { entries: TrackingEntry[]; testMode: boolean };

/** Reads and checks every track of the run before anything is sent. */
export function readRequest(z: ZObject, input: Raw, mode: Mode): Request {
  const tracks = asList(input.track).map(text);
  if (tracks.length === 0) throw invalidInput(z, LABELS.track, 'at least one tracking number');
  tracks.forEach((track, index) => {
    if (track === '') throw invalidInput(z, LABELS.track, `a tracking number in every item, but item ${index + 1} is empty`);
  });
  const count = tracks.length;
  const column = (key: Key) => perTrack(z, input, key, count);
  const carriers = column('delivery_service_id');
  const userEmails = mode === 'delete' ? false : toBoolean(z, 'send_to_user_email_full_tracking', input.send_to_user_email_full_tracking);
  const adminEmails = mode === 'delete' ? false : toBoolean(z, 'send_to_admin_email_full_tracking', input.send_to_admin_email_full_tracking);
  const testMode = mode === 'delete' ? false : toBoolean(z, 'test_mode', input.test_mode);
  const carrierOf = (index: number) => toChoice(z, 'delivery_service_id', carriers[index]!, TRACKING_CARRIERS);

  if (mode === 'delete') {
    // "Only trackingUserClientTrack must be filled in, the rest may stay empty" (deltrack.ashx).
    const entries = tracks.map((track, index) => ({
      ...emptyEntry(track),
      trackingUserClientDeliveryServiceId: carrierOf(index) ?? 0,
    }));
    return { entries, testMode };
  }

  const [phones, emails, names, costs, orders, descriptions, payments, campaigns] = (
    ['phone', 'email', 'name', 'item_cost', 'order_number', 'description', 'payment_type', 'campaign_id'] as const
  ).map(column) as [string[], string[], string[], string[], string[], string[], string[], string[]];

  const entries = tracks.map((track, index): TrackingEntry => {
    const label = (key: Key) => labelFor(key, track, count);
    const rawPhone = phones[index]!;
    const phone = toFederalPhone(rawPhone);
    if (phone === undefined) throw invalidInput(z, label('phone'), 'a phone number such as +7 916 000-00-00', rawPhone);
    const email = emails[index]!;
    if (email !== '' && !/^[^\s@]+@[^\s@]+$/.test(email)) throw invalidInput(z, label('email'), 'an e-mail address', email);
    for (const key of ['order_number', 'description'] as const) {
      const value = key === 'order_number' ? orders[index]! : descriptions[index]!;
      if ([...value].length > LIMITS[key]) {
        throw invalidInput(z, label(key), `at most ${LIMITS[key]} characters, as R-Lab allows (got ${[...value].length}); nothing was sent`);
      }
    }
    const payment = toChoice(z, 'payment_type', payments[index]!, PAYMENT_TYPES);
    const campaign = toNumber(z, label('campaign_id'), campaigns[index]!, true);
    const carrier = carrierOf(index);
    // Update: "an empty value (0 for the cost) leaves the stored value unchanged" (updatetrack.ashx),
    // so unmapped fields go out empty and the numbered ones are left out.
    const add = mode === 'add';
    return {
      trackingUserClientPhone: phone === '' && add ? NO_SMS_PHONE : phone,
      trackingUserClientTrack: track,
      trackingUserClientEmail: email,
      trackingUserClientName: names[index]!,
      trackingUserClientItemCost: toNumber(z, label('item_cost'), costs[index]!, false) ?? 0,
      sendToUserEmailFullTracking: userEmails,
      sendToAdminEmailFullTracking: adminEmails,
      trackingUserClientOrderNumber: orders[index]!,
      trackingUserClientDescription: descriptions[index]!,
      trackingUserClientDeliveryServiceId: add ? (carrier ?? 0) : carrier,
      trackingUserPaymentType: add ? (payment ?? 0) : payment,
      trackingUserLR3CampaignId: add ? (campaign ?? 0) : campaign,
    };
  });
  return { entries, testMode };
}

/** An entry with only the track filled in, as the document's deltrack and gettrackinfo examples. */
export const emptyEntry = (track: string): TrackingEntry => ({
  trackingUserClientPhone: '',
  trackingUserClientTrack: track,
  trackingUserClientEmail: '',
  trackingUserClientName: '',
  trackingUserClientItemCost: 0,
  sendToUserEmailFullTracking: false,
  sendToAdminEmailFullTracking: false,
});

// ---- Sending and reporting ----

const DONE: Record<Exclude<RlabMethod, 'gettrackinfo' | 'getuserinfo'>, string> = {
  addtrack: 'added',
  updatetrack: 'updated',
  deltrack: 'deleted',
};

/** The message of a Zapier error (z.errors.Error keeps it as JSON) or of any other error. */
function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  try {
    const parsed = JSON.parse(message) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // a plain message
  }
  return message;
}

function outcome(entry: TrackingEntry, batch: number, answer: RlabAnswer): TrackOutcome {
  const carrier = entry.trackingUserClientDeliveryServiceId;
  const payment = entry.trackingUserPaymentType;
  return {
    track: entry.trackingUserClientTrack,
    phone: entry.trackingUserClientPhone,
    email: entry.trackingUserClientEmail,
    name: entry.trackingUserClientName,
    item_cost: entry.trackingUserClientItemCost,
    order_number: entry.trackingUserClientOrderNumber ?? '',
    description: entry.trackingUserClientDescription ?? '',
    delivery_service_id: carrier ?? null,
    delivery_service_name: carrier === undefined ? null : (TRACKING_CARRIERS[carrier] ?? null),
    payment_type: payment ?? null,
    payment_type_name: payment === undefined ? null : (PAYMENT_TYPES[payment] ?? null),
    campaign_id: entry.trackingUserLR3CampaignId ?? null,
    batch,
    result_state: answer.resultState,
    result_info: answer.resultInfo,
  };
}

/**
 * Sends the entries in batches of at most 100, each signed with its own key. A failing batch
 * stops the run; when earlier batches were already applied, the error lists which tracks were and
 * which were not, and is not retried automatically (a replay would send the applied ones again).
 */
export async function sendTracks(
  z: ZObject,
  bundle: Pick<Bundle, 'authData'>,
  method: keyof typeof DONE,
  request: Request,
): Promise<TracksResult> {
  const client = createRlabClient(z, requireRlab(z, bundle));
  const batches: TrackingEntry[][] = [];
  for (let start = 0; start < request.entries.length; start += BATCH_SIZE) batches.push(request.entries.slice(start, start + BATCH_SIZE));
  const tracks: TrackOutcome[] = [];
  for (const [index, batch] of batches.entries()) {
    try {
      const answer = await client.call(method, batch, request.testMode);
      if (answer.resultState !== 0) throw rlabResultError(z, answer);
      tracks.push(...batch.map((entry) => outcome(entry, index + 1, answer)));
    } catch (error) {
      if (index === 0) throw error;
      const list = (entries: TrackingEntry[]) => entries.map((entry) => entry.trackingUserClientTrack).join(', ');
      const done = DONE[method];
      throw new z.errors.Error(
        `R-Lab request ${index + 1} of ${batches.length} failed: ${messageOf(error)} ` +
          `Already ${done} (requests 1-${index}, ${tracks.length} tracks): ${list(request.entries.slice(0, tracks.length))}. ` +
          `Not ${done} (${request.entries.length - tracks.length} tracks): ${list(request.entries.slice(tracks.length))}. ` +
          `Replay only the tracks not ${done}.`,
        'RlabPartialRun',
        502,
      );
    }
  }
  const infos = [...new Set(tracks.map((track) => track.result_info))];
  return {
    ...(tracks.length === 1 ? tracks[0] : {}),
    tracks,
    track_count: tracks.length,
    batch_count: batches.length,
    test_mode: request.testMode,
    result_state: 0,
    result_info: infos.join('; '),
  };
}

// ---- Output fields ----

const OUTPUT_LABELS: ReadonlyArray<[keyof TrackOutcome, string, 'string' | 'number' | 'integer', Mode[]?]> = [
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
];

/** Top-level fields (one-track runs), the same as `tracks[]` line items, then the run's counts. */
export function trackOutputFields(mode: Mode) {
  const rows = OUTPUT_LABELS.filter(([, , , modes]) => !modes || modes.includes(mode));
  return [
    ...rows.map(([key, label, type]) => ({ key, label, type })),
    ...rows.map(([key, label, type]) => ({ key: `tracks[]${key}`, label: `Tracks: ${label}`, type })),
    { key: 'track_count', label: 'Number of Tracks', type: 'integer' as const },
    { key: 'batch_count', label: 'Number of Requests', type: 'integer' as const },
    ...(mode === 'delete' ? [] : [{ key: 'test_mode', label: LABELS.test_mode, type: 'boolean' as const }]),
  ];
}
