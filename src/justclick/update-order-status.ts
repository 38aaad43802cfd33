import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
  type ZObject,
} from 'zapier-platform-core';
import { toUnixSeconds, unixSecondsToMoscowIso } from '../common/dates';
import { invalidInput } from '../common/errors';
import { readChoice, readText } from '../common/input';
import type { PhpQueryParams } from '../common/php-query';
import { normaliseTrackingNumber } from '../common/tracking-number';
import { requireJustClick } from './connection';
import { callJustClick } from './client';
import { updateOrderStatusSample } from './samples';
import type { UpdatedOrder } from './types';
import { DATE_HELP, readJustClickDate } from './fields';
import { justClickError, resultInEnglish, untrustedAnswerError } from './errors';

export const ORDER_STATUSES = {
  sent: 'Sent (Shipped by Post)',
  paid: 'Paid',
  return: 'Returned by the Buyer',
  cancel: 'Cancelled',
} as const;

type OrderStatus = keyof typeof ORDER_STATUSES;

/**
 * The Russian names of the statuses, as a mapped value from a Russian-speaking shop may hold them
 * (JustClick's own pages name a paid order "Оплачен"); read like the labels, in any case, ё as е.
 */
const RUSSIAN_NAMES: Record<OrderStatus, readonly string[]> = {
  sent: ['Отправлен'],
  paid: ['Оплачен'],
  return: ['Возврат', 'Возвращен'],
  cancel: ['Отменен', 'Отменён'],
};

const STATUS_CHOICES = (Object.entries(ORDER_STATUSES) as Array<[OrderStatus, string]>).map(([value, label]) => ({
  value,
  label,
  aliases: RUSSIAN_NAMES[value],
}));

const inputFields = defineInputFields([
  {
    key: 'bill_id',
    label: 'Order Number',
    required: true,
    type: 'string',
    helpText:
      'The number of the JustClick order (bill), e.g. `100000`. It is shown in the order list of your ' +
      'JustClick account and is sent by JustClick triggers as the order number.',
  },
  {
    key: 'status',
    label: 'New Status',
    required: true,
    type: 'string',
    choices: STATUS_CHOICES.map(({ value, label }) => ({ value, label, sample: value })),
    helpText:
      'What happened to the order. **Sent** needs a postal tracking number; **Sent** and **Paid** also take a date. ' +
      'A mapped value may be the code (`sent`, `paid`, `return`, `cancel`), the name shown here or the Russian ' +
      'name (`Отправлен`, `Оплачен`, `Возврат`, `Отменен`), in any case.',
  },
  {
    key: 'date',
    label: 'Date Sent or Paid',
    required: false,
    // Text, not `datetime`: see dates.ts.
    type: 'string',
    helpText:
      `When the order was shipped (for **Sent**) or paid (for **Paid**). ${DATE_HELP} ` +
      'JustClick requires a date for these two statuses: when left empty, the time the step runs is used.',
  },
  {
    key: 'rpo',
    label: 'Postal Tracking Number (RPO)',
    required: false,
    type: 'string',
    helpText:
      'The tracking number of the parcel, e.g. `10000000000000` or `RA644000886RU`. Required when the new ' +
      'status is **Sent**. It is sent as carriers write it: spaces removed, letters in upper case, Cyrillic ' +
      'letters that look like Latin ones (А, В, Е, К, М, Н, О, Р, С, Т, У, Х) replaced by the Latin ' +
      'ones; the output shows the number as sent.',
  },
]);

type UpdateOrderStatusInput = InferInputData<typeof inputFields>;

interface ValidRequest {
  billId: string;
  status: OrderStatus;
  date?: Date;
  dateDefaulted: boolean;
  rpo?: string;
}

/** Checks every field before anything is sent; the error names the field and what was expected. */
function validate(z: ZObject, input: UpdateOrderStatusInput, now: Date): ValidRequest {
  const billId = readText(input.bill_id);
  if (billId === '') throw invalidInput(z, 'Order Number', 'the number of a JustClick order');
  // Only the four choices: never a name every object has, such as `constructor` (readChoice uses a Map).
  const status = readChoice(z, 'New Status', input.status, STATUS_CHOICES);
  if (status === undefined)
    throw invalidInput(z, 'New Status', `one of ${STATUS_CHOICES.map((choice) => choice.value).join(', ')}`);
  // As the carrier writes it (no spaces, upper-case Latin), or JustClick stores a track nobody finds.
  const rpo = normaliseTrackingNumber(readText(input.rpo));
  if (status === 'sent' && rpo === '') {
    throw invalidInput(
      z,
      'Postal Tracking Number (RPO)',
      'a tracking number, which JustClick requires for the status Sent',
    );
  }
  const date = readJustClickDate(z, 'Date Sent or Paid', input.date);
  const needsDate = status === 'sent' || status === 'paid';
  return {
    billId,
    status,
    date: date ?? (needsDate ? now : undefined),
    dateDefaulted: date === undefined && needsDate,
    rpo: rpo === '' ? undefined : rpo,
  };
}

export const perform = (async (z, bundle) => {
  const request = validate(z, bundle.inputData, new Date());
  const credentials = requireJustClick(z, bundle);
  // JustClick's order of parameters: bill_id, status, date, rpo (the hash follows).
  const params: PhpQueryParams = [
    ['bill_id', request.billId],
    ['status', request.status],
    ['date', request.date ? String(toUnixSeconds(request.date)) : undefined],
    ['rpo', request.rpo],
  ];
  const answer = await callJustClick(z, credentials, 'UpdateOrderStatus', params);
  if (answer.errorCode !== 0) throw justClickError(z, answer);
  if (!answer.verified) throw untrustedAnswerError(z);

  const updated: UpdatedOrder = {
    bill_id: request.billId,
    status: request.status,
    status_label: ORDER_STATUSES[request.status],
    date: request.date ? unixSecondsToMoscowIso(toUnixSeconds(request.date)) : null,
    date_unix: request.date ? toUnixSeconds(request.date) : null,
    date_defaulted: request.dateDefaulted,
    rpo: request.rpo ?? null,
    justclick_error_code: answer.errorCode,
    justclick_error_text: answer.errorText,
    justclick_error_text_en: resultInEnglish(answer.errorCode),
  };
  return updated;
}) satisfies CreatePerform<UpdateOrderStatusInput>;

export default defineCreate({
  key: 'justclick_update_order_status',
  noun: 'Order Status',
  display: {
    label: 'Update JustClick Order Status',
    description: 'Updates the status of a JustClick order: sent (with tracking number), paid, returned or cancelled.',
  },
  operation: {
    inputFields,
    perform,
    sample: updateOrderStatusSample,
    outputFields: [
      { key: 'bill_id', label: 'Order Number', type: 'string' },
      { key: 'status', label: 'Status', type: 'string' },
      { key: 'status_label', label: 'Status Name', type: 'string' },
      { key: 'date', label: 'Date Sent or Paid', type: 'datetime' },
      { key: 'date_unix', label: 'Date Sent or Paid (Unix Seconds)', type: 'integer' },
      { key: 'date_defaulted', label: 'Date Filled In Automatically', type: 'boolean' },
      { key: 'rpo', label: 'Postal Tracking Number (RPO)', type: 'string' },
      { key: 'justclick_error_code', label: 'JustClick Result Code', type: 'integer' },
      { key: 'justclick_error_text', label: 'JustClick Result Text', type: 'string' },
      { key: 'justclick_error_text_en', label: 'JustClick Result Text (English)', type: 'string' },
    ],
  },
});
