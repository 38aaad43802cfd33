/**
 * Turns an Abaha webhook body (JSON, docs/abaha.md) into the event a Zap maps. Pure: no Zapier
 * objects, so the sandbox and the tests call it directly.
 *
 * Abaha sends no event type: an order has `cart_code`, a product `product_code`, a customer
 * `user_id` and neither of those. Every field Abaha sends stays under its own name, exactly as
 * sent (numbers and flags arrive as strings such as "1790000" and "0"). Beside a field the parser
 * adds typed companions, never replacing a vendor field:
 *   `<field>_number`  money, counts and coordinates as numbers (null when empty or unreadable);
 *   `<field>_boolean` 0/1 flags as booleans;
 *   `<field>_iso`     Abaha's "YYYY-MM-DD HH:mm:ss" Vietnam times as ISO 8601 with +07:00.
 * The same `_iso` suffix marks time companions in the MeaSoft trigger.
 *
 * `id` is the event's identity (kind, object id and `modified`), so a resent event keeps it;
 * `object_id` is the order's or product's `id` or the customer's `user_id`. Abaha's own `id`
 * field (orders, products) is kept as `abaha_id`: the only vendor field under another name.
 */
import { localTimeToIso, VIETNAM_OFFSET } from '../common/dates';
import { assertSafeJson, parseJsonSafely, UnsafeJsonError } from '../common/json';
import { scalarFlag, scalarNumber, type FlagWords } from '../common/scalars';
import { assertWithinLimit, PayloadError, readWebhookBody, type WebhookSender } from '../common/webhook';
import { CUSTOMER_FIELDS, ORDER_FIELDS, PRODUCT_FIELDS, type AbahaField } from './fields';
import type { AbahaEvent, AbahaKind } from './types';

const ABAHA_SENDER: WebhookSender = { service: 'Abaha', format: 'json', document: 'a JSON object' };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const FIELDS: Readonly<Record<AbahaKind, readonly AbahaField[]>> = {
  order: ORDER_FIELDS,
  product: PRODUCT_FIELDS,
  customer: CUSTOMER_FIELDS,
};

const OBJECT_ID_FIELD: Readonly<Record<AbahaKind, string>> = { order: 'id', product: 'id', customer: 'user_id' };

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** Runs a safe-JSON step, reporting what it refuses as a delivery that is not an event. */
function safely<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof UnsafeJsonError) throw new PayloadError(error.message);
    throw error;
  }
}

/**
 * The JSON object Abaha posted: the raw body when Zapier passed it, else Zapier's own parse
 * (`cleanedRequest`, minus the `querystring` Zapier adds to it).
 */
export function readAbahaPayload(content: string | undefined, cleanedRequest?: unknown): JsonObject {
  let parsed: unknown;
  if (content === undefined) {
    if (cleanedRequest === undefined || cleanedRequest === null || cleanedRequest === '') {
      throw new PayloadError(`the body is empty; Abaha sends ${ABAHA_SENDER.document}.`);
    }
    safely(() => assertSafeJson(cleanedRequest));
    assertWithinLimit(JSON.stringify(cleanedRequest) ?? '');
    parsed = cleanedRequest;
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && hasOwn(parsed, 'querystring')) {
      const { querystring: _zapierAddition, ...rest } = parsed as Record<string, unknown>;
      parsed = rest;
    }
  } else {
    const body = readWebhookBody(content, ABAHA_SENDER);
    parsed = safely(() => parseJsonSafely(body));
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new PayloadError('the JSON is not an object; Abaha sends one order, product or customer as a JSON object.');
  }
  return parsed as JsonObject;
}

/** Abaha's rule for what a payload is; undefined when it is none of the three. */
export function abahaKind(payload: JsonObject): AbahaKind | undefined {
  if (hasOwn(payload, 'cart_code')) return 'order';
  if (hasOwn(payload, 'product_code')) return 'product';
  if (hasOwn(payload, 'user_id')) return 'customer';
  return undefined;
}

/** "1790000", "1.0", 35 -> numbers; null, "" or text -> null. */
export const toNumber = (value: Json | undefined): number | null => scalarNumber(value);

/** Abaha's 0/1 flags ("0", "1", 0, 1, true, false); anything else is null. */
const ABAHA_FLAGS: FlagWords = { yes: ['1'], no: ['0'] };

export const toBoolean = (value: Json | undefined): boolean | null => scalarFlag(value, ABAHA_FLAGS);

/** Abaha works in Vietnam time (UTC+7, no daylight saving). */
const toTime = (value: Json | undefined): string | null =>
  typeof value === 'string' ? localTimeToIso(value, VIETNAM_OFFSET) : null;

/**
 * A copy of the object with companions placed right after their fields. A time that reads as a
 * date (or is empty) is given only as `<field>_iso`; text that does not read as one stays as sent,
 * with `<field>_iso` null, so nothing Abaha sent is lost.
 */
function withCompanions(source: JsonObject, fields: readonly AbahaField[]): JsonObject {
  const known = new Map(fields.map((field) => [field.key, field] as const));
  const out: JsonObject = {};
  const put = (key: string, value: Json) => {
    if (hasOwn(out, key)) return; // a vendor field of a companion's name wins
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  };
  const companions = (field: AbahaField, value: Json | undefined): Array<[string, Json]> => {
    switch (field.kind) {
      case 'number':
        return [[`${field.key}_number`, toNumber(value)]];
      case 'flag':
        return [[`${field.key}_boolean`, toBoolean(value)]];
      case 'time':
        return [[`${field.key}_iso`, toTime(value)]];
      default:
        return [];
    }
  };
  const vendorNames = new Set(Object.keys(source));
  for (const [key, value] of Object.entries(source)) {
    const field = known.get(key);
    const pairs = field ? companions(field, value).filter(([name]) => !vendorNames.has(name)) : [];
    // A time is given as `<field>_iso` only; text that is not a time stays as sent beside it.
    const readTime = field?.kind === 'time' && (value === null || value === '' || pairs[0]?.[1] != null);
    if (field?.nested && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      put(key, withCompanions(value, field.nested));
    } else if (!readTime) {
      put(key, value);
    }
    for (const [name, companion] of pairs) put(name, companion);
  }
  // Companions of fields this payload lacks: still there (null), so every event has the same keys.
  for (const field of fields) {
    if (hasOwn(source, field.key)) continue;
    for (const [name, companion] of companions(field, undefined)) if (!vendorNames.has(name)) put(name, companion);
  }
  return out;
}

const idText = (value: Json | undefined): string | null =>
  value === undefined || value === null || value === ''
    ? null
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

/** Keys the app sets; a vendor field of the same name is kept as `abaha_<name>` (e.g. `abaha_id`). */
const RESERVED = ['id', 'kind', 'object_id'] as const;

/** The event a trigger returns for a payload of the given kind. */
export function shapeAbahaEvent(kind: AbahaKind, payload: JsonObject): AbahaEvent {
  const objectId = idText(payload[OBJECT_ID_FIELD[kind]]);
  const modified = idText(payload.modified);
  const out: JsonObject = { id: `${kind}:${objectId ?? ''}:${modified ?? ''}`, kind, object_id: objectId };
  for (const [key, value] of Object.entries(withCompanions(payload, FIELDS[kind]))) {
    let name = key;
    while ((RESERVED as readonly string[]).includes(name) || hasOwn(out, name)) name = `abaha_${name}`;
    Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return out as AbahaEvent;
}

/** Reads a delivery; returns the event when it is of the wanted kind, null for another kind. */
export function parseAbahaEvent(
  wanted: AbahaKind,
  content: string | undefined,
  cleanedRequest?: unknown,
): AbahaEvent | null {
  const payload = readAbahaPayload(content, cleanedRequest);
  const kind = abahaKind(payload);
  if (kind === undefined) {
    throw new PayloadError(
      'the JSON is not an Abaha order, product or customer (it has no cart_code, product_code or user_id).',
    );
  }
  return kind === wanted ? shapeAbahaEvent(kind, payload) : null;
}
