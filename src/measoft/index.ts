/** MeaSoft operations, registered in src/index.ts. */
import calculatePrice from './calculate-price';
import cancelOrder from './cancel-order';
import createOrder from './create-order';
import findOrder from './find-order';
import findPickupPoint from './find-pickup-point';
import orderStatus from './order-status';
import orderStatusPoll from './order-status-poll';
import { pickupPointList, serviceList } from './reference-dropdowns';
import updateOrder from './update-order';

export const triggers = {
  [orderStatus.key]: orderStatus,
  [orderStatusPoll.key]: orderStatusPoll,
  [pickupPointList.key]: pickupPointList,
  [serviceList.key]: serviceList,
};
export const searches = {
  [findOrder.key]: findOrder,
  [calculatePrice.key]: calculatePrice,
  [findPickupPoint.key]: findPickupPoint,
};
export const creates = {
  [createOrder.key]: createOrder,
  [cancelOrder.key]: cancelOrder,
  [updateOrder.key]: updateOrder,
};
