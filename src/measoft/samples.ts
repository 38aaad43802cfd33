/** What New Order Status returns: MeaSoft's order, shaped by parse-order.ts. */

/** One status of the order: the element's text as `code`, its attributes beside it. */
export type MeasoftStatus = {
  code: string | null;
  title: string | null;
  eventstore: string | null;
  /** Branch-local time as sent ("2022-01-20 17:08:43"). */
  eventtime: string | null;
  /** The same as ISO 8601 local time without an offset (MeaSoft does not send the zone). */
  eventtime_iso: string | null;
  /** GMT as sent. */
  createtimegmt: string | null;
  /** ISO 8601, UTC. */
  createtimegmt_iso: string | null;
  message: string | null;
  country: string | null;
  [attribute: string]: unknown;
};

/** One entry of <webhook_statuses>; `time` is Moscow time. */
export type MeasoftWebhookStatus = {
  code: string | null;
  time: string | null;
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
  /** Moscow time as sent; absent from later revisions of MeaSoft's page (then null). */
  webhook_status_time: string | null;
  webhook_status_time_iso: string | null;
  webhook_statuses: MeasoftWebhookStatus[];
  /** Every other element of the order, as sent (see parse-order.ts for the typing rules). */
  [element: string]: unknown;
};

// MeaSoft's own example (shared/seeds/000, test/measoft/fixtures/seed-order.xml) as the parser shapes it.
export const orderStatusSample: MeasoftOrderEvent = {
  id: '00032011:NEW:2022-01-20 17:08:43',
  orderno: '00032011',
  awb: '00032011',
  orderno2: null,
  ordercode: '0000032',
  givencode: null,
  barcode: '00032011',
  sender: {
    company: 'TEST',
    date: null,
    time_min: null,
    time_max: null,
  },
  receiver: {
    company: 'TEST2',
    person: null,
    phone: '+7 (495) 000-00-00',
    contacts: {
      phone: [
        '+74950000000',
      ],
    },
    inn: null,
    zipcode: null,
    date: '2022-01-21',
    time_min: null,
    time_max: null,
    coords: {
      lat: 55.7287,
      lon: 37.6447,
    },
    deliveryPIN: null,
  },
  pickup: false,
  return: true,
  weight: 0.4,
  return_weight: null,
  quantity: 1,
  paytype: 'NO',
  print_check: true,
  service: '1',
  return_service: '1',
  type: '1',
  return_type: '1',
  waittime: 0,
  price: 0,
  inshprice: 0,
  enclosure: null,
  instruction: null,
  basestatus: {
    code: '0',
  },
  currcoords: {
    lat: null,
    lon: null,
    accuracy: null,
    RequestDateTime: null,
  },
  receiverpays: false,
  acceptpartially: true,
  customstatecode: '1',
  clientstatecode: null,
  department: null,
  return_message: null,
  deliveredto: null,
  delivereddate: null,
  deliveredtime: null,
  outstrbarcode: null,
  arrival: null,
  costcode: null,
  receipt: null,
  webhook_status_code: 'NEW',
  deliveryprice: [],
  status: {
    code: 'NEW',
    title: 'new',
    eventstore: 'NEW',
    eventtime: '2022-01-20 17:08:43',
    eventtime_iso: '2022-01-20T17:08:43',
    createtimegmt: '2022-01-20 17:08:43',
    createtimegmt_iso: '2022-01-20T17:08:43Z',
    message: null,
    country: null,
  },
  status_history: [
    {
      code: 'NEW',
      title: 'NEW',
      eventstore: 'NEW',
      eventtime: '2022-01-20 17:08:43',
      eventtime_iso: '2022-01-20T17:08:43',
      createtimegmt: '2022-01-20 17:08:43',
      createtimegmt_iso: '2022-01-20T17:08:43Z',
      message: null,
      country: 'RU',
    },
  ],
  items: [],
  packages: [],
  webhook_status_time: '2022-01-20 20:08:43',
  webhook_status_time_iso: '2022-01-20T20:08:43+03:00',
  webhook_statuses: [
    {
      code: 'NEW',
      time: '2022-01-20 20:08:43',
      time_iso: '2022-01-20T20:08:43+03:00',
    },
  ],
};
