/** Cancel Courier Order: `cancelorder` by MeaSoft's order number. */
import { defineCreate, type CreatePerform } from 'zapier-platform-core';
import { invalidInput } from '../common/errors';
import { readText } from '../common/input';
import { requireMeasoft } from '../credentials';
import { cancelOrder } from './client';
import type { CancelResult } from './types';

export const CANCEL_ORDER_KEY = 'measoft_cancel_order';

/** The English companion of MeaSoft's message: the step only returns when MeaSoft confirmed the cancellation. */
const cancelledInEnglish = (orderno: string, message: string | null): string =>
  `MeaSoft cancelled order ${orderno}.` +
  (message && message.trim() !== '' && message.trim() !== 'Успешно'
    ? " MeaSoft's own words are in MeaSoft Message."
    : '');

export const perform = (async (z, bundle) => {
  const orderno = readText(bundle.inputData.orderno);
  if (orderno === '') throw invalidInput(z, 'Order Number', "MeaSoft's order number, e.g. 00032011");
  const result = await cancelOrder(z, requireMeasoft(z, bundle), orderno);
  return {
    orderno: result.orderno,
    cancelled: true,
    measoft_message: result.message,
    measoft_message_en: cancelledInEnglish(result.orderno, result.message),
  };
}) satisfies CreatePerform<{ orderno: string }, CancelResult>;

export default defineCreate({
  key: CANCEL_ORDER_KEY,
  noun: 'Courier Order',
  display: {
    label: 'Cancel MeaSoft Courier Order',
    description: 'Cancels a courier order in MeaSoft that the courier service has not started to process yet.',
  },
  operation: {
    inputFields: [
      {
        key: 'orderno',
        label: 'Order Number',
        required: true,
        type: 'string',
        helpText:
          "MeaSoft's order number (Order Number of Create MeaSoft Courier Order or Find MeaSoft Courier " +
          'Order). MeaSoft cancels only orders that are not in process yet, and only when your courier ' +
          'service allows it.',
      },
    ],
    perform,
    sample: {
      orderno: '00032011',
      cancelled: true,
      measoft_message: 'Успешно',
      measoft_message_en: 'MeaSoft cancelled order 00032011.',
    },
    outputFields: [
      { key: 'orderno', label: 'Order Number', type: 'string' },
      { key: 'cancelled', label: 'Cancelled', type: 'boolean' },
      { key: 'measoft_message', label: 'MeaSoft Message', type: 'string' },
      { key: 'measoft_message_en', label: 'MeaSoft Message (English)', type: 'string' },
    ],
  },
});
