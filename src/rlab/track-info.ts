import { defineSearch, defineInputFields, type SearchPerform, type ZObject } from 'zapier-platform-core';
import { preview } from '../common/errors';
import { requireRlab } from './connection';
import { createRlabClient, emptyEntryOf } from './client';
import { trackInfoSample } from './samples';
import type { RlabReply, TrackInfo } from './types';
import { readTrackingNumber } from './track-request';
import { isRecord, num, str } from '../common/json';
import { labelOf, CARRIER_FORMS, TRACKING_CARRIERS, choicesOf, readCode, SERVED_BY_BACKUP } from './fields';
import { moscowOutputTime } from '../common/dates';
import { rlabResultError, unreadable } from './errors';
import { failureError } from '../common/failures';

/** trackMainStatus, as the table after gettrackinfo.ashx explains it. */
export const MAIN_STATUSES: Readonly<Record<number, string>> = {
  0: 'No main status yet',
  1: 'Delivered',
  2: 'Waiting at the pick-up point',
  3: 'Returned',
  4: 'Accepted by the post office (in transit)',
  5: 'Exported (on its way to Russia)',
  6: 'Imported into Russia',
  7: 'Accepted by the post outside Russia',
  8: 'Probably at the pick-up point (no sorting event for 2 weeks or the days set in R-Lab)',
  9: 'Overdue (no delivery or end of storage for 35 days, or no updates for 60 days)',
};

const inputFields = defineInputFields([
  {
    key: 'track',
    label: 'Tracking Number',
    required: true,
    type: 'string',
    helpText:
      'A tracking number already added to R-Lab, e.g. `19527937484546`. Spaces, lower case and Cyrillic ' +
      'look-alike letters are corrected as carriers write numbers.',
  },
  {
    key: 'delivery_service_id',
    label: 'Carrier',
    required: false,
    type: 'string',
    choices: choicesOf(TRACKING_CARRIERS),
    default: '0',
    helpText: `The carrier the track was added under. Russian Post when empty. ${CARRIER_FORMS}`,
  },
]);

/** "Not found" answers: an unknown track is Zapier's "nothing found", not an error (wording assumed). */
const NOT_FOUND = /не найден|not found/i;

/** The answer's tracks as outputs; [] when R-Lab knows none. */
export function parseTrackInfo(z: ZObject, answer: RlabReply, carrier: number): TrackInfo[] {
  if (answer.resultState !== 0) {
    if (NOT_FOUND.test(answer.resultInfo)) return [];
    throw rlabResultError(z, answer, 'gettrackinfo');
  }
  // Only the documented answer is a result: a list of tracks, each with its number ([] = not found).
  const data = answer.resultData;
  if (
    !Array.isArray(data) ||
    !data.every((item): item is Record<string, unknown> => isRecord(item) && typeof item.trackNumber === 'string')
  ) {
    throw failureError(z, unreadable('R-Lab', `gettrackinfo with resultData ${preview(data)}`), 'search');
  }
  return data.map((item): TrackInfo => {
    const status = num(item.trackMainStatus);
    return {
      trackNumber: String(item.trackNumber ?? ''),
      trackInfo: str(item.trackInfo),
      trackMainStatus: status,
      trackMainStatusLabel: labelOf(MAIN_STATUSES, status, 'status'),
      trackAdditionalStatus: num(item.trackAdditionalStatus),
      ...moscowOutputTime('trackCreateDate', 'trackCreateDateIso', str(item.trackCreateDate)),
      ...moscowOutputTime('trackUpdateDate', 'trackUpdateDateIso', str(item.trackUpdateDate)),
      ...moscowOutputTime('trackEventDate', 'trackEventDateIso', str(item.trackEventDate)),
      ...moscowOutputTime('trackRecepDate', 'trackRecepDateIso', str(item.trackRecepDate)),
      ...moscowOutputTime('trackingWaitDate', 'trackingWaitDateIso', str(item.trackingWaitDate)),
      trackingUserClientPhone: str(item.trackingUserClientPhone),
      trackingUserClientEmail: str(item.trackingUserClientEmail),
      trackingUserClientName: str(item.trackingUserClientName),
      trackingUserFullClientName: str(item.trackingUserFullClientName),
      trackingUserClientItemCost: num(item.trackingUserClientItemCost),
      trackingUserClientOrderNumber: str(item.trackingUserClientOrderNumber),
      trackingWaitIndex: num(item.trackingWaitIndex),
      trackingDestinationIndex: num(item.trackingDestinationIndex),
      trackingCurrentIndex: num(item.trackingCurrentIndex),
      trackingWaitAddress: str(item.trackingWaitAddress),
      trackingMailType: num(item.trackingMailType),
      trackExtraData: item.trackExtraData ?? null,
      trackingHistory: item.trackingHistory ?? null,
      delivery_service_id: carrier,
      delivery_service_name: TRACKING_CARRIERS[carrier] ?? String(carrier),
      served_by_backup: answer.servedByBackup,
    };
  });
}

export const perform = (async (z, bundle) => {
  const track = readTrackingNumber(z, 'Tracking Number', bundle.inputData.track);
  const carrier = readCode(z, 'Carrier', bundle.inputData.delivery_service_id, TRACKING_CARRIERS) ?? 0;
  const client = createRlabClient(z, requireRlab(z, bundle), { where: 'search' });
  const answer = await client.call('gettrackinfo', [
    emptyEntryOf({ trackingUserClientTrack: track, trackingUserClientDeliveryServiceId: carrier }),
  ]);
  return parseTrackInfo(z, answer, carrier);
}) satisfies SearchPerform<typeof inputFields, TrackInfo>;

const dateField = (key: string, label: string) => ({ key: `${key}Iso`, label, type: 'datetime' as const });

export default defineSearch({
  key: 'rlab_track_info',
  noun: 'Track Status',
  display: {
    label: 'Find R-Lab Track Status',
    description: 'Finds the status of a track in R-Lab / DeliveryCRM: main status, last event and buyer data.',
  },
  operation: {
    inputFields,
    perform,
    sample: trackInfoSample,
    outputFields: [
      { key: 'trackNumber', label: 'Tracking Number', type: 'string' },
      { key: 'trackInfo', label: 'Last Event', type: 'string' },
      { key: 'trackMainStatus', label: 'Main Status Code', type: 'integer' },
      { key: 'trackMainStatusLabel', label: 'Main Status', type: 'string' },
      { key: 'trackAdditionalStatus', label: 'Additional Status Code', type: 'integer' },
      dateField('trackCreateDate', 'Added to R-Lab'),
      dateField('trackUpdateDate', 'Last Updated'),
      dateField('trackEventDate', 'Last Event Date'),
      dateField('trackRecepDate', 'Reception Date'),
      dateField('trackingWaitDate', 'Waiting Since'),
      { key: 'trackingUserClientPhone', label: 'Buyer Phone', type: 'string' },
      { key: 'trackingUserClientEmail', label: 'Buyer Email', type: 'string' },
      { key: 'trackingUserClientName', label: 'Buyer Name', type: 'string' },
      { key: 'trackingUserFullClientName', label: 'Buyer Full Name', type: 'string' },
      { key: 'trackingUserClientItemCost', label: 'Order Cost', type: 'number' },
      { key: 'trackingUserClientOrderNumber', label: 'Order Number', type: 'string' },
      { key: 'trackingWaitIndex', label: 'Pick-Up Post Code', type: 'integer' },
      { key: 'trackingDestinationIndex', label: 'Destination Post Code', type: 'integer' },
      { key: 'trackingCurrentIndex', label: 'Current Post Code', type: 'integer' },
      { key: 'trackingWaitAddress', label: 'Pick-Up Address', type: 'string' },
      { key: 'trackingMailType', label: 'Mail Type Code', type: 'integer' },
      { key: 'trackExtraData', label: 'Extra Data (as Sent by R-Lab)' },
      { key: 'trackingHistory', label: 'Tracking History (as Sent by R-Lab)' },
      { key: 'delivery_service_id', label: 'Carrier ID', type: 'integer' },
      { key: 'delivery_service_name', label: 'Carrier Name', type: 'string' },
      { key: 'served_by_backup', label: SERVED_BY_BACKUP, type: 'boolean' },
    ],
  },
});
