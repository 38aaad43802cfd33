import { defineTrigger } from 'zapier-platform-core';
import { PRODUCT_FIELDS, abahaOutputFields } from './fields';
import { abahaProductSample } from './samples';
import { abahaPerform } from './deliveries';
import { abahaDirections, abahaInputFields } from './fields';

export const ABAHA_PRODUCT_KEY = 'abaha_product';

export const perform = abahaPerform('product', ABAHA_PRODUCT_KEY);

export default defineTrigger({
  key: ABAHA_PRODUCT_KEY,
  noun: 'Product',
  display: {
    label: 'New Abaha Product',
    description:
      'Triggers when Abaha sends a product event (a product is added or changed), instantly via Abaha webhook.',
    directions: abahaDirections('Sản phẩm (products)'),
  },
  operation: {
    type: 'hook',
    inputFields: abahaInputFields,
    perform,
    sample: abahaProductSample,
    outputFields: abahaOutputFields(PRODUCT_FIELDS),
  },
});
