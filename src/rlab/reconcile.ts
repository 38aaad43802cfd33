/**
 * Which tracks of a write R-Lab already holds in the state the write wants, read with
 * gettrackinfo.ashx (read-only, at most 100 tracks per request). Used twice: before a write whose
 * answer never came is sent to the backup address (send only what is not applied yet), and after
 * R-Lab's resultState 1 ("part stored") to report exactly which tracks were stored.
 */
import type { RlabAnswer, StoredTrack, TrackingEntry, WriteMethod } from './types';
import { isRecord } from '../common/json';

/**
 * The tracks of a documented gettrackinfo answer (resultState 0, resultData a list of tracks) by
 * number; undefined for any other answer, which says nothing about what R-Lab holds.
 */
export function storedTracks(answer: RlabAnswer): Map<string, StoredTrack> | undefined {
  if (answer.resultState !== 0 || !Array.isArray(answer.resultData)) return undefined;
  const tracks = new Map<string, StoredTrack>();
  for (const item of answer.resultData) {
    if (!isRecord(item) || typeof item.trackNumber !== 'string') return undefined;
    tracks.set(item.trackNumber, item);
  }
  return tracks;
}

/** The fields gettrackinfo shows, with what the entry sent for each. */
const comparable = (entry: TrackingEntry): Array<[string, string | number]> => [
  ['trackingUserClientPhone', entry.trackingUserClientPhone],
  ['trackingUserClientEmail', entry.trackingUserClientEmail],
  ['trackingUserClientName', entry.trackingUserClientName],
  ['trackingUserClientItemCost', entry.trackingUserClientItemCost],
  ['trackingUserClientOrderNumber', entry.trackingUserClientOrderNumber ?? ''],
];

/**
 * True when R-Lab holds the track as the write wants it, false when not, undefined when
 * gettrackinfo cannot tell (an update of fields it does not show, such as the carrier).
 * Add: present with the sent values (a track added earlier with other values is not this add).
 * Update: present, and every value the update sets (empty and cost 0 keep the stored one) equal;
 * cannot tell when it sets a value gettrackinfo does not show (carrier, payment type, chain,
 * description). The two e-mail flags are not shown either and go with every update: they are left
 * out of the comparison. Delete: absent.
 */
export function inWantedState(
  method: WriteMethod,
  entry: TrackingEntry,
  stored: StoredTrack | undefined,
): boolean | undefined {
  if (method === 'deltrack') return stored === undefined;
  if (stored === undefined) return false;
  if (
    method === 'updatetrack' &&
    (entry.trackingUserClientDeliveryServiceId !== undefined ||
      entry.trackingUserPaymentType !== undefined ||
      entry.trackingUserLR3CampaignId !== undefined ||
      (entry.trackingUserClientDescription ?? '') !== '')
  ) {
    return undefined;
  }
  const fields = comparable(entry).filter(([, value]) => method === 'addtrack' || (value !== '' && value !== 0));
  if (fields.length === 0) return undefined;
  return fields.every(([key, value]) => stored[key] === value);
}
