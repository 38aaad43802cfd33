/** JustClick operations, registered in src/index.ts. */
import createOrder from './create-order';
import { groups, products } from './dropdowns';
import findOrder from './find-order';
import newOrder from './new-order';
import { addSubscriber, findOrAddSubscriber, findSubscriber } from './subscribers';
import updateOrderStatus from './update-order-status';

export const creates = {
  [updateOrderStatus.key]: updateOrderStatus,
  [createOrder.key]: createOrder,
  [addSubscriber.key]: addSubscriber,
};

export const triggers = {
  [newOrder.key]: newOrder,
  [products.key]: products,
  [groups.key]: groups,
};

export const searches = {
  [findOrder.key]: findOrder,
  [findSubscriber.key]: findSubscriber,
};

export const searchOrCreates = { [findOrAddSubscriber.key]: findOrAddSubscriber };
