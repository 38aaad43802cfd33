import { defineTrigger } from 'zapier-platform-core';
import { abahaCustomerSample } from './samples';
import { abahaDirections, abahaInputFields, abahaPerform } from './webhook-trigger';

export const ABAHA_CUSTOMER_KEY = 'abaha_customer';

export const perform = abahaPerform('customer', ABAHA_CUSTOMER_KEY);

export default defineTrigger({
  key: ABAHA_CUSTOMER_KEY,
  noun: 'Customer',
  display: {
    label: 'New Customer',
    description: 'Triggers when Abaha sends a customer event (a customer signs up or is changed), instantly via Abaha webhook.',
    directions: abahaDirections('Khách hàng (customers)'),
  },
  operation: {
    type: 'hook',
    inputFields: abahaInputFields,
    perform,
    sample: abahaCustomerSample,
    outputFields: [
      { key: 'id', label: 'Event ID (Kind, User ID and Modified Time)', type: 'string' },
      { key: 'user_id', label: 'Customer User ID', type: 'string' },
      { key: 'name', label: 'Customer Name', type: 'string' },
      { key: 'tel', label: 'Phone', type: 'string' },
      { key: 'email', label: 'Email', type: 'string' },
      { key: 'birthday', label: 'Birthday', type: 'string' },
      { key: 'gender', label: 'Gender', type: 'string' },
      { key: 'language', label: 'Language', type: 'string' },
      { key: 'premium_boolean', label: 'Premium Member', type: 'boolean' },
      { key: 'premium_point_number', label: 'Premium Points', type: 'number' },
      { key: 'ref_code', label: 'Referral Code', type: 'string' },
      { key: 'store_id', label: 'Store ID', type: 'string' },
      { key: 'delete_flag_boolean', label: 'Deleted', type: 'boolean' },
      { key: 'created_iso', label: 'Created At', type: 'datetime' },
      { key: 'modified_iso', label: 'Modified At', type: 'datetime' },
    ],
  },
});
