/**
 * Reading the tracks of an Add, Update or Delete run into R-Lab's trackingData: every value of
 * every track checked before any request is sent, each message naming its field (and, in a run of
 * several, its track).
 */
import type { ZObject } from 'zapier-platform-core';
import { invalidInput } from '../common/errors';
import { asList, readBoolean, readNumber, readText } from '../common/input';
import { isPlainTrackingNumber, normaliseTrackingNumber } from '../common/tracking-number';
import { emptyEntryOf } from './client';
import type { TrackingEntry } from './types';
import { readPhone } from './phone';
import { PAYMENT_TYPES, TRACKING_CARRIERS, readCode, LABELS, type Mode } from './fields';

/** The vendor's "send no SMS" number, used when Add gets no phone. */
export const NO_SMS_PHONE = '79000000000';
const LIMITS = { order_number: 40, description: 200 } as const;

type Key = keyof typeof LABELS;
type Raw = Record<string, unknown>;

/** Values of one field, one per track: none, one for all, or exactly one per track. */
function perTrack(z: ZObject, input: Raw, key: Key, count: number): string[] {
  const values = asList(input[key]).map(readText);
  if (values.length === count) return values;
  if (values.length <= 1) return Array<string>(count).fill(values[0] ?? '');
  throw invalidInput(
    z,
    LABELS[key],
    `one value for every track, or one value per tracking number (${count})`,
    `${values.length} values`,
  );
}

/**
 * A tracking number as carriers write it (no spaces, upper-case Latin, Cyrillic look-alikes as
 * Latin: see docs/rlab.md), so what is stored is what every later search finds. A track that still
 * has other characters is not one a carrier issued: refused before anything is sent.
 */
export function readTrackingNumber(z: ZObject, label: string, raw: unknown): string {
  const typed = readText(raw);
  if (typed === '') throw invalidInput(z, label, 'a tracking number');
  const track = normaliseTrackingNumber(typed);
  if (!isPlainTrackingNumber(track)) {
    throw invalidInput(
      z,
      label,
      'a tracking number of Latin letters, digits and hyphens, as carriers write it, e.g. RA644000886RU or ' +
        '19527937484546',
      typed,
    );
  }
  return track;
}

/** Labels say which track a bad value belongs to when a run carries several. */
const labelFor = (key: Key, track: string, count: number) =>
  count > 1 ? `${LABELS[key]} (tracking number ${track})` : LABELS[key];

export type TrackRequest = { entries: TrackingEntry[]; testMode: boolean };

/** Reads and checks every track of the run before anything is sent. */
export function readRequest(z: ZObject, input: Raw, mode: Mode): TrackRequest {
  const typed = asList(input.track).map(readText);
  if (typed.length === 0) throw invalidInput(z, LABELS.track, 'at least one tracking number');
  typed.forEach((track, index) => {
    if (track === '')
      throw invalidInput(z, LABELS.track, `a tracking number in every item, but item ${index + 1} is empty`);
  });
  const count = typed.length;
  const tracks = typed.map((track, index) =>
    readTrackingNumber(z, count > 1 ? `${LABELS.track} (item ${index + 1})` : LABELS.track, track),
  );
  const column = (key: Key) => perTrack(z, input, key, count);
  const carriers = column('delivery_service_id');
  const flag = (key: Key) => (mode === 'delete' ? false : (readBoolean(z, LABELS[key], input[key]) ?? false));
  const userEmails = flag('send_to_user_email_full_tracking');
  const adminEmails = flag('send_to_admin_email_full_tracking');
  const testMode = flag('test_mode');
  const carrierOf = (index: number) =>
    readCode(z, labelFor('delivery_service_id', tracks[index]!, count), carriers[index]!, TRACKING_CARRIERS);

  if (mode === 'delete') {
    // "Only trackingUserClientTrack must be filled in, the rest may stay empty" (deltrack.ashx).
    const entries = tracks.map((track, index) =>
      emptyEntryOf({ trackingUserClientTrack: track, trackingUserClientDeliveryServiceId: carrierOf(index) ?? 0 }),
    );
    return { entries, testMode };
  }

  const [phones, emails, names, costs, orders, descriptions, payments, campaigns] = (
    ['phone', 'email', 'name', 'item_cost', 'order_number', 'description', 'payment_type', 'campaign_id'] as const
  ).map(column) as [string[], string[], string[], string[], string[], string[], string[], string[]];

  const entries = tracks.map((track, index): TrackingEntry => {
    const label = (key: Key) => labelFor(key, track, count);
    const phone = readPhone(z, label('phone'), phones[index]!);
    const email = emails[index]!;
    if (email !== '' && !/^[^\s@]+@[^\s@]+$/.test(email))
      throw invalidInput(z, label('email'), 'an e-mail address', email);
    for (const key of ['order_number', 'description'] as const) {
      const value = key === 'order_number' ? orders[index]! : descriptions[index]!;
      if ([...value].length > LIMITS[key]) {
        throw invalidInput(
          z,
          label(key),
          `at most ${LIMITS[key]} characters, as R-Lab allows (got ${[...value].length}); nothing was sent`,
        );
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
