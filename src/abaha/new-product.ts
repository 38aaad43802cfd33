import { defineTrigger } from 'zapier-platform-core';
import { abahaProductSample } from './samples';
import { abahaDirections, abahaInputFields, abahaPerform } from './webhook-trigger';

export const ABAHA_PRODUCT_KEY = 'abaha_product';

export const perform = abahaPerform('product', ABAHA_PRODUCT_KEY);

export default defineTrigger({
  key: ABAHA_PRODUCT_KEY,
  noun: 'Product',
  display: {
    label: 'New Product',
    description: 'Triggers when Abaha sends a product event (a product is added or changed), instantly via Abaha webhook.',
    directions: abahaDirections('Sản phẩm (products)'),
  },
  operation: {
    type: 'hook',
    inputFields: abahaInputFields,
    perform,
    sample: abahaProductSample,
    outputFields: [
      { key: 'id', label: 'Event ID (Kind, Product ID and Modified Time)', type: 'string' },
      { key: 'object_id', label: 'Product ID', type: 'string' },
      { key: 'product_code', label: 'Product Code', type: 'string' },
      { key: 'sku', label: 'SKU', type: 'string' },
      { key: 'name', label: 'Product Name', type: 'string' },
      { key: 'cat_id', label: 'Category ID', type: 'string' },
      { key: 'brand', label: 'Brand', type: 'string' },
      { key: 'price_number', label: 'Price', type: 'number' },
      { key: 'discount_number', label: 'Sale Price', type: 'number' },
      { key: 'discount_percent_number', label: 'Discount Percent', type: 'number' },
      { key: 'inventory_number', label: 'Stock', type: 'number' },
      { key: 'sales_number', label: 'Units Sold', type: 'number' },
      { key: 'weight_number', label: 'Weight', type: 'number' },
      { key: 'rate_number', label: 'Rating', type: 'number' },
      { key: 'slug', label: 'Slug', type: 'string' },
      { key: 'image', label: 'Image URL', type: 'string' },
      { key: 'has_attr_boolean', label: 'Has Attributes', type: 'boolean' },
      { key: 'empty_flag_boolean', label: 'Out of Stock', type: 'boolean' },
      { key: 'delete_flag_boolean', label: 'Deleted', type: 'boolean' },
      { key: 'created_iso', label: 'Created At', type: 'datetime' },
      { key: 'modified_iso', label: 'Modified At', type: 'datetime' },
    ],
  },
});
