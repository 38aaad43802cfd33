/**
 * MeaSoft's reference requests and order editing (docs/measoft.md, "Shipping flow"): `calculator`
 * (delivery price), `pvzlist` (pickup points), `services` (the courier service's delivery modes),
 * `townlist` (towns), a raw `statusreq` read and `editorder`. Each answer is read only when it has
 * the shape the documentation and the public clients show; the transport is callMeasoft's.
 */
import type { ZObject } from 'zapier-platform-core';
import { hideSecrets } from '../common/secrets';
import type { MeasoftCredentials } from '../credentials';
import { callMeasoft, checkFilters, measoftSecrets } from './client';
import { errorText, measoftError, undocumentedAnswer } from './errors';
import { toBoolean, toNumber } from './read-order';
import { attr, type XmlElement } from './xml-reader';
import { element, textElement, type XmlNode } from './xml-writer';

const child = (node: XmlElement, name: string): XmlElement | undefined => node.children.find((c) => c.name === name);
const childText = (node: XmlElement, name: string): string | null => {
  const text = child(node, name)?.text.trim() ?? '';
  return text === '' ? null : text;
};

/**
 * Some reference answers report a refusal as a child `<error error="…" errormsg="…"/>` rather than
 * on the root (MeaSoft's own AdvantShop module checks both); such a child is MeaSoft's refusal.
 */
function refuseErrorChild(z: ZObject, root: XmlElement, hidden: readonly string[]): void {
  const error = child(root, 'error');
  if (!error) return;
  const code = (attr(error, 'error') ?? '').trim();
  if (code === '0') return;
  if (!/^\d+$/.test(code)) throw undocumentedAnswer(z, root.name, 'an <error> element without a code');
  throw measoftError(z, Number(code), errorText(error), 'api', hidden);
}

/** The password never reaches a message, even when MeaSoft's own text echoes it. */
const secrets = measoftSecrets;

function only(z: ZObject, root: XmlElement, name: string, credentials: MeasoftCredentials): XmlElement[] {
  refuseErrorChild(z, root, secrets(credentials));
  const other = root.children.find((c) => c.name !== name);
  if (other) throw undocumentedAnswer(z, root.name, `it holds a <${other.name}> element, not only <${name}>`);
  return root.children;
}

// ---------------------------------------------------------------------------------------------
// calculator

export interface PriceQuery {
  townFrom: string;
  townTo: string;
  /** kg */
  mass: number;
  /** cm */
  length?: number;
  width?: number;
  height?: number;
  /** The declared value (inshprice). */
  declaredValue?: number;
  /** One delivery mode; empty asks MeaSoft for every mode the route has. */
  service?: string;
}

export interface PriceOption {
  service: string | null;
  service_name: string | null;
  price: number;
  zone: number | null;
  min_delivery_days: number | null;
  max_delivery_days: number | null;
  min_delivery_date: string | null;
  town_from: string | null;
  town_to: string | null;
  weight: number | null;
}

/** The `<calculator>` request: one `<calc>` whose attributes describe the parcel (semivan/measoft-api-client). */
export function calculatorRequest(query: PriceQuery): XmlNode {
  return element(
    'calculator',
    [],
    [
      element('calc', [
        ['townfrom', query.townFrom],
        ['townto', query.townTo],
        ['l', query.length],
        ['w', query.width],
        ['h', query.height],
        ['mass', query.mass],
        ['inshprice', query.declaredValue],
        ['service', query.service || undefined],
      ]),
    ],
  );
}

/** Every `<calc>` of the answer is one delivery option; a `<calc>` without a readable price is not a documented one. */
export async function calculatePrice(
  z: ZObject,
  credentials: MeasoftCredentials,
  query: PriceQuery,
): Promise<PriceOption[]> {
  const root = await callMeasoft(z, credentials, calculatorRequest(query), { purpose: 'read' });
  return only(z, root, 'calc', credentials).map((calc) => {
    const price = toNumber(childText(calc, 'price'));
    if (price === null) throw undocumentedAnswer(z, 'calculator', 'a <calc> without a price');
    const service = child(calc, 'service');
    const whole = (name: string) => {
      const value = toNumber(childText(calc, name));
      return value === null ? null : Math.trunc(value);
    };
    return {
      service: service?.text.trim() || null,
      service_name: (service && attr(service, 'name')?.trim()) || null,
      price,
      zone: whole('zone'),
      min_delivery_days: whole('mindeliverydays'),
      max_delivery_days: whole('maxdeliverydays'),
      min_delivery_date: /^\d{4}-\d{2}-\d{2}/.exec(childText(calc, 'mindeliverydate') ?? '')?.[0] ?? null,
      town_from: childText(calc, 'townfrom'),
      town_to: childText(calc, 'townto'),
      weight: toNumber(childText(calc, 'mass')),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// pvzlist

export interface PickupPointQuery {
  town?: string;
  code?: string;
  /** First record (0-based) and how many. */
  from?: number;
  count: number;
}

export interface PickupPoint {
  code: string;
  clientcode: string | null;
  name: string | null;
  parentcode: string | null;
  parentname: string | null;
  town: string | null;
  town_code: string | null;
  region_code: string | null;
  region_name: string | null;
  address: string | null;
  phone: string | null;
  comment: string | null;
  worktime: string | null;
  traveldescription: string | null;
  maxweight: number | null;
  acceptcash: boolean | null;
  acceptcard: boolean | null;
  acceptfitting: boolean | null;
  acceptindividuals: boolean | null;
  latitude: number | null;
  longitude: number | null;
}

export function pickupPointRequest(query: PickupPointQuery): XmlNode {
  return element(
    'pvzlist',
    [],
    [
      textElement('town', query.town),
      textElement('code', query.code),
      element(
        'limit',
        [],
        [textElement('limitfrom', query.from ? query.from : undefined), textElement('limitcount', query.count)],
      ),
    ],
  );
}

export async function listPickupPoints(
  z: ZObject,
  credentials: MeasoftCredentials,
  query: PickupPointQuery,
): Promise<PickupPoint[]> {
  const root = await callMeasoft(z, credentials, pickupPointRequest(query), { purpose: 'read' });
  return only(z, root, 'pvz', credentials).map((pvz) => {
    const code = childText(pvz, 'code');
    if (code === null) throw undocumentedAnswer(z, 'pvzlist', 'a <pvz> without a code');
    const town = child(pvz, 'town');
    const flag = (name: string) => toBoolean(childText(pvz, name));
    return {
      code,
      clientcode: childText(pvz, 'clientcode'),
      name: childText(pvz, 'name'),
      parentcode: childText(pvz, 'parentcode'),
      parentname: childText(pvz, 'parentname'),
      town: town?.text.trim() || null,
      town_code: (town && attr(town, 'code')?.trim()) || null,
      region_code: (town && attr(town, 'regioncode')?.trim()) || null,
      region_name: (town && attr(town, 'regionname')?.trim()) || null,
      address: childText(pvz, 'address'),
      phone: childText(pvz, 'phone'),
      comment: childText(pvz, 'comment'),
      worktime: childText(pvz, 'worktime'),
      traveldescription: childText(pvz, 'traveldescription'),
      maxweight: toNumber(childText(pvz, 'maxweight')),
      acceptcash: flag('acceptcash'),
      acceptcard: flag('acceptcard'),
      acceptfitting: flag('acceptfitting'),
      acceptindividuals: flag('acceptindividuals'),
      latitude: toNumber(childText(pvz, 'latitude')),
      longitude: toNumber(childText(pvz, 'longitude')),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// services and townlist

export interface Service {
  code: string;
  name: string;
}

/** `<services>`: the courier service's delivery modes, `<service><code/><name/></service>` each. */
export async function listServices(z: ZObject, credentials: MeasoftCredentials): Promise<Service[]> {
  const root = await callMeasoft(z, credentials, element('services'), { purpose: 'read' });
  return only(z, root, 'service', credentials).map((service) => {
    const code = childText(service, 'code');
    if (code === null) throw undocumentedAnswer(z, 'services', 'a <service> without a code');
    return { code, name: childText(service, 'name') ?? code };
  });
}

export interface Town {
  code: string | null;
  name: string;
  region: string | null;
}

/** `<townlist>` of towns whose name contains `part`, at most `count` of them. */
export async function townsContaining(
  z: ZObject,
  credentials: MeasoftCredentials,
  part: string,
  count: number,
): Promise<Town[]> {
  const request = element(
    'townlist',
    [],
    [
      element('conditions', [], [textElement('namecontains', part)]),
      element('limit', [], [textElement('limitcount', count)]),
    ],
  );
  const root = await callMeasoft(z, credentials, request, { purpose: 'read' });
  return only(z, root, 'town', credentials).flatMap((town) => {
    const name = childText(town, 'name');
    if (name === null) return [];
    const region = child(town, 'city');
    return [{ code: childText(town, 'code'), name, region: region ? childText(region, 'name') : null }];
  });
}

// ---------------------------------------------------------------------------------------------
// statusreq (raw) and editorder

/** `statusreq` by MeaSoft's order number, the `<order>` elements as MeaSoft sent them (read only). */
export async function storedOrders(
  z: ZObject,
  credentials: MeasoftCredentials,
  orderno: string,
): Promise<XmlElement[]> {
  const root = await callMeasoft(z, credentials, element('statusreq', [], [textElement('orderno', orderno)]), {
    purpose: 'read',
    passCode: 11,
  });
  const orders = only(z, root, 'order', credentials);
  checkFilters(z, root, { orderno });
  return orders;
}

/** What MeaSoft said to one `editorder`: its error code (0: changed) and text. */
export interface EditAnswer {
  code: number;
  text: string | null;
}

/**
 * `editorder` with one `<order>`. The answer has neworder's shape with `editorder` as its root,
 * so one `<createorder>` carries the result.
 */
export async function editOrder(z: ZObject, credentials: MeasoftCredentials, order: XmlNode): Promise<EditAnswer> {
  const root = await callMeasoft(z, credentials, element('editorder', [], [order]), {
    purpose: 'write',
    rootList: 'order',
  });
  const answers = root.children.filter((c) => c.name === 'createorder');
  if (answers.length !== 1 || root.children.length !== 1)
    throw undocumentedAnswer(z, 'editorder', 'it did not hold exactly one <createorder>', true);
  const value = (attr(answers[0]!, 'error') ?? '').trim();
  if (!/^\d+$/.test(value)) throw undocumentedAnswer(z, 'editorder', '<createorder> has no error code', true);
  const answer = answers[0]!;
  return {
    code: Number(value),
    text: hideSecrets((errorText(answer) ?? '').trim(), secrets(credentials)) || null,
  };
}
