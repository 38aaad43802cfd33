/** JustClick operations, registered in src/index.ts. */
import addSubscriber from './add-subscriber';
import createOrder from './create-order';
import deleteOrder from './delete-order';
import findBuyerOrders from './find-buyer-orders';
import findOrder from './find-order';
import findSubscriber from './find-subscriber';
import groups from './groups';
import newOrder from './new-order';
import products from './products';
import removeSubscriber from './remove-subscriber';
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

/** Find JustClick Subscriber, or Add JustClick Subscriber to Group when it is not there. */
const findOrAddSubscriber = {
  key: findSubscriber.key,
  display: {
    label: 'Find or Add JustClick Subscriber',
    description: 'Finds a JustClick contact by e-mail, or adds it to the groups when it is not there.',
  },
  search: findSubscriber.key,
  create: addSubscriber.key,
};

export const searchOrCreates = { [findOrAddSubscriber.key]: findOrAddSubscriber };
