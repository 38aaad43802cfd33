/**
 * MeaSoft's XML API (docs/measoft.md, "API"): every call is one XML document POSTed as UTF-8 to the
 * API address, with `<auth login pass extra/>` first inside the root element. An answer is read
 * only when it is one of the documented ones: well-formed XML, an `error` attribute (when present)
 * made of digits, and the root and child elements the documentation shows for that request.
 */
import { Readable } from 'node:stream';
import type { ZObject } from 'zapier-platform-core';
import { preview } from '../common/errors';
import {
  NoAnswer,
  notReachedError,
  requestWithin,
  STEP_BUDGET_MS,
  TimeBudget,
  timeoutFromEnv,
} from '../common/network';
import { PayloadError } from '../common/webhook';
import { measoftApiUrl } from '../config';
import type { MeasoftCredentials } from '../credentials';
import {
  AUTH_ERROR_CODES,
  MEASOFT_API_ERRORS,
  MEASOFT_CANCEL_ERRORS,
  MEASOFT_ORDER_ERRORS,
  type MeasoftCode,
} from './errors';
import { DEFAULT_READING, orderFromElement, readXmlRoot, type OrderReading } from './parse-order';
import type { XmlElement } from './well-formed';
import type { MeasoftOrderEvent } from './types';
import { element, textElement, toXmlDocument, type XmlNode } from './xml';

export const measoftTimeoutMs = (): number => timeoutFromEnv('MEASOFT_TIMEOUT_MS', 20_000);

type CodeList = 'api' | 'order' | 'cancel';
const LISTS: Record<CodeList, Readonly<Record<number, MeasoftCode>>> = {
  api: MEASOFT_API_ERRORS,
  order: MEASOFT_ORDER_ERRORS,
  cancel: MEASOFT_CANCEL_ERRORS,
};

const attr = (node: XmlElement, name: string): string | undefined => node.attributes.find(([key]) => key === name)?.[1];

/** MeaSoft's refusal as the user sees it: its text, the code and what it means; wrong credentials ask to reconnect. */
export function measoftError(z: ZObject, code: number, vendorText: string | undefined, list: CodeList): Error {
  const known = LISTS[list][code];
  const text = vendorText?.trim() || known?.ru || '';
  const explanation = known?.en ?? 'MeaSoft gave no further explanation';
  const message = `MeaSoft refused the request: error ${code}${text ? ` "${text}"` : ''} (${explanation}).`;
  if (AUTH_ERROR_CODES[list].has(code)) {
    const expired = new z.errors.ExpiredAuthError(
      `${message} Reconnect the MeaSoft account and check the MeaSoft Login, MeaSoft Password and MeaSoft ` +
        'Courier Service Code.',
    );
    // Core would append the whole bundle (the password among it) to the message otherwise.
    (expired as Error & { doNotContextify?: boolean }).doNotContextify = true;
    return expired;
  }
  return new z.errors.Error(message, `MeasoftError${code}`, 400);
}

/** The code in an `error` attribute: 0 when absent; anything but digits is not a documented answer. */
function errorCode(z: ZObject, node: XmlElement, what: string): number {
  const value = attr(node, 'error');
  if (value === undefined || value.trim() === '') return 0;
  if (!/^\d+$/.test(value.trim())) throw badAnswer(z, `its ${what} carries error="${preview(value)}", not a code`);
  return Number(value.trim());
}

const errorText = (node: XmlElement): string | undefined =>
  attr(node, 'errormsgru') || attr(node, 'errormsg') || node.text || undefined;

function badAnswer(z: ZObject, why: string): Error {
  return new z.errors.Error(
    `MeaSoft answered with something other than its API answer (${why}). Check the MeaSoft Courier Service ` +
      'Code in the connection; ' +
      'if it is right, MeaSoft may be having trouble: try again later.',
    'MeasoftBadAnswer',
    502,
  );
}

export interface CallOptions {
  /** True for requests that change data: a lost answer then may or may not have applied it. */
  write: boolean;
  /**
   * A root error code that means "nothing found" for this request (11, "Заказы не найдены"), read as an
   * empty answer.
   */
  noneFound?: number;
}

/** Sends one request and returns the root of MeaSoft's answer, refusing errors and undocumented answers. */
export async function callMeasoft(
  z: ZObject,
  credentials: MeasoftCredentials,
  request: XmlNode,
  options: CallOptions,
): Promise<XmlElement> {
  const auth = element('auth', [
    ['login', credentials.login],
    ['pass', credentials.password],
    ['extra', credentials.extra],
  ]);
  const document = Buffer.from(toXmlDocument({ ...request, children: [auth, ...(request.children ?? [])] }), 'utf8');
  const failed = options.write
    ? 'The change may or may not have been made: check the order in MeaSoft before you replay this step.'
    : 'Nothing was changed; Zapier tries again at the next run.';
  const response = await requestWithin(
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
  if (response instanceof NoAnswer) {
    if (!response.mayHaveArrived) throw notReachedError(z, 'MeaSoft', response);
    const why = response.failure.timedOut ? response.reason : `did not answer (${response.reason})`;
    throw new z.errors.Error(`MeaSoft ${why}. ${failed}`, 'MeasoftNoAnswer', 502);
  }
  if (response.status >= 500) {
    throw new z.errors.Error(
      `MeaSoft answered with a server error (HTTP ${response.status}). ${failed}`,
      'MeasoftServerError',
      response.status,
    );
  }
  if (response.status !== 200) throw badAnswer(z, `HTTP ${response.status}: "${preview(response.content)}"`);
  let root: XmlElement;
  try {
    root = readXmlRoot(response.content, `<${request.name}> answer`);
  } catch (error) {
    if (error instanceof PayloadError) throw badAnswer(z, error.message.replace(/\.$/, ''));
    throw error;
  }
  // Errors come as an `error` attribute on the root, whatever the root is called.
  const code = errorCode(z, root, 'root');
  if (code !== 0 && code === options.noneFound) return { ...root, name: request.name, children: [] };
  if (code !== 0) throw measoftError(z, code, errorText(root), 'api');
  if (root.name !== request.name) throw badAnswer(z, `the root element is <${root.name}>, not <${request.name}>`);
  return root;
}

// ---------------------------------------------------------------------------------------------
// Requests

export interface OrderFilters {
  orderno?: string;
  orderno2?: string;
  givencode?: string;
  /** YYYY-MM-DD, order creation date from / to. */
  datefrom?: string;
  dateto?: string;
}

/** The stream ids MeaSoft accepts in `<streamid>` (docs/measoft.md, "Requests used", streams). */
export const MEASOFT_STREAM_MIN = 100;
export const MEASOFT_STREAM_MAX = 10_000;

function ordersOf(z: ZObject, root: XmlElement, reading: OrderReading): MeasoftOrderEvent[] {
  const orders: MeasoftOrderEvent[] = [];
  for (const child of root.children) {
    if (child.name !== 'order')
      throw badAnswer(z, `<statusreq> holds a <${child.name}> element, not only <order> elements`);
    try {
      orders.push(orderFromElement(child, reading));
    } catch (error) {
      if (error instanceof PayloadError) throw badAnswer(z, error.message.replace(/\.$/, ''));
      throw error;
    }
  }
  return orders;
}

/** `statusreq` with filters: orders of any state, read only. */
export async function findOrders(
  z: ZObject,
  credentials: MeasoftCredentials,
  filters: OrderFilters,
  reading: OrderReading = DEFAULT_READING,
): Promise<MeasoftOrderEvent[]> {
  const request = element(
    'statusreq',
    [],
    [
      textElement('orderno', filters.orderno),
      textElement('orderno2', filters.orderno2),
      textElement('givencode', filters.givencode),
      textElement('datefrom', filters.datefrom),
      textElement('dateto', filters.dateto),
    ],
  );
  return ordersOf(z, await callMeasoft(z, credentials, request, { write: false, noneFound: 11 }), reading);
}

/** `statusreq` with `changes=ONLY_LAST` on a stream: orders changed since that stream's last commit. */
export async function changedOrders(
  z: ZObject,
  credentials: MeasoftCredentials,
  streamId: number,
  reading: OrderReading = DEFAULT_READING,
): Promise<MeasoftOrderEvent[]> {
  const request = element('statusreq', [], [textElement('changes', 'ONLY_LAST'), textElement('streamid', streamId)]);
  return ordersOf(z, await callMeasoft(z, credentials, request, { write: false }), reading);
}

/** `commitlaststatus`: the changes the stream's last ONLY_LAST answer returned are marked received. */
export async function commitLastStatus(z: ZObject, credentials: MeasoftCredentials, streamId: number): Promise<void> {
  const root = await callMeasoft(z, credentials, element('commitlaststatus', [], [textElement('streamid', streamId)]), {
    write: true,
  });
  if (root.children.length > 0) throw badAnswer(z, '<commitlaststatus> came back with content');
}

export interface CreatedOrder {
  orderno: string;
  barcode: string | null;
  orderprice: number | null;
}

/** `neworder` with one `<order>`; MeaSoft answers with one `<createorder>` per order. */
export async function createOrder(z: ZObject, credentials: MeasoftCredentials, order: XmlNode): Promise<CreatedOrder> {
  const root = await callMeasoft(z, credentials, element('neworder', [['newfolder', 'NO']], [order]), { write: true });
  const answers = root.children.filter((child) => child.name === 'createorder');
  if (answers.length !== 1 || root.children.length !== 1)
    throw badAnswer(z, '<neworder> did not hold exactly one <createorder>');
  const answer = answers[0]!;
  if (attr(answer, 'error') === undefined) throw badAnswer(z, '<createorder> has no error attribute');
  const code = errorCode(z, answer, '<createorder>');
  if (code !== 0) throw measoftError(z, code, errorText(answer), 'order');
  const orderno = attr(answer, 'orderno')?.trim() ?? '';
  if (orderno === '') throw badAnswer(z, '<createorder> reports success without an order number');
  const price = attr(answer, 'orderprice');
  const orderprice = price !== undefined && /^\d+(\.\d+)?$/.test(price.trim()) ? Number(price) : null;
  return { orderno, barcode: attr(answer, 'barcode')?.trim() || null, orderprice };
}

/** `cancelorder` for one order number; MeaSoft answers with one `<order>` carrying its result. */
export async function cancelOrder(
  z: ZObject,
  credentials: MeasoftCredentials,
  orderno: string,
): Promise<{ orderno: string; message: string | null }> {
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
    {
      write: true,
    },
  );
  const answers = root.children.filter((child) => child.name === 'order');
  if (answers.length !== 1 || root.children.length !== 1)
    throw badAnswer(z, '<cancelorder> did not hold exactly one <order>');
  const answer = answers[0]!;
  if (attr(answer, 'error') === undefined) throw badAnswer(z, 'the <order> of <cancelorder> has no error attribute');
  const code = errorCode(z, answer, '<order>');
  if (code !== 0) throw measoftError(z, code, errorText(answer), 'cancel');
  return { orderno: attr(answer, 'orderno')?.trim() || orderno, message: errorText(answer) ?? null };
}
