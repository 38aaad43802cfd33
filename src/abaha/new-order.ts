import { defineTrigger } from 'zapier-platform-core';
import { abahaOrderSample } from './samples';
import { abahaDirections, abahaInputFields, abahaPerform } from './webhook-trigger';

export const ABAHA_ORDER_KEY = 'abaha_order';

export const perform = abahaPerform('order', ABAHA_ORDER_KEY);

export default defineTrigger({
  key: ABAHA_ORDER_KEY,
  noun: 'Order',
  display: {
    label: 'New Order',
    description: 'Triggers when Abaha sends an order event (an order is placed or changed), instantly via Abaha webhook.',
    directions: abahaDirections('Đơn hàng (orders)'),
  },
  operation: {
    type: 'hook',
    inputFields: abahaInputFields,
    perform,
    sample: abahaOrderSample,
    outputFields: [
      { key: 'id', label: 'Event ID (Kind, Order ID and Modified Time)', type: 'string' },
      { key: 'object_id', label: 'Order ID', type: 'string' },
      { key: 'cart_code', label: 'Order Code', type: 'string' },
      { key: 'cart_type_name', label: 'Order Type', type: 'string' },
      { key: 'status', label: 'Status Code', type: 'string' },
      { key: 'before_status', label: 'Previous Status Code', type: 'string' },
      { key: 'user_id', label: 'Customer User ID', type: 'string' },
      { key: 'user__name', label: 'Customer Name', type: 'string' },
      { key: 'total_value_number', label: 'Total Value', type: 'number' },
      { key: 'total_before_number', label: 'Total Before Discount', type: 'number' },
      { key: 'total_discount_value_number', label: 'Total Discount', type: 'number' },
      { key: 'total_after_number', label: 'Total After Discount', type: 'number' },
      { key: 'fee_ship_number', label: 'Shipping Fee', type: 'number' },
      { key: 'total_count_selected_number', label: 'Total Quantity', type: 'number' },
      { key: 'count_selected_number', label: 'Number of Products', type: 'number' },
      { key: 'weight_number', label: 'Weight', type: 'number' },
      { key: 'payment', label: 'Payment Method', type: 'string' },
      { key: 'name_payment_method', label: 'Payment Method Name', type: 'string' },
      { key: 'payment_status_name', label: 'Payment Status', type: 'string' },
      { key: 'store_name', label: 'Store Name', type: 'string' },
      { key: 'utm_source', label: 'Source', type: 'string' },
      { key: 'user_note', label: 'Customer Note', type: 'string' },
      { key: 'is_reject_boolean', label: 'Rejected', type: 'boolean' },
      { key: 'delete_flag_boolean', label: 'Deleted', type: 'boolean' },
      { key: 'orders_time_iso', label: 'Ordered At', type: 'datetime' },
      { key: 'created_iso', label: 'Created At', type: 'datetime' },
      { key: 'modified_iso', label: 'Modified At', type: 'datetime' },
      { key: 'address__name', label: 'Recipient Name', type: 'string' },
      { key: 'address__tel', label: 'Recipient Phone', type: 'string' },
      { key: 'address__address', label: 'Delivery Address', type: 'string' },
      { key: 'address__ward', label: 'Ward', type: 'string' },
      { key: 'address__district', label: 'District', type: 'string' },
      { key: 'address__city', label: 'City or Province', type: 'string' },
      { key: 'address__latitude_number', label: 'Delivery Latitude', type: 'number' },
      { key: 'address__longitude_number', label: 'Delivery Longitude', type: 'number' },
    ],
  },
});
