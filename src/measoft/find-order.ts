/**
 * Find MeaSoft Courier Order: a read-only statusreq by MeaSoft's order number or the urgent (express)
 * order number, the two order filters of statusreq's documented field list (docs/measoft.md). Every
 * order of the answer is checked against the filter (src/measoft/client.ts); "orders not found" (11)
 * is an empty result.
 */
import { defineSearch, type SearchPerform } from 'zapier-platform-core';
import { invalidInput } from '../common/errors';
import { readText } from '../common/input';
import { requireMeasoft } from '../credentials';
import { findOrders } from './client';
import { branchTimeZoneField, ORDER_OUTPUT_FIELDS, readOrderReading } from './fields';
import { newestFirst } from './order-filters';
import { orderStatusSample } from './samples';
import type { MeasoftOrderEvent } from './types';

export const FIND_ORDER_KEY = 'measoft_find_order';

const LABELS = { orderno: 'Order Number', orderno2: 'Urgent Order Number' } as const;

export const perform = (async (z, bundle) => {
  const orderno = readText(bundle.inputData.orderno);
  const orderno2 = readText(bundle.inputData.orderno2);
  if (orderno === '' && orderno2 === '') {
    throw invalidInput(z, LABELS.orderno, `an order number (or fill in ${LABELS.orderno2})`);
  }
  const credentials = requireMeasoft(z, bundle);
  const reading = readOrderReading(z, bundle.inputData.branch_time_zone);
  return newestFirst(await findOrders(z, credentials, { orderno, orderno2 }, reading));
}) satisfies SearchPerform<{ orderno?: string; orderno2?: string; branch_time_zone?: string }, MeasoftOrderEvent>;

export default defineSearch({
  key: FIND_ORDER_KEY,
  noun: 'Courier Order',
  display: {
    label: 'Find MeaSoft Courier Order',
    description:
      'Finds a courier order in MeaSoft by its order number (your shop order number, when Zapier created it).',
  },
  operation: {
    inputFields: [
      {
        key: 'orderno',
        label: LABELS.orderno,
        required: false,
        type: 'string',
        helpText:
          "MeaSoft's order number, e.g. `00032011`. Orders made with Create MeaSoft Courier Order carry your " +
          "shop's order number here.",
      },
      {
        key: 'orderno2',
        label: LABELS.orderno2,
        required: false,
        type: 'string',
        helpText:
          "Optional. The order's number in MeaSoft's urgent (express) delivery subsystem (`orderno2`), if your " +
          'courier service uses it.',
      },
      branchTimeZoneField,
    ],
    perform,
    sample: orderStatusSample,
    outputFields: ORDER_OUTPUT_FIELDS,
  },
});
