/** JustClick operations, registered in src/index.ts. */
import createOrder from './create-order';
import deleteOrder from './delete-order';
import { groups, products } from './dropdowns';
import findBuyerOrders from './find-buyer-orders';
import findOrder from './find-order';
import newOrder from './new-order';
import removeSubscriber from './remove-subscriber';
import { addSubscriber, findOrAddSubscriber, findSubscriber } from './subscribers';
import updateOrderStatus from './update-order-status';

export const creates = {
  [updateOrderStatus.key]: updateOrderStatus,
  [createOrder.key]: createOrder,
  [addSubscriber.key]: addSubscriber,
  [removeSubscriber.key]: removeSubscriber,
  [deleteOrder.key]: deleteOrder,
};

export const triggers = {
  [newOrder.key]: newOrder,
  [products.key]: products,
  [groups.key]: groups,
};

export const searches = {
  [findOrder.key]: findOrder,
  [findSubscriber.key]: findSubscriber,
  [findBuyerOrders.key]: findBuyerOrders,
};

export const searchOrCreates = { [findOrAddSubscriber.key]: findOrAddSubscriber };
