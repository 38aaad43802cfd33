import {
  defineInputFields,
  defineTrigger,
  type InferInputData,
  type PlainOutputField,
  type WebhookTriggerPerform,
} from 'zapier-platform-core';
import { isFirstDelivery, parseDelivery, rawBody } from '../common/webhook';
import { hasAnyCredential, requireMeasoft } from '../credentials';
import { passesFilter, recentOrders, statusesField, wantedStatuses } from './order-filters';
import { parseMeasoftOrder } from './read-order';
import { orderStatusSample } from './samples';
import type { MeasoftOrderEvent } from './types';
import { branchTimeZoneField, readOrderReading } from './branch-time-zone';

export const ORDER_STATUS_KEY = 'order_status';

const inputFields = defineInputFields([statusesField, branchTimeZoneField]);

type OrderStatusInput = InferInputData<typeof inputFields>;

export const perform = (async (z, bundle) => {
  const wanted = wantedStatuses(z, bundle.inputData.statuses);
  const reading = readOrderReading(z, bundle.inputData.branch_time_zone);
  const event = parseDelivery(z, 'MeaSoft', () => parseMeasoftOrder(rawBody(bundle), reading));
  if (!passesFilter(event, wanted)) return [];
  // MeaSoft may resend an event it thinks failed (it expects a reply Zapier cannot give).
  if (!(await isFirstDelivery(z, bundle, ORDER_STATUS_KEY, event.id))) return [];
  return [event];
}) satisfies WebhookTriggerPerform<OrderStatusInput, MeasoftOrderEvent>;

/**
 * Samples for the editor: with MeaSoft credentials in the connection, the latest real orders (a
 * read-only statusreq); without them, the static example of MeaSoft's webhook page.
 */
export const performList = (async (z, bundle) => {
  if (!hasAnyCredential(bundle.authData ?? {}, 'measoft')) return [orderStatusSample];
  const wanted = wantedStatuses(z, bundle.inputData.statuses);
  const reading = readOrderReading(z, bundle.inputData.branch_time_zone);
  return (await recentOrders(z, requireMeasoft(z, bundle), reading))
    .filter((event) => passesFilter(event, wanted))
    .slice(0, 10);
}) satisfies WebhookTriggerPerform<OrderStatusInput, MeasoftOrderEvent>;

const statusFields = (prefix: string, what: string) => [
  { key: `${prefix}code`, label: `${what} Code`, type: 'string' as const },
  { key: `${prefix}title`, label: `${what} Title`, type: 'string' as const },
  { key: `${prefix}eventstore`, label: `${what} Branch Status Code`, type: 'string' as const },
  { key: `${prefix}eventtime_iso`, label: `${what} Event Time (Branch Time Zone)`, type: 'datetime' as const },
  { key: `${prefix}createtimegmt_iso`, label: `${what} Recorded At`, type: 'datetime' as const },
  { key: `${prefix}message`, label: `${what} Message`, type: 'string' as const },
  { key: `${prefix}country`, label: `${what} Country`, type: 'string' as const },
];

/**
 * A sender's or receiver's fields (an element with attributes, such as <town regioncode>, keeps its text as `value`).
 */
const partyFields = (key: 'sender' | 'receiver', who: string) => [
  { key: `${key}__company`, label: `${who} Company`, type: 'string' as const },
  { key: `${key}__person`, label: `${who} Person`, type: 'string' as const },
  { key: `${key}__phone`, label: `${who} Phone`, type: 'string' as const },
  { key: `${key}__zipcode`, label: `${who} Postal Code`, type: 'string' as const },
  { key: `${key}__town__value`, label: `${who} Town`, type: 'string' as const },
  { key: `${key}__town__regioncode`, label: `${who} Region Code`, type: 'string' as const },
  { key: `${key}__town__country`, label: `${who} Country`, type: 'string' as const },
  { key: `${key}__address`, label: `${who} Address`, type: 'string' as const },
  { key: `${key}__date`, label: key === 'sender' ? 'Pickup Date' : 'Delivery Date', type: 'string' as const },
  {
    key: `${key}__time_min`,
    label: key === 'sender' ? 'Pickup Time From' : 'Delivery Time From',
    type: 'string' as const,
  },
  { key: `${key}__time_max`, label: key === 'sender' ? 'Pickup Time To' : 'Delivery Time To', type: 'string' as const },
];

/** The fields of a MeaSoft order, shared by both status triggers, Find MeaSoft Courier Order and the actions. */
export const ORDER_OUTPUT_FIELDS: PlainOutputField[] = [
  { key: 'id', label: 'Event ID (Order, Status and Time)', type: 'string' },
  { key: 'orderno', label: 'Order Number', type: 'string' },
  { key: 'awb', label: 'Waybill Number (AWB)', type: 'string' },
  {
    key: 'orderno2',
    label: 'Urgent Order Number (orderno2, Express Subsystem)',
    type: 'string',
  },
  { key: 'ordercode', label: 'Internal Order Code', type: 'string' },
  { key: 'givencode', label: 'Given Code', type: 'string' },
  { key: 'barcode', label: 'Barcode', type: 'string' },
  ...statusFields('status__', 'Status'),
  ...statusFields('status_history[]', 'Status History'),
  ...partyFields('sender', 'Sender'),
  ...partyFields('receiver', 'Receiver'),
  { key: 'receiver__contacts__phone', label: 'Receiver Contact Phones', type: 'string', list: true },
  { key: 'receiver__inn', label: 'Receiver Tax Number (INN)', type: 'string' },
  { key: 'receiver__coords__lat', label: 'Receiver Latitude', type: 'number' },
  { key: 'receiver__coords__lon', label: 'Receiver Longitude', type: 'number' },
  { key: 'receiver__deliveryPIN', label: 'Delivery PIN', type: 'string' },
  { key: 'pickup', label: 'Is Pickup', type: 'boolean' },
  { key: 'return', label: 'With Return', type: 'boolean' },
  { key: 'weight', label: 'Weight (kg)', type: 'number' },
  { key: 'return_weight', label: 'Return Weight (kg)', type: 'number' },
  { key: 'quantity', label: 'Number of Parcels', type: 'number' },
  { key: 'paytype', label: 'Payment Type', type: 'string' },
  { key: 'print_check', label: 'Print Receipt', type: 'boolean' },
  { key: 'service', label: 'Service Code', type: 'string' },
  { key: 'return_service', label: 'Return Service Code', type: 'string' },
  { key: 'type', label: 'Type Code', type: 'string' },
  { key: 'return_type', label: 'Return Type Code', type: 'string' },
  { key: 'waittime', label: 'Waiting Time (Minutes)', type: 'number' },
  { key: 'price', label: 'Price', type: 'number' },
  { key: 'inshprice', label: 'Declared Value', type: 'number' },
  { key: 'enclosure', label: 'Enclosure', type: 'string' },
  { key: 'instruction', label: 'Instruction', type: 'string' },
  { key: 'receiverpays', label: 'Receiver Pays', type: 'boolean' },
  { key: 'acceptpartially', label: 'Partial Acceptance Allowed', type: 'boolean' },
  { key: 'basestatus__code', label: 'Base Status Code', type: 'string' },
  { key: 'currcoords__lat', label: 'Courier Latitude', type: 'number' },
  { key: 'currcoords__lon', label: 'Courier Longitude', type: 'number' },
  { key: 'currcoords__accuracy', label: 'Courier Position Accuracy (m)', type: 'number' },
  { key: 'currcoords__RequestDateTime_iso', label: 'Courier Position Time (Branch Time Zone)', type: 'datetime' },
  { key: 'customstatecode', label: 'Custom State Code', type: 'string' },
  { key: 'clientstatecode', label: 'Client State Code', type: 'string' },
  { key: 'department', label: 'Department', type: 'string' },
  { key: 'return_message', label: 'Return Message', type: 'string' },
  { key: 'arrival', label: 'Arrival', type: 'string' },
  { key: 'costcode', label: 'Cost Code', type: 'string' },
  { key: 'receipt', label: 'Receipt', type: 'string' },
  { key: 'acta', label: 'Handover Act', type: 'string' },
  { key: 'deliveryprice[]total', label: 'Delivery Price: Total', type: 'number' },
  { key: 'deliveryprice[]advprice', label: 'Delivery Price: Extra Services', list: true },
  { key: 'deliveryprice[]advprice[]code', label: 'Delivery Price: Extra Service Code', type: 'string' },
  { key: 'deliveryprice[]advprice[]price', label: 'Delivery Price: Extra Service Price', type: 'number' },
  { key: 'deliveredto', label: 'Delivered To', type: 'string' },
  { key: 'delivereddate', label: 'Delivered Date', type: 'string' },
  { key: 'deliveredtime', label: 'Delivered Time', type: 'string' },
  { key: 'outstrbarcode', label: 'External System Order Code', type: 'string' },
  { key: 'items[]name', label: 'Item Name', type: 'string' },
  { key: 'items[]quantity', label: 'Item Quantity', type: 'number' },
  { key: 'items[]mass', label: 'Item Weight (kg)', type: 'number' },
  { key: 'items[]retprice', label: 'Item Price', type: 'number' },
  { key: 'items[]barcode', label: 'Item Barcode', type: 'string' },
  { key: 'items[]extcode', label: 'Item External Code', type: 'string' },
  { key: 'items[]article', label: 'Item Article', type: 'string' },
  { key: 'items[]VATrate', label: 'Item VAT Rate (%)', type: 'number' },
  { key: 'items[]type', label: 'Item Type Code', type: 'string' },
  { key: 'items[]returns', label: 'Item Returns', type: 'string' },
  { key: 'packages[]name', label: 'Package Name', type: 'string' },
  { key: 'packages[]strbarcode', label: 'Package Barcode', type: 'string' },
  { key: 'packages[]mass', label: 'Package Weight (kg)', type: 'number' },
  { key: 'packages[]code', label: 'Package Code', type: 'string' },
  { key: 'packages[]quantity', label: 'Package Quantity', type: 'number' },
  { key: 'packages[]length', label: 'Package Length (cm)', type: 'number' },
  { key: 'packages[]width', label: 'Package Width (cm)', type: 'number' },
  { key: 'packages[]height', label: 'Package Height (cm)', type: 'number' },
  { key: 'webhook_status_code', label: 'Webhook Status Code', type: 'string' },
  { key: 'webhook_status_time_iso', label: 'Webhook Status Time', type: 'datetime' },
  { key: 'webhook_statuses[]code', label: 'Webhook Statuses Code', type: 'string' },
  { key: 'webhook_statuses[]time_iso', label: 'Webhook Statuses Time', type: 'datetime' },
];

export default defineTrigger({
  key: ORDER_STATUS_KEY,
  noun: 'Order Status',
  display: {
    label: 'New MeaSoft Order Status (Webhook)',
    description: 'Triggers when MeaSoft reports a new status of a courier order (instant, via MeaSoft webhook).',
    directions:
      'Copy the webhook URL shown here. In your MeaSoft account open **Интеграции** ' +
      '(Integrations), add a new integration of the type **Webhook**, paste the URL into its URL field and ' +
      'save. MeaSoft then sends every status change of your orders to this Zap. Leave Only These Statuses ' +
      'empty to receive all of them. When the connection has your MeaSoft login, the editor loads your ' +
      'latest real orders as samples. Zapier confirms each delivery with its own reply, not the ' +
      '`{"result": true}` MeaSoft asks for; if MeaSoft resends an event because of that, the Zap still runs ' +
      'only once.',
  },
  operation: {
    type: 'hook',
    inputFields,
    perform,
    performList,
    sample: orderStatusSample,
    outputFields: ORDER_OUTPUT_FIELDS,
  },
});
