import { defineInputFields, defineTrigger, type InferInputData, type PlainOutputField, type WebhookTriggerPerform } from 'zapier-platform-core';
import { isFirstDelivery, parseDelivery, rawBody } from '../common/webhook';
import { hasAnyCredential, requireMeasoft } from '../credentials';
import { passesFilter, recentOrders, wantedStatuses } from './orders';
import { parseMeasoftOrder } from './parse-order';
import { orderStatusSample, type MeasoftOrderEvent } from './samples';
import { MEASOFT_STATUS_CHOICES } from './statuses';

export const ORDER_STATUS_KEY = 'order_status';

const inputFields = defineInputFields([
  {
    key: 'statuses',
    label: 'Only These Statuses',
    required: false,
    list: true,
    type: 'string',
    choices: MEASOFT_STATUS_CHOICES,
    helpText:
      'Start the Zap only when the order reaches one of these MeaSoft statuses (the code in the `<status>` element). Leave empty to start it on every status change. ' +
      'A mapped value may hold several codes separated by commas, such as `COMPLETE, CANCELED`; a code MeaSoft does not have is refused.',
  },
]);

type OrderStatusInput = InferInputData<typeof inputFields>;

export const perform = (async (z, bundle) => {
  const wanted = wantedStatuses(z, bundle.inputData.statuses);
  const event = parseDelivery(z, 'MeaSoft', () => parseMeasoftOrder(rawBody(bundle)));
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
  return (await recentOrders(z, requireMeasoft(z, bundle))).filter((event) => passesFilter(event, wanted)).slice(0, 10);
}) satisfies WebhookTriggerPerform<OrderStatusInput, MeasoftOrderEvent>;

const statusFields = (prefix: string, what: string) => [
  { key: `${prefix}code`, label: `${what} Code`, type: 'string' as const },
  { key: `${prefix}title`, label: `${what} Title`, type: 'string' as const },
  { key: `${prefix}eventstore`, label: `${what} Branch Status Code`, type: 'string' as const },
  { key: `${prefix}eventtime`, label: `${what} Event Time (Branch Local, as Sent)`, type: 'string' as const },
  { key: `${prefix}eventtime_iso`, label: `${what} Event Time`, type: 'datetime' as const },
  { key: `${prefix}createtimegmt`, label: `${what} Recorded At (GMT, as Sent)`, type: 'string' as const },
  { key: `${prefix}createtimegmt_iso`, label: `${what} Recorded At`, type: 'datetime' as const },
  { key: `${prefix}message`, label: `${what} Message`, type: 'string' as const },
  { key: `${prefix}country`, label: `${what} Country`, type: 'string' as const },
];

/** The fields of a MeaSoft order, shared by both status triggers, Find Courier Order and the actions. */
export const ORDER_OUTPUT_FIELDS: PlainOutputField[] = [
    { key: 'id', label: 'Event ID (Order, Status and Time)', type: 'string' },
    { key: 'orderno', label: 'Order Number', type: 'string' },
    { key: 'awb', label: 'Waybill Number (AWB)', type: 'string' },
    { key: 'orderno2', label: 'Express Waybill Number', type: 'string' },
    { key: 'ordercode', label: 'Internal Order Code', type: 'string' },
    { key: 'givencode', label: 'Given Code', type: 'string' },
    { key: 'barcode', label: 'Barcode', type: 'string' },
    ...statusFields('status__', 'Status'),
    ...statusFields('status_history[]', 'Status History'),
    { key: 'sender__company', label: 'Sender Company', type: 'string' },
    { key: 'sender__person', label: 'Sender Person', type: 'string' },
    { key: 'sender__phone', label: 'Sender Phone', type: 'string' },
    { key: 'receiver__company', label: 'Receiver Company', type: 'string' },
    { key: 'receiver__person', label: 'Receiver Person', type: 'string' },
    { key: 'receiver__phone', label: 'Receiver Phone', type: 'string' },
    { key: 'receiver__contacts__phone', label: 'Receiver Contact Phones', type: 'string', list: true },
    { key: 'receiver__zipcode', label: 'Receiver Postal Code', type: 'string' },
    { key: 'receiver__town', label: 'Receiver Town', type: 'string' },
    { key: 'receiver__address', label: 'Receiver Address', type: 'string' },
    { key: 'receiver__date', label: 'Delivery Date', type: 'string' },
    { key: 'receiver__time_min', label: 'Delivery Time From', type: 'string' },
    { key: 'receiver__time_max', label: 'Delivery Time To', type: 'string' },
    { key: 'receiver__coords__lat', label: 'Receiver Latitude', type: 'number' },
    { key: 'receiver__coords__lon', label: 'Receiver Longitude', type: 'number' },
    { key: 'pickup', label: 'Is Pickup', type: 'boolean' },
    { key: 'return', label: 'With Return', type: 'boolean' },
    { key: 'weight', label: 'Weight (kg)', type: 'number' },
    { key: 'return_weight', label: 'Return Weight (kg)', type: 'number' },
    { key: 'quantity', label: 'Number of Parcels', type: 'number' },
    { key: 'paytype', label: 'Payment Type', type: 'string' },
    { key: 'print_check', label: 'Print Receipt', type: 'boolean' },
    { key: 'service', label: 'Service Code', type: 'string' },
    { key: 'type', label: 'Type Code', type: 'string' },
    { key: 'waittime', label: 'Waiting Time (Minutes)', type: 'number' },
    { key: 'price', label: 'Price', type: 'number' },
    { key: 'inshprice', label: 'Declared Value', type: 'number' },
    { key: 'enclosure', label: 'Enclosure', type: 'string' },
    { key: 'instruction', label: 'Instruction', type: 'string' },
    { key: 'receiverpays', label: 'Receiver Pays', type: 'boolean' },
    { key: 'acceptpartially', label: 'Partial Acceptance Allowed', type: 'boolean' },
    { key: 'customstatecode', label: 'Custom State Code', type: 'string' },
    { key: 'deliveredto', label: 'Delivered To', type: 'string' },
    { key: 'delivereddate', label: 'Delivered Date', type: 'string' },
    { key: 'deliveredtime', label: 'Delivered Time', type: 'string' },
    { key: 'outstrbarcode', label: 'External System Order Code', type: 'string' },
    { key: 'items[]name', label: 'Item Name', type: 'string' },
    { key: 'items[]quantity', label: 'Item Quantity', type: 'number' },
    { key: 'items[]mass', label: 'Item Weight (kg)', type: 'number' },
    { key: 'items[]retprice', label: 'Item Price', type: 'number' },
    { key: 'items[]barcode', label: 'Item Barcode', type: 'string' },
    { key: 'packages[]name', label: 'Package Name', type: 'string' },
    { key: 'packages[]strbarcode', label: 'Package Barcode', type: 'string' },
    { key: 'packages[]mass', label: 'Package Weight (kg)', type: 'number' },
    { key: 'webhook_status_code', label: 'Webhook Status Code', type: 'string' },
    { key: 'webhook_status_time', label: 'Webhook Status Time (Moscow, as Sent)', type: 'string' },
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
      'Copy the webhook URL shown here. In your MeaSoft account open **Интеграции** (Integrations), add a new integration of the type **Webhook**, paste the URL into its URL field and save. MeaSoft then sends every status change of your orders to this Zap. Leave Only These Statuses empty to receive all of them. When the connection has your MeaSoft login, the editor loads your latest real orders as samples. Zapier confirms each delivery with its own reply, not the `{"result": true}` MeaSoft asks for; if MeaSoft resends an event because of that, the Zap still runs only once.',
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
