/**
 * Turns MeaSoft's webhook XML (one `<order>` document, docs/measoft.md) into a stable shape a Zap
 * can map. Pure: no Zapier objects, so the sandbox and the tests call it directly.
 *
 * Shape rules: the order's attributes and elements at the top level; `status` as {code,
 * attributes}; `status_history`, `items`, `packages`, `webhook_statuses`, `deliveryprice` and
 * contact phones always arrays; empty elements and attributes null; identifiers, codes and phones
 * strings exactly as sent; quantities and money numbers; YES/NO booleans; elements not listed
 * here pass through as they are.
 *
 * Times are given only in ISO 8601 with their offset (`*_iso`), as Zapier's checks D023/T003
 * require; the text MeaSoft sent stays under its own name only when it does not read as a time.
 * `createtimegmt` is GMT (`Z`). `eventtime` is the local time of the branch where the event
 * happened, and MeaSoft does not say which zone that is: the trigger's Branch Time Zone input
 * says it (Moscow by default, which fits MeaSoft's example). `webhook_status_time` is 3 h after
 * the GMT creation time of the same event in the example, i.e. Moscow time (MeaSoft's servers).
 */
import { localTimeToIso, MOSCOW_OFFSET } from '../common/dates';
import { FORBIDDEN_KEYS } from '../common/json';
import { decimal, PayloadError, readWebhookBody } from '../common/webhook';
import type {
  MeasoftOrderEvent,
  MeasoftStatus,
  MeasoftWebhookStatus,
  OrderReading,
  OrderRecord,
  OrderValue,
} from './types';
import { readXml, type XmlElement } from './xml-reader';

// ---------------------------------------------------------------------------------------------
// XML to a small element tree (read by xml-reader.ts)

function refuseForbiddenName(kind: 'element' | 'attribute', name: string): string {
  if (FORBIDDEN_KEYS.has(name)) {
    throw new PayloadError(
      `the XML has an ${kind} named "${name}", which is not allowed (it could tamper with the program's objects).`,
    );
  }
  return name;
}

/**
 * Refuses element and attribute names that could reach an object's prototype, anywhere in the tree:
 * the names common/json.ts refuses as JSON keys, so both readers keep one list.
 */
function refuseForbiddenNames(root: XmlElement): void {
  const pending = [root];
  for (let element = pending.pop(); element; element = pending.pop()) {
    refuseForbiddenName('element', element.name);
    for (const [name] of element.attributes) refuseForbiddenName('attribute', name);
    for (let k = element.children.length - 1; k >= 0; k -= 1) pending.push(element.children[k]!);
  }
}

/** Reads the body into the `<order>` element, or throws a PayloadError saying what is wrong. */
function readOrderElement(content: string | undefined): XmlElement {
  const root = readXmlRoot(content, '<order> document');
  if (root.name !== 'order')
    throw new PayloadError(`the root element is <${root.name}>, but MeaSoft's webhook sends <order>.`);
  return root;
}

/**
 * Reads any MeaSoft XML document (a webhook or an API answer) into its root element with the same
 * checks: size, format, no DOCTYPE, well-formed. `what` names what MeaSoft sends ("<order> document"), for messages.
 */
export function readXmlRoot(content: string | undefined, what: string): XmlElement {
  const body = readWebhookBody(content ?? '', { service: 'MeaSoft', format: 'xml', document: `an XML ${what}` });
  // Well-formedness first, in the same pass as the tree: a lenient parser would read `<a></b>` as
  // `<a/>`. Never expanded, never fetched: a document declaring a DOCTYPE is refused outright.
  const { root, fault } = readXml(body);
  if (fault?.doctype)
    throw new PayloadError('the XML declares a DOCTYPE or entities, which MeaSoft never sends; it was not read.');
  if (fault?.tooDeep)
    throw new PayloadError(`the XML could not be read: ${fault.message} (line ${fault.line}, column ${fault.column}).`);
  if (fault)
    throw new PayloadError(
      `the XML is not well-formed: ${fault.message} (line ${fault.line}, column ${fault.column}).`,
    );
  refuseForbiddenNames(root);
  return root;
}

// ---------------------------------------------------------------------------------------------
// Element tree to the mappable shape

interface Hints {
  numbers?: readonly string[];
  booleans?: readonly string[];
  /** Child elements that are always arrays, even when one or none is sent. */
  arrays?: readonly string[];
  /** The key for text when the element also has attributes or children. */
  textKey?: string;
  children?: Readonly<Record<string, Hints>>;
}

const PARTY: Hints = { children: { coords: { numbers: ['lat', 'lon'] }, contacts: { arrays: ['phone'] } } };

const ORDER_HINTS: Hints = {
  numbers: ['weight', 'return_weight', 'quantity', 'price', 'inshprice', 'waittime'],
  booleans: ['pickup', 'return', 'print_check', 'receiverpays', 'acceptpartially'],
  arrays: ['deliveryprice'],
  children: {
    sender: PARTY,
    receiver: PARTY,
    currcoords: { numbers: ['lat', 'lon', 'accuracy'] },
    deliveryprice: { numbers: ['total'], arrays: ['advprice'], children: { advprice: { numbers: ['price'] } } },
  },
};

const ITEM_HINTS: Hints = { numbers: ['quantity', 'mass', 'retprice', 'VATrate'], textKey: 'name' };
const PACKAGE_HINTS: Hints = { numbers: ['quantity', 'mass', 'length', 'width', 'height'], textKey: 'name' };

/** Adds a key without ever replacing one: a later clash gets a suffix, so nothing is lost. */
function put(target: OrderRecord, key: string, value: OrderValue): void {
  let name = key;
  for (let n = 2; Object.prototype.hasOwnProperty.call(target, name); n += 1) name = `${key}_${n}`;
  // Such names are refused while parsing; should one slip through, defineProperty keeps it an
  // ordinary key that cannot reach a prototype. Plain assignment for the rest is much cheaper.
  if (FORBIDDEN_KEYS.has(name))
    Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  else target[name] = value;
}

const emptyToNull = (text: string): string | null => (text === '' ? null : text);

/** "0.4", "1 234,50" -> numbers; empty or unreadable -> null. */
export function toNumber(text: string | null): number | null {
  if (text === null) return null;
  // Thousands separated by spaces and a decimal comma, as Russian documents write money.
  return decimal(text.replace(/[\s\u00a0]/g, '').replace(',', '.'));
}

/** MeaSoft's YES/NO flags (also 1/0, true/false); anything else is null. */
export function toBoolean(text: string | null): boolean | null {
  if (text === null) return null;
  const value = text.trim().toUpperCase();
  if (value === 'YES' || value === '1' || value === 'TRUE') return true;
  if (value === 'NO' || value === '0' || value === 'FALSE') return false;
  return null;
}

function typed(key: string, value: OrderValue, hints: Hints): OrderValue {
  if (typeof value !== 'string' && value !== null) return value;
  if (hints.numbers?.includes(key)) return toNumber(value);
  if (hints.booleans?.includes(key)) return toBoolean(value);
  return value;
}

/** An element as a value: null when empty, its text when it has only text, else a record. */
function convert(element: XmlElement, hints: Hints = {}): OrderValue {
  const listsExpected = (hints.arrays?.length ?? 0) > 0;
  if (!listsExpected && element.attributes.length === 0 && element.children.length === 0)
    return emptyToNull(element.text);
  return convertToRecord(element, hints);
}

function convertToRecord(element: XmlElement, hints: Hints = {}, skip: readonly string[] = []): OrderRecord {
  const out: OrderRecord = {};
  for (const [name, value] of element.attributes) put(out, name, typed(name, emptyToNull(value), hints));
  // Text beside attributes or children: under `value` (or the element's own text key, such as an
  // item's `name`, which is always present unless an attribute of that name already fills it).
  const textKey = hints.textKey ?? 'value';
  if (element.text !== '' || (hints.textKey !== undefined && !Object.prototype.hasOwnProperty.call(out, textKey))) {
    put(out, textKey, emptyToNull(element.text));
  }
  for (const [name, group] of groupChildren(element.children)) {
    if (skip.includes(name)) continue;
    const childHints = hints.children?.[name] ?? {};
    const values = group.map((child) => typed(name, convert(child, childHints), hints));
    put(out, name, group.length > 1 || hints.arrays?.includes(name) ? values : values[0]!);
  }
  for (const name of hints.arrays ?? []) {
    if (!skip.includes(name) && !Object.prototype.hasOwnProperty.call(out, name)) put(out, name, []);
  }
  return out;
}

function groupChildren(children: readonly XmlElement[]): Map<string, XmlElement[]> {
  const groups = new Map<string, XmlElement[]>();
  for (const child of children) {
    const group = groups.get(child.name);
    if (group) group.push(child);
    else groups.set(child.name, [child]);
  }
  return groups;
}

const attribute = (element: XmlElement | undefined, name: string): string | null =>
  emptyToNull(element?.attributes.find(([key]) => key === name)?.[1] ?? '');

const child = (element: XmlElement | undefined, name: string): XmlElement | undefined =>
  element?.children.find((candidate) => candidate.name === name);

const childText = (element: XmlElement | undefined, name: string): string | null =>
  emptyToNull(child(element, name)?.text ?? '');

export const DEFAULT_READING: OrderReading = { branchOffset: '+03:00' };

/** A time as `<name>_iso`; its text under `<name>` only when it does not read as a time. */
function putTime(out: OrderRecord, name: string, text: string | null, offset: string): void {
  const iso = localTimeToIso(text, offset);
  if (iso === null && text !== null) put(out, name, text);
  put(out, `${name}_iso`, iso);
}

const STATUS_ATTRIBUTES = ['title', 'eventstore', 'eventtime', 'createtimegmt', 'message', 'country'] as const;

function convertStatus(element: XmlElement, reading: OrderReading): MeasoftStatus {
  const status: OrderRecord = {};
  put(status, 'code', emptyToNull(element.text));
  for (const name of STATUS_ATTRIBUTES) {
    if (name === 'eventtime') putTime(status, name, attribute(element, name), reading.branchOffset);
    else if (name === 'createtimegmt') putTime(status, name, attribute(element, name), 'Z');
    else put(status, name, attribute(element, name));
  }
  for (const [name, value] of element.attributes) {
    if (!(STATUS_ATTRIBUTES as readonly string[]).includes(name)) put(status, name, emptyToNull(value));
  }
  for (const [name, group] of groupChildren(element.children)) {
    put(status, name, group.length > 1 ? group.map((one) => convert(one)) : convert(group[0]!));
  }
  return status as MeasoftStatus;
}

function convertWebhookStatus(element: XmlElement): MeasoftWebhookStatus {
  const out = convertToRecord(element);
  const status: OrderRecord = { code: attribute(element, 'code') };
  putTime(status, 'time', attribute(element, 'time'), MOSCOW_OFFSET);
  for (const [key, value] of Object.entries(out)) if (key !== 'time' && !(key in status)) put(status, key, value);
  return status as MeasoftWebhookStatus;
}

/** A container such as <items>: its <item> children as an array; anything else kept beside it. */
function list<T>(
  out: OrderRecord,
  order: XmlElement,
  container: string,
  key: string,
  itemName: string,
  convertItem: (element: XmlElement) => T,
): void {
  const element = child(order, container);
  const items = (element?.children ?? []).filter((candidate) => candidate.name === itemName);
  put(out, key, items.map(convertItem) as OrderValue);
  if (element && (element.attributes.length > 0 || element.children.length > items.length || element.text !== '')) {
    put(out, `${container}_other`, convertToRecord(element, {}, [itemName]));
  }
}

/** Parses MeaSoft's webhook XML; throws PayloadError for anything that is not an order event. */
export function parseMeasoftOrder(
  content: string | undefined,
  reading: OrderReading = DEFAULT_READING,
): MeasoftOrderEvent {
  return orderFromElement(readOrderElement(content), reading);
}

/** One `<order>` element (a webhook's root, or one order of an API answer) as the trigger's output. */
export function orderFromElement(order: XmlElement, reading: OrderReading = DEFAULT_READING): MeasoftOrderEvent {
  const statusElement = child(order, 'status');
  if (!statusElement)
    throw new PayloadError('the <order> has no <status> element, so there is no status change to report.');
  const status = convertStatus(statusElement, reading);
  const orderno = attribute(order, 'orderno') ?? attribute(order, 'awb') ?? '';
  // The time as MeaSoft wrote it, whatever zone it is read in: a resent event keeps its id.
  const eventtime = attribute(statusElement, 'eventtime') ?? attribute(statusElement, 'createtimegmt') ?? '';

  const out: OrderRecord = {};
  put(out, 'id', `${orderno}:${status.code ?? ''}:${eventtime}`);
  const special = ['status', 'statushistory', 'items', 'packages', 'webhook_statuses', 'webhook_status_time'];
  const generic = convertToRecord(order, ORDER_HINTS, special);
  for (const [key, value] of Object.entries(generic)) {
    // The courier's position report carries a branch-local time too.
    if (key === 'currcoords' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const coords: OrderRecord = {};
      for (const [name, part] of Object.entries(value)) {
        if (name === 'RequestDateTime')
          putTime(coords, name, typeof part === 'string' ? part : null, reading.branchOffset);
        else put(coords, name, part);
      }
      put(out, key, coords);
    } else put(out, key, value);
  }
  for (const name of ['orderno', 'awb', 'orderno2', 'ordercode', 'givencode']) {
    if (!Object.prototype.hasOwnProperty.call(out, name)) put(out, name, null);
  }
  put(out, 'status', status as unknown as OrderValue);
  list(out, order, 'statushistory', 'status_history', 'status', (element) => convertStatus(element, reading));
  list(out, order, 'items', 'items', 'item', (element) => convertToRecord(element, ITEM_HINTS));
  list(out, order, 'packages', 'packages', 'package', (element) => convertToRecord(element, PACKAGE_HINTS));
  if (!Object.prototype.hasOwnProperty.call(out, 'webhook_status_code')) put(out, 'webhook_status_code', null);
  putTime(out, 'webhook_status_time', childText(order, 'webhook_status_time'), MOSCOW_OFFSET);
  list(out, order, 'webhook_statuses', 'webhook_statuses', 'webhook_status', convertWebhookStatus);
  return out as unknown as MeasoftOrderEvent;
}
