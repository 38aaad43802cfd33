import { defineSearch, defineInputFields, type SearchPerform, type ZObject } from 'zapier-platform-core';
import { preview } from '../common/errors';
import { hideSecrets } from '../common/secrets';
import { AUTH_FIELDS } from '../credentials';
import { requireRlab } from './connection';
import { createDeliveryCrmClient, TRACK_HISTORY_SERVICE } from './deliverycrm-client';
import { notificationHistorySample } from './samples';
import type { Notification, NotificationHistory, StatusEvent } from './types';
import { readTrackingNumber } from './track-request';
import { isRecord, num, records, str } from '../common/json';
import { labelOf, CARRIER_FORMS, HISTORY_SERVICES, choicesOf, readCode } from './fields';
import { moscowOutputTime } from '../common/dates';
import { unreadable } from './errors';
import { failureError } from '../common/failures';

/** The result field (end of seed 002): STATE_FINISHED_SUCCESS = 1 ... */
export const HISTORY_RESULTS: Readonly<Record<number, string>> = {
  1: 'Finished: Delivered',
  2: 'In Process',
  4: 'Finished: Outcome Unknown',
  5: 'Finished: Not Delivered',
};

const RUSSIAN_POST = 14;

const inputFields = defineInputFields([
  {
    key: 'track',
    label: 'Tracking Number',
    required: true,
    type: 'string',
    helpText:
      'A tracking number already added to R-Lab / DeliveryCRM, e.g. `18112831338669`. Spaces, lower case and ' +
      'Cyrillic look-alike letters are corrected as carriers write numbers. An unknown track is nothing ' +
      'found.',
  },
  {
    key: 'service_id',
    label: 'Carrier',
    required: false,
    type: 'string',
    choices: choicesOf(HISTORY_SERVICES, 14),
    default: String(RUSSIAN_POST),
    helpText:
      'The carrier of the parcel. This list is numbered differently from the one of Add R-Lab Tracking ' +
      `Number; Russian Post when empty. ${CARRIER_FORMS}`,
  },
]);

function notification(item: Record<string, unknown>): Notification {
  const sentAt = str(item.sent_at) ?? str(item.call_at);
  return {
    theme: str(item.theme),
    message: str(item.message),
    segments: num(item.segments),
    internal_status: num(item.internal_status),
    ...moscowOutputTime('sent_at', 'sent_at_iso', sentAt),
    price: num(item.price),
  };
}

/** The vendor's `errors` object as one line: {"tracks": ["Track at index ..."]} -> "tracks: Track at index ...". */
function errorText(errors: unknown): string {
  if (!isRecord(errors)) return typeof errors === 'string' ? errors : '';
  return Object.entries(errors)
    .map(
      ([field, messages]) =>
        `${field}: ${[messages]
          .flat(2)
          .map((message) => (typeof message === 'string' ? message : preview(message)))
          .join(' ')}`,
    )
    .join('; ');
}

/**
 * The documented answer {success, errors, data: [...]} as outputs. An unknown track is "nothing
 * found" ([]): DeliveryCRM answers it with success and no data (its per-track errors, such as
 * 'Track at index "0" not found.', are not a failure of the request). A refusal (success false)
 * is an error, and anything that is not the documented answer is asked again, never a result.
 */
export function parseNotificationHistory(
  z: ZObject,
  data: unknown,
  serviceId: number,
  hidden: readonly string[] = [],
): NotificationHistory[] {
  if (!isRecord(data))
    throw failureError(
      z,
      unreadable(TRACK_HISTORY_SERVICE, `a track history was expected, it sent ${preview(data, hidden)}`),
      'search',
    );
  if (data.success !== true) {
    const errors = hideSecrets(errorText(data.errors), hidden);
    if (data.success !== false || errors === '')
      throw failureError(
        z,
        unreadable(TRACK_HISTORY_SERVICE, `a track history was expected, it sent ${preview(data, hidden)}`),
        'search',
      );
    const key = /key|ключ/i.test(errors);
    const english = key
      ? `that is, the request key is wrong. Check ${AUTH_FIELDS.rlab_user_id} and ${AUTH_FIELDS.rlab_api_key} ` +
        'in the connection (both are in your DeliveryCRM profile).'
      : /track/i.test(errors)
        ? 'that is, it refused the Tracking Number. Check Tracking Number and Carrier.'
        : "that is, it refused the request and gave only this reason. Check the step's values, or ask " +
          "DeliveryCRM's support with this text.";
    throw new z.errors.Error(
      `DeliveryCRM refused the request: ${errors.replace(/\.$/, '')}; ${english}`,
      'DeliveryCrmRefused',
      400,
    );
  }
  const items = data.data;
  if (
    !Array.isArray(items) ||
    !items.every(
      (item): item is Record<string, unknown> =>
        isRecord(item) && (typeof item.track === 'string' || typeof item.track === 'number'),
    )
  ) {
    throw failureError(
      z,
      unreadable(TRACK_HISTORY_SERVICE, `a list of tracks was expected in data, it sent ${preview(items, hidden)}`),
      'search',
    );
  }
  return items.map((item): NotificationHistory => {
    const result = num(item.result);
    return {
      track: String(item.track),
      service_id: serviceId,
      service_name: HISTORY_SERVICES[serviceId] ?? String(serviceId),
      price: num(item.price),
      total_price: num(item.total_price),
      ...moscowOutputTime('created_at', 'created_at_iso', str(item.created_at)),
      result,
      result_label: labelOf(HISTORY_RESULTS, result, 'result'),
      status_history: records(item.status_history).map((event): StatusEvent => ({
        ...moscowOutputTime('date', 'date_iso', str(event.date)),
        status: str(event.status),
        status_id: num(event.status_id),
      })),
      sms: records(item.sms).map(notification),
      viber: records(item.viber).map(notification),
      call: records(item.call).map(notification),
      email: records(item.email).map(notification),
    };
  });
}

export const perform = (async (z, bundle) => {
  const track = readTrackingNumber(z, 'Tracking Number', bundle.inputData.track);
  const serviceId = readCode(z, 'Carrier', bundle.inputData.service_id, HISTORY_SERVICES, 14) ?? RUSSIAN_POST;
  const client = createDeliveryCrmClient(z, requireRlab(z, bundle), 'search');
  return parseNotificationHistory(z, await client.trackHistory(track, serviceId), serviceId, client.hidden);
}) satisfies SearchPerform<typeof inputFields, NotificationHistory>;

const channelFields = (key: 'sms' | 'viber' | 'call' | 'email', label: string) => [
  { key: `${key}[]theme`, label: key === 'email' ? `${label}: Subject` : `${label}: Theme`, type: 'string' as const },
  { key: `${key}[]message`, label: `${label}: Message`, type: 'string' as const },
  { key: `${key}[]internal_status`, label: `${label}: Status Code`, type: 'integer' as const },
  { key: `${key}[]sent_at_iso`, label: `${label}: Sent At`, type: 'datetime' as const },
  { key: `${key}[]price`, label: `${label}: Price`, type: 'number' as const },
  { key: `${key}[]segments`, label: `${label}: Segments`, type: 'integer' as const },
];

export default defineSearch({
  key: 'notification_history',
  noun: 'Notification History',
  display: {
    label: 'Find DeliveryCRM Notification History',
    description:
      "Finds the SMS, Viber, call and e-mail notifications DeliveryCRM sent for a track, with the parcel's " +
      'status history.',
  },
  operation: {
    inputFields,
    perform,
    sample: notificationHistorySample,
    outputFields: [
      { key: 'track', label: 'Tracking Number', type: 'string' },
      { key: 'service_id', label: 'Carrier ID', type: 'integer' },
      { key: 'service_name', label: 'Carrier Name', type: 'string' },
      { key: 'price', label: 'Price', type: 'number' },
      { key: 'total_price', label: 'Total Price', type: 'number' },
      { key: 'created_at_iso', label: 'Added', type: 'datetime' },
      { key: 'result', label: 'Result Code', type: 'integer' },
      { key: 'result_label', label: 'Result', type: 'string' },
      { key: 'status_history[]date_iso', label: 'Status History: Date', type: 'datetime' },
      { key: 'status_history[]status', label: 'Status History: Status', type: 'string' },
      { key: 'status_history[]status_id', label: 'Status History: Status Code', type: 'integer' },
      ...channelFields('sms', 'SMS'),
      ...channelFields('viber', 'Viber'),
      ...channelFields('call', 'Call'),
      ...channelFields('email', 'Email'),
    ],
  },
});
