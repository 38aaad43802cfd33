/** What the status triggers and the search share: the status filter, newest-first order, recent orders for samples. */
import type { ZObject } from 'zapier-platform-core';
import { asList, readChoice, readText } from '../common/input';
import type { MeasoftCredentials } from '../credentials';
import { findOrders } from './client';
import { STATUS_CODES } from './fields';
import type { MeasoftOrderEvent, OrderReading } from './types';
import { moscowIsoDate } from '../common/dates';

const statusCode = (value: unknown): string => readText(value).toUpperCase();

/**
 * The `statuses` input as MeaSoft's codes; empty means every status. Only MeaSoft's codes count:
 * anything else, including names every JavaScript object has (`constructor`), is refused rather
 * than silently matching nothing. A mapped value may list several codes separated by commas.
 */
export function wantedStatuses(z: ZObject, statuses: unknown): string[] {
  const typed = asList(statuses).flatMap((entry) => readText(entry).split(','));
  const codes = typed.map((code) => readChoice(z, 'Only These Statuses', code, STATUS_CODES));
  return [...new Set(codes.filter((code): code is string => code !== undefined))];
}

export const passesFilter = (event: MeasoftOrderEvent, wanted: readonly string[]): boolean =>
  wanted.length === 0 || wanted.includes(statusCode(event.status.code));

/**
 * The instant of the order's current status, in ms: its GMT recording time, else its branch-local
 * event time read with its offset; -Infinity when neither reads, so unknown times sort last.
 */
const statusInstant = (event: MeasoftOrderEvent): number => {
  for (const iso of [event.status.createtimegmt_iso, event.status.eventtime_iso]) {
    const ms = iso ? Date.parse(iso) : Number.NaN;
    if (Number.isFinite(ms)) return ms;
  }
  return Number.NEGATIVE_INFINITY;
};

/** Newest status change first by the real instant (texts with different offsets do not sort), as Zapier expects. */
export const newestFirst = (events: MeasoftOrderEvent[]): MeasoftOrderEvent[] =>
  [...events].sort((a, b) => {
    const [x, y] = [statusInstant(a), statusInstant(b)];
    return x === y ? 0 : x < y ? 1 : -1;
  });

/** Days of orders read for samples: enough to find a few, little enough to answer fast. */
export const SAMPLE_DAYS = 30;

/** Orders created in the last SAMPLE_DAYS days, newest status first (a read-only statusreq: no stream touched). */
export async function recentOrders(
  z: ZObject,
  credentials: MeasoftCredentials,
  reading: OrderReading,
  now = new Date(),
): Promise<MeasoftOrderEvent[]> {
  const from = moscowIsoDate(new Date(now.getTime() - SAMPLE_DAYS * 86_400_000));
  return newestFirst(await findOrders(z, credentials, { datefrom: from, dateto: moscowIsoDate(now) }, reading));
}
