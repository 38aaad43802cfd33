/**
 * New Order Status (Polling): MeaSoft's change stream read with `statusreq` + `changes=ONLY_LAST`
 * and marked received with `commitlaststatus` (docs/measoft.md, "The polling trigger").
 *
 * - Each Zap reads its own stream (`<streamid>`, 100..10000), claimed in Zapier's app-wide cache
 *   per MeaSoft account, so two Zaps on one account never take each other's changes.
 * - A poll commits the *previous* poll's answer, at its start, and only when that poll returned
 *   (it recorded "returned" in the cache as its last step): by then Zapier holds those changes. A
 *   poll that throws records nothing, so its changes are read again next time. Nothing is read
 *   from the stream after a commit until the commit is confirmed and its record deleted.
 * - Loading samples in the editor reads recent orders with a plain statusreq: the stream is not
 *   touched. The first poll of a live Zap (filling Zapier's dedupe) reads the stream like any other.
 * - Without a Zap id (not every bundle has one) nothing is ever committed: changes come back until
 *   a poll with a Zap id commits them, and Zapier's dedupe by `id` keeps them from running twice.
 * - An `<order>` the app cannot read comes as an item with `read_error` (client.ts, changedOrders):
 *   the poll still returns, so the stream is committed and the other changes keep flowing.
 */
import { defineTrigger, type Bundle, type PollingTriggerPerform, type ZObject } from 'zapier-platform-core';
import { sha1 } from '../common/hash';
import { requireMeasoft, type MeasoftCredentials } from '../credentials';
import { changedOrders, commitLastStatus, MEASOFT_STREAM_MAX, MEASOFT_STREAM_MIN } from './client';
import {
  branchTimeZoneField,
  CONFIRMATION_OUTPUT_FIELDS,
  ORDER_OUTPUT_FIELDS,
  readOrderReading,
  statusesField,
} from './fields';
import { newestFirst, passesFilter, recentOrders, wantedStatuses } from './order-filters';
import { polledStatusSample } from './samples';
import type { MeasoftOrderEvent, MeasoftStatusEvent } from './types';

export const ORDER_STATUS_POLL_KEY = 'measoft_order_status_poll';

/** A Zap that has not polled for this long gives its stream up. */
export const STREAM_CLAIM_TTL_SECONDS = 90 * 86_400;
/** How long "the last answer was returned" is kept; Zapier polls every 1-15 minutes. */
export const PENDING_TTL_SECONDS = 30 * 86_400;
const STREAM_COUNT = MEASOFT_STREAM_MAX - MEASOFT_STREAM_MIN + 1;

type Meta = Bundle['meta'] & { zap?: { id?: unknown } };

/**
 * Every item comes from MeaSoft's API itself: confirmed, so a Zap can switch from the webhook trigger;
 * except an order the app could not read, whose status nobody can vouch for.
 */
const fromMeasoft = (event: MeasoftOrderEvent): MeasoftStatusEvent =>
  event.read_error === undefined
    ? {
        ...event,
        confirmed_by_measoft: polledStatusSample.confirmed_by_measoft,
        confirmation_note: polledStatusSample.confirmation_note,
      }
    : {
        ...event,
        confirmed_by_measoft: false,
        confirmation_note:
          "Not confirmed: MeaSoft's API returned this order, but the app could not read it (Read Error).",
      };

/** The MeaSoft account (courier service and login), hashed: cache keys never carry credentials. */
const accountKey = (credentials: MeasoftCredentials): string =>
  sha1(`${credentials.extra}\n${credentials.login}`).slice(0, 20);

/**
 * The stream of this Zap: its remembered one while it still holds the claim, else the first free
 * id from a hash of the Zap id. Claims are app-wide cache keys (`nx`), so Zaps of other Zapier users
 * on the same MeaSoft account are kept apart too.
 */
export async function claimStream(z: ZObject, account: string, owner: string): Promise<number> {
  const mine = `measoft-stream-of:${account}:${sha1(owner)}`;
  const remembered = Number(await z.cache.get(mine));
  let candidate =
    Number.isInteger(remembered) && remembered >= MEASOFT_STREAM_MIN && remembered <= MEASOFT_STREAM_MAX
      ? remembered
      : MEASOFT_STREAM_MIN + (Number.parseInt(sha1(`${account}:${owner}`).slice(0, 8), 16) % STREAM_COUNT);
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const claim = `measoft-stream:${account}:${candidate}`;
    const holder = await z.cache.get(claim);
    if (
      holder === owner ||
      (holder === null && (await z.cache.set(claim, owner, STREAM_CLAIM_TTL_SECONDS, undefined, true)))
    ) {
      // Refresh both, so an active Zap keeps its stream.
      await z.cache.set(claim, owner, STREAM_CLAIM_TTL_SECONDS);
      await z.cache.set(mine, String(candidate), STREAM_CLAIM_TTL_SECONDS);
      return candidate;
    }
    candidate = candidate === MEASOFT_STREAM_MAX ? MEASOFT_STREAM_MIN : candidate + 1;
  }
  throw new z.errors.Error(
    'No free MeaSoft status stream was found for this Zap; try again later.',
    'MeasoftNoStream',
    503,
  );
}

export const perform = (async (z, bundle) => {
  const credentials = requireMeasoft(z, bundle);
  const wanted = wantedStatuses(z, bundle.inputData.statuses);
  const reading = readOrderReading(z, bundle.inputData.branch_time_zone);
  const meta = bundle.meta as Meta | undefined;
  if (meta?.isLoadingSample) {
    return (await recentOrders(z, credentials, reading))
      .filter((event) => passesFilter(event, wanted))
      .slice(0, 10)
      .map(fromMeasoft);
  }
  const zapId = meta?.zap?.id === undefined || meta.zap.id === null ? '' : String(meta.zap.id);
  const account = accountKey(credentials);
  const stream = await claimStream(z, account, zapId === '' ? 'connection' : `zap:${zapId}`);
  const pendingKey = `measoft-stream-returned:${account}:${stream}`;
  if (zapId !== '' && (await z.cache.get(pendingKey)) !== null) {
    // The previous poll's answer reached Zapier: mark it received, and forget that before reading again.
    await commitLastStatus(z, credentials, stream);
    await z.cache.delete(pendingKey);
  }
  const events = await changedOrders(z, credentials, stream, reading);
  if (zapId !== '') {
    try {
      await z.cache.set(
        pendingKey,
        JSON.stringify({ at: new Date().toISOString(), count: events.length }),
        PENDING_TTL_SECONDS,
      );
    } catch (error) {
      // Then the next poll does not commit: it reads these changes again and Zapier's dedupe drops them.
      z.console.log(
        `Not recorded for commit (Zapier's cache did not answer: ${(error as Error).message}); they will be ` +
          'read again.',
      );
    }
  }
  // An order the app could not read passes any status filter: the user must learn about it.
  return newestFirst(events)
    .filter((event) => event.read_error !== undefined || passesFilter(event, wanted))
    .map(fromMeasoft);
}) satisfies PollingTriggerPerform<{ statuses?: string[]; branch_time_zone?: string }, MeasoftStatusEvent>;

export default defineTrigger({
  key: ORDER_STATUS_POLL_KEY,
  noun: 'Order Status',
  display: {
    label: 'New MeaSoft Order Status (Polling)',
    description:
      'Triggers when a courier order changes status in MeaSoft, checked every few minutes with your MeaSoft ' +
      'login (no webhook to set up).',
  },
  operation: {
    type: 'polling',
    inputFields: [statusesField, branchTimeZoneField],
    perform,
    sample: polledStatusSample,
    outputFields: [
      ...ORDER_OUTPUT_FIELDS,
      ...CONFIRMATION_OUTPUT_FIELDS,
      { key: 'read_error', label: 'Read Error (Set Only When the App Could Not Read the Order)', type: 'string' },
    ],
  },
});
