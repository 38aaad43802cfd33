import { defineTrigger } from 'zapier-platform-core';
import { CUSTOMER_FIELDS, abahaOutputFields } from './fields';
import { abahaCustomerSample } from './samples';
import { abahaPerform } from './deliveries';
import { abahaDirections, abahaInputFields } from './fields';

export const ABAHA_CUSTOMER_KEY = 'abaha_customer';

export const perform = abahaPerform('customer', ABAHA_CUSTOMER_KEY);

export default defineTrigger({
  key: ABAHA_CUSTOMER_KEY,
  noun: 'Customer',
  display: {
    label: 'New Abaha Customer',
    description:
      'Triggers when Abaha sends a customer event (a customer signs up or is changed), instantly via Abaha webhook.',
    directions: abahaDirections('Khách hàng (customers)'),
  },
  operation: {
    type: 'hook',
    inputFields: abahaInputFields,
    perform,
    sample: abahaCustomerSample,
    outputFields: abahaOutputFields(CUSTOMER_FIELDS),
  },
});
