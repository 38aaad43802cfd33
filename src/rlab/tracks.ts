/**
 * What Add, Update and Delete Tracking Number share: the input fields, reading one or many tracks
 * (Zapier line items arrive as arrays), validation before any request, batches of at most 100
 * (the vendor's limit, seed 002) and the output.
 */
import { defineInputField, type Bundle, type ZObject } from 'zapier-platform-core';
import { invalidInput } from '../common/errors';
import { asList, readBoolean, readNumber, readText } from '../common/input';
import { isPlainTrackingNumber, normaliseTrackingNumber } from '../common/tracking-number';
import { requireRlab } from '../credentials';
import { PAYMENT_TYPES, TRACKING_CARRIERS, choicesOf, readCode } from './carriers';
import { createRlabClient, emptyEntryOf, rlabResultError, unconfirmedTracks, type RlabClient, type RlabReply, type TrackingEntry } from './client';
import { inWantedState, storedTracks, type WriteMethod } from './reconcile';
import { readPhone } from './phone';
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
      helpText: byMode(
        mode,
        'The buyer\'s mobile phone for SMS, e.g. `+7 (916) 000-00-00`; it is sent as digits in the federal format (79160000000). ' +
          'A number of another country needs its country code, e.g. `+84 33 696 5825`. When empty, R-Lab\'s "send no SMS" number 79000000000 is sent.',
        'A new mobile phone for the buyer, e.g. `+7 (916) 000-00-00` (another country with its code, e.g. `+84 33 696 5825`). Leave empty to keep the stored phone.',
      ),
    }),
    defineInputField({
      key: 'email',
      label: LABELS.email,
      required: false,
      list: true,
      type: 'string',
      helpText: byMode(mode, "The buyer's e-mail; when empty, R-Lab sends no e-mails to the buyer.", 'A new e-mail for the buyer. Leave empty to keep the stored e-mail.'),
    }),
    defineInputField({ key: 'name', label: LABELS.name, required: false, list: true, type: 'string', helpText: byMode(mode, "The buyer's name or full name, used in the notifications.", "A new name for the buyer. Leave empty to keep the stored name.") }),
    defineInputField({
      key: 'item_cost',
      label: LABELS.item_cost,
      required: false,
      list: true,
      type: 'number',
      helpText: byMode(mode, 'The cost of the goods, e.g. `123.45`.', 'A new cost of the goods, e.g. `123.45`. Leave empty (or 0) to keep the stored cost.'),
    }),
    defineInputField({
      key: 'order_number',
      label: LABELS.order_number,
      required: false,
      list: true,
      type: 'string',
      helpText: byMode(mode, "The shop's order number, at most 40 characters.", "A new order number, at most 40 characters. Leave empty to keep the stored one."),
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
        'Lets R-Lab use different notification schemes for cash-on-delivery and prepaid parcels. When empty, none is set.',
        'Lets R-Lab use different notification schemes for cash-on-delivery and prepaid parcels. Leave empty to keep the stored one.',
      ),
    }),
    defineInputField({
      key: 'campaign_id',
      label: LABELS.campaign_id,
      required: false,
      list: true,
      type: 'integer',
      helpText:
        'The number of the notification chain (the SMS, Viber and e-mail scheme) that should handle the track. Chains are set up under ' +
        '**Настройка** (Settings) in your [DeliveryCRM account](https://deliverycrm.ru/client/profile/index); R-Lab\'s support tells you a chain\'s number. ' +
        byMode(mode, 'When empty, your default chain handles the track.', 'Leave empty to keep the chain the track is in.'),
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

/** Values of one field, one per track: none, one for all, or exactly one per track. */
function perTrack(z: ZObject, input: Raw, key: Key, count: number): string[] {
  const values = asList(input[key]).map(readText);
  if (values.length === count) return values;
  if (values.length <= 1) return Array<string>(count).fill(values[0] ?? '');
  throw invalidInput(z, LABELS[key], `one value for every track, or one value per tracking number (${count})`, `${values.length} values`);
}

/**
 * A tracking number as carriers write it (no spaces, upper-case Latin, Cyrillic look-alikes as
 * Latin: see docs/rlab.md), so what is stored is what every later search finds. A track that still
 * has other characters is not one a carrier issued: refused before anything is sent.
 */
export function readTrackingNumber(z: ZObject, label: string, raw: unknown): string {
  const typed = readText(raw);
  const track = normaliseTrackingNumber(typed);
  if (!isPlainTrackingNumber(track)) {
    throw invalidInput(z, label, 'a tracking number of Latin letters, digits and hyphens, as carriers write it, e.g. RA644000886RU or 19527937484546', typed);
  }
  return track;
}

/** Labels say which track a bad value belongs to when a run carries several. */
const labelFor = (key: Key, track: string, count: number) => (count > 1 ? `${LABELS[key]} (tracking number ${track})` : LABELS[key]);

export type Request = { entries: TrackingEntry[]; testMode: boolean };

/** Reads and checks every track of the run before anything is sent. */
export function readRequest(z: ZObject, input: Raw, mode: Mode): Request {
  const typed = asList(input.track).map(readText);
  if (typed.length === 0) throw invalidInput(z, LABELS.track, 'at least one tracking number');
  typed.forEach((track, index) => {
    if (track === '') throw invalidInput(z, LABELS.track, `a tracking number in every item, but item ${index + 1} is empty`);
  });
  const count = typed.length;
  const tracks = typed.map((track, index) => readTrackingNumber(z, count > 1 ? `${LABELS.track} (item ${index + 1})` : LABELS.track, track));
  const column = (key: Key) => perTrack(z, input, key, count);
  const carriers = column('delivery_service_id');
  const flag = (key: Key) => (mode === 'delete' ? false : (readBoolean(z, LABELS[key], input[key]) ?? false));
  const userEmails = flag('send_to_user_email_full_tracking');
  const adminEmails = flag('send_to_admin_email_full_tracking');
  const testMode = flag('test_mode');
  const carrierOf = (index: number) => readCode(z, labelFor('delivery_service_id', tracks[index]!, count), carriers[index]!, TRACKING_CARRIERS);

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
    const phone = readPhone(z, label('phone'), phones[index]!);
    const email = emails[index]!;
    if (email !== '' && !/^[^\s@]+@[^\s@]+$/.test(email)) throw invalidInput(z, label('email'), 'an e-mail address', email);
    for (const key of ['order_number', 'description'] as const) {
      const value = key === 'order_number' ? orders[index]! : descriptions[index]!;
      if ([...value].length > LIMITS[key]) {
        throw invalidInput(z, label(key), `at most ${LIMITS[key]} characters, as R-Lab allows (got ${[...value].length}); nothing was sent`);
      }
    }
    const payment = readCode(z, label('payment_type'), payments[index]!, PAYMENT_TYPES);
    const campaign = readNumber(z, label('campaign_id'), campaigns[index]!, { integer: true });
    const carrier = carrierOf(index);
    // Update: "an empty value (0 for the cost) leaves the stored value unchanged" (updatetrack.ashx),
    // so unmapped fields go out empty and the numbered ones are left out.
    const add = mode === 'add';
    return {
      trackingUserClientPhone: phone === '' && add ? NO_SMS_PHONE : phone,
      trackingUserClientTrack: track,
      trackingUserClientEmail: email,
      trackingUserClientName: names[index]!,
      trackingUserClientItemCost: readNumber(z, label('item_cost'), costs[index]!) ?? 0,
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

const DONE: Record<WriteMethod, string> = {
  addtrack: 'added',
  updatetrack: 'updated',
  deltrack: 'deleted',
};

/** result_info of a track the main address had applied before its answer was lost. */
const ALREADY: Record<WriteMethod, string> = {
  addtrack: 'Already stored: the main address saved it before its answer was lost (checked on the backup address, not sent again)',
  updatetrack: 'Already up to date: the main address updated it before its answer was lost (checked on the backup address, not sent again)',
  deltrack: 'Already gone: the main address deleted it before its answer was lost, or it was never stored (checked on the backup address)',
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

const MODE_OF: Record<WriteMethod, Mode> = { addtrack: 'add', updatetrack: 'update', deltrack: 'delete' };

/**
 * One track as the output shows it: only the fields its mode has (a delete sends no buyer data, so
 * its output carries none), and a payment type only when one of the choices was sent (R-Lab's 0
 * means "not set", which is no choice).
 */
function outcome(mode: Mode, entry: TrackingEntry, batch: number, state: number, info: string, servedByBackup: boolean): TrackOutcome {
  const carrier = entry.trackingUserClientDeliveryServiceId;
  const payment = entry.trackingUserPaymentType;
  const chosenPayment = payment !== undefined && Object.hasOwn(PAYMENT_TYPES, payment) ? payment : null;
  const all: Required<TrackOutcome> = {
    track: entry.trackingUserClientTrack,
    phone: entry.trackingUserClientPhone,
    email: entry.trackingUserClientEmail,
    name: entry.trackingUserClientName,
    item_cost: entry.trackingUserClientItemCost,
    order_number: entry.trackingUserClientOrderNumber ?? '',
    description: entry.trackingUserClientDescription ?? '',
    delivery_service_id: carrier ?? null,
    delivery_service_name: carrier === undefined ? null : (TRACKING_CARRIERS[carrier] ?? null),
    payment_type: chosenPayment,
    payment_type_name: chosenPayment === null ? null : PAYMENT_TYPES[chosenPayment]!,
    campaign_id: entry.trackingUserLR3CampaignId ?? null,
    batch,
    result_state: state,
    result_info: info,
    served_by_backup: servedByBackup,
  };
  const keys = OUTPUT_LABELS.filter(([, , , modes]) => !modes || modes.includes(mode)).map(([key]) => key);
  return Object.fromEntries(keys.map((key) => [key, all[key]])) as TrackOutcome;
}

const list = (entries: readonly TrackingEntry[]) => entries.map((entry) => entry.trackingUserClientTrack).join(', ');

/** Why a run stopped, and exactly which tracks R-Lab holds as asked and which it does not. */
class RunStopped {
  constructor(
    readonly reason: unknown,
    /** Tracks of the stopping request that R-Lab does hold as asked (resultState 1, checked). */
    readonly doneHere: TrackingEntry[] = [],
    /** Tracks of the stopping request whose state is not known. */
    readonly unknownHere: TrackingEntry[] = [],
    /** True when they are unknown because gettrackinfo does not show what the update set. */
    readonly notShown = false,
  ) {}
}

/**
 * After resultState 1 ("part stored"), which tracks of the request R-Lab holds as asked:
 * gettrackinfo for exactly those tracks (read-only, one request: a batch has at most 100).
 */
async function checkPartial(z: ZObject, client: RlabClient, method: WriteMethod, sent: TrackingEntry[], answer: RlabReply): Promise<RunStopped> {
  const refusal = rlabResultError(z, answer, method);
  let stored;
  try {
    stored = storedTracks(await client.call('gettrackinfo', sent.map(emptyEntryOf)));
  } catch (error) {
    return new RunStopped(`${messageOf(refusal)} R-Lab could not be asked which tracks it stored (${messageOf(error)}); check them in your R-Lab account (Find Track Status) before you replay any.`, [], sent);
  }
  if (!stored) return new RunStopped(`${messageOf(refusal)} R-Lab did not say which tracks it stored; check them in your R-Lab account before you replay any.`, [], sent);
  const done: TrackingEntry[] = [];
  const unknown: TrackingEntry[] = [];
  for (const entry of sent) {
    const state = inWantedState(method, entry, stored.get(entry.trackingUserClientTrack));
    if (state === true) done.push(entry);
    else if (state === undefined) unknown.push(entry);
  }
  return new RunStopped(refusal, done, unknown, true);
}

/**
 * Sends the entries in batches of at most 100, each signed with its own key. A failing or partly
 * applied batch stops the run; when any track was applied, the error lists exactly which were and
 * which were not (read back with gettrackinfo), and is not retried automatically (a replay would
 * send the applied ones again).
 */
export async function sendTracks(
  z: ZObject,
  bundle: Pick<Bundle, 'authData'>,
  method: WriteMethod,
  request: Request,
): Promise<TracksResult> {
  const client = createRlabClient(z, requireRlab(z, bundle));
  const batches: TrackingEntry[][] = [];
  for (let start = 0; start < request.entries.length; start += BATCH_SIZE) batches.push(request.entries.slice(start, start + BATCH_SIZE));
  const tracks: TrackOutcome[] = [];
  const done: TrackingEntry[] = [];
  for (const [index, batch] of batches.entries()) {
    let stop: RunStopped | undefined;
    try {
      const result = await client.write(method, batch, request.testMode);
      for (const entry of result.alreadyApplied) {
        tracks.push(outcome(MODE_OF[method], entry, index + 1, 0, ALREADY[method], true));
        done.push(entry);
      }
      const reply = result.reply;
      if (reply !== null && reply.resultState === 0) {
        for (const entry of result.sent) {
          tracks.push(outcome(MODE_OF[method], entry, index + 1, 0, reply.resultInfo, reply.servedByBackup));
          done.push(entry);
        }
      } else if (reply !== null) {
        stop =
          reply.resultState === 1 && !request.testMode
            ? await checkPartial(z, client, method, result.sent, reply)
            : new RunStopped(rlabResultError(z, reply, method));
      }
    } catch (error) {
      stop = new RunStopped(error, [], (error instanceof Error && unconfirmedTracks.get(error)) || []);
    }
    if (stop) throw stoppedError(z, method, batches, index, done, stop);
  }
  const infos = [...new Set(tracks.map((track) => track.result_info))];
  return {
    ...(tracks.length === 1 ? tracks[0] : {}),
    tracks,
    track_count: tracks.length,
    batch_count: batches.length,
    ...(method === 'deltrack' ? {} : { test_mode: request.testMode }),
    result_state: 0,
    result_info: infos.join('; '),
    served_by_backup: tracks.some((track) => track.served_by_backup),
  };
}

/** The error of a stopped run: R-Lab's reason, then the tracks applied and those to replay. */
function stoppedError(z: ZObject, method: WriteMethod, batches: TrackingEntry[][], index: number, before: TrackingEntry[], stop: RunStopped): unknown {
  const done = [...before, ...stop.doneHere];
  const settled = new Set([...done, ...stop.unknownHere]);
  const notDone = batches.slice(index).flat().filter((entry) => !settled.has(entry));
  // Nothing applied and nothing else to report: R-Lab's reason says it all.
  if (done.length === 0 && (stop.unknownHere.length === 0 || notDone.length === 0) && stop.reason instanceof Error) return stop.reason;
  const word = DONE[method];
  const where = batches.length > 1 ? `R-Lab request ${index + 1} of ${batches.length} failed: ` : '';
  const unknown =
    stop.unknownHere.length === 0
      ? ''
      : stop.notShown
        ? `Not shown by R-Lab (${stop.unknownHere.length} tracks; it does not report the carrier, payment type, chain or description, and sending an update again only sets the same values): ${list(stop.unknownHere)}. `
        : `Not confirmed (${stop.unknownHere.length} tracks; R-Lab may have ${word} them: check them with Find Track Status before you replay them): ${list(stop.unknownHere)}. `;
  const replay = notDone.length === 0 ? '' : ` Replay only the tracks not ${word}.`;
  return new z.errors.Error(
    `${where}${messageOf(stop.reason)} Already ${word} (${done.length} tracks): ${list(done) || 'none'}. ${unknown}` +
      `Not ${word} (${notDone.length} tracks): ${list(notDone) || 'none'}.${replay}`,
    'RlabPartialRun',
    502,
  );
}

// ---- Output fields ----

/** The label of served_by_backup: a filter on it finds the runs whose data went over plain http. */
export const SERVED_BY_BACKUP = 'Served by Backup Address (Plain HTTP)';

const OUTPUT_LABELS: ReadonlyArray<[keyof TrackOutcome, string, 'string' | 'number' | 'integer' | 'boolean', Mode[]?]> = [
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
  ['served_by_backup', SERVED_BY_BACKUP, 'boolean'],
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
    { key: 'served_by_backup', label: `${SERVED_BY_BACKUP}: Any Track`, type: 'boolean' as const },
  ];
}
