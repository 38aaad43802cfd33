/** Abaha operations, registered in src/index.ts. */
import newCustomer from './new-customer';
import newOrder from './new-order';
import newProduct from './new-product';

export const triggers = {
  [newOrder.key]: newOrder,
  [newProduct.key]: newProduct,
  [newCustomer.key]: newCustomer,
};
