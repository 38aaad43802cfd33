/**
 * Confirming a webhook delivery with MeaSoft's API (docs/measoft.md, "Who can post to the Zap's URL"):
 * MeaSoft's webhook carries no signature, so with Confirm with MeaSoft on, the delivered status
 * counts only when MeaSoft's own record of the order shows it. One read-only `statusreq` by the
 * delivered order number (no change stream is touched); the status must be the order's current one
 * or one of its history, with the same code and the same event time.
 */
import type { ZObject } from 'zapier-platform-core';
import { whyNotConfirmed } from '../common/failures';
import type { MeasoftCredentials } from '../credentials';
import { findOrders } from './client';
import type { MeasoftOrderEvent, MeasoftStatus, OrderReading } from './types';

export type Confirmation =
  /**
   * MeaSoft shows the status: `order` is MeaSoft's record of the order, `status` its entry for the
   * status, `said` that status in words ("COMPLETE at 2024-05-20T12:40:00+03:00").
   */
  | { kind: 'confirmed'; order: MeasoftOrderEvent; status: MeasoftStatus; said: string }
  /** MeaSoft answered, and does not show the status (or the order): the sentence says what it shows. */
  | { kind: 'refuted'; why: string }
  /** MeaSoft could not be asked (no answer, an unreadable answer, a refusal): `what` says what happened. */
  | { kind: 'unasked'; what: string; error: unknown; subject: string };

const code = (status: MeasoftStatus): string => (status.code ?? '').trim().toUpperCase();

/**
 * The event time compared: the branch-local time read in the trigger's Branch Time Zone (both sides
 * are read the same way), or MeaSoft's text when it does not read as a time; null when there is none.
 */
const eventTime = (status: MeasoftStatus): string | null => {
  if (status.eventtime_iso) return status.eventtime_iso;
  return typeof status.eventtime === 'string' && status.eventtime.trim() !== '' ? status.eventtime.trim() : null;
};

const describe = (status: MeasoftStatus): string =>
  `${code(status) || 'no status'} at ${eventTime(status) ?? 'no time'}`;

/** The entry of the order's current status or history with the delivered code and event time. */
const findStatus = (order: MeasoftOrderEvent, wanted: MeasoftStatus): MeasoftStatus | undefined =>
  [order.status, ...order.status_history].find(
    (entry) => code(entry) === code(wanted) && eventTime(entry) === eventTime(wanted),
  );

export async function confirmDelivery(
  z: ZObject,
  credentials: MeasoftCredentials,
  delivered: MeasoftOrderEvent,
  reading: OrderReading,
): Promise<Confirmation> {
  const orderno = (delivered.orderno ?? '').trim();
  if (orderno === '') return { kind: 'refuted', why: 'the delivery names no order number (orderno) to look up' };
  if (code(delivered.status) === '' || eventTime(delivered.status) === null)
    return {
      kind: 'refuted',
      why: `the delivered status of order ${orderno} has no status code or event time to compare with MeaSoft's record`,
    };
  let orders: MeasoftOrderEvent[];
  try {
    orders = await findOrders(z, credentials, { orderno }, reading, 'read');
  } catch (error) {
    const what = whyNotConfirmed(z, error, 'MeaSoft');
    if (what === undefined) throw error;
    return { kind: 'unasked', what, error, subject: `status ${code(delivered.status)} of order ${orderno}` };
  }
  if (orders.length === 0)
    return { kind: 'refuted', why: `MeaSoft has no order ${orderno} for this connection's login` };
  // MeaSoft refuses a second order with a number only within a calendar year, so one number may name
  // orders of several years: the one that shows the status counts, the same waybill first.
  const sameWaybill = orders.filter((order) => order.awb !== null && order.awb === delivered.awb);
  for (const order of [...sameWaybill, ...orders]) {
    const status = findStatus(order, delivered.status);
    if (status) return { kind: 'confirmed', order, status, said: describe(status) };
  }
  const current = orders.map((order) => describe(order.status)).join('; ');
  return {
    kind: 'refuted',
    why:
      `MeaSoft's order ${orderno} has no status ${describe(delivered.status)} (its status now: ${current}). ` +
      'A status MeaSoft really sent is missing there only when it was corrected in MeaSoft since: check the order ' +
      'in MeaSoft',
  };
}
