import { defineTrigger } from 'zapier-platform-core';
import { ORDER_FIELDS, abahaOutputFields } from './fields';
import { abahaOrderSample } from './samples';
import { abahaPerform } from './deliveries';
import { abahaDirections, abahaInputFields } from './fields';

export const ABAHA_ORDER_KEY = 'abaha_order';

export const perform = abahaPerform('order', ABAHA_ORDER_KEY);

export default defineTrigger({
  key: ABAHA_ORDER_KEY,
  noun: 'Order',
  display: {
    label: 'New Abaha Order',
    description:
      'Triggers when Abaha sends an order event (an order is placed or changed), instantly via Abaha webhook.',
    directions: abahaDirections('Đơn hàng (orders)'),
  },
  operation: {
    type: 'hook',
    inputFields: abahaInputFields,
    perform,
    sample: abahaOrderSample,
    outputFields: abahaOutputFields(ORDER_FIELDS),
  },
});
