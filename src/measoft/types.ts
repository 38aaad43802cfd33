/** MeaSoft's types: the order the operations return (shaped by read-order.ts; samples.ts holds the example), what each action returns, and the client's request options. */

import type { Where } from '../common/failures';

/** One status of the order: the element's text as `code`, its attributes beside it. */
export type MeasoftStatus = {
  code: string | null;
  title: string | null;
  eventstore: string | null;
  /** The branch-local time, as ISO 8601 with the offset of the trigger's Branch Time Zone. */
  eventtime_iso: string | null;
  /** When MeaSoft recorded it, ISO 8601 in UTC. */
  createtimegmt_iso: string | null;
  message: string | null;
  country: string | null;
  [attribute: string]: unknown;
};

/** One entry of <webhook_statuses>; `time` is Moscow time. */
export type MeasoftWebhookStatus = {
  code: string | null;
  time_iso: string | null;
  [attribute: string]: unknown;
};

/** An <item> or <package>: its attributes, its text as `name`, sizes and money as numbers. */
export type MeasoftLine = {
  name: string | null;
  [attribute: string]: unknown;
};

export type MeasoftOrderEvent = {
  /** Order number, status code and event time: the same for a resent event. */
  id: string;
  orderno: string | null;
  awb: string | null;
  orderno2: string | null;
  ordercode: string | null;
  givencode: string | null;
  status: MeasoftStatus;
  /** Newest first, as MeaSoft sends it. */
  status_history: MeasoftStatus[];
  items: MeasoftLine[];
  packages: MeasoftLine[];
  webhook_status_code: string | null;
  /** Moscow time, ISO 8601; absent from later revisions of MeaSoft's page (then null). */
  webhook_status_time_iso: string | null;
  webhook_statuses: MeasoftWebhookStatus[];
  /** Only on an order of the change stream the app could not read: what was wrong (the other fields are null). */
  read_error?: string;
  /** Every other element of the order, as sent (see read-order.ts for the typing rules). */
  [element: string]: unknown;
};

/** Whether MeaSoft confirmed a status event: true, false (it could not be asked), or not checked. */
export type ConfirmedByMeasoft = boolean | 'not checked';

/** What both status triggers add to the order: whether MeaSoft confirmed the status, and why (docs/measoft.md). */
export interface StatusConfirmation {
  confirmed_by_measoft: ConfirmedByMeasoft;
  /** One English sentence: which of the three, and why. */
  confirmation_note: string;
}

/** What the status triggers return. */
export type MeasoftStatusEvent = MeasoftOrderEvent & StatusConfirmation;

/** One mappable value of an order, as read-order.ts shapes MeaSoft's elements. */
export type OrderValue = string | number | boolean | null | OrderValue[] | { [key: string]: OrderValue };
export type OrderRecord = { [key: string]: OrderValue };

export interface OrderReading {
  /** The UTC offset of the courier service's branches, e.g. "+03:00": what `eventtime` is read in. */
  branchOffset: string;
}

/** Which of MeaSoft's error tables a code is read in (errors.ts). */
export type CodeList = 'api' | 'order' | 'cancel';

/**
 * What a request was for, so a failed exchange says what it means where the message is read:
 * - `poll`: a polling trigger's read; the next poll asks again;
 * - `read`: a read in a step (Find, samples, the connection test); nothing was changed;
 * - `write`: a change (cancel, commit); it may or may not have been applied;
 * - `create`: a neworder; MeaSoft refuses the same Order Number twice in a year (error 17), so a
 *   replay returns the order instead of creating another;
 * - `after-create`: the read right after a neworder; the caller says what happened (the order exists).
 */
export type Purpose = 'poll' | 'read' | 'write' | 'create' | 'after-create';

export interface CallOptions {
  purpose: Purpose;
  /**
   * A root error code the caller reads itself, returned as an empty answer that keeps its `error`
   * attribute: 11 "Заказы не найдены" for a statusreq (nothing found), 17 for a neworder (the number exists).
   */
  passCode?: number;
  /** The documentation's table for a root `error` (the general list unless the request has its own). */
  rootList?: CodeList;
  /** Where a failed exchange is read: a step (the default), or the connection test with its advice. */
  where?: Where;
}

/**
 * The statusreq filters the app uses, all in the documentation's field list (docs/measoft.md,
 * "Requests used"). `givencode` is not in that list, so the app does not send it.
 */
export interface OrderFilters {
  orderno?: string;
  orderno2?: string;
  /** YYYY-MM-DD, order creation date from / to. */
  datefrom?: string;
  dateto?: string;
}

/** What neworder answered for the one order: created, or refused with 17 (the number exists this year). */
export type NewOrderResult =
  | { kind: 'created'; orderno: string; barcode: string | null; orderprice: number | null }
  | { kind: 'exists'; orderno: string };

/** What Create MeaSoft Courier Order returns. */
export type CreatedCourierOrder = MeasoftOrderEvent & { created_now: boolean; result_note: string };

/** What Update MeaSoft Courier Order returns. */
export type UpdatedCourierOrder = MeasoftOrderEvent & {
  updated_now: boolean;
  changed_fields: string;
  result_note: string;
};

/** What Cancel MeaSoft Courier Order returns. */
export interface CancelResult {
  orderno: string;
  cancelled: true;
  measoft_message: string | null;
  /** What happened, in English, beside MeaSoft's own (Russian) words. */
  measoft_message_en: string;
}
