/**
 * MeaSoft's XML API (docs/measoft.md, "API"): every call is one XML document POSTed as UTF-8 to the
 * API address, with `<auth login pass extra/>` first inside the root element. An answer is read
 * only when it is one of the documented ones: well-formed XML, an `error` attribute (when present)
 * made of digits, and the root and child elements the documentation shows for that request.
 */
import { Readable } from 'node:stream';
import type { ZObject } from 'zapier-platform-core';
import { preview } from '../common/errors';
import { sha1 } from '../common/hash';
import { hideSecrets } from '../common/secrets';
import { failureError, passThrottled, type Failure, type Where } from '../common/failures';
import {
  NoAnswer,
  noAnswerFailure,
  requestTextWithin,
  serverErrorFailure,
  STEP_BUDGET_MS,
  type TextResponse,
  TimeBudget,
  timeoutFromEnv,
} from '../common/network';
import { PayloadError } from '../common/webhook';
import { measoftApiUrl } from '../config';
import type { MeasoftCredentials } from '../credentials';
import { badAnswer, errorCode, errorText, measoftError, saidError } from './errors';
import { DEFAULT_READING, orderFromElement, readXmlRoot } from './read-order';
import { attr, type XmlElement } from './xml-reader';
import type { CallOptions, MeasoftOrderEvent, NewOrderResult, OrderFilters, OrderReading, Purpose } from './types';
import { element, textElement, toXmlDocument, type XmlNode } from './xml-writer';

export const measoftTimeoutMs = (): number => timeoutFromEnv('MEASOFT_TIMEOUT_MS', 20_000);

/** The connection's secrets: no vendor text reaches a message or an output with one in any form. */
export const measoftSecrets = (credentials: MeasoftCredentials): string[] => [credentials.password];

/** A step's advice after a failed exchange, by what the request was for (types.ts, Purpose). */
const AFTER_FAILURE: Record<Purpose, string> = {
  poll: 'Nothing was changed; the trigger asks again at its next poll.',
  read: 'Nothing was changed (this only reads from MeaSoft); run the step again when MeaSoft answers.',
  write: 'The change may or may not have been made: check the order in MeaSoft before you replay this step.',
  create:
    'The order may or may not have been created. Replaying this step is safe: MeaSoft refuses a second order ' +
    'with the same Order Number (error 17), and the step then returns the order MeaSoft has.',
  'after-create': '',
};

/** Sends one request and returns the root of MeaSoft's answer, refusing errors and undocumented answers. */
export async function callMeasoft(
  z: ZObject,
  credentials: MeasoftCredentials,
  request: XmlNode,
  options: CallOptions,
): Promise<XmlElement> {
  const hidden = measoftSecrets(credentials);
  const auth = element('auth', [
    ['login', credentials.login],
    ['pass', credentials.password],
    ['extra', credentials.extra],
  ]);
  const document = Buffer.from(toXmlDocument({ ...request, children: [auth, ...(request.children ?? [])] }), 'utf8');
  const where = options.where ?? 'create';
  const fail = (failure: Pick<Failure, 'kind' | 'what' | 'code' | 'status'>) =>
    failureError(
      z,
      {
        ...failure,
        service: 'MeaSoft',
        changes: ['poll', 'read'].includes(options.purpose) ? false : 'the order',
        advice: AFTER_FAILURE[options.purpose],
      },
      where,
    );
  // Read raw, so core logs neither the answer's body nor a cut-off of it: MeaSoft's error texts may quote
  // the request, password and all, XML-escaped (docs/measoft.md, "Secrets in vendor text").
  let response: TextResponse | NoAnswer;
  try {
    response = await requestTextWithin(
      z,
      {
        method: 'POST',
        url: measoftApiUrl(),
        // Core logs a string body as sent, and its scrubber does not know XML's escapes, so the
        // password in <auth> would reach Zapier's logs; a stream body is logged as "<streaming data>".
        body: Readable.from([document], { objectMode: false }),
        headers: {
          'Content-Type': 'text/xml; charset=utf-8',
          Accept: 'text/xml',
          'Content-Length': String(document.length),
        },
        skipThrowForStatus: true,
      },
      new TimeBudget(measoftTimeoutMs(), STEP_BUDGET_MS).nextLimitMs(),
    );
  } catch (error) {
    // Core turns a 429 into its ThrottledError, which a step hands back to Zapier as it is; the
    // connection test says it in words.
    throw passThrottled(z, error, 'MeaSoft', where);
  }
  if (response instanceof NoAnswer) throw fail(noAnswerFailure('MeaSoft', 'Measoft', response));
  if (response.status >= 500) throw fail(serverErrorFailure('MeaSoft', 'Measoft', response.status));
  if (response.status !== 200) throw badAnswer(z, `HTTP ${response.status}: "${preview(response.content, hidden)}"`);
  let root: XmlElement;
  try {
    root = readXmlRoot(response.content, `<${request.name}> answer`);
  } catch (error) {
    if (error instanceof PayloadError) throw badAnswer(z, hideSecrets(error.message.replace(/\.$/, ''), hidden));
    throw error;
  }
  // Errors come as an `error` attribute on the root, whatever the root is called.
  const code = errorCode(z, root, 'root', hidden);
  if (code !== 0 && code === options.passCode) return { ...root, name: request.name, children: [] };
  if (code !== 0) throw measoftError(z, code, errorText(root), options.rootList ?? 'api', hidden);
  if (root.name !== request.name) throw badAnswer(z, `the root element is <${root.name}>, not <${request.name}>`);
  return root;
}

// ---------------------------------------------------------------------------------------------
// Requests

/** The filters that name orders: every order of the answer must carry the value asked for. */
const IDENTITY_FILTERS = { orderno: 'Order Number', orderno2: 'Express Order Number' } as const;

/** The stream ids MeaSoft accepts in `<streamid>` (docs/measoft.md, "Requests used", streams). */
export const MEASOFT_STREAM_MIN = 100;
export const MEASOFT_STREAM_MAX = 10_000;

/**
 * A vendor that ignored a filter answers with other orders; none of them is ever taken for the one
 * asked for. Creation dates are not checked: the `<order>` element carries no creation date.
 */
export function checkFilters(z: ZObject, root: XmlElement, filters: OrderFilters): void {
  for (const order of root.children) {
    for (const key of Object.keys(IDENTITY_FILTERS) as Array<keyof typeof IDENTITY_FILTERS>) {
      const wanted = filters[key]?.trim();
      if (!wanted) continue;
      const got = attr(order, key)?.trim() ?? '';
      if (got !== wanted) {
        const message =
          `MeaSoft answered a search for ${key} "${preview(wanted)}" with an order whose ${key} is ` +
          `"${preview(got)}": it did not apply the filter, so that order was not taken for the one asked for.`;
        throw saidError(z, 'unreadable', message, 'MeasoftFilterIgnored', 502);
      }
    }
  }
}

const notOnlyOrders = (z: ZObject, root: XmlElement): void => {
  const other = root.children.find((child) => child.name !== 'order');
  if (other) throw badAnswer(z, `<${root.name}> holds a <${other.name}> element, not only <order> elements`);
};

function ordersOf(z: ZObject, root: XmlElement, reading: OrderReading, hidden: readonly string[]): MeasoftOrderEvent[] {
  notOnlyOrders(z, root);
  return root.children.map((child) => {
    try {
      return orderFromElement(child, reading);
    } catch (error) {
      if (error instanceof PayloadError) throw badAnswer(z, hideSecrets(error.message.replace(/\.$/, ''), hidden));
      throw error;
    }
  });
}

/** MeaSoft's status when the app could not read one. */
const NO_STATUS: MeasoftOrderEvent['status'] = {
  code: null,
  title: null,
  eventstore: null,
  eventtime_iso: null,
  createtimegmt_iso: null,
  message: null,
  country: null,
};

/**
 * An `<order>` of a change stream the app could not read, as an item that says so (`read_error`) with
 * the numbers MeaSoft gave. Its id is stable (the order's number and a hash of the element), so
 * Zapier runs the Zap for it once, however often MeaSoft sends it again.
 */
function unreadableOrder(order: XmlElement, why: string): MeasoftOrderEvent {
  const value = (name: string): string | null => attr(order, name)?.trim() || null;
  const orderno = value('orderno') ?? value('awb');
  return {
    id: `unreadable:${orderno ?? ''}:${sha1(JSON.stringify(order)).slice(0, 16)}`,
    orderno,
    awb: value('awb'),
    orderno2: value('orderno2'),
    ordercode: value('ordercode'),
    givencode: value('givencode'),
    status: { ...NO_STATUS },
    status_history: [],
    items: [],
    packages: [],
    webhook_status_code: null,
    webhook_status_time_iso: null,
    webhook_statuses: [],
    read_error: why,
  };
}

/** `statusreq` with filters: orders of any state, read only; every order is checked against the filter. */
export async function findOrders(
  z: ZObject,
  credentials: MeasoftCredentials,
  filters: OrderFilters,
  reading: OrderReading = DEFAULT_READING,
  purpose: Purpose = 'read',
  where: Where = 'create',
): Promise<MeasoftOrderEvent[]> {
  const request = element(
    'statusreq',
    [],
    [
      textElement('orderno', filters.orderno),
      textElement('orderno2', filters.orderno2),
      textElement('datefrom', filters.datefrom),
      textElement('dateto', filters.dateto),
    ],
  );
  // 11 "orders not found" is an empty answer, as `count="0"` is.
  const root = await callMeasoft(z, credentials, request, { purpose, passCode: 11, where });
  notOnlyOrders(z, root);
  checkFilters(z, root, filters);
  return ordersOf(z, root, reading, measoftSecrets(credentials));
}

/**
 * `statusreq` with `changes=ONLY_LAST` on a stream: orders changed since that stream's last commit.
 * 11 is read as "nothing changed", as for any statusreq. An `<order>` the app cannot read becomes an
 * item with `read_error` instead of failing the poll: a failing poll commits nothing, so one such
 * order would stop the stream for good.
 */
export async function changedOrders(
  z: ZObject,
  credentials: MeasoftCredentials,
  streamId: number,
  reading: OrderReading = DEFAULT_READING,
): Promise<MeasoftOrderEvent[]> {
  const hidden = measoftSecrets(credentials);
  const request = element('statusreq', [], [textElement('changes', 'ONLY_LAST'), textElement('streamid', streamId)]);
  const root = await callMeasoft(z, credentials, request, { purpose: 'poll', passCode: 11 });
  notOnlyOrders(z, root);
  return root.children.map((child) => {
    try {
      return orderFromElement(child, reading);
    } catch (error) {
      if (!(error instanceof PayloadError)) throw error;
      const why = hideSecrets(error.message, hidden);
      z.console.log(`MeaSoft sent an order the app could not read (${why}); it is passed on with read_error.`);
      return unreadableOrder(child, `MeaSoft sent this order in a form the app could not read: ${why}`);
    }
  });
}

/**
 * `commitlaststatus`: the changes the stream's last ONLY_LAST answer returned are marked received.
 * Success is the root without an error code, with or without content: the documentation shows no
 * content, and a public client (Dicoders/measoft-api-client) reads `<order>` children from it.
 */
export async function commitLastStatus(z: ZObject, credentials: MeasoftCredentials, streamId: number): Promise<void> {
  await callMeasoft(z, credentials, element('commitlaststatus', [], [textElement('streamid', streamId)]), {
    purpose: 'write',
  });
}

const ORDER_EXISTS = 17;

/**
 * `neworder` with one `<order>`; MeaSoft answers with one `<createorder>` per order. Errors, on the
 * root or on `<createorder>`, are read with the documentation's ordering table.
 */
export async function createOrder(
  z: ZObject,
  credentials: MeasoftCredentials,
  orderno: string,
  order: XmlNode,
): Promise<NewOrderResult> {
  const hidden = measoftSecrets(credentials);
  const root = await callMeasoft(z, credentials, element('neworder', [['newfolder', 'NO']], [order]), {
    purpose: 'create',
    rootList: 'order',
    passCode: ORDER_EXISTS,
  });
  // 17 on the root comes back as an empty answer (passCode): the number is taken.
  if (root.children.length === 0 && errorCode(z, root, 'root', hidden) === ORDER_EXISTS)
    return { kind: 'exists', orderno };
  const answers = root.children.filter((child) => child.name === 'createorder');
  if (answers.length !== 1 || root.children.length !== 1)
    throw badAnswer(z, '<neworder> did not hold exactly one <createorder>');
  const answer = answers[0]!;
  if (attr(answer, 'error') === undefined) throw badAnswer(z, '<createorder> has no error attribute');
  const code = errorCode(z, answer, '<createorder>', hidden);
  if (code === ORDER_EXISTS) return { kind: 'exists', orderno };
  if (code !== 0) throw measoftError(z, code, errorText(answer), 'order', hidden);
  const number = attr(answer, 'orderno')?.trim() ?? '';
  if (number === '') throw badAnswer(z, '<createorder> reports success without an order number');
  const price = attr(answer, 'orderprice');
  const orderprice = price !== undefined && /^\d+(\.\d+)?$/.test(price.trim()) ? Number(price) : null;
  return { kind: 'created', orderno: number, barcode: attr(answer, 'barcode')?.trim() || null, orderprice };
}

/** `cancelorder` for one order number; MeaSoft answers with one `<order>` carrying its result. */
export async function cancelOrder(
  z: ZObject,
  credentials: MeasoftCredentials,
  orderno: string,
): Promise<{ orderno: string; message: string | null }> {
  const hidden = measoftSecrets(credentials);
  const root = await callMeasoft(
    z,
    credentials,
    element(
      'cancelorder',
      [],
      [
        element('order', [
          ['orderno', orderno],
          ['ordercode', ''],
        ]),
      ],
    ),
    { purpose: 'write' },
  );
  const answers = root.children.filter((child) => child.name === 'order');
  if (answers.length !== 1 || root.children.length !== 1)
    throw badAnswer(z, '<cancelorder> did not hold exactly one <order>');
  const answer = answers[0]!;
  if (attr(answer, 'error') === undefined) throw badAnswer(z, 'the <order> of <cancelorder> has no error attribute');
  const code = errorCode(z, answer, '<order>', hidden);
  if (code !== 0) throw measoftError(z, code, errorText(answer), 'cancel', hidden);
  const message = errorText(answer);
  return {
    orderno: attr(answer, 'orderno')?.trim() || orderno,
    message: message === undefined ? null : hideSecrets(message, hidden),
  };
}
