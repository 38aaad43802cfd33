/**
 * Receiving a delivery, shared by Abaha's three triggers: the secret header checked, the body read
 * for one kind of event, a resent event dropped. One Abaha URL may carry every kind; each trigger
 * keeps only its own.
 */
import type { WebhookTriggerPerform } from 'zapier-platform-core';
import { readText } from '../common/input';
import { checkSecretHeader, isFirstDelivery, parseDelivery, rawBody } from '../common/webhook';
import { AUTH_FIELDS } from '../credentials';
import { connectionAbahaHeader } from './connection';
import type { AbahaTriggerInput } from './fields';
import { parseAbahaEvent } from './read-event';
import type { AbahaEvent, AbahaKind } from './types';

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
