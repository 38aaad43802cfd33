/**
 * The hidden trigger that fills the product dropdowns: GetAllGoods
 * (https://help.justclick.ru/archives/category/api, fields as in docs/justclick.md, "API"). Each
 * item's `id` is what the API takes back: good_name in CreateOrder's goods.
 */
import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { isRecord, listOf, moneyOrNull, textOrNull } from '../common/json';
import { callJustClick, noResult, trustedAnswer, unexpectedResult } from './client';
import { requireJustClick } from './connection';
import type { Product } from './types';

export const performProducts = (async (z, bundle) => {
  // 700: "the shop has no products" is an empty dropdown, not a failure.
  const answer = trustedAnswer(
    z,
    await callJustClick(z, requireJustClick(z, bundle), 'GetAllGoods', [], { changes: false }),
    [0, 700],
  );
  if (answer.errorCode === 700 || noResult(answer.result)) return [];
  const list = listOf(answer.result);
  if (!list) throw unexpectedResult(z, 'GetAllGoods', answer.result);
  return list.map((raw): Product => {
    const goodName = isRecord(raw) ? textOrNull(raw.good_name) : null;
    if (!isRecord(raw) || goodName === null) throw unexpectedResult(z, 'GetAllGoods', raw);
    const title = textOrNull(raw.good_title);
    return {
      id: goodName,
      name: title ? `${title} (${goodName})` : goodName,
      good_id: textOrNull(raw.good_id),
      good_title: title,
      price: moneyOrNull(raw.good_sum),
    };
  });
}) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'justclick_products',
  noun: 'Product',
  display: {
    label: 'New JustClick Product',
    description: 'Triggers when a product is added to your JustClick shop (feeds the product dropdowns).',
    hidden: true,
  },
  operation: {
    type: 'polling',
    perform: performProducts,
    sample: {
      id: 'course-basic',
      name: 'Базовый курс (course-basic)',
      good_id: '12549',
      good_title: 'Базовый курс',
      price: 2990,
    },
    outputFields: [
      { key: 'id', label: 'Product ID', type: 'string' },
      { key: 'name', label: 'Product', type: 'string' },
      { key: 'good_id', label: 'Product Number', type: 'string' },
      { key: 'good_title', label: 'Product Name', type: 'string' },
      { key: 'price', label: 'Price', type: 'number' },
    ],
  },
});
