import {
  defineInputFields,
  defineTrigger,
  type InferInputData,
  type WebhookTriggerPerform,
} from 'zapier-platform-core';
import { isFirstDelivery, parseDelivery, rawBody } from '../common/webhook';
import { hasAnyCredential, requireMeasoft } from '../credentials';
import { branchTimeZoneField, ORDER_OUTPUT_FIELDS, readOrderReading, statusesField } from './fields';
import { passesFilter, recentOrders, wantedStatuses } from './order-filters';
import { parseMeasoftOrder } from './read-order';
import { orderStatusSample } from './samples';
import type { MeasoftOrderEvent } from './types';

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
