/** What the MeaSoft operations return: MeaSoft's order, shaped by read-order.ts (samples.ts holds the example). */

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
