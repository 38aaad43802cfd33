/**
 * Secrets never leak: every function of the app (each trigger's, create's and search's perform and
 * performList, and the connection test), looked up in the app definition, runs through
 * createAppTester against the sandbox with core's stdout logging on (LOG_TO_STDOUT and
 * DETAILED_LOG_TO_STDOUT: every HTTP request and answer printed with headers and bodies), on
 * success and failure paths (wrong keys, vendor errors, faults). The connection carries every
 * secret it can hold (JustClick, R-Lab, MeaSoft, Abaha) on every run, as Zapier passes the whole
 * connection to each step; a function of the app without both a success and a failure scenario
 * fails the suite, so a new operation cannot be left out. Everything printed (console and the
 * process streams), every result and every error (message, appended context, stack) is searched
 * for each secret in every form it could take on the way out: as typed, percent-encoded (upper and
 * lower case hex, PHP and URLSearchParams styles), plus-encoded, JSON-escaped (once and twice),
 * XML-escaped (MeaSoft's requests are XML), and a distinctive prefix of each, so a cut-off value
 * (error previews) is caught too.
 *
 * Besides stdout, core's structured logs (what Zapier keeps, after its scrubber) are received by a
 * local stand-in for Zapier's log endpoint (LOGGING_ENDPOINT/LOGGING_TOKEN) and searched too. Any
 * ":censored:" marker other than those for the JustClick and MeaSoft logins and the Abaha header
 * key (not secrets, but core censors every authData value it does not safe-list) would mean a
 * secret was sent somewhere and only the scrubber hid it: that fails the test as well.
 *
 * The secrets are long and built from characters that every encoding changes (space, + / = & % "
 * \ ! * ' ( ) ~ < > and Cyrillic), so a leak cannot hide behind one encoding. The JustClick and
 * MeaSoft logins, the MeaSoft courier service code, the R-Lab user ID and the Abaha header key are
 * not secrets and are not searched for.
 *
 * The MeaSoft polling trigger runs with z.cache over core's RPC (test/support/cache-rpc.ts), as a
 * live Zap does, so its stream claim and commit really happen.
 *
 * New MeaSoft Order Status (Webhook)'s Secret in the Webhook URL (`url_secret`) and the `key` a delivery carries
 * (the right one, another, repeated) are searched for the same way: core's scrubber knows only the connection's
 * values, so a trigger input that went out would show in full. A URL secret cannot hold a space (the trigger
 * refuses whitespace, `&` and `#`), so its plus-encoded form is its percent-encoded one.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { format } from 'node:util';
import type { Bundle, ZObject } from 'zapier-platform-core';
import App from '../../src/index';
import { applyEnv, startSandbox, type Sandbox } from '../../sandbox/index';
import {
  abahaCustomer as customerPayload,
  abahaOrder as orderPayload,
  abahaProduct as productPayload,
  forgeMeasoftStatus,
  measoftOrderXml,
} from '../../sandbox/senders';
import { appTester } from '../e2e/helpers';
import { cacheRpc, rpcAppTester } from '../support/cache-rpc';
import { useEnv } from '../support/env';

const JUSTCLICK_SECRET = `jcS3cret/+=&%"\\ Ключ~!*()'-7f3a9c`;
const RLAB_API_KEY = `rlabK3y+/=&%"\\ ключ~!*()'-51e0d2`;
const ABAHA_HEADER_VALUE = `abahaH3ader/+=&%"\\ ý~!*()'-c81b44`;
const WRONG_JUSTCLICK_SECRET = `wrongJcS3cret/+=&%"\\ Ключ~!*()'-0000`;
const WRONG_RLAB_API_KEY = `wrongRlabK3y+/=&%"\\ ключ~!*()'-0000`;
const WRONG_ABAHA_HEADER_VALUE = `wrongAbahaH3ader/+=&%"\\ ý~!*()'-0000`;
const MEASOFT_PASSWORD = `msP4ss/+=&%"\\ <Пароль>~!*()'-9d21e7`;
const WRONG_MEASOFT_PASSWORD = `wrongMsP4ss/+=&%"\\ <Пароль>~!*()'-0000`;
/** New MeaSoft Order Status (Webhook)'s Secret in the Webhook URL, and a wrong `key` a stranger sends. */
const URL_SECRET = `urlK3y+/=%"\\<Ключ>~!*()'-b7d4e1`;
const WRONG_URL_KEY = `wrongUrlK3y+/=%"\\<Ключ>~!*()'-0000`;
/** A Secret in the Webhook URL with `&`, which cannot survive in a URL: refused, and never echoed either. */
const UNUSABLE_URL_SECRET = `badUrlK3y&+/=%"\\<Ключ>~!*()'-4c2a`;
const URL_SECRETS = new Set([URL_SECRET, WRONG_URL_KEY, UNUSABLE_URL_SECRET]);
/** The connection's Abaha header value, used by the Abaha triggers whose own fields are empty. */
const ABAHA_CONNECTION_HEADER_VALUE = `abahaC0nn/+=&%"\\ ý<>~!*()'-3e9f12`;
const SECRETS = {
  JUSTCLICK_SECRET,
  RLAB_API_KEY,
  ABAHA_HEADER_VALUE,
  MEASOFT_PASSWORD,
  ABAHA_CONNECTION_HEADER_VALUE,
  WRONG_JUSTCLICK_SECRET,
  WRONG_RLAB_API_KEY,
  WRONG_ABAHA_HEADER_VALUE,
  WRONG_MEASOFT_PASSWORD,
  URL_SECRET,
  WRONG_URL_KEY,
  UNUSABLE_URL_SECRET,
};

const LOGIN = 'secret-test-shop';
const USER_ID = '4242';
const MEASOFT_LOGIN = 'secret-test-measoft';
const MEASOFT_EXTRA = '8';
const ABAHA_CONNECTION_HEADER = 'X-Abaha-Key';

/** PHP's urlencode, written out here independently of src/common/php-query.ts. */
const phpStyle = (text: string) =>
  encodeURIComponent(text)
    .replace(/[!'()*~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');

/** XML's escapes, by name or by number, written out here independently of src/measoft/xml-writer.ts. */
const XML_NAMED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xmlStyle = (text: string, numeric = false) =>
  text.replace(/[&<>"']/g, (char) => (numeric ? `&#${char.charCodeAt(0)};` : XML_NAMED[char]!));

/** Every form a secret could leave the app in. */
function forms(secret: string): string[] {
  const percent = encodeURIComponent(secret);
  return [
    secret,
    percent,
    percent.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
    percent.replace(/%20/g, '+'),
    phpStyle(secret),
    new URLSearchParams({ v: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
    JSON.stringify(JSON.stringify(secret)).slice(1, -1),
    xmlStyle(secret),
    xmlStyle(secret, true),
    secret.slice(0, 12), // a cut-off value, as error previews shorten them
  ];
}

// The scrubber's marker for a value: ":censored:<length>:<salted hash prefix>:".
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { censor } = require('@zapier/secret-scrubber/lib/utils') as { censor: (value: string) => string };
const CENSORED = /:censored:\d+:[0-9a-f]+:/g;
/** Connection values that are not secrets but that core censors (it safe-lists only some key names). */
const NOT_SECRETS = new Set([LOGIN, MEASOFT_LOGIN, ABAHA_CONNECTION_HEADER].map(censor));

/** Markers the scrubber left for anything but the values above: a secret that went out and was hidden. */
const hiddenSecrets = (text: string): string[] =>
  [...text.matchAll(CENSORED)].map(([marker]) => marker).filter((marker) => !NOT_SECRETS.has(marker));

/** Which secret, in which form, a text contains; [] when none. */
function leaks(text: string): string[] {
  return Object.entries(SECRETS).flatMap(([name, secret]) =>
    forms(secret)
      .filter((form) => text.includes(form))
      .map((form) => `${name} as ${JSON.stringify(form)}`),
  );
}

/** Collects everything the run prints: console (where core's stdout logging goes) and the raw streams. */
async function captured<T>(run: () => Promise<T>): Promise<{ printed: string; result?: T; error?: Error }> {
  const printed: string[] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(format(...args))),
  );
  const streams = [process.stdout, process.stderr].map((stream) =>
    jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown) => {
      printed.push(String(chunk));
      return true;
    }) as never),
  );
  try {
    const result = await run();
    return { printed: printed.join('\n'), result };
  } catch (error) {
    return { printed: printed.join('\n'), error: error as Error };
  } finally {
    for (const spy of [...spies, ...streams]) spy.mockRestore();
  }
}

type Scenario = {
  /** The function of the app the scenario is about: "<operation key>.<method>" or "authentication.test". */
  covers: string;
  /** Set up a fault before the run (undone before the next scenario). */
  fault?: (sandbox: Sandbox) => Promise<void>;
  run: () => Promise<unknown>;
  /** What the run must end with, so each scenario really takes its path. */
  expect: 'result' | 'error';
  /** Operations that reach a vendor must show it in the log, proving logging was on. */
  logsHttp: boolean;
};
type Run = Pick<Scenario, 'covers' | 'run'>;

type AppFunction = (z: ZObject, bundle: Bundle) => Promise<unknown>;
type Definition = { operation: Record<string, unknown> };

/**
 * Every function of the app that Zapier calls with the connection, read from the definition: each
 * function-valued property of each trigger's, create's and search's operation (perform,
 * performList, and any added later), and the connection test (run with the connection label).
 */
const FUNCTIONS: Record<string, AppFunction> = {
  'authentication.test': async (z, bundle) => {
    const { test, connectionLabel } = App.authentication as unknown as Record<'test' | 'connectionLabel', AppFunction>;
    const info = await test(z, bundle);
    const label = await connectionLabel(z, {
      ...bundle,
      inputData: info as Bundle['inputData'],
    });
    return { info, label };
  },
  ...Object.fromEntries(
    [App.triggers, App.creates, App.searches].flatMap((group) =>
      Object.entries((group ?? {}) as unknown as Record<string, Definition>).flatMap(([key, definition]) =>
        Object.entries(definition.operation)
          .filter(([, value]) => typeof value === 'function')
          .map(([method, value]) => [`${key}.${method}`, value as AppFunction]),
      ),
    ),
  ),
};

/** "key" alone means the operation's perform. */
const covering = (key: string) => (key.includes('.') ? key : `${key}.perform`);
const appFunction = (key: string): AppFunction => {
  const found = FUNCTIONS[covering(key)];
  if (!found) throw new Error(`the app has no ${covering(key)}`);
  return found;
};

/** The connection with every service filled in, as the sandbox accepts it. */
const auth = (overrides: Record<string, string> = {}) => ({
  justclick_login: LOGIN,
  justclick_secret: JUSTCLICK_SECRET,
  rlab_user_id: USER_ID,
  rlab_api_key: RLAB_API_KEY,
  measoft_login: MEASOFT_LOGIN,
  measoft_password: MEASOFT_PASSWORD,
  measoft_extra: MEASOFT_EXTRA,
  abaha_header_name: ABAHA_CONNECTION_HEADER,
  abaha_header_value: ABAHA_CONNECTION_HEADER_VALUE,
  ...overrides,
});
const WRONG_MEASOFT = { measoft_password: WRONG_MEASOFT_PASSWORD };
const WITHOUT_MEASOFT = { measoft_login: '', measoft_password: '', measoft_extra: '' };

/** Runs a function of the app with the connection (changed by `overrides`). */
const call = (
  key: string,
  inputData: Record<string, unknown> = {},
  overrides: Record<string, string> = {},
  meta?: Record<string, unknown>,
) => appTester(appFunction(key), { authData: auth(overrides), inputData, ...(meta && { meta }) } as unknown as Bundle);

const op = (
  key: string,
  inputData: Record<string, unknown> = {},
  overrides: Record<string, string> = {},
  meta?: Record<string, unknown>,
): Run => ({ covers: covering(key), run: () => call(key, inputData, overrides, meta) });

/** Several steps in one run, all of it searched; `key` is the one the scenario is about. */
const steps = (key: string, run: () => Promise<unknown>): Run => ({ covers: covering(key), run });

const connection = (overrides: Record<string, string> = {}) => op('authentication.test', {}, overrides);

/** Set in beforeAll: an app tester whose z.cache goes over core's RPC to a cache that honours nx. */
let rpcTester: ReturnType<typeof rpcAppTester>;
const POLL = 'measoft_order_status_poll';
/** Polls as a live Zap does, twice: the second poll commits what the first returned. */
const poll = (overrides: Record<string, string> = {}, meta: Record<string, unknown> = { zap: { id: 'zap-secrets' } }) =>
  steps(POLL, async () => {
    // Loading samples reads recent orders and leaves the cache alone.
    if (!meta.isLoadingSample) cacheRpc();
    const bundle = { authData: auth(overrides), inputData: {}, meta } as unknown as Bundle;
    const first = await rpcTester(appFunction(POLL), bundle);
    return [first, await rpcTester(appFunction(POLL), bundle)];
  });

/** A MeaSoft courier order as a Zap maps it. */
const measoftOrder = (orderno: string) => ({
  orderno,
  receiver_name: 'Анна Петрова',
  receiver_phone: '+7 (916) 000-00-00',
  receiver_town: 'Москва',
  receiver_address: 'Петровка, 38, кв. 5',
  weight: '1,5',
  quantity: 1,
  paytype: 'CASH',
  price: 2490,
  items: [{ item_name: 'Футболка', item_quantity: 1, item_price: 2490 }],
});
const createMeasoftOrder = async (orderno: string) =>
  (await call('measoft_create_order', measoftOrder(orderno))) as { orderno: string };

/** A delivery as Zapier hands it to the hook: the connection's authData too, as Zapier passes it to every step. */
const hook = (
  key: string,
  content: string,
  headers: Record<string, string>,
  inputData: Record<string, unknown>,
  overrides: Record<string, string> = {},
): Run => ({
  covers: covering(key),
  run: () =>
    appTester(appFunction(key), {
      authData: auth(overrides),
      inputData,
      meta: { isLoadingSample: false },
      rawRequest: {
        method: 'POST',
        querystring: '',
        headers: { 'Content-Type': 'application/json', ...headers },
        content,
      },
      cleanedRequest: {},
    } as unknown as Bundle),
});
/** The sandbox, for scenarios that post what its MeaSoft emulator holds (set in beforeAll). */
let liveSandbox: Sandbox;
/** The query string of a delivery to the Zap's URL: `key=` once per value, percent-encoded. */
const keyQuery = (...values: string[]) => values.map((value) => `key=${encodeURIComponent(value)}`).join('&');
/**
 * A MeaSoft delivery as Zapier hands it to New MeaSoft Order Status (Webhook): the query string raw and decoded;
 * the document is made when the scenario runs (after its `fault` put the order in the emulator).
 */
const measoftHook = (
  query: string,
  inputData: Record<string, unknown>,
  content: () => string = () =>
    measoftOrderXml({ orderno: 'SEC-K0', status: 'COMPLETE', at: new Date('2024-05-20T09:00:00Z') }),
  overrides: Record<string, string> = {},
): Run => ({
  covers: covering('order_status'),
  run: () =>
    appTester(appFunction('order_status'), {
      authData: auth(overrides),
      inputData,
      meta: { isLoadingSample: false },
      rawRequest: {
        method: 'POST',
        querystring: query,
        headers: { 'Content-Type': 'text/xml; charset=utf-8' },
        content: content(),
      },
      cleanedRequest: { querystring: Object.fromEntries(new URLSearchParams(query)) },
    } as unknown as Bundle),
});
/** An order the MeaSoft emulator holds, delivered. */
const holdDelivered = async (sandbox: Sandbox, orderno: string) => {
  sandbox.measoft.addOrder(orderno);
  for (const code of ['PICKUP', 'DELIVERY', 'COMPLETE']) sandbox.measoft.advance(orderno, code);
};
const KEYED = { url_secret: URL_SECRET };
const CONFIRMING = { url_secret: URL_SECRET, confirm_with_measoft: 'yes' };

const SECURED = { secret_header_name: 'X-Shop-Token', secret_header_value: ABAHA_HEADER_VALUE };
const WITH_HEADER = { 'Http-X-Shop-Token': ABAHA_HEADER_VALUE };
const WITH_CONNECTION_HEADER = { 'Http-X-Abaha-Key': ABAHA_CONNECTION_HEADER_VALUE };

const JUSTCLICK_ORDER = { goods: [{ good_name: 'course-basic', good_sum: '2490' }], email: 'anna@example.com' };

const SCENARIOS: Record<string, Scenario> = {
  'connection test, every service': { ...connection(), expect: 'result', logsHttp: true },
  'connection test, MeaSoft only': {
    ...connection({
      justclick_login: '',
      justclick_secret: '',
      rlab_user_id: '',
      rlab_api_key: '',
      abaha_header_name: '',
      abaha_header_value: '',
    }),
    expect: 'result',
    logsHttp: true,
  },
  'connection test, wrong JustClick key': {
    ...connection({ justclick_secret: WRONG_JUSTCLICK_SECRET }),
    expect: 'error',
    logsHttp: true,
  },
  'connection test, wrong R-Lab key': {
    ...connection({ rlab_api_key: WRONG_RLAB_API_KEY }),
    expect: 'error',
    logsHttp: true,
  },
  'connection test, wrong MeaSoft password': { ...connection(WRONG_MEASOFT), expect: 'error', logsHttp: true },
  'connection test, MeaSoft server error': {
    fault: (s) => s.measoft.fault('http500'),
    ...connection(),
    expect: 'error',
    logsHttp: true,
  },
  'connection test, Abaha value without its key': {
    ...connection({ abaha_header_name: '' }),
    expect: 'error',
    logsHttp: true,
  },

  'Update Order Status': {
    ...op('justclick_update_order_status', { bill_id: '100001', status: 'paid', date: '2024-05-20T12:00:00Z' }),
    expect: 'result',
    logsHttp: true,
  },
  'Update Order Status, wrong key': {
    ...op(
      'justclick_update_order_status',
      { bill_id: '100001', status: 'cancel' },
      { justclick_secret: WRONG_JUSTCLICK_SECRET },
    ),
    expect: 'error',
    logsHttp: true,
  },
  'Update Order Status, unknown order': {
    ...op('justclick_update_order_status', { bill_id: '999', status: 'cancel' }),
    expect: 'error',
    logsHttp: true,
  },
  'Update Order Status, answer with a wrong hash': {
    fault: (s) => s.justclick.fault('badhash'),
    ...op('justclick_update_order_status', { bill_id: '100002', status: 'cancel' }),
    expect: 'error',
    logsHttp: true,
  },
  'Update Order Status, malformed answer': {
    fault: (s) => s.justclick.fault('malformed'),
    ...op('justclick_update_order_status', { bill_id: '100002', status: 'cancel' }),
    expect: 'error',
    logsHttp: true,
  },
  'Update Order Status, server error': {
    fault: (s) => s.justclick.fault('http500'),
    ...op('justclick_update_order_status', { bill_id: '100002', status: 'cancel' }),
    expect: 'error',
    logsHttp: true,
  },
  'Update Order Status, JustClick down': {
    fault: (s) => s.justclick.fault('down'),
    ...op('justclick_update_order_status', { bill_id: '100002', status: 'cancel' }),
    expect: 'error',
    logsHttp: false,
  },

  'Create Order (JustClick)': { ...op('justclick_create_order', JUSTCLICK_ORDER), expect: 'result', logsHttp: true },
  'Create Order (JustClick), wrong key': {
    ...op('justclick_create_order', JUSTCLICK_ORDER, { justclick_secret: WRONG_JUSTCLICK_SECRET }),
    expect: 'error',
    logsHttp: true,
  },
  'Create Order (JustClick), answer with a wrong hash': {
    fault: (s) => s.justclick.fault('badhash'),
    ...op('justclick_create_order', { goods: [{ good_name: 'consult' }], email: 'x@example.com' }),
    expect: 'error',
    logsHttp: true,
  },
  'Create Order (JustClick), connection lost after sending': {
    fault: (s) => s.justclick.fault('reset'),
    ...op('justclick_create_order', { goods: [{ good_name: 'book-print' }], email: 'y@example.com' }),
    expect: 'error',
    logsHttp: false,
  },
  'New Order (JustClick)': { ...op('justclick_new_order'), expect: 'result', logsHttp: true },
  'New Order (JustClick), only paid': {
    ...op('justclick_new_order', { only_paid: 'yes' }),
    expect: 'result',
    logsHttp: true,
  },
  'New Order (JustClick), wrong key': {
    ...op('justclick_new_order', {}, { justclick_secret: WRONG_JUSTCLICK_SECRET }),
    expect: 'error',
    logsHttp: true,
  },
  'New Order (JustClick), server error': {
    fault: (s) => s.justclick.fault('http500'),
    ...op('justclick_new_order'),
    expect: 'error',
    logsHttp: true,
  },
  'Find Order (JustClick)': { ...op('justclick_find_order', { bill_id: '100001' }), expect: 'result', logsHttp: true },
  'Find Order (JustClick), wrong key': {
    ...op('justclick_find_order', { bill_id: '100001' }, { justclick_secret: WRONG_JUSTCLICK_SECRET }),
    expect: 'error',
    logsHttp: true,
  },
  'Find Order (JustClick), malformed answer': {
    fault: (s) => s.justclick.fault('malformed'),
    ...op('justclick_find_order', { bill_id: '100001' }),
    expect: 'error',
    logsHttp: true,
  },
  'Add Subscriber': {
    ...op('justclick_add_subscriber', { groups: ['newsletter', 'buyers'], email: 'oleg@example.com', name: 'Олег' }),
    expect: 'result',
    logsHttp: true,
  },
  'Add Subscriber, unknown group': {
    ...op('justclick_add_subscriber', { groups: ['nope'], email: 'oleg@example.com' }),
    expect: 'error',
    logsHttp: true,
  },
  'Add Subscriber, wrong key': {
    ...op(
      'justclick_add_subscriber',
      { groups: ['newsletter'], email: 'oleg@example.com' },
      {
        justclick_secret: WRONG_JUSTCLICK_SECRET,
      },
    ),
    expect: 'error',
    logsHttp: true,
  },
  'Find Subscriber': {
    ...op('justclick_find_subscriber', { email: 'oleg@example.com', group: 'buyers' }),
    expect: 'result',
    logsHttp: true,
  },
  'Find Subscriber, wrong key': {
    ...op('justclick_find_subscriber', { email: 'oleg@example.com' }, { justclick_secret: WRONG_JUSTCLICK_SECRET }),
    expect: 'error',
    logsHttp: true,
  },
  'Products dropdown': { ...op('justclick_products'), expect: 'result', logsHttp: true },
  'Products dropdown, wrong key': {
    ...op('justclick_products', {}, { justclick_secret: WRONG_JUSTCLICK_SECRET }),
    expect: 'error',
    logsHttp: true,
  },
  'Groups dropdown': { ...op('justclick_groups'), expect: 'result', logsHttp: true },
  'Groups dropdown, wrong key': {
    ...op('justclick_groups', {}, { justclick_secret: WRONG_JUSTCLICK_SECRET }),
    expect: 'error',
    logsHttp: true,
  },
  'Groups dropdown, answer with a wrong hash': {
    fault: (s) => s.justclick.fault('badhash'),
    ...op('justclick_groups'),
    expect: 'error',
    logsHttp: true,
  },
  'Find Orders by Buyer (JustClick)': {
    ...op('justclick_find_buyer_orders', { email: 'buyer100003@example.com' }),
    expect: 'result',
    logsHttp: true,
  },
  'Find Orders by Buyer (JustClick), wrong key': {
    ...op(
      'justclick_find_buyer_orders',
      { email: 'buyer100003@example.com' },
      { justclick_secret: WRONG_JUSTCLICK_SECRET },
    ),
    expect: 'error',
    logsHttp: true,
  },
  'Find Orders by Buyer (JustClick), answer with a wrong hash': {
    fault: (s) => s.justclick.fault('badhash'),
    ...op('justclick_find_buyer_orders', { email: 'buyer100003@example.com', pay_status: 'waiting' }),
    expect: 'error',
    logsHttp: true,
  },
  'Remove Subscriber from Group': {
    ...op('justclick_remove_subscriber', { groups: ['buyers', 'newsletter'], email: 'oleg@example.com' }),
    expect: 'result',
    logsHttp: true,
  },
  'Remove Subscriber from Group, unknown group': {
    ...op('justclick_remove_subscriber', { groups: ['nope'], email: 'oleg@example.com' }),
    expect: 'error',
    logsHttp: true,
  },
  'Remove Subscriber from Group, wrong key': {
    ...op(
      'justclick_remove_subscriber',
      { groups: ['buyers'], email: 'oleg@example.com' },
      { justclick_secret: WRONG_JUSTCLICK_SECRET },
    ),
    expect: 'error',
    logsHttp: true,
  },
  'Delete Order (JustClick)': {
    ...op('justclick_delete_order', { bill_id: '100005' }),
    expect: 'result',
    logsHttp: true,
  },
  'Delete Order (JustClick), unknown number': {
    ...op('justclick_delete_order', { bill_id: '100005' }),
    expect: 'error',
    logsHttp: true,
  },
  'Delete Order (JustClick), wrong key': {
    ...op('justclick_delete_order', { bill_id: '100004' }, { justclick_secret: WRONG_JUSTCLICK_SECRET }),
    expect: 'error',
    logsHttp: true,
  },
  'Delete Order (JustClick), answer with a wrong hash': {
    fault: (s) => s.justclick.fault('badhash'),
    ...op('justclick_delete_order', { bill_id: '100004' }),
    expect: 'error',
    logsHttp: true,
  },

  'Add Tracking Number, two tracks': {
    ...op('rlab_add_track', { track: ['SEC-0001', 'SEC-0002'], phone: ['+7 916 000-00-01', '+7 916 000-00-02'] }),
    expect: 'result',
    logsHttp: true,
  },
  'Add Tracking Number, wrong key': {
    ...op('rlab_add_track', { track: 'SEC-0003', phone: '79160000003' }, { rlab_api_key: WRONG_RLAB_API_KEY }),
    expect: 'error',
    logsHttp: true,
  },
  'Add Tracking Number, malformed answer': {
    fault: (s) => s.rlab.fault('malformed'),
    ...op('rlab_add_track', { track: 'SEC-0004', phone: '79160000004' }),
    expect: 'error',
    logsHttp: true,
  },
  'Add Tracking Number, both hosts down': {
    fault: async (s) => {
      await s.rlab.fault('down');
      await s.rlabBackup.fault('down');
    },
    ...op('rlab_add_track', { track: 'SEC-0005', phone: '79160000005' }),
    expect: 'error',
    logsHttp: false,
  },
  'Update Tracking Number': {
    ...op('rlab_update_track', { track: 'SEC-0001', name: 'Мария' }),
    expect: 'result',
    logsHttp: true,
  },
  'Update Tracking Number, primary 5xx then backup': {
    fault: (s) => s.rlab.fault('http500'),
    ...op('rlab_update_track', { track: 'SEC-0001', email: 'b@example.ru' }),
    expect: 'result',
    logsHttp: true,
  },
  'Update Tracking Number, wrong key': {
    ...op('rlab_update_track', { track: 'SEC-0001', name: 'Мария' }, { rlab_api_key: WRONG_RLAB_API_KEY }),
    expect: 'error',
    logsHttp: true,
  },
  'Delete Tracking Number': { ...op('rlab_delete_track', { track: 'SEC-0002' }), expect: 'result', logsHttp: true },
  'Delete Tracking Number, wrong key': {
    ...op('rlab_delete_track', { track: 'SEC-0001' }, { rlab_api_key: WRONG_RLAB_API_KEY }),
    expect: 'error',
    logsHttp: true,
  },
  'Find Track Status': { ...op('rlab_track_info', { track: '80085275412345' }), expect: 'result', logsHttp: true },
  'Find Track Status, wrong key': {
    ...op('rlab_track_info', { track: '80085275412345' }, { rlab_api_key: WRONG_RLAB_API_KEY }),
    expect: 'error',
    logsHttp: true,
  },
  'Find Buyer in Blacklist, with history': {
    ...op('blacklist_check', { phone: '79160000013', email: 'buyer@example.ru', include_history: true }),
    expect: 'result',
    logsHttp: true,
  },
  'Find Buyer in Blacklist, wrong key': {
    ...op('blacklist_check', { phone: '79160000013' }, { rlab_api_key: WRONG_RLAB_API_KEY }),
    expect: 'error',
    logsHttp: true,
  },
  'Find Buyer in Blacklist, vendor error': {
    fault: (s) => s.deliverycrm.fault('vendorerror'),
    ...op('blacklist_check', { phone: '79160000013' }),
    expect: 'error',
    logsHttp: true,
  },
  'Find Notification History': {
    ...op('notification_history', { track: '80085275412345' }),
    expect: 'result',
    logsHttp: true,
  },
  'Find Notification History, wrong key': {
    ...op('notification_history', { track: '80085275412345' }, { rlab_api_key: WRONG_RLAB_API_KEY }),
    expect: 'error',
    logsHttp: true,
  },

  'Create Courier Order (MeaSoft)': {
    ...op('measoft_create_order', measoftOrder('SEC-M-1')),
    expect: 'result',
    logsHttp: true,
  },
  'Create Courier Order (MeaSoft), replayed': {
    ...op('measoft_create_order', measoftOrder('SEC-M-1')),
    expect: 'result',
    logsHttp: true,
  },
  'Create Courier Order (MeaSoft), wrong password': {
    ...op('measoft_create_order', measoftOrder('SEC-M-2'), WRONG_MEASOFT),
    expect: 'error',
    logsHttp: true,
  },
  'Create Courier Order (MeaSoft), connection lost after sending': {
    fault: (s) => s.measoft.fault('reset'),
    ...op('measoft_create_order', measoftOrder('SEC-M-3')),
    expect: 'error',
    logsHttp: false,
  },
  'Create Courier Order (MeaSoft), server error': {
    fault: (s) => s.measoft.fault('http500'),
    ...op('measoft_create_order', measoftOrder('SEC-M-4')),
    expect: 'error',
    logsHttp: true,
  },
  'Find Courier Order (MeaSoft)': {
    ...steps('measoft_find_order', async () => {
      await createMeasoftOrder('SEC-M-5');
      return call('measoft_find_order', { orderno: 'SEC-M-5' });
    }),
    expect: 'result',
    logsHttp: true,
  },
  'Find Courier Order (MeaSoft), wrong password': {
    ...op('measoft_find_order', { orderno: 'SEC-M-5' }, WRONG_MEASOFT),
    expect: 'error',
    logsHttp: true,
  },
  'Find Courier Order (MeaSoft), malformed answer': {
    fault: (s) => s.measoft.fault('malformed'),
    ...op('measoft_find_order', { orderno: 'SEC-M-5' }),
    expect: 'error',
    logsHttp: true,
  },
  'Cancel Courier Order (MeaSoft)': {
    ...steps('measoft_cancel_order', async () => {
      const created = await createMeasoftOrder('SEC-M-6');
      return call('measoft_cancel_order', { orderno: created.orderno });
    }),
    expect: 'result',
    logsHttp: true,
  },
  'Cancel Courier Order (MeaSoft), unknown order': {
    ...op('measoft_cancel_order', { orderno: '99999999' }),
    expect: 'error',
    logsHttp: true,
  },
  'Cancel Courier Order (MeaSoft), wrong password': {
    ...op('measoft_cancel_order', { orderno: '99999999' }, WRONG_MEASOFT),
    expect: 'error',
    logsHttp: true,
  },
  'Update Courier Order (MeaSoft)': {
    ...steps('measoft_update_order', async () => {
      const created = await createMeasoftOrder('SEC-M-7');
      return call('measoft_update_order', {
        orderno: created.orderno,
        receiver_phone: '+7 (999) 000-00-01',
        deliveryprice: '0',
      });
    }),
    expect: 'result',
    logsHttp: true,
  },
  'Update Courier Order (MeaSoft), wrong password': {
    ...op('measoft_update_order', { orderno: '99999999', instruction: 'x', deliveryprice: '0' }, WRONG_MEASOFT),
    expect: 'error',
    logsHttp: true,
  },
  'Calculate Delivery Price (MeaSoft)': {
    ...op('measoft_calculate_price', { town_from: 'Москва', town_to: 'Казань', weight: '1' }),
    expect: 'result',
    logsHttp: true,
  },
  'Calculate Delivery Price (MeaSoft), unknown town': {
    ...op('measoft_calculate_price', { town_from: 'Москва', town_to: 'Казанъ', weight: '1' }),
    expect: 'error',
    logsHttp: true,
  },
  'Find Pickup Point (MeaSoft)': {
    ...op('measoft_find_pickup_point', { town: 'Москва' }),
    expect: 'result',
    logsHttp: true,
  },
  'Find Pickup Point (MeaSoft), wrong password': {
    ...op('measoft_find_pickup_point', { town: 'Москва' }, WRONG_MEASOFT),
    expect: 'error',
    logsHttp: true,
  },
  'Pickup Point dropdown (MeaSoft)': {
    ...op('measoft_pickup_point_list', { receiver_town: 'Москва' }),
    expect: 'result',
    logsHttp: true,
  },
  'Pickup Point dropdown (MeaSoft), server error': {
    fault: (s) => s.measoft.fault('http500'),
    ...op('measoft_pickup_point_list', { receiver_town: 'Москва' }),
    expect: 'error',
    logsHttp: true,
  },
  'Delivery Mode dropdown (MeaSoft)': { ...op('measoft_service_list'), expect: 'result', logsHttp: true },
  'Delivery Mode dropdown (MeaSoft), malformed answer': {
    fault: (s) => s.measoft.fault('malformed'),
    ...op('measoft_service_list'),
    expect: 'error',
    logsHttp: true,
  },
  'New Order Status (MeaSoft, Polling)': { ...poll(), expect: 'result', logsHttp: true },
  'New Order Status (MeaSoft, Polling), loading samples': {
    ...poll({}, { zap: { id: 'zap-secrets' }, isLoadingSample: true }),
    expect: 'result',
    logsHttp: true,
  },
  'New Order Status (MeaSoft, Polling), wrong password': { ...poll(WRONG_MEASOFT), expect: 'error', logsHttp: true },
  'New Order Status (MeaSoft, Polling), connection lost': {
    fault: (s) => s.measoft.fault('reset'),
    ...poll(),
    expect: 'error',
    logsHttp: false,
  },
  'New Order Status (MeaSoft, Polling), server error': {
    fault: (s) => s.measoft.fault('http500'),
    ...poll(),
    expect: 'error',
    logsHttp: true,
  },

  'New Order (Abaha) with the secret header': {
    ...hook('abaha_order', JSON.stringify(orderPayload()), WITH_HEADER, SECURED),
    expect: 'result',
    logsHttp: false,
  },
  'New Product (Abaha) with the secret header': {
    ...hook('abaha_product', JSON.stringify(productPayload()), WITH_HEADER, SECURED),
    expect: 'result',
    logsHttp: false,
  },
  'New Customer (Abaha) with the secret header': {
    ...hook('abaha_customer', JSON.stringify(customerPayload()), WITH_HEADER, SECURED),
    expect: 'result',
    logsHttp: false,
  },
  'New Order (Abaha), another header value': {
    ...hook('abaha_order', JSON.stringify(orderPayload()), { 'Http-X-Shop-Token': WRONG_ABAHA_HEADER_VALUE }, SECURED),
    expect: 'error',
    logsHttp: false,
  },
  'New Order (Abaha), header missing': {
    ...hook('abaha_order', JSON.stringify(orderPayload()), {}, SECURED),
    expect: 'error',
    logsHttp: false,
  },
  'New Order (Abaha), value set without a key name': {
    ...hook('abaha_order', JSON.stringify(orderPayload()), WITH_HEADER, { secret_header_value: ABAHA_HEADER_VALUE }),
    expect: 'error',
    logsHttp: false,
  },
  'New Order (Abaha), right header, broken body': {
    ...hook('abaha_order', '{"cart_code":', WITH_HEADER, SECURED),
    expect: 'error',
    logsHttp: false,
  },
  'New Order (Abaha), right header, __proto__ body': {
    ...hook('abaha_order', '{"cart_code":"1","__proto__":{"x":1}}', WITH_HEADER, SECURED),
    expect: 'error',
    logsHttp: false,
  },
  "New Order (Abaha) with the connection's header": {
    ...hook('abaha_order', JSON.stringify(orderPayload()), WITH_CONNECTION_HEADER, {}),
    expect: 'result',
    logsHttp: false,
  },
  "New Product (Abaha) with the connection's header": {
    ...hook('abaha_product', JSON.stringify(productPayload()), WITH_CONNECTION_HEADER, {}),
    expect: 'result',
    logsHttp: false,
  },
  "New Customer (Abaha) with the connection's header": {
    ...hook('abaha_customer', JSON.stringify(customerPayload()), WITH_CONNECTION_HEADER, {}),
    expect: 'result',
    logsHttp: false,
  },
  "New Product (Abaha), the connection's header with another value": {
    ...hook('abaha_product', JSON.stringify(productPayload()), { 'Http-X-Abaha-Key': WRONG_ABAHA_HEADER_VALUE }, {}),
    expect: 'error',
    logsHttp: false,
  },
  "New Customer (Abaha), the connection's header missing": {
    ...hook('abaha_customer', JSON.stringify(customerPayload()), WITH_HEADER, {}),
    expect: 'error',
    logsHttp: false,
  },
  "New Order (Abaha), the connection's value without its key": {
    ...hook('abaha_order', JSON.stringify(orderPayload()), WITH_CONNECTION_HEADER, {}, { abaha_header_name: '' }),
    expect: 'error',
    logsHttp: false,
  },
  "New Product (Abaha), the trigger's header wins over the connection's": {
    ...hook('abaha_product', JSON.stringify(productPayload()), WITH_CONNECTION_HEADER, SECURED),
    expect: 'error',
    logsHttp: false,
  },
  'New Order Status (MeaSoft)': {
    ...hook(
      'order_status',
      measoftOrderXml({ orderno: 'SEC-1', status: 'COMPLETE', at: new Date('2024-05-20T09:00:00Z') }),
      WITH_HEADER,
      {},
    ),
    expect: 'result',
    logsHttp: false,
  },
  'New Order Status (MeaSoft), not XML': {
    ...hook('order_status', '{"result": true}', WITH_HEADER, {}),
    expect: 'error',
    logsHttp: false,
  },
  'New Order Status (MeaSoft), the right key in the URL': {
    ...measoftHook(keyQuery(URL_SECRET), KEYED),
    expect: 'result',
    logsHttp: false,
  },
  'New Order Status (MeaSoft), another key in the URL': {
    ...measoftHook(keyQuery(WRONG_URL_KEY), KEYED),
    expect: 'error',
    logsHttp: false,
  },
  'New Order Status (MeaSoft), no key in the URL': {
    ...measoftHook('', KEYED),
    expect: 'error',
    logsHttp: false,
  },
  'New Order Status (MeaSoft), the key twice in the URL': {
    ...measoftHook(keyQuery(URL_SECRET, WRONG_URL_KEY), KEYED),
    expect: 'error',
    logsHttp: false,
  },
  'New Order Status (MeaSoft), a URL secret that cannot be in a URL': {
    ...measoftHook(keyQuery(UNUSABLE_URL_SECRET), { url_secret: UNUSABLE_URL_SECRET }),
    expect: 'error',
    logsHttp: false,
  },
  'New Order Status (MeaSoft), the right key, confirmed by MeaSoft': {
    fault: (s) => holdDelivered(s, 'SEC-K1'),
    ...measoftHook(keyQuery(URL_SECRET), CONFIRMING, () => liveSandbox.measoft.webhookXml('SEC-K1')),
    expect: 'result',
    logsHttp: true,
  },
  'New Order Status (MeaSoft), the right key, a status MeaSoft never gave': {
    fault: (s) => holdDelivered(s, 'SEC-K2'),
    ...measoftHook(keyQuery(URL_SECRET), CONFIRMING, () =>
      forgeMeasoftStatus(liveSandbox.measoft.webhookXml('SEC-K2'), { code: 'RETURNED' }),
    ),
    expect: 'error',
    logsHttp: true,
  },
  'New Order Status (MeaSoft), confirming while MeaSoft is down': {
    fault: (s) => s.measoft.fault('down'),
    ...measoftHook(keyQuery(URL_SECRET), { ...CONFIRMING, when_measoft_unreachable: 'stop' }),
    expect: 'error',
    logsHttp: false,
  },
  'New Order Status (MeaSoft), confirming, MeaSoft server error, run anyway': {
    fault: async (s) => {
      s.measoft.failReads = 1;
    },
    ...measoftHook(keyQuery(URL_SECRET), { ...CONFIRMING, when_measoft_unreachable: 'run' }),
    expect: 'result',
    logsHttp: true,
  },
  'New Order Status (MeaSoft), confirming with a wrong MeaSoft password': {
    fault: (s) => holdDelivered(s, 'SEC-K3'),
    ...measoftHook(keyQuery(URL_SECRET), CONFIRMING, () => liveSandbox.measoft.webhookXml('SEC-K3'), WRONG_MEASOFT),
    expect: 'error',
    logsHttp: true,
  },
  'New Order Status (MeaSoft), samples with a URL secret that cannot be in a URL': {
    ...op('order_status.performList', { url_secret: UNUSABLE_URL_SECRET }),
    expect: 'error',
    logsHttp: false,
  },
  'New Order Status (MeaSoft), samples from MeaSoft': {
    ...op('order_status.performList'),
    expect: 'result',
    logsHttp: true,
  },
  'New Order Status (MeaSoft), samples with a wrong password': {
    ...op('order_status.performList', {}, WRONG_MEASOFT),
    expect: 'error',
    logsHttp: true,
  },
  'New Order Status (MeaSoft), samples while MeaSoft is down': {
    fault: (s) => s.measoft.fault('down'),
    ...op('order_status.performList'),
    expect: 'error',
    logsHttp: false,
  },
  'New Order Status (MeaSoft), static samples without MeaSoft in the connection': {
    ...op('order_status.performList', {}, WITHOUT_MEASOFT),
    expect: 'result',
    logsHttp: false,
  },
};

describe('no API key or secret in any log line, error or output (core logging to stdout on)', () => {
  let sandbox: Sandbox;
  let restoreEnv: () => void;
  /** Zapier's log endpoint, played locally: every log line core streams (JSON lines). */
  let logServer: Server;
  const streamedLogs: string[] = [];
  let openStreams = 0;
  const setEnv = useEnv('all');

  beforeAll(async () => {
    sandbox = await startSandbox({
      justclick: { login: LOGIN, secret: JUSTCLICK_SECRET },
      rlab: { userId: USER_ID, apiKey: RLAB_API_KEY },
      measoft: { login: MEASOFT_LOGIN, password: MEASOFT_PASSWORD, extra: MEASOFT_EXTRA },
    });
    restoreEnv = applyEnv(sandbox.urls);
    liveSandbox = sandbox;
    // core gives the log server 200 ms of wall clock to answer, then aborts the stream (create-logger.js);
    // on a busy machine that happens, so what arrived is kept when a stream closes, ended or aborted, and
    // each scenario waits until every stream has closed before it reads them.
    logServer = createServer((req, res) => {
      const chunks: Buffer[] = [];
      openStreams += 1;
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => res.end('{}'));
      req.on('close', () => {
        streamedLogs.push(Buffer.concat(chunks).toString('utf8'));
        openStreams -= 1;
      });
    });
    await new Promise<void>((resolve) => logServer.listen(0, '127.0.0.1', resolve));
    setEnv({
      LOG_TO_STDOUT: 'true',
      DETAILED_LOG_TO_STDOUT: 'true',
      LOGGING_ENDPOINT: `http://127.0.0.1:${(logServer.address() as AddressInfo).port}/input`,
      LOGGING_TOKEN: 'local-log-token',
      // Recorded here so it is put back; rpcAppTester sets it for core's cache RPC.
      ZAPIER_DEPLOY_KEY: undefined,
    });
    rpcTester = rpcAppTester();
  });

  afterAll(async () => {
    restoreEnv();
    await sandbox.stop();
    logServer.closeAllConnections();
    await new Promise<void>((resolve) => logServer.close(() => resolve()));
  });

  afterEach(async () => {
    for (const emulator of sandbox.emulators) await emulator.fault('none');
    sandbox.measoft.failReads = 0;
  });

  it('the secrets are ones every encoding changes', () => {
    for (const secret of Object.values(SECRETS)) {
      expect(secret.length).toBeGreaterThanOrEqual(16);
      // A URL secret has no space, so plus-encoding it is percent-encoding it; every other form differs.
      expect(new Set(forms(secret)).size).toBe(forms(secret).length - (URL_SECRETS.has(secret) ? 1 : 0));
    }
    // And the search works: a leak in any form is found.
    for (const form of forms(MEASOFT_PASSWORD)) expect(leaks(`log line ${form} end`)).not.toEqual([]);
    expect(hiddenSecrets(`POST /${censor(LOGIN)}/api ${censor(RLAB_API_KEY)}`)).toEqual([censor(RLAB_API_KEY)]);
  });

  it('every function of the app has a success and a failure scenario, and every scenario runs one', () => {
    const scenarios = Object.values(SCENARIOS);
    const missing = Object.keys(FUNCTIONS).flatMap((name) =>
      (['result', 'error'] as const)
        .filter((outcome) => !scenarios.some((scenario) => scenario.covers === name && scenario.expect === outcome))
        .map((outcome) => `${name} (${outcome})`),
    );
    expect(missing).toEqual([]);
    expect(scenarios.map((scenario) => scenario.covers).filter((name) => !(name in FUNCTIONS))).toEqual([]);
    // The definition was really read: the operations of every service are there.
    expect(Object.keys(FUNCTIONS)).toEqual(
      expect.arrayContaining([
        'authentication.test',
        'order_status.performList',
        'measoft_order_status_poll.perform',
        'justclick_products.perform',
        'abaha_customer.perform',
        'rlab_add_track.perform',
      ]),
    );
  });

  it.each(Object.keys(SCENARIOS))('%s', async (name) => {
    const scenario = SCENARIOS[name]!;
    await scenario.fault?.(sandbox);
    streamedLogs.length = 0;
    const { printed, result, error } = await captured(() => scenario.run());
    while (openStreams > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const streamed = streamedLogs.join('\n');

    if (scenario.expect === 'result') expect(error).toBeUndefined();
    else expect(error).toBeInstanceOf(Error);
    if (scenario.logsHttp) {
      // Logging really was on: the request, its body and the answer are in both logs.
      expect(printed).toMatch(/(GET|POST) http:\/\/127\.0\.0\.1:\d+\//);
      expect(streamed).toMatch(/"request_url":"http:\/\/127\.0\.0\.1:\d+\//);
    }

    const everything = [
      printed,
      streamed,
      JSON.stringify(result) ?? '',
      error?.name ?? '',
      error?.message ?? '',
      error?.stack ?? '',
    ].join('\n');
    expect(leaks(everything)).toEqual([]);
    expect(hiddenSecrets(everything)).toEqual([]);
  });
});
