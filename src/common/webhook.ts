/**
 * What every static-webhook trigger shares: reading the delivered body within Zapier's limit,
 * finding a header through Zapier's renaming, checking a shared-secret header in constant time,
 * refusing prototype-polluting keys, and remembering deliveries so a resent event starts
 * nothing. The vendor parsers stay pure (they throw PayloadError); the triggers turn that into
 * the error Zapier shows.
 *
 * Which error a trigger throws (both end the run and are listed in the Zap history):
 * - `z.errors.Error` for a body that is not an event (empty, wrong format, malformed, hostile):
 *   the owner must notice, e.g. a MeaSoft URL pasted into Abaha. HaltedError would file it with
 *   the quiet "stopped" runs.
 * - `z.errors.HaltedError` for a request without the right secret header: it comes from someone
 *   other than the shop, and such requests must not raise error alerts or count toward Zapier
 *   turning a Zap off after many errors (which outsiders could otherwise provoke).
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { sha1, safeEqual } from './hash';

/** Zapier refuses webhook payloads above 10 MB; a bigger body is never an event. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * How long a delivered event is remembered. Abaha resends a failed delivery after some minutes
 * (at most 3 times); a day covers every automatic resend, while a shop owner's deliberate manual
 * resend a day later still goes through.
 */
export const REDELIVERY_TTL_SECONDS = 86_400;

/** A delivery that cannot be turned into an event; the message says why, in the user's terms. */
export class PayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadError';
  }
}

/** The error Zapier shows for a delivery that is not an event (see the note at the top). */
export function invalidDelivery(z: ZObject, service: string, error: PayloadError): Error {
  return new z.errors.Error(`${service} webhook refused: ${error.message}`, 'InvalidWebhookPayload', 400);
}

/** Runs a pure parser and turns its PayloadError into the error Zapier shows. */
export function parseDelivery<T>(z: ZObject, service: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof PayloadError) throw invalidDelivery(z, service, error);
    throw error;
  }
}

type Headers = Readonly<Record<string, unknown>> | undefined;

/**
 * Zapier hands hook headers renamed: `X-Shop-Token` arrives as `Http-X-Shop-Token` (Camel-Case,
 * an `Http-` prefix; the web server also turns `_` into `-`). Names compare case-insensitively,
 * with `_` and `-` alike, with or without the prefix.
 */
const normaliseHeaderName = (name: string): string => name.trim().toLowerCase().replace(/_/g, '-');

/** The value of a request header, whatever form Zapier gave its name; undefined when absent. */
export function findHeader(headers: Headers, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const wanted = normaliseHeaderName(name);
  if (wanted === '') return undefined;
  for (const [key, value] of Object.entries(headers)) {
    const received = normaliseHeaderName(key);
    if (received !== wanted && received !== `http-${wanted}`) continue;
    if (typeof value === 'string') return value;
    if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  }
  return undefined;
}

export interface SecretHeaderSetting {
  /** The header name and value the user typed, as Zapier handed them (maybe empty). */
  name: unknown;
  value: unknown;
  /** The labels of the two input fields, for messages. */
  nameLabel: string;
  valueLabel: string;
  /** Where the sender is configured, e.g. "Abaha's webhook settings". */
  senderSettings: string;
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : value == null ? '' : String(value).trim();

/**
 * Lets a request through only when it carries the configured header with the configured value.
 * Nothing configured: every request passes. The value is compared in constant time and never
 * appears in a message.
 */
export function checkSecretHeader(z: ZObject, headers: Headers, setting: SecretHeaderSetting): void {
  const name = text(setting.name);
  const expected = text(setting.value);
  if (name === '' && expected === '') return;
  if (name === '' || expected === '') {
    const [missing, filled] =
      name === '' ? [setting.nameLabel, setting.valueLabel] : [setting.valueLabel, setting.nameLabel];
    throw new z.errors.Error(
      `${missing}: expected a value, because ${filled} is filled in. Fill in both (the same Key and Value as ` +
        `in ${setting.senderSettings}) or leave both empty.`,
      'InvalidInput',
      400,
    );
  }
  const received = findHeader(headers, name);
  // Compared even when the header is missing, so the answer costs the same either way.
  const matches = safeEqual((received ?? '').trim(), expected);
  if (received === undefined || !matches) {
    throw haltedDelivery(
      z,
      `Ignored a request without the header "${name}" set to the value in ${setting.valueLabel}: ` +
        (received === undefined ? 'the header was missing.' : 'the header had another value.') +
        ` If this came from your shop, check that the header Key and Value in ${setting.senderSettings} ` +
        "match this trigger's fields.",
    );
  }
}

/**
 * A HaltedError for a delivery the trigger ignores on purpose. Core appends the whole bundle (the
 * trigger's secrets in inputData, the received headers and query string) to the message of any
 * error not marked like this; AppError and ThrottledError are, HaltedError is not.
 */
export function haltedDelivery(z: ZObject, message: string): Error {
  const halted = new z.errors.HaltedError(message);
  (halted as Error & { doNotContextify?: boolean }).doNotContextify = true;
  return halted;
}

/** The query parameter that carries a trigger's URL secret: `https://hooks.zapier.com/...?key=...`. */
export const URL_SECRET_PARAMETER = 'key';

/** What cannot stay one query value as typed: spaces and control characters, and `&` and `#`, which end it. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const UNSAFE_IN_URL = /[\s\u0000-\u001f\u007f&#]/u;

export interface UrlSecretSetting {
  /** The secret as readUrlSecret read it ('' when none: then every delivery passes). */
  secret: string;
  /** The input field's label, for messages. */
  label: string;
  /** The sender's name, e.g. "MeaSoft". */
  service: string;
  /** Where the sender's URL is set, e.g. "MeaSoft's webhook integration". */
  senderSettings: string;
}

/**
 * The configured URL secret, trimmed; '' when none. A value that cannot survive in a URL as typed
 * is refused naming the field (never echoing the value), so no real delivery is ever ignored for it.
 */
export function readUrlSecret(z: ZObject, label: string, value: unknown): string {
  const secret = text(value);
  if (UNSAFE_IN_URL.test(secret)) {
    throw new z.errors.Error(
      `${label}: expected letters, digits and signs such as - _ . ~ only; spaces, & and # cannot be ` +
        'part of a URL as typed. Make a new value (for example 32 letters and digits from a password manager).',
      'InvalidInput',
      400,
    );
  }
  return secret;
}

const decoded = (value: string, plusIsSpace: boolean): string | undefined => {
  try {
    return decodeURIComponent(plusIsSpace ? value.replace(/\+/g, ' ') : value);
  } catch {
    return undefined;
  }
};

/**
 * Every value of the `key` parameter, each as the forms it may have been meant in: as received, and
 * percent-decoded with and without `+` read as a space, so a secret with `+ / =` matches however the
 * sender encoded it. From the raw query string when Zapier gives one, else from the parsed one.
 */
function urlSecretValues(request: Pick<Bundle, 'rawRequest' | 'cleanedRequest'>): string[][] {
  const raw: unknown = request.rawRequest?.querystring;
  if (typeof raw === 'string' && raw.replace(/^\?/, '') !== '') {
    return raw
      .replace(/^\?/, '')
      .split('&')
      .map((pair) => {
        const at = pair.indexOf('=');
        return at === -1 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
      })
      .filter(([name]) => decoded(name!, true) === URL_SECRET_PARAMETER)
      .map(([, value]) => [value!, decoded(value!, false), decoded(value!, true)].filter((v) => v !== undefined));
  }
  // Parsed: Zapier's cleanedRequest.querystring, or a rawRequest.querystring handed already parsed.
  const parsedQuery: unknown = (request.cleanedRequest as { querystring?: unknown } | undefined)?.querystring;
  const cleaned = parsedQuery && typeof parsedQuery === 'object' ? parsedQuery : raw;
  if (!cleaned || typeof cleaned !== 'object') return [];
  const value: unknown = Object.prototype.hasOwnProperty.call(cleaned, URL_SECRET_PARAMETER)
    ? (cleaned as Record<string, unknown>)[URL_SECRET_PARAMETER]
    : undefined;
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.map((entry) => [String(entry)]);
}

/**
 * Lets a delivery through only when its URL carries the configured secret as its one `key`
 * parameter. Nothing configured: every delivery passes. Compared in constant time; neither the
 * secret nor the received value ever appears in a message. A delivery without it is ignored as
 * halted (see the note at the top: strangers must not raise error alerts).
 */
export function checkUrlSecret(
  z: ZObject,
  request: Pick<Bundle, 'rawRequest' | 'cleanedRequest'>,
  setting: UrlSecretSetting,
): void {
  const expected = setting.secret;
  if (expected === '') return;
  const values = urlSecretValues(request);
  // Every form is compared, without stopping at a match, so the answer costs the same either way.
  let matches = false;
  for (const form of values.flat()) matches = safeEqual(form, expected) || matches;
  if (values.length === 1 && matches) return;
  const why =
    values.length === 0
      ? `its URL has no "${URL_SECRET_PARAMETER}" parameter`
      : values.length > 1
        ? `its URL carries the "${URL_SECRET_PARAMETER}" parameter ${values.length} times`
        : `its URL carries another "${URL_SECRET_PARAMETER}" value than ${setting.label}`;
  throw haltedDelivery(
    z,
    `Ignored a delivery: ${why}, so it is not taken as ${setting.service}'s and the Zap did not run. If ` +
      `${setting.service} sent it, paste the Zap's URL again into ${setting.senderSettings}, with ` +
      `"?${URL_SECRET_PARAMETER}=" and the value of ${setting.label} at its end.`,
  );
}

/** Throws a PayloadError when the body is over Zapier's 10 MB webhook limit. */
export function assertWithinLimit(body: string): void {
  // A UTF-16 length above the limit is over it in UTF-8 too; only count bytes when it may matter.
  if (
    body.length > MAX_BODY_BYTES ||
    (body.length > MAX_BODY_BYTES / 3 && Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES)
  ) {
    throw new PayloadError('the body is larger than 10 MB, the most a Zapier webhook accepts.');
  }
}

export interface WebhookSender {
  /** The service's name in messages, e.g. "Abaha". */
  service: string;
  /** What the service posts. */
  format: 'json' | 'xml';
  /** The document it posts, for messages: "a JSON object", "an XML <order> document". */
  document: string;
}

/**
 * The body of a delivery, ready to parse: without a byte-order mark, within Zapier's size limit,
 * and in the sender's format. A body in the other format is most likely a URL pasted into the
 * wrong sender, and the message says so.
 */
export function readWebhookBody(content: string, sender: WebhookSender): string {
  const body = content.replace(/^\uFEFF/, '');
  assertWithinLimit(body);
  const format = sniffFormat(body);
  if (format === 'empty') throw new PayloadError(`the body is empty; ${sender.service} sends ${sender.document}.`);
  if (format !== sender.format && (format === 'json' || format === 'xml')) {
    throw new PayloadError(
      `the body is ${format.toUpperCase()}, but ${sender.service} sends ${sender.format.toUpperCase()}. Is ` +
        'this the URL of another trigger?',
    );
  }
  if (format === 'other' && sender.format === 'xml')
    throw new PayloadError(`the body is not XML; ${sender.service} sends ${sender.document}.`);
  return body;
}

/** The raw body Zapier received, or undefined when Zapier passed none (e.g. in some tests). */
export function rawBody(bundle: Pick<Bundle, 'rawRequest'>): string | undefined {
  const content: unknown = bundle.rawRequest?.content;
  if (content === undefined || content === null) return undefined;
  return typeof content === 'string' ? content : String(content);
}

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A decimal number written plainly ("1790000", "0.40", "-1.5e3"); null for anything else. */
export function decimal(text: string): number | null {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return null;
  // "1e999" fits the pattern but is no amount: Infinity would reach the Zap as null anyway.
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** What a body looks like at first sight, to name the wrong format in a message. */
export function sniffFormat(body: string): 'empty' | 'json' | 'xml' | 'other' {
  const start = body.replace(/^\uFEFF/, '').trimStart();
  if (start === '') return 'empty';
  if (start.startsWith('<')) return 'xml';
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  return 'other';
}

/**
 * The redelivery guard: true the first time an event id is seen by this trigger of this user's
 * Zap (within REDELIVERY_TTL_SECONDS), false for a resend. It records the id with
 * `z.cache.set(..., nx = true)`, which succeeds only for an id not yet recorded.
 *
 * When the cache cannot be reached the event passes: a rare double run is better than a lost
 * order. While the user is loading samples in the Zap editor nothing is recorded, so testing
 * never swallows a live delivery.
 */
export async function isFirstDelivery(
  z: ZObject,
  bundle: Pick<Bundle, 'meta'>,
  triggerKey: string,
  eventId: string,
): Promise<boolean> {
  const meta = bundle.meta as (Bundle['meta'] & { zap?: { id?: unknown } }) | undefined;
  if (meta?.isLoadingSample) return true;
  // Zapier passes the Zap's id only in some bundles; when it is there, two Zaps fed by the same
  // sender keep separate memories. The id is hashed to keep keys short whatever the vendor sends.
  const zapId = meta?.zap?.id === undefined || meta.zap.id === null ? '' : String(meta.zap.id);
  const key = `webhook-seen:${triggerKey}:${zapId}:${sha1(eventId)}`;
  try {
    const stored = await z.cache.set(key, new Date().toISOString(), REDELIVERY_TTL_SECONDS, ['user', 'auth'], true);
    return stored !== false;
  } catch (error) {
    z.console.log(
      `Redelivery check skipped (Zapier's cache did not answer: ${(error as Error).message}); the event passes.`,
    );
    return true;
  }
}
