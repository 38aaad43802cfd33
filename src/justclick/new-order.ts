import {
  defineInputFields,
  defineTrigger,
  type InferInputData,
  type PollingTriggerPerform,
} from 'zapier-platform-core';
import { YES_NO_CHOICES, YES_NO_FORMS, readBoolean } from '../common/input';
import { requireJustClick } from './connection';
import { callJustClick, trustedAnswer, unexpectedResult } from './client';
import { orderSample } from './samples';
import type { JustClickOrder } from './types';
import { listOf } from '../common/json';
import { moscowDottedDate } from '../common/dates';
import { readOrder } from './read-order';
import { orderOutputFields } from './fields';

/**
 * How far back each poll looks, in Moscow calendar days including today. getOrdersWithGoods takes
 * at most a month (https://help.justclick.ru/archives/2642); Zapier keeps every id it has seen, so
 * a wide window costs only answer size and lets a poll catch up after JustClick or Zapier was down.
 * Paid orders look back a whole month: with `paid` the window is over payment dates, and the wider
 * window still finds an order paid today even if JustClick filtered on creation dates instead.
 */
export const NEW_ORDER_DAYS = 7;
export const PAID_ORDER_DAYS = 30;
const DAY_MS = 86_400_000;

const inputFields = defineInputFields([
  {
    key: 'only_paid',
    label: 'Only Paid Orders',
    // A dropdown read by the app, not `boolean`: Zapier's editor reads most words (нет too) as yes.
    type: 'string',
    choices: YES_NO_CHOICES,
    required: false,
    default: 'no',
    helpText:
      '**No** (default): triggers once for each new order. **Yes**: triggers once for each order when it is paid, ' +
      `also when the order was created days earlier. A mapped value may be ${YES_NO_FORMS}.`,
  },
]);

type NewOrderInput = InferInputData<typeof inputFields>;

export const perform = (async (z, bundle) => {
  const onlyPaid = readBoolean(z, 'Only Paid Orders', bundle.inputData.only_paid) ?? false;
  const credentials = requireJustClick(z, bundle);
  const days = onlyPaid ? PAID_ORDER_DAYS : NEW_ORDER_DAYS;
  // Only the start day: without end_date JustClick takes "now", so today's orders are always in.
  const begin = moscowDottedDate(new Date(Date.now() - (days - 1) * DAY_MS));
  const answer = trustedAnswer(
    z,
    await callJustClick(
      z,
      credentials,
      'getOrdersWithGoods',
      [
        ['begin_date', begin],
        ['paid', onlyPaid ? true : undefined],
      ],
      { where: 'poll' },
    ),
  );
  const list =
    answer.result === undefined || answer.result === null || answer.result === '' ? [] : listOf(answer.result);
  if (!list) throw unexpectedResult(z, 'getOrdersWithGoods', answer.result);
  const orders = list.map((raw) => readOrder(z, 'getOrdersWithGoods', raw));
  const items: JustClickOrder[] = onlyPaid
    ? // The id differs from the order number so that an order already seen as new still triggers when paid.
      orders.filter((order) => order.paid !== null).map((order) => ({ ...order, id: `${order.bill_id}-paid` }))
    : orders;
  const when = (order: JustClickOrder) => Date.parse((onlyPaid ? order.paid : order.created) ?? '') || 0;
  return items.sort((a, b) => when(b) - when(a) || Number(b.bill_id) - Number(a.bill_id));
}) satisfies PollingTriggerPerform<NewOrderInput>;

export default defineTrigger({
  key: 'justclick_new_order',
  noun: 'Order',
  display: {
    label: 'New JustClick Order',
    description: 'Triggers when an order is created in your JustClick shop, or when it is paid.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: orderSample,
    outputFields: orderOutputFields,
  },
});
