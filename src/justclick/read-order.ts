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
