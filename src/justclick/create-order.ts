import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
  type ZObject,
} from 'zapier-platform-core';
import { toUnixSeconds, unixSecondsToMoscowIso } from '../common/dates';
import { invalidInput } from '../common/errors';
import { NUMBER_FORMS, asList, readNumber, readText } from '../common/input';
import type { PhpQueryParams } from '../common/php-query';
import { requireJustClick } from './connection';
import { callJustClick, trustedAnswer, unexpectedResult } from './client';
import { createOrderSample } from './samples';
import type { CreatedOrder } from './types';
import { EMAIL, DATE_HELP, readJustClickDate, utmInputFields, UTM_KEYS } from './fields';
import { isRecord, textOrNull } from '../common/json';
import { ORDER_ALREADY_EXISTS, resultInEnglish } from './errors';

const inputFields = defineInputFields([
  {
    key: 'goods',
    label: 'Products',
    required: true,
    children: [
      {
        key: 'good_name',
        label: 'Product',
        required: true,
        dynamic: 'justclick_products.id.name',
        helpText: 'The product ID in your JustClick shop (the "ID" in the product settings), e.g. `course-basic`.',
      },
      {
        key: 'good_sum',
        label: 'Price',
        // Text read by the app, not `number`: Zapier's editor would turn 2 490,50 into 2490 first.
        type: 'string',
        required: false,
        helpText:
          'The price of the product in this order, e.g. `2 490,50`. Leave empty to use the price set in the shop. ' +
          `Accepts ${NUMBER_FORMS}.`,
      },
    ],
  },
  {
    key: 'email',
    label: 'Buyer Email',
    required: true,
    type: 'string',
    helpText: 'The e-mail address of the buyer, e.g. `anna@example.com`.',
  },
  { key: 'first_name', label: 'Buyer First Name', required: false, type: 'string', helpText: 'e.g. `Анна`.' },
  { key: 'last_name', label: 'Buyer Last Name', required: false, type: 'string', helpText: 'e.g. `Петрова`.' },
  {
    key: 'middle_name',
    label: 'Buyer Middle Name',
    required: false,
    type: 'string',
    helpText: 'The patronymic, e.g. `Сергеевна`.',
  },
  { key: 'phone', label: 'Buyer Phone', required: false, type: 'string', helpText: 'e.g. `+79031112233`.' },
  {
    key: 'country',
    label: 'Country',
    required: false,
    type: 'string',
    helpText: 'The country of delivery, e.g. `Россия`.',
  },
  {
    key: 'region',
    label: 'Region',
    required: false,
    type: 'string',
    helpText: 'The region of delivery, e.g. `Московская область`.',
  },
  {
    key: 'city',
    label: 'City',
    required: false,
    type: 'string',
    helpText: 'The city of the buyer, e.g. `Москва`.',
  },
  {
    key: 'address',
    label: 'Address',
    required: false,
    type: 'string',
    helpText: 'The delivery address: street, house, flat.',
  },
  { key: 'postal_code', label: 'Postal Code', required: false, type: 'string', helpText: 'e.g. `125009`.' },
  {
    key: 'coupon',
    label: 'Coupon',
    required: false,
    type: 'string',
    helpText: 'A discount coupon as set up in your JustClick shop.',
  },
  {
    key: 'tag',
    label: 'Tag',
    required: false,
    type: 'string',
    helpText: 'Any label to mark the order with, e.g. `zapier`.',
  },
  { key: 'comment', label: 'Comment', required: false, type: 'text', helpText: 'A comment on the order.' },
  {
    key: 'order_date',
    label: 'Order Date',
    required: false,
    // Text, not `datetime`: see dates.ts.
    type: 'string',
    helpText:
      'When the order was placed, e.g. the order date of the step that started the Zap. Map it: JustClick recognises ' +
      'an order sent again with the same data and date, so a replayed step returns the existing order instead of a ' +
      `second one. Empty: JustClick uses the time the step runs. ${DATE_HELP}`,
  },
  ...utmInputFields,
]);

type CreateOrderInput = InferInputData<typeof inputFields>;

interface ValidOrder {
  goods: Array<{ good_name: string; good_sum?: number }>;
  email: string;
  orderDate?: Date;
  fields: Record<string, string>;
  utm: Record<string, string>;
}

/** The goods as line items: Zapier hands children as a list of objects (or one object). */
function readGoods(z: ZObject, value: unknown): ValidOrder['goods'] {
  const lines = asList(value);
  if (lines.length === 0) throw invalidInput(z, 'Products', 'at least one product');
  return lines.map((line, index) => {
    const item = isRecord(line) ? line : { good_name: line };
    const name = readText(item.good_name);
    const position = lines.length > 1 ? ` (line ${index + 1})` : '';
    if (name === '') throw invalidInput(z, `Product${position}`, 'the ID of a product in your JustClick shop');
    const sum = readNumber(z, `Price${position}`, item.good_sum);
    return sum === undefined ? { good_name: name } : { good_name: name, good_sum: sum };
  });
}

function validate(z: ZObject, input: CreateOrderInput): ValidOrder {
  const goods = readGoods(z, input.goods);
  const email = readText(input.email);
  if (!EMAIL.test(email))
    throw invalidInput(z, 'Buyer Email', 'an e-mail address such as anna@example.com', input.email);
  const orderDate = readJustClickDate(z, 'Order Date', input.order_date);
  const fields: Record<string, string> = {};
  for (const key of [
    'first_name',
    'last_name',
    'middle_name',
    'phone',
    'country',
    'region',
    'city',
    'address',
    'postal_code',
    'coupon',
    'tag',
    'comment',
  ] as const) {
    const value = readText(input[key]);
    if (value !== '') fields[key] = value;
  }
  const utm: Record<string, string> = {};
  for (const key of UTM_KEYS) {
    const value = readText(input[key]);
    if (value !== '') utm[key] = value;
  }
  return { goods, email, orderDate, fields, utm };
}

/** CreateOrder's parameters in the order its page lists them (https://help.justclick.ru/archives/582). */
function params(order: ValidOrder): PhpQueryParams {
  const { fields } = order;
  return [
    ['goods', order.goods.map((item) => ({ good_name: item.good_name, good_sum: item.good_sum }))],
    ['bill_first_name', fields.first_name],
    ['bill_surname', fields.last_name],
    ['bill_otchestvo', fields.middle_name],
    ['bill_email', order.email],
    ['bill_phone', fields.phone],
    ['bill_country', fields.country],
    ['bill_region', fields.region],
    ['bill_city', fields.city],
    ['bill_address', fields.address],
    ['bill_postal_code', fields.postal_code],
    ['bill_kupon', fields.coupon],
    ['bill_tag', fields.tag],
    ['bill_comment', fields.comment],
    ['bill_created', order.orderDate ? toUnixSeconds(order.orderDate) : undefined],
    ['utm', Object.keys(order.utm).length > 0 ? order.utm : undefined],
  ];
}

export const perform = (async (z, bundle) => {
  const order = validate(z, bundle.inputData);
  const credentials = requireJustClick(z, bundle);
  // One request, never retried: a second CreateOrder could be a second order.
  const answer = trustedAnswer(z, await callJustClick(z, credentials, 'CreateOrder', params(order)), [
    0,
    ORDER_ALREADY_EXISTS,
  ]);
  const billId = isRecord(answer.result) ? textOrNull(answer.result.bill_id) : null;
  if (billId === null) throw unexpectedResult(z, 'CreateOrder', answer.result);
  const alreadyExisted = answer.errorCode === ORDER_ALREADY_EXISTS;
  const created: CreatedOrder = {
    bill_id: billId,
    already_existed: alreadyExisted,
    result_info: alreadyExisted
      ? `JustClick already had this order as number ${billId}; no second order was created.`
      : `Order ${billId} created.`,
    email: order.email,
    goods: order.goods.map((item) => ({ good_name: item.good_name, good_sum: item.good_sum ?? null })),
    order_date: order.orderDate ? unixSecondsToMoscowIso(toUnixSeconds(order.orderDate)) : null,
    justclick_error_code: answer.errorCode,
    justclick_error_text: answer.errorText,
    justclick_error_text_en: resultInEnglish(answer.errorCode),
  };
  return created;
}) satisfies CreatePerform<CreateOrderInput>;

export default defineCreate({
  key: 'justclick_create_order',
  noun: 'Order',
  display: {
    label: 'Create JustClick Order',
    description: 'Creates an order in your JustClick shop for a buyer, with one or more products.',
  },
  operation: {
    inputFields,
    perform,
    sample: createOrderSample,
    outputFields: [
      { key: 'bill_id', label: 'Order Number', type: 'string' },
      { key: 'already_existed', label: 'Order Already Existed', type: 'boolean' },
      { key: 'result_info', label: 'Result', type: 'string' },
      { key: 'email', label: 'Buyer Email', type: 'string' },
      { key: 'goods[]good_name', label: 'Product ID', type: 'string' },
      { key: 'goods[]good_sum', label: 'Product Price', type: 'number' },
      { key: 'order_date', label: 'Order Date', type: 'datetime' },
      { key: 'justclick_error_code', label: 'JustClick Result Code', type: 'integer' },
      { key: 'justclick_error_text', label: 'JustClick Result Text', type: 'string' },
      { key: 'justclick_error_text_en', label: 'JustClick Result Text (English)', type: 'string' },
    ],
  },
});
