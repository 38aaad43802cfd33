/** JustClick operations, registered in src/index.ts. */
import updateOrderStatus from './update-order-status';

export const creates = { [updateOrderStatus.key]: updateOrderStatus };
