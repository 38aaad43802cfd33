import { defineSearch, defineInputFields, type SearchPerform, type ZObject } from 'zapier-platform-core';
import { invalidInput, preview } from '../common/errors';
import { YES_NO_CHOICES, YES_NO_FORMS, readBoolean, readText } from '../common/input';
import { requireRlab } from './connection';
import { BLACKLIST_HISTORY_SERVICE, BLACKLIST_SERVICE, createDeliveryCrmClient } from './deliverycrm-client';
import { readPhone } from './phone';
import { blacklistSample } from './samples';
import type { BlacklistEvent, BlacklistRecord } from './types';
import { isRecord, num, records, str } from '../common/json';
import { labelOf } from './fields';
import { moscowOutputTime } from '../common/dates';
import { unreachable, unreadable } from './errors';
import { failureError } from '../common/failures';

/** bwType (seed 002, GetWhiteBlackHistoryInfo). */
export const BW_TYPES: Readonly<Record<number, string>> = {
  1: 'Delivered',
  2: 'Returned',
  3: 'Overdue (Outcome Unknown)',
};

/** bwShopCategoryId: the category of the shop where the order was placed. */
export const SHOP_CATEGORIES: Readonly<Record<number, string>> = {
  1: 'Cars (Parts, Accessories)',
  2: 'Pet Supplies',
  3: 'Home Appliances',
  4: 'Home and Garden',
  5: 'Leisure and Entertainment',
  6: 'Adult Goods',
  7: 'Computers',
  8: 'Equipment',
  9: 'Clothes, Shoes and Accessories',
  10: 'Gifts and Flowers',
  11: 'Food',
  12: 'Sports and Recreation',
  13: 'Health',
  14: 'Services',
  15: 'Electronics',
  16: 'Books and Magazines',
  17: 'CPA',
  18: 'Tobacco and E-Cigarettes',
  19: 'Perfume and Cosmetics',
  20: 'TV Shop',
  21: 'Children',
  22: 'Universal (Everything)',
  23: 'Other',
  24: 'Jewellery',
};

/** blackKarma error codes: -1 nothing found, -2 no phone or e-mail given, -3 server error. */
const NOTHING_FOUND = -1;
const NO_INPUT = -2;
const SERVER_ERROR = -3;

const inputFields = defineInputFields([
  {
    key: 'phone',
    label: 'Phone',
    required: false,
    type: 'string',
    helpText:
      "The buyer's phone, e.g. `+7 (916) 000-00-00`; sent in the federal format (79160000000). Fill in the " +
      'phone, the e-mail or both.',
  },
  {
    key: 'email',
    label: 'Email',
    required: false,
    type: 'string',
    helpText: "The buyer's e-mail. Fill in the phone, the e-mail or both.",
  },
  {
    key: 'include_history',
    label: 'Include Order History',
    required: false,
    type: 'string',
    choices: YES_NO_CHOICES,
    default: 'no',
    helpText:
      "Yes: also return the buyer's orders seen by R-Lab (date, delivered or returned, shop category, cost). " +
      `No when empty. A mapped value may be ${YES_NO_FORMS}.`,
  },
]);

const text = (value: unknown): string => str(value) ?? '';

function parseEvent(item: Record<string, unknown>): BlacklistEvent {
  const type = num(item.bwType);
  const category = num(item.bwShopCategoryId);
  return {
    ...moscowOutputTime('bwEventDate', 'bwEventDateIso', str(item.bwEventDate)),
    bwType: type,
    bwTypeLabel: labelOf(BW_TYPES, type, 'type'),
    bwShopCategoryId: category,
    bwShopCategoryLabel: labelOf(SHOP_CATEGORIES, category, 'category'),
    bwShopOrderCost: num(item.bwShopOrderCost),
  };
}

/** The documented answer: a list of records, each with its karma; anything else is not a result. */
function documentedRecords(
  z: ZObject,
  service: string,
  data: unknown,
  hidden: readonly string[],
): Array<Record<string, unknown>> {
  if (
    !Array.isArray(data) ||
    data.length === 0 ||
    !data.every((item): item is Record<string, unknown> => isRecord(item) && num(item.blackKarma) !== null)
  ) {
    throw failureError(z, unreadable(service, preview(data, hidden)), 'search');
  }
  return data;
}

/**
 * The check's records; [] for "nothing found" (karma -1), an error for the two other error codes
 * and for any answer that is not the documented list of records: this search exists to stop
 * fraud, so an answer it cannot read is never a clean buyer.
 */
export function parseBlacklist(z: ZObject, data: unknown, hidden: readonly string[] = []): BlacklistRecord[] {
  const found = documentedRecords(z, BLACKLIST_SERVICE, data, hidden);
  const karma = (record: Record<string, unknown>) => num(record.blackKarma)!;
  const failed = found.find((record) => karma(record) === SERVER_ERROR);
  if (failed)
    throw failureError(
      z,
      unreachable(
        BLACKLIST_SERVICE,
        `it reported a server error: "${text(failed.blackComment)}", that is, its server failed for now`,
      ),
      'search',
    );
  const refused = found.find((record) => karma(record) === NO_INPUT);
  if (refused) {
    throw invalidInput(
      z,
      'Phone or Email',
      `a phone or an e-mail the blacklist accepts (it answered "${text(refused.blackComment)}", that is, it ` +
        'received neither)',
    );
  }
  return found
    .filter((record) => karma(record) !== NOTHING_FOUND)
    .map((record) => ({
      blackPhone: text(record.blackPhone),
      blackEmail: text(record.blackEmail),
      blackKarma: karma(record),
      blackComment: text(record.blackComment),
      blackCancelCount: num(record.blackCancelCount),
      blackExpiredCount: num(record.blackExpiredCount),
      blackDoneCount: num(record.blackDoneCount),
      blackTotalShopOrderCost: null,
      history_included: false,
      history: [],
    }));
}

/** Adds GetWhiteBlackHistoryInfo's records to the check's: same phone and e-mail, or the only one. */
export function withHistory(
  z: ZObject,
  found: BlacklistRecord[],
  data: unknown,
  hidden: readonly string[] = [],
): BlacklistRecord[] {
  const history = documentedRecords(z, BLACKLIST_HISTORY_SERVICE, data, hidden).filter(
    (item) => num(item.blackKarma) !== NOTHING_FOUND,
  );
  return found.map((record) => {
    const match =
      history.find(
        (item) => text(item.blackPhone) === record.blackPhone && text(item.blackEmail) === record.blackEmail,
      ) ?? (history.length === 1 && found.length === 1 ? history[0] : undefined);
    return {
      ...record,
      blackTotalShopOrderCost: match ? num(match.blackTotalShopOrderCost) : null,
      history_included: true,
      history: match && Array.isArray(match.history) ? records(match.history).map(parseEvent) : [],
    };
  });
}

export const perform = (async (z, bundle) => {
  const phone = readPhone(z, 'Phone', readText(bundle.inputData.phone));
  const email = readText(bundle.inputData.email);
  if (phone === '' && email === '') throw invalidInput(z, 'Phone or Email', 'a phone, an e-mail or both');
  const includeHistory = readBoolean(z, 'Include Order History', bundle.inputData.include_history) ?? false;
  const client = createDeliveryCrmClient(z, requireRlab(z, bundle), 'search');
  const found = parseBlacklist(z, await client.blacklistCheck(phone, email), client.hidden);
  if (!includeHistory || found.length === 0) return found;
  return withHistory(z, found, await client.blacklistHistory(phone, email), client.hidden);
}) satisfies SearchPerform<typeof inputFields, BlacklistRecord>;

export default defineSearch({
  key: 'blacklist_check',
  noun: 'Blacklist Record',
  display: {
    label: 'Find Buyer in DeliveryCRM Blacklist',
    description:
      "Finds how often a buyer's phone or e-mail refused or picked up cash-on-delivery parcels, from the " +
      'R-Lab blacklist.',
  },
  operation: {
    inputFields,
    perform,
    sample: blacklistSample,
    outputFields: [
      { key: 'blackPhone', label: 'Phone', type: 'string' },
      { key: 'blackEmail', label: 'Email', type: 'string' },
      { key: 'blackKarma', label: 'Karma', type: 'number' },
      { key: 'blackComment', label: 'Comment', type: 'string' },
      { key: 'blackCancelCount', label: 'Refused Orders', type: 'integer' },
      { key: 'blackExpiredCount', label: 'Orders With Unknown Outcome', type: 'integer' },
      { key: 'blackDoneCount', label: 'Delivered Orders', type: 'integer' },
      { key: 'blackTotalShopOrderCost', label: 'Total Order Cost', type: 'number' },
      { key: 'history_included', label: 'History Included', type: 'boolean' },
      { key: 'history[]bwEventDateIso', label: 'History: Date', type: 'datetime' },
      { key: 'history[]bwType', label: 'History: Outcome Code', type: 'integer' },
      { key: 'history[]bwTypeLabel', label: 'History: Outcome', type: 'string' },
      { key: 'history[]bwShopCategoryId', label: 'History: Shop Category Code', type: 'integer' },
      { key: 'history[]bwShopCategoryLabel', label: 'History: Shop Category', type: 'string' },
      { key: 'history[]bwShopOrderCost', label: 'History: Order Cost', type: 'number' },
    ],
  },
});
