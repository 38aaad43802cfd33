/**
 * What Abaha's three triggers share: the two secret-header fields, the perform for one kind of
 * event, and the directions. One Abaha URL may carry every kind; each trigger keeps only its own.
 */
import { defineInputFields, type InferInputData, type WebhookTriggerPerform } from 'zapier-platform-core';
import { readText } from '../common/input';
import { checkSecretHeader, isFirstDelivery, parseDelivery, rawBody } from '../common/webhook';
import { AUTH_FIELDS, connectionAbahaHeader } from '../credentials';
import { parseAbahaEvent, type AbahaKind } from './parse-event';
import type { AbahaEvent } from './types';

export const abahaInputFields = defineInputFields([
  {
    key: 'secret_header_name',
    label: 'Secret Header Key',
    required: false,
    type: 'string',
    helpText:
      "Optional. The **Key** you typed under **Thông tin header** (header information) in Abaha's webhook " +
      'settings, e.g. `X-Shop-Token`. Use letters, digits and dashes. When this and Secret Header Value are ' +
      'filled in, requests without that header and value start nothing. Leave both empty to use the Abaha ' +
      'Secret Header pair of the connection, if it has one.',
  },
  {
    key: 'secret_header_value',
    label: 'Secret Header Value',
    required: false,
    type: 'password',
    helpText:
      "Optional. The **Value** you typed next to that Key in Abaha's webhook settings: a long random text " +
      'only you and Abaha know.',
  },
]);

export type AbahaTriggerInput = InferInputData<typeof abahaInputFields>;

/** Where the user pastes the URL (docs/abaha.md, "Setting up"), for the given event. */
export const abahaDirections = (event: string): string =>
  'Copy the webhook URL shown here. In your Abaha shop open **Cấu hình webhook** (webhook settings) and ' +
  'click **Thêm mới** (add new). ' +
  `Paste the URL into **Webhook URL**, tick **${event}** under **Sự kiện** (events) and click ` +
  '**Cập nhật** (update). ' +
  'Optionally type a header **Key** and **Value** under **Thông tin header** and enter the same two in this ' +
  "trigger's Secret Header fields, so only Abaha can start this Zap. If Abaha resends an event, the Zap " +
  'still runs only once.';

/** The perform of the trigger for one kind: [] for the other kinds and for resent events. */
export function abahaPerform(kind: AbahaKind, triggerKey: string) {
  return (async (z, bundle) => {
    const own =
      readText(bundle.inputData.secret_header_name) !== '' || readText(bundle.inputData.secret_header_value) !== '';
    // The trigger's own pair wins; when both are empty, the connection's pair (if any) applies.
    const fromConnection = own ? null : connectionAbahaHeader(z, bundle);
    checkSecretHeader(z, bundle.rawRequest?.headers, {
      name: fromConnection ? fromConnection.name : bundle.inputData.secret_header_name,
      value: fromConnection ? fromConnection.value : bundle.inputData.secret_header_value,
      nameLabel: fromConnection ? AUTH_FIELDS.abaha_header_name : 'Secret Header Key',
      valueLabel: fromConnection ? AUTH_FIELDS.abaha_header_value : 'Secret Header Value',
      senderSettings: "Abaha's webhook settings (Thông tin header)",
    });
    const event = parseDelivery(z, 'Abaha', () => parseAbahaEvent(kind, rawBody(bundle), bundle.cleanedRequest));
    if (event === null) return [];
    // Abaha resends a delivery it thinks failed, up to 3 times.
    if (!(await isFirstDelivery(z, bundle, triggerKey, event.id))) return [];
    return [event];
  }) satisfies WebhookTriggerPerform<AbahaTriggerInput, AbahaEvent>;
}
