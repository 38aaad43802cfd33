/** MeaSoft operations, registered in src/index.ts. */
import cancelOrder from './cancel-order';
import createOrder from './create-order';
import findOrder from './find-order';
import orderStatus from './order-status';
import orderStatusPoll from './order-status-poll';

export const triggers = { [orderStatus.key]: orderStatus, [orderStatusPoll.key]: orderStatusPoll };
export const searches = { [findOrder.key]: findOrder };
export const creates = { [createOrder.key]: createOrder, [cancelOrder.key]: cancelOrder };
