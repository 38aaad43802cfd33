/** Examples of what each JustClick operation returns, typed by types.ts; the editor shows them before a live run. */
import type {
  AddedSubscriber,
  BuyerOrders,
  CreatedOrder,
  DeletedOrder,
  FoundSubscriber,
  JustClickOrder,
  RemovedSubscriber,
  UpdatedOrder,
} from './types';

// The order of JustClick's own example (its UpdateOrderStatus page, docs/justclick.md): order 100000 sent on 3 March
// 2013.
export const updateOrderStatusSample: UpdatedOrder = {
  bill_id: '100000',
  status: 'sent',
  status_label: 'Sent (Shipped by Post)',
  date: '2013-03-02T23:00:00+03:00', // 1362254400 at the app's Moscow offset, +03:00 (Moscow was UTC+4 in 2013)
  date_unix: 1362254400,
  date_defaulted: false,
  rpo: '10000000000000',
  justclick_error_code: 0,
  justclick_error_text: 'OK',
  justclick_error_text_en: 'Done: JustClick carried out the request.',
};

export const createOrderSample: CreatedOrder = {
  bill_id: '100006',
  already_existed: false,
  result_info: 'Order 100006 created.',
  email: 'anna@example.com',
  goods: [{ good_name: 'course-basic', good_sum: 2490 }],
  order_date: '2024-05-20T12:00:00+03:00',
  justclick_error_code: 0,
  justclick_error_text: 'OK',
  justclick_error_text_en: 'Done: JustClick carried out the request.',
};

// An order as JustClick's documentation lists its fields, with one product.
export const orderSample: JustClickOrder = {
  id: '100000',
  bill_id: '100000',
  pay_status: 'paid',
  created: '2024-05-20T12:00:00+03:00',
  paid: '2024-05-20T12:15:00+03:00',
  email: 'anna@example.com',
  first_name: 'Анна',
  last_name: 'Петрова',
  middle_name: 'Сергеевна',
  phone: '+79031112233',
  country: 'Россия',
  region: 'Московская область',
  city: 'Москва',
  address: 'ул. Тверская, д. 1, кв. 5',
  postal_code: '125009',
  price: 2490,
  sum_to_pay: 0,
  payway: 'card',
  type: 'physical',
  comment: 'Позвонить за час',
  tag: 'spring-sale',
  coupon: 'SPRING10',
  domain: 'shop.example.ru',
  payment_link: 'https://sandboxshop.justclick.ru/order/100000/',
  utm_source: 'newsletter',
  utm_medium: 'email',
  utm_campaign: 'spring',
  utm_content: 'button',
  utm_term: 'курс',
  goods: [{ good_name: 'course-basic', good_title: 'Базовый курс', sum: 2490, price: 2990 }],
  goods_count: 1,
};

export const addSubscriberSample: AddedSubscriber = {
  id: 'anna@example.com',
  email: 'anna@example.com',
  groups: ['newsletter'],
  already_subscribed: false,
  justclick_error_code: 0,
  justclick_error_text: 'OK',
  justclick_error_text_en: 'Done: JustClick carried out the request.',
};

export const findSubscriberSample: FoundSubscriber = {
  id: 'anna@example.com',
  email: 'anna@example.com',
  groups: [
    {
      group_id: 'newsletter',
      group_name: 'Рассылка магазина',
      status: 'STATUS_SUBSCRIBE',
      status_label: 'Subscribed',
      subscribed_at: '2024-05-20T12:00:00+03:00',
    },
  ],
  group_ids: ['newsletter'],
  groups_count: 1,
};

// Anna's orders: the paid one of the order sample and an older one she cancelled.
export const buyerOrdersSample: BuyerOrders = {
  id: 'anna@example.com',
  email: 'anna@example.com',
  pay_status: null,
  orders: [
    orderSample,
    {
      ...orderSample,
      id: '99871',
      bill_id: '99871',
      pay_status: 'cancel',
      created: '2024-04-02T18:40:00+03:00',
      paid: null,
      price: 1290,
      sum_to_pay: 1290,
      payway: null,
      payment_link: 'https://sandboxshop.justclick.ru/order/99871/',
      goods: [{ good_name: 'book-print', good_title: 'Книга (печатная)', sum: 1290, price: 1290 }],
    },
  ],
  order_ids: ['100000', '99871'],
  orders_count: 2,
  orders_total: 2,
  more_orders: false,
};

export const removeSubscriberSample: RemovedSubscriber = {
  id: 'anna@example.com',
  email: 'anna@example.com',
  groups: [
    {
      group_id: 'buyers',
      group_name: 'Покупатели',
      was_in_group: true,
      status_before: 'STATUS_SUBSCRIBE',
      justclick_error_code: 0,
      justclick_error_text: 'OK',
    },
    {
      group_id: 'newsletter',
      group_name: null,
      was_in_group: false,
      status_before: null,
      justclick_error_code: 0,
      justclick_error_text: 'OK',
    },
  ],
  removed_from: ['buyers'],
  not_in_groups: ['newsletter'],
  was_in_any_group: true,
  result_info: 'anna@example.com was removed from buyers. It was not in newsletter, so nothing changed there.',
};

export const deleteOrderSample: DeletedOrder = {
  id: '100000',
  bill_id: '100000',
  deleted: true,
  result_info: 'Order 100000 was deleted from JustClick.',
  justclick_error_code: 0,
  justclick_error_text: 'OK',
};
