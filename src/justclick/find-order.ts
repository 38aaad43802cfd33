import { defineInputFields, defineSearch, type InferInputData, type SearchPerform } from 'zapier-platform-core';
import { requireJustClick } from './connection';
import { callJustClick, trustedAnswer } from './client';
import { orderSample } from './samples';
import { ORDER_NOT_FOUND } from './errors';
import { readOrder } from './read-order';
import { orderOutputFields, readOrderNumber } from './fields';

const inputFields = defineInputFields([
  {
    key: 'bill_id',
    label: 'Order Number',
    required: true,
    type: 'string',
    helpText:
      'The number of the JustClick order (bill), e.g. `100000`, as shown in the order list of your JustClick account.',
  },
]);

type FindOrderInput = InferInputData<typeof inputFields>;

export const perform = (async (z, bundle) => {
  const billId = readOrderNumber(
    z,
    'Order Number',
    bundle.inputData.bill_id,
    'the number of a JustClick order, digits only',
  );
  const credentials = requireJustClick(z, bundle);
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
      { where: 'search' },
    ),
    [0, ...ORDER_NOT_FOUND],
  );
  if (answer.errorCode !== 0) return [];
  return [readOrder(z, 'getOrderDetails', answer.result)];
}) satisfies SearchPerform<FindOrderInput>;

export default defineSearch({
  key: 'justclick_find_order',
  noun: 'Order',
  display: {
    label: 'Find JustClick Order',
    description: 'Finds a JustClick order by its number, with the buyer, the payment status and the products.',
  },
  operation: {
    inputFields,
    perform,
    sample: orderSample,
    outputFields: orderOutputFields,
  },
});
