/**
 * Sending the tracks of an Add, Update or Delete run: batches of at most 100 (the vendor's limit,
 * see docs/rlab.md), the outcome of each track, and the report of a run that stopped part-way
 * (which tracks were applied, which were not, which are unconfirmed).
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { requireRlab } from './connection';
import { createRlabClient, emptyEntryOf, unconfirmedTracks, type RlabClient } from './client';
import type { TrackRequest } from './track-request';
import { inWantedState, storedTracks } from './reconcile';
import type { RlabReply, TrackingEntry, TrackOutcome, TracksResult, WriteMethod } from './types';
import { PAYMENT_TYPES, TRACKING_CARRIERS, type Mode, outputKeys } from './fields';
import { rlabResultError } from './errors';
import { whatFailed } from '../common/failures';

export const BATCH_SIZE = 100;

const DONE: Record<WriteMethod, string> = {
  addtrack: 'added',
  updatetrack: 'updated',
  deltrack: 'deleted',
};

/** result_info of a track the main address had applied before its answer was lost. */
const ALREADY: Record<WriteMethod, string> = {
  addtrack:
    'Already stored: the main address saved it before its answer was lost (checked on the backup address, ' +
    'not sent again)',
  updatetrack:
    'Already up to date: the main address updated it before its answer was lost (checked on the backup ' +
    'address, not sent again)',
  deltrack:
    'Already gone: the main address deleted it before its answer was lost, or it was never stored (checked ' +
    'on the backup address)',
};

/** English for the texts R-Lab's documentation shows for a successful write (docs/rlab.md). */
const KNOWN_INFO: ReadonlyMap<string, string> = new Map([
  ['Данные успешно добавлены в базу', 'The data was added to R-Lab.'],
  ['Данные успешно добавлены в очередь на обновление', 'The update was queued in R-Lab.'],
  ['Треки успешно удалены из базы', 'The tracks were deleted from R-Lab.'],
]);

/** The English companion of R-Lab's result text: a known text translated, the app's own kept, else by the code. */
export function resultInfoInEnglish(mode: Mode, state: number, info: string): string {
  const known = KNOWN_INFO.get(info.trim());
  if (known) return known;
  if (!/[А-Яа-яЁё]/.test(info)) return info;
  const done = { add: 'added', update: 'updated', delete: 'deleted' }[mode];
  return state === 0 ? `R-Lab reports the track ${done} (result code 0).` : `R-Lab reports result code ${state}.`;
}

/**
 * What stopped a run, in one sentence without a step's advice (the run's error gives its own): the
 * failure an error says, core's 429 in words, or the error's own message.
 */
function whatStopped(z: ZObject, reason: Error | string): string {
  if (typeof reason === 'string') return reason;
  const failed = whatFailed(reason);
  if (failed !== undefined) return failed;
  // Core's own error for a 429 (its message is JSON for Zapier, not words for a user).
  if (reason instanceof z.errors.ThrottledError) return 'R-Lab asks to slow down (HTTP 429).';
  return (reason as Error).message;
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

const MODE_OF: Record<WriteMethod, Mode> = { addtrack: 'add', updatetrack: 'update', deltrack: 'delete' };

/**
 * One track as the output shows it: only the fields its mode has (a delete sends no buyer data, so
 * its output carries none), and a payment type only when one of the choices was sent (R-Lab's 0
 * means "not set", which is no choice).
 */
function outcome(
  mode: Mode,
  entry: TrackingEntry,
  batch: number,
  state: number,
  info: string,
  servedByBackup: boolean,
): TrackOutcome {
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
    result_info_en: resultInfoInEnglish(mode, state, info),
    served_by_backup: servedByBackup,
  };
  return Object.fromEntries(outputKeys(mode).map((key) => [key, all[key]])) as TrackOutcome;
}

const list = (entries: readonly TrackingEntry[]) => entries.map((entry) => entry.trackingUserClientTrack).join(', ');

/** Why a run stopped, and exactly which tracks R-Lab holds as asked and which it does not. */
class RunStopped {
  constructor(
    readonly reason: Error | string,
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
async function checkPartial(
  z: ZObject,
  client: RlabClient,
  method: WriteMethod,
  sent: TrackingEntry[],
  answer: RlabReply,
): Promise<RunStopped> {
  const refusal = rlabResultError(z, answer, method);
  let stored;
  try {
    stored = storedTracks(await client.call('gettrackinfo', sent.map(emptyEntryOf)));
  } catch (error) {
    return new RunStopped(
      `${whatStopped(z, refusal)} R-Lab could not be asked which tracks it stored (${whatStopped(z, asError(error))}); check ` +
        'them in your R-Lab account (Find R-Lab Track Status) before you replay any.',
      [],
      sent,
    );
  }
  if (!stored)
    return new RunStopped(
      `${whatStopped(z, refusal)} R-Lab did not say which tracks it stored; check them in your R-Lab account ` +
        'before you replay any.',
      [],
      sent,
    );
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
  request: TrackRequest,
): Promise<TracksResult> {
  const client = createRlabClient(z, requireRlab(z, bundle));
  const batches: TrackingEntry[][] = [];
  for (let start = 0; start < request.entries.length; start += BATCH_SIZE)
    batches.push(request.entries.slice(start, start + BATCH_SIZE));
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
      stop = new RunStopped(asError(error), [], (error instanceof Error && unconfirmedTracks.get(error)) || []);
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
    result_info_en: [...new Set(tracks.map((track) => track.result_info_en))].join('; '),
    served_by_backup: tracks.some((track) => track.served_by_backup),
  };
}

/** The error of a stopped run: R-Lab's reason, then the tracks applied and those to replay. */
function stoppedError(
  z: ZObject,
  method: WriteMethod,
  batches: TrackingEntry[][],
  index: number,
  before: TrackingEntry[],
  stop: RunStopped,
): unknown {
  const done = [...before, ...stop.doneHere];
  const settled = new Set([...done, ...stop.unknownHere]);
  const notDone = batches
    .slice(index)
    .flat()
    .filter((entry) => !settled.has(entry));
  // Nothing applied and nothing else to report: R-Lab's reason says it all.
  if (done.length === 0 && (stop.unknownHere.length === 0 || notDone.length === 0) && stop.reason instanceof Error)
    return stop.reason;
  const word = DONE[method];
  const where = batches.length > 1 ? `R-Lab request ${index + 1} of ${batches.length} failed: ` : '';
  const unknown =
    stop.unknownHere.length === 0
      ? ''
      : stop.notShown
        ? `Not shown by R-Lab (${stop.unknownHere.length} tracks; it does not report the carrier, payment ` +
          'type, chain or description, and sending an update again only sets the same values): ' +
          `${list(stop.unknownHere)}. `
        : `Not confirmed (${stop.unknownHere.length} tracks; R-Lab may have ${word} them: check them with Find ` +
          `R-Lab Track Status before you replay them): ${list(stop.unknownHere)}. `;
  const replay = notDone.length === 0 ? '' : ` Replay only the tracks not ${word}.`;
  return new z.errors.Error(
    `${where}${whatStopped(z, stop.reason)} Already ${word} (${done.length} tracks): ${list(done) || 'none'}. ${unknown}` +
      `Not ${word} (${notDone.length} tracks): ${list(notDone) || 'none'}.${replay}`,
    'RlabPartialRun',
    502,
  );
}
