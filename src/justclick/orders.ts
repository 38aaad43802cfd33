/**
 * A JustClick order (bill) as getOrdersWithGoods and getOrderDetails describe it
 * (https://help.justclick.ru/archives/2642, https://help.justclick.ru/archives/2656), turned into
 * what a Zap maps: goods as line items, money as numbers, times as ISO 8601 with Moscow's offset.
 */
import type { ZObject } from 'zapier-platform-core';
import type { JustClickOrder, OrderItem } from './types';
import { isRecord, listOf, moneyOrNull, textOrNull, type JsonRecord } from '../common/json';
import { unixOrMoscowTextToIso } from '../common/dates';
import { unexpectedResult } from './client';

/**
 * The goods of an order: `items` (each with id, title, price, sum) as JustClick's answers carry
 * them, or only the product IDs (`good_ids`, a list or comma-separated text) when that is all.
 */
function readGoods(raw: JsonRecord): OrderItem[] {
  const items = listOf(raw.items) ?? listOf(raw.goods);
  if (items) {
    return items.filter(isRecord).map((item) => ({
      good_name: textOrNull(item.id ?? item.good_name),
      good_title: textOrNull(item.title ?? item.good_title),
      sum: moneyOrNull(item.sum ?? item.good_sum),
      price: moneyOrNull(item.price),
    }));
  }
  const ids = Array.isArray(raw.good_ids)
    ? raw.good_ids
    : typeof raw.good_ids === 'string'
      ? raw.good_ids.split(',')
      : [];
  return ids
    .map((id) => textOrNull(id))
    .filter((id): id is string => id !== null)
    .map((id) => ({ good_name: id, good_title: null, sum: null, price: null }));
}

/** One order of an answer; one without an order number is not an order JustClick documents. */
export function readOrder(z: ZObject, method: string, raw: unknown): JustClickOrder {
  if (!isRecord(raw)) throw unexpectedResult(z, method, raw);
  const billId = textOrNull(raw.id ?? raw.bill_id);
  if (billId === null) throw unexpectedResult(z, method, raw);
  const utm = isRecord(raw.utm) ? raw.utm : {};
  const goods = readGoods(raw);
  return {
    id: billId,
    bill_id: billId,
    pay_status: textOrNull(raw.pay_status),
    created: unixOrMoscowTextToIso(raw.created),
    paid: unixOrMoscowTextToIso(raw.paid),
    email: textOrNull(raw.email),
    first_name: textOrNull(raw.first_name),
    last_name: textOrNull(raw.last_name),
    middle_name: textOrNull(raw.middle_name),
    phone: textOrNull(raw.phone),
    country: textOrNull(raw.country),
    region: textOrNull(raw.region),
    city: textOrNull(raw.city),
    address: textOrNull(raw.address),
    postal_code: textOrNull(raw.postalcode),
    price: moneyOrNull(raw.price),
    sum_to_pay: moneyOrNull(raw.bill_sum_topay),
    payway: textOrNull(raw.payway),
    type: textOrNull(raw.type),
    comment: textOrNull(raw.comment),
    tag: textOrNull(raw.tag),
    coupon: textOrNull(raw.kupon),
    domain: textOrNull(raw.domain),
    payment_link: textOrNull(raw.link),
    utm_source: textOrNull(utm.source ?? utm.utm_source),
    utm_medium: textOrNull(utm.medium ?? utm.utm_medium),
    utm_campaign: textOrNull(utm.campaign ?? utm.utm_campaign),
    utm_content: textOrNull(utm.content ?? utm.utm_content),
    utm_term: textOrNull(utm.term ?? utm.utm_term),
    goods,
    goods_count: goods.length,
  };
}

export const orderOutputFields = [
  { key: 'id', label: 'ID', type: 'string' as const },
  { key: 'bill_id', label: 'Order Number', type: 'string' as const },
  { key: 'pay_status', label: 'Payment Status', type: 'string' as const },
  { key: 'created', label: 'Created At', type: 'datetime' as const },
  { key: 'paid', label: 'Paid At', type: 'datetime' as const },
  { key: 'email', label: 'Buyer Email', type: 'string' as const },
  { key: 'first_name', label: 'Buyer First Name', type: 'string' as const },
  { key: 'last_name', label: 'Buyer Last Name', type: 'string' as const },
  { key: 'middle_name', label: 'Buyer Middle Name', type: 'string' as const },
  { key: 'phone', label: 'Buyer Phone', type: 'string' as const },
  { key: 'country', label: 'Country', type: 'string' as const },
  { key: 'region', label: 'Region', type: 'string' as const },
  { key: 'city', label: 'City', type: 'string' as const },
  { key: 'address', label: 'Address', type: 'string' as const },
  { key: 'postal_code', label: 'Postal Code', type: 'string' as const },
  { key: 'price', label: 'Order Total', type: 'number' as const },
  { key: 'sum_to_pay', label: 'Left to Pay', type: 'number' as const },
  { key: 'payway', label: 'Payment Method', type: 'string' as const },
  { key: 'type', label: 'Order Type', type: 'string' as const },
  { key: 'comment', label: 'Comment', type: 'string' as const },
  { key: 'tag', label: 'Tag', type: 'string' as const },
  { key: 'coupon', label: 'Coupon', type: 'string' as const },
  { key: 'domain', label: 'Domain', type: 'string' as const },
  { key: 'payment_link', label: 'Payment Page URL', type: 'string' as const },
  { key: 'utm_source', label: 'UTM Source', type: 'string' as const },
  { key: 'utm_medium', label: 'UTM Medium', type: 'string' as const },
  { key: 'utm_campaign', label: 'UTM Campaign', type: 'string' as const },
  { key: 'utm_content', label: 'UTM Content', type: 'string' as const },
  { key: 'utm_term', label: 'UTM Term', type: 'string' as const },
  { key: 'goods[]good_name', label: 'Product ID', type: 'string' as const },
  { key: 'goods[]good_title', label: 'Product Name', type: 'string' as const },
  { key: 'goods[]sum', label: 'Product Price in Order', type: 'number' as const },
  { key: 'goods[]price', label: 'Product Shop Price', type: 'number' as const },
  { key: 'goods_count', label: 'Number of Products', type: 'integer' as const },
];
