import type { MeasoftOrderEvent, MeasoftStatusEvent } from './types';
/**
 * A delivered two-parcel order with its items, packages, receiver town and address and three
 * statuses (test/measoft/fixtures/multi-status-order.xml, in the shape of MeaSoft's statusreq
 * answers and its webhook page), as the parser shapes it with the default Branch Time Zone (Moscow).
 */
export const orderStatusSample: MeasoftOrderEvent = {
  id: 'ИМ-000451:COMPLETE:2024-03-15 12:40:00',
  awb: '0004512',
  ordercode: '77001',
  orderno: 'ИМ-000451',
  orderno2: 'EX-9',
  givencode: null,
  barcode: '0004512',
  sender: {
    company: 'ООО "Ромашка" & Ко',
    person: 'Иванов И.И.',
    phone: '8 (916) 123-45-67',
    town: {
      regioncode: '77',
      country: 'RU',
      value: 'Москва',
    },
    address: 'ул. Тверская, д. 1',
    date: '2024-03-14',
    time_min: '10:00',
    time_max: '18:00',
  },
  receiver: {
    company: null,
    person: 'Петрова Анна',
    phone: '+7 (921) 000-11-22',
    contacts: {
      phone: ['+79210001122', '8-812-000-00-00'],
    },
    zipcode: '190000',
    town: {
      regioncode: '78',
      country: 'RU',
      value: 'Санкт-Петербург',
    },
    address: 'Невский пр., д. 10, кв. 5',
    date: '2024-03-15',
    time_min: '12:00',
    time_max: '15:00',
    coords: {
      lon: 30.3351,
      lat: 59.9343,
    },
  },
  pickup: false,
  return: false,
  weight: 2.35,
  return_weight: 0,
  quantity: 2,
  paytype: 'CASH',
  print_check: false,
  service: '2',
  type: '1',
  waittime: 0,
  price: 4990.5,
  inshprice: 5000,
  enclosure: 'Книги\n    и диски',
  instruction: 'Позвонить за час & не <раньше> 12:00',
  currcoords: {
    accuracy: 15,
    lat: 59.93,
    lon: 30.33,
    RequestDateTime_iso: '2024-03-15T11:59:00+03:00',
  },
  receiverpays: true,
  acceptpartially: false,
  customstatecode: '3',
  deliveredto: 'Петрова А.',
  delivereddate: '2024-03-15',
  deliveredtime: '12:40',
  outstrbarcode: 'SHOP-451',
  acta: 'АКТ-15/03',
  deliveryprice: [
    {
      total: 350,
      advprice: [
        {
          code: '1',
          price: 300,
        },
        {
          code: '7',
          price: 50,
        },
      ],
    },
    {
      total: 0,
      advprice: [],
    },
  ],
  webhook_status_code: 'COMPLETE',
  status: {
    code: 'COMPLETE',
    title: 'Доставлен',
    eventstore: 'СПБ-1',
    eventtime_iso: '2024-03-15T12:40:00+03:00',
    createtimegmt_iso: '2024-03-15T09:41:10Z',
    message: 'Вручено лично',
    country: 'RU',
  },
  status_history: [
    {
      code: 'COMPLETE',
      title: 'Доставлен',
      eventstore: 'СПБ-1',
      eventtime_iso: '2024-03-15T12:40:00+03:00',
      createtimegmt_iso: '2024-03-15T09:41:10Z',
      message: 'Вручено лично',
      country: 'RU',
    },
    {
      code: 'DELIVERY',
      title: 'Выдан курьеру на доставку',
      eventstore: 'СПБ-1',
      eventtime_iso: '2024-03-15T09:02:33+03:00',
      createtimegmt_iso: '2024-03-15T06:02:33Z',
      message: null,
      country: 'RU',
    },
    {
      code: 'DEPARTURE',
      title: 'Отправлено со склада',
      eventstore: 'МСК-2',
      eventtime_iso: '2024-03-14T21:15:00+03:00',
      createtimegmt_iso: '2024-03-14T18:15:05Z',
      message: null,
      country: 'RU',
    },
  ],
  items: [
    {
      extcode: 'A-1',
      quantity: 2,
      mass: 0.5,
      retprice: 1495.25,
      VATrate: 20,
      barcode: '4600000000012',
      article: 'KN-01',
      type: '1',
      returns: '0',
      name: 'Книга «Мастер и Маргарита»',
    },
    {
      type: '1',
      barcode: null,
      quantity: 1,
      retprice: 2000,
      mass: 1.35,
      returns: '0',
      name: 'DVD-диск',
    },
  ],
  packages: [
    {
      strbarcode: '0004512-1',
      mass: 1.2,
      length: 30,
      width: 20,
      height: 10,
      quantity: 1,
      code: '1',
      name: null,
    },
    {
      code: '2',
      quantity: 1,
      mass: 1.15,
      strbarcode: '0004512-2',
      name: 'Коробка',
    },
  ],
  webhook_status_time_iso: '2024-03-15T12:41:10+03:00',
  webhook_statuses: [
    {
      code: 'DELIVERY',
      time_iso: '2024-03-15T09:02:33+03:00',
    },
    {
      code: 'COMPLETE',
      time_iso: '2024-03-15T12:41:10+03:00',
    },
  ],
};

/** New MeaSoft Order Status (Webhook)'s sample: the order as delivered, with Confirm with MeaSoft off. */
export const webhookStatusSample: MeasoftStatusEvent = {
  ...orderStatusSample,
  confirmed_by_measoft: 'not checked',
  confirmation_note: 'Not checked with MeaSoft: Confirm with MeaSoft is No, so the delivery was taken as sent.',
};

/** New MeaSoft Order Status (Polling)'s sample: read from MeaSoft's API itself. */
export const polledStatusSample: MeasoftStatusEvent = {
  ...orderStatusSample,
  confirmed_by_measoft: true,
  confirmation_note: "Read from MeaSoft's API by the polling trigger.",
};
