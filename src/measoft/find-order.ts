/** Find MeaSoft Courier Order: a read-only statusreq by MeaSoft's order number, the shop's number or the given code. */
import { defineSearch, type SearchPerform } from 'zapier-platform-core';
import { invalidInput } from '../common/errors';
import { readText } from '../common/input';
import { requireMeasoft } from '../credentials';
import { branchTimeZoneField, readOrderReading } from './branch-time-zone';
import { findOrders } from './client';
import { ORDER_OUTPUT_FIELDS } from './order-status';
import { newestFirst } from './orders';
import { orderStatusSample } from './samples';
import type { MeasoftOrderEvent } from './types';

export const FIND_ORDER_KEY = 'measoft_find_order';

const LABELS = { orderno: 'Order Number', orderno2: 'Shop Order Number', givencode: 'Given Code' } as const;

export const perform = (async (z, bundle) => {
  const orderno = readText(bundle.inputData.orderno);
  const orderno2 = readText(bundle.inputData.orderno2);
  const givencode = readText(bundle.inputData.givencode);
  if (orderno === '' && orderno2 === '' && givencode === '') {
    throw invalidInput(z, LABELS.orderno, `an order number (or fill in ${LABELS.orderno2} or ${LABELS.givencode})`);
  }
  const credentials = requireMeasoft(z, bundle);
  const reading = readOrderReading(z, bundle.inputData.branch_time_zone);
  return newestFirst(await findOrders(z, credentials, { orderno, orderno2, givencode }, reading));
}) satisfies SearchPerform<
  { orderno?: string; orderno2?: string; givencode?: string; branch_time_zone?: string },
  MeasoftOrderEvent
>;

export default defineSearch({
  key: FIND_ORDER_KEY,
  noun: 'Courier Order',
  display: {
    label: 'Find MeaSoft Courier Order',
    description: "Finds a courier order in MeaSoft by its order number, your shop's order number or its given code.",
  },
  operation: {
    inputFields: [
      {
        key: 'orderno',
        label: LABELS.orderno,
        required: false,
        type: 'string',
        helpText:
          "MeaSoft's order number (Order Number of New MeaSoft Order Status or Create MeaSoft Courier " +
          'Order), e.g. `00032011`.',
      },
      {
        key: 'orderno2',
        label: LABELS.orderno2,
        required: false,
        type: 'string',
        helpText: "Your shop's own order number, as Create MeaSoft Courier Order sent it (MeaSoft's `orderno2`).",
      },
      {
        key: 'givencode',
        label: LABELS.givencode,
        required: false,
        type: 'string',
        helpText: "The order's given code in MeaSoft, if your courier service uses them.",
      },
      branchTimeZoneField,
    ],
    perform,
    sample: orderStatusSample,
    outputFields: ORDER_OUTPUT_FIELDS,
  },
});
