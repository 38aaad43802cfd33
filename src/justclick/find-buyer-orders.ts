/**
 * Find JustClick Orders by Buyer: GetBills (https://help.justclick.ru/archives/571) lists the
 * numbers of a buyer's orders, optionally of one payment status, with only the products' IDs and
 * names; getOrderDetails (https://help.justclick.ru/archives/2656) then gives each order the fields
 * Find JustClick Order gives, so they can be sorted newest first (docs/justclick.md, "GetBills").
 */
import {
  defineInputFields,
  defineSearch,
  type InferInputData,
  type SearchPerform,
  type ZObject,
} from 'zapier-platform-core';
import { readChoice } from '../common/input';
import { STEP_BUDGET_MS, TimeBudget } from '../common/network';
import { requireJustClick } from './connection';
import { callJustClick, justClickTimeoutMs, trustedAnswer, unexpectedResult } from './client';
import { readEmailAddress, orderOutputFields } from './fields';
import { buyerOrdersSample } from './samples';
import type { BuyerOrders, JustClickOrder } from './types';
import { isRecord, listOf } from '../common/json';
import { readOrder } from './read-order';

/** GetBills' pay_status values (https://help.justclick.ru/archives/571). */
const PAY_STATUSES = [
  { value: 'paid', label: 'Paid' },
  { value: 'waiting', label: 'Waiting for Payment' },
  { value: 'cancel', label: 'Cancelled' },
] as const;

/**
 * How many orders get their details: one getOrderDetails each, one after the other, inside
 * Zapier's 30 s. The newest by number are read (JustClick numbers its orders in sequence).
 */
export const MAX_BUYER_ORDERS = 10;

/** 400: "no order with this number", in JustClick's table for listing a buyer's products (GetBills). */
const NO_BILLS = [400];
/** getOrderDetails' codes for an order that is not there (any more): it is left out. */
const ORDER_GONE = [200, 302, 400];

const inputFields = defineInputFields([
  {
    key: 'email',
    label: 'Buyer Email',
    required: true,
    type: 'string',
    helpText: 'The e-mail address the buyer ordered with, e.g. `anna@example.com`.',
  },
  {
    key: 'pay_status',
    label: 'Payment Status',
    required: false,
    type: 'string',
    choices: PAY_STATUSES.map((choice) => ({ ...choice, sample: choice.value })),
    helpText:
      'Only orders with this payment status: **Paid**, **Waiting for Payment** or **Cancelled**. ' +
      'Empty: every order of the buyer. A mapped value may be the code (`paid`, `waiting`, `cancel`) or the name.',
  },
]);

type FindBuyerOrdersInput = InferInputData<typeof inputFields>;

/** The order numbers of GetBills' result: an object keyed by order number, each with its products. */
function readBillNumbers(z: ZObject, result: unknown): string[] {
  if (result === undefined || result === null || result === '') return [];
  if (Array.isArray(result)) {
    // PHP's json_encode writes an empty array as [] and keys 0, 1, ... as a list: neither names orders.
    if (result.length === 0) return [];
    throw unexpectedResult(z, 'GetBills', result);
  }
  if (!isRecord(result)) throw unexpectedResult(z, 'GetBills', result);
  return Object.entries(result).map(([number, goods]) => {
    if (!/^\d+$/.test(number) || listOf(goods) === undefined)
      throw unexpectedResult(z, 'GetBills', { [number]: goods });
    return number;
  });
}

const newestFirst = (a: JustClickOrder, b: JustClickOrder) =>
  (Date.parse(b.created ?? '') || 0) - (Date.parse(a.created ?? '') || 0) || Number(b.bill_id) - Number(a.bill_id);

export const perform = (async (z, bundle) => {
  const email = readEmailAddress(z, 'Buyer Email', bundle.inputData.email);
  const payStatus = readChoice(z, 'Payment Status', bundle.inputData.pay_status, PAY_STATUSES);
  const credentials = requireJustClick(z, bundle);
  const budget = new TimeBudget(justClickTimeoutMs(), STEP_BUDGET_MS);
  const bills = trustedAnswer(
    z,
    await callJustClick(
      z,
      credentials,
      'GetBills',
      [
        ['email', email],
        ['pay_status', payStatus],
      ],
      { budget, where: 'search' },
    ),
    [0, ...NO_BILLS],
  );
  const numbers = bills.errorCode === 0 ? readBillNumbers(z, bills.result) : [];
  if (numbers.length === 0) return [];

  const newest = [...numbers].sort((a, b) => Number(b) - Number(a)).slice(0, MAX_BUYER_ORDERS);
  const orders: JustClickOrder[] = [];
  for (const billId of newest) {
    const answer = trustedAnswer(
      z,
      await callJustClick(
        z,
        credentials,
        'getOrderDetails',
        [
          ['bill_id', billId],
          ['good_info', true],
        ],
        { budget, where: 'search' },
      ),
      [0, ...ORDER_GONE],
    );
    // Deleted between the two calls: no longer the buyer's order.
    if (answer.errorCode === 0) orders.push(readOrder(z, 'getOrderDetails', answer.result));
  }
  if (orders.length === 0) return [];
  orders.sort(newestFirst);
  const found: BuyerOrders = {
    id: email,
    email,
    pay_status: payStatus ?? null,
    orders,
    order_ids: orders.map((order) => order.bill_id),
    orders_count: orders.length,
    orders_total: numbers.length,
    more_orders: numbers.length > newest.length,
  };
  return [found];
}) satisfies SearchPerform<FindBuyerOrdersInput>;

export default defineSearch({
  key: 'justclick_find_buyer_orders',
  noun: 'Orders',
  display: {
    label: 'Find JustClick Orders by Buyer',
    description:
      "Finds a buyer's JustClick orders by e-mail, optionally only paid, waiting or cancelled ones, newest first.",
  },
  operation: {
    inputFields,
    perform,
    sample: buyerOrdersSample,
    outputFields: [
      { key: 'id', label: 'ID', type: 'string' },
      { key: 'email', label: 'Buyer Email', type: 'string' },
      { key: 'pay_status', label: 'Payment Status Asked For', type: 'string' },
      ...orderOutputFields.map((field) => ({
        ...field,
        key: `orders[]${field.key}`,
        label: field.label.startsWith('Order') ? field.label : `Order ${field.label}`,
      })),
      { key: 'order_ids', label: 'Order Numbers', type: 'string', list: true },
      { key: 'orders_count', label: 'Number of Orders Returned', type: 'integer' },
      { key: 'orders_total', label: 'Number of Orders Found', type: 'integer' },
      { key: 'more_orders', label: 'More Orders Than Returned', type: 'boolean' },
    ],
  },
});
