/** MeaSoft operations, registered in src/index.ts. */
import orderStatus from './order-status';

export const triggers = { [orderStatus.key]: orderStatus };
