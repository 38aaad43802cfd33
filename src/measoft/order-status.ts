import {
  defineInputFields,
  defineTrigger,
  type Bundle,
  type InferInputData,
  type WebhookTriggerPerform,
  type ZObject,
} from 'zapier-platform-core';
import { deliveryNotConfirmed } from '../common/failures';
import { readBoolean, readChoice, YES_NO_CHOICES, YES_NO_FORMS } from '../common/input';
import {
  checkUrlSecret,
  haltedDelivery,
  isFirstDelivery,
  parseDelivery,
  rawBody,
  readUrlSecret,
  URL_SECRET_PARAMETER,
} from '../common/webhook';
import { AUTH_FIELDS, hasAnyCredential, requireMeasoft, type MeasoftCredentials } from '../credentials';
import { confirmDelivery } from './confirm-delivery';
import {
  branchTimeZoneField,
  CONFIRMATION_OUTPUT_FIELDS,
  ORDER_OUTPUT_FIELDS,
  readOrderReading,
  statusesField,
} from './fields';
import { passesFilter, recentOrders, wantedStatuses } from './order-filters';
import { parseMeasoftOrder } from './read-order';
import { webhookStatusSample } from './samples';
import type { MeasoftOrderEvent, MeasoftStatusEvent, OrderReading, StatusConfirmation } from './types';

export const ORDER_STATUS_KEY = 'order_status';

const LABELS = {
  url_secret: 'Secret in the Webhook URL',
  confirm_with_measoft: 'Confirm with MeaSoft',
  when_measoft_unreachable: 'If MeaSoft Does Not Answer',
} as const;

const SENDER_SETTINGS = "MeaSoft's webhook integration (Интеграции → Webhook)";

const UNREACHABLE_CHOICES = [
  { value: 'stop', label: 'Stop the Run With an Error (Replay It Later)', sample: 'stop' },
  { value: 'run', label: 'Run the Zap With Confirmed by MeaSoft = false', sample: 'run' },
] as const;

const inputFields = defineInputFields([
  statusesField,
  branchTimeZoneField,
  {
    key: 'url_secret',
    label: LABELS.url_secret,
    type: 'password',
    required: false,
    helpText:
      "Recommended: MeaSoft signs nothing, so anyone who learns the Zap's URL could post a status. Generate 32 " +
      "random letters and digits (a password manager does it), enter them here, and paste the Zap's URL into " +
      `MeaSoft with \`?${URL_SECRET_PARAMETER}=\` and the value at its end ` +
      `(\`.../catch/123/abc/?${URL_SECRET_PARAMETER}=YourValue\`): MeaSoft gets the full URL, secret included. A ` +
      'delivery without it starts nothing and shows as halted.',
  },
  {
    key: 'confirm_with_measoft',
    label: LABELS.confirm_with_measoft,
    // A dropdown read by the app, not `boolean`: Zapier's editor reads most words (нет too) as yes.
    type: 'string',
    choices: YES_NO_CHOICES,
    required: false,
    default: 'no',
    helpText:
      "Recommended when the Zap moves money. **Yes**: the app first reads the order from MeaSoft's API (read-only; " +
      "needs the connection's MeaSoft fields) and runs the Zap only if MeaSoft shows the delivered status at its " +
      'event time, with the order as MeaSoft holds it; otherwise it starts nothing and shows as halted. **No** ' +
      `(default): the delivery is taken as sent. A mapped value may be ${YES_NO_FORMS}.`,
  },
  {
    key: 'when_measoft_unreachable',
    label: LABELS.when_measoft_unreachable,
    type: 'string',
    choices: [...UNREACHABLE_CHOICES],
    required: false,
    default: 'stop',
    helpText:
      'With Confirm with MeaSoft = Yes, when MeaSoft cannot be asked (no answer within 20 s, an error). **Stop** ' +
      '(default): the run stops with an error; replay it from the Zap history, or let Autoreplay. **Run**: the Zap ' +
      'runs with the delivery as sent and Confirmed by MeaSoft = false, for a Filter step to hold back.',
  },
]);

type OrderStatusInput = InferInputData<typeof inputFields>;

interface Settings {
  /** Secret in the Webhook URL, checked; '' when none. */
  urlSecret: string;
  wanted: string[];
  reading: OrderReading;
  /** The MeaSoft fields of the connection when Confirm with MeaSoft is Yes; null when No. */
  confirmWith: MeasoftCredentials | null;
  whenUnreachable: 'stop' | 'run';
}

/** Every input read and checked, before anything else, in perform and in performList alike. */
function readSettings(z: ZObject, bundle: Bundle<OrderStatusInput>): Settings {
  const input = bundle.inputData;
  const urlSecret = readUrlSecret(z, LABELS.url_secret, input.url_secret);
  const confirm = readBoolean(z, LABELS.confirm_with_measoft, input.confirm_with_measoft) ?? false;
  if (confirm && !hasAnyCredential(bundle.authData ?? {}, 'measoft')) {
    throw new z.errors.Error(
      `${LABELS.confirm_with_measoft}: Yes needs the MeaSoft fields of the connection (${AUTH_FIELDS.measoft_login}, ` +
        `${AUTH_FIELDS.measoft_password}, ${AUTH_FIELDS.measoft_extra}), and this connection has none. Reconnect ` +
        'with them, or set it to No.',
      'InvalidInput',
      400,
    );
  }
  return {
    urlSecret,
    wanted: wantedStatuses(z, input.statuses),
    reading: readOrderReading(z, input.branch_time_zone),
    confirmWith: confirm ? requireMeasoft(z, bundle) : null,
    whenUnreachable:
      readChoice(z, LABELS.when_measoft_unreachable, input.when_measoft_unreachable, UNREACHABLE_CHOICES) ?? 'stop',
  };
}

const NOT_CHECKED: StatusConfirmation = {
  confirmed_by_measoft: 'not checked',
  confirmation_note: webhookStatusSample.confirmation_note,
};

/**
 * The event the Zap runs with. Not confirmed: as delivered. Confirmed: MeaSoft's record of the order,
 * its status the delivered one as MeaSoft recorded it, with the delivery's id and webhook fields.
 */
async function confirmed(
  z: ZObject,
  event: MeasoftOrderEvent,
  settings: Settings & { confirmWith: MeasoftCredentials },
): Promise<MeasoftStatusEvent> {
  const found = await confirmDelivery(z, settings.confirmWith, event, settings.reading);
  if (found.kind === 'refuted')
    throw haltedDelivery(z, `MeaSoft does not confirm this delivery, so the Zap did not run: ${found.why}.`);
  if (found.kind === 'unasked') {
    // Refused credentials are the connection's to fix, not MeaSoft being away: the user is asked to
    // reconnect whatever If MeaSoft Does Not Answer says, as everywhere else.
    if (found.error instanceof z.errors.ExpiredAuthError) throw found.error;
    if (settings.whenUnreachable === 'run')
      return {
        ...event,
        confirmed_by_measoft: false,
        confirmation_note:
          `Not confirmed: ${found.what.replace(/\.$/, '')}. The Zap ran with the delivery as sent, as ` +
          `${LABELS.when_measoft_unreachable} says.`,
      };
    throw deliveryNotConfirmed(z, { service: 'MeaSoft', what: found.what, code: 'MeasoftNotConfirmed' }, found.subject);
  }
  return {
    ...found.order,
    id: event.id,
    status: found.status,
    webhook_status_code: event.webhook_status_code,
    webhook_status_time_iso: event.webhook_status_time_iso,
    webhook_statuses: event.webhook_statuses,
    confirmed_by_measoft: true,
    confirmation_note: `Confirmed by MeaSoft: its order ${String(found.order.orderno)} shows status ${found.said}.`,
  };
}

export const perform = (async (z, bundle) => {
  const settings = readSettings(z, bundle);
  // First: a stranger's request without the secret is ignored before its body is even read.
  checkUrlSecret(z, bundle, {
    secret: settings.urlSecret,
    label: LABELS.url_secret,
    service: 'MeaSoft',
    senderSettings: SENDER_SETTINGS,
  });
  const event = parseDelivery(z, 'MeaSoft', () => parseMeasoftOrder(rawBody(bundle), settings.reading));
  if (!passesFilter(event, settings.wanted)) return [];
  const { confirmWith } = settings;
  const result = confirmWith ? await confirmed(z, event, { ...settings, confirmWith }) : { ...event, ...NOT_CHECKED };
  // MeaSoft may resend an event it thinks failed (it expects a reply Zapier cannot give). Recorded only
  // now, so a run stopped above for an unanswered confirmation is not taken for a resend when replayed.
  if (!(await isFirstDelivery(z, bundle, ORDER_STATUS_KEY, event.id))) return [];
  return [result];
}) satisfies WebhookTriggerPerform<OrderStatusInput, MeasoftStatusEvent>;

/**
 * Samples for the editor: with MeaSoft credentials in the connection, the latest real orders (a
 * read-only statusreq); without them, the static example of MeaSoft's webhook page. The inputs are
 * checked as a delivery checks them, so a mistake shows in the editor's test.
 */
export const performList = (async (z, bundle) => {
  const settings = readSettings(z, bundle);
  if (!hasAnyCredential(bundle.authData ?? {}, 'measoft')) return [webhookStatusSample];
  const confirmation: StatusConfirmation = settings.confirmWith
    ? { confirmed_by_measoft: true, confirmation_note: "A sample read from MeaSoft's API: it is MeaSoft's own record." }
    : NOT_CHECKED;
  return (await recentOrders(z, requireMeasoft(z, bundle), settings.reading))
    .filter((event) => passesFilter(event, settings.wanted))
    .slice(0, 10)
    .map((event) => ({ ...event, ...confirmation }));
}) satisfies WebhookTriggerPerform<OrderStatusInput, MeasoftStatusEvent>;

export default defineTrigger({
  key: ORDER_STATUS_KEY,
  noun: 'Order Status',
  display: {
    label: 'New MeaSoft Order Status (Webhook)',
    description: 'Triggers when MeaSoft reports a new status of a courier order (instant, via MeaSoft webhook).',
    directions:
      'Copy the webhook URL shown here; with Secret in the Webhook URL (recommended), add ' +
      `\`?${URL_SECRET_PARAMETER}=\` and that value to its end. In your MeaSoft account open **Интеграции** ` +
      '(Integrations), add an integration of the type **Webhook**, paste the URL and save. MeaSoft then sends every ' +
      'status change of your orders here (leave Only These Statuses empty for all). For a Zap that moves money, ' +
      'also set Confirm with MeaSoft to Yes. With your MeaSoft login in the connection, the editor loads your ' +
      'latest real orders as samples. Zapier answers MeaSoft with its own reply, not the `{"result": true}` MeaSoft ' +
      'asks for; if MeaSoft resends an event because of that, the Zap still runs once.',
  },
  operation: {
    type: 'hook',
    inputFields,
    perform,
    performList,
    sample: webhookStatusSample,
    outputFields: [...ORDER_OUTPUT_FIELDS, ...CONFIRMATION_OUTPUT_FIELDS],
  },
});
