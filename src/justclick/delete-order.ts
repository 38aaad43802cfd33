/**
 * Delete JustClick Order: DeleteOrder (https://help.justclick.ru/archives/587) deletes one order by
 * its number. JustClick's pages offer no way to restore it, so the number is checked before
 * anything is sent, and an unknown number is an error that names the field (docs/justclick.md,
 * "DeleteOrder").
 */
import { defineCreate, defineInputFields, type CreatePerform, type InferInputData } from 'zapier-platform-core';
import { requireJustClick } from './connection';
import { callJustClick, trustedAnswer } from './client';
import { readOrderNumber, resultCodeOutputFields } from './fields';
import { deleteOrderSample } from './samples';
import type { DeletedOrder } from './types';
import { JUSTCLICK_ERROR_CODES } from './errors';

/**
 * Codes by which JustClick says there is no such order: 302 in its table for deleting and changing
 * an order (https://help.justclick.ru/archives/511), 200 and 400 elsewhere in the same table.
 */
const UNKNOWN_ORDER = [200, 302, 400];

const inputFields = defineInputFields([
  {
    key: 'bill_id',
    label: 'Order Number',
    required: true,
    type: 'string',
    helpText:
      'The number of the JustClick order (bill) to delete, e.g. `100000`, as shown in the order list of your ' +
      'JustClick account. **Deleting cannot be undone**: JustClick has no way to bring the order back. To keep ' +
      'the order and only mark it cancelled, use Update JustClick Order Status instead.',
  },
]);

type DeleteOrderInput = InferInputData<typeof inputFields>;

export const perform = (async (z, bundle) => {
  const billId = readOrderNumber(
    z,
    'Order Number',
    bundle.inputData.bill_id,
    'the number of the JustClick order to delete; nothing was deleted',
  );
  const credentials = requireJustClick(z, bundle);
  const answer = trustedAnswer(z, await callJustClick(z, credentials, 'DeleteOrder', [['bill_id', billId]]), [
    0,
    ...UNKNOWN_ORDER,
  ]);
  if (answer.errorCode !== 0) {
    throw new z.errors.Error(
      `Order Number: JustClick has no order ${billId} (error ${answer.errorCode} "${answer.errorText}": ` +
        `${JUSTCLICK_ERROR_CODES[answer.errorCode]}). Nothing was deleted. Check the number in the order list ` +
        'of your JustClick account; if this step ran before, the order may already be deleted.',
      'JustClickOrderNotFound',
      404,
    );
  }
  const deleted: DeletedOrder = {
    id: billId,
    bill_id: billId,
    deleted: true,
    result_info: `Order ${billId} was deleted from JustClick.`,
    justclick_error_code: answer.errorCode,
    justclick_error_text: answer.errorText,
  };
  return deleted;
}) satisfies CreatePerform<DeleteOrderInput>;

export default defineCreate({
  key: 'justclick_delete_order',
  noun: 'Order',
  display: {
    label: 'Delete JustClick Order',
    description: 'Deletes a JustClick order by its number, such as a test or spam order. This cannot be undone.',
  },
  operation: {
    inputFields,
    perform,
    sample: deleteOrderSample,
    outputFields: [
      { key: 'id', label: 'ID', type: 'string' },
      { key: 'bill_id', label: 'Order Number', type: 'string' },
      { key: 'deleted', label: 'Deleted', type: 'boolean' },
      { key: 'result_info', label: 'Result', type: 'string' },
      ...resultCodeOutputFields,
    ],
  },
});
