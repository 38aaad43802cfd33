/**
 * Secrets never leak: every create, search, trigger and the connection test runs through
 * createAppTester against the sandbox with core's stdout logging on (LOG_TO_STDOUT and
 * DETAILED_LOG_TO_STDOUT: every HTTP request and answer printed with headers and bodies), on
 * success and failure paths (wrong keys, vendor errors, faults). Everything printed (console and
 * the process streams), every result and every error (message, appended context, stack) is
 * searched for each secret in every form it could take on the way out: as typed, percent-encoded
 * (upper and lower case hex, PHP and URLSearchParams styles), plus-encoded, JSON-escaped (once and
 * twice), and a distinctive prefix of each, so a cut-off value (error previews) is caught too.
 *
 * Besides stdout, core's structured logs (what Zapier keeps, after its scrubber) are received by a
 * local stand-in for Zapier's log endpoint (LOGGING_ENDPOINT/LOGGING_TOKEN) and searched too. Any
 * ":censored:" marker other than the one for the JustClick login (not a secret, but core censors
 * every authData value it does not safe-list) would mean a secret was sent somewhere and only the
 * scrubber hid it: that fails the test as well.
 *
 * The secrets are long and built from characters that every encoding changes (space, + / = & % "
 * \ ! * ' ( ) ~ and Cyrillic), so a leak cannot hide behind one encoding. The JustClick login and
 * the R-Lab user ID are not secrets and are not searched for.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { format } from 'node:util';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { perform as abahaCustomer } from '../../src/abaha/new-customer';
import { perform as abahaOrder } from '../../src/abaha/new-order';
import { perform as abahaProduct } from '../../src/abaha/new-product';
import { test as connectionTest } from '../../src/authentication';
import { perform as orderStatus } from '../../src/measoft/order-status';
import { applyEnv, startSandbox, type Sandbox } from '../../sandbox/index';
import {
  abahaCustomer as customerPayload,
  abahaOrder as orderPayload,
  abahaProduct as productPayload,
  measoftOrderXml,
} from '../../sandbox/senders';
import { appTester, runOperation } from '../e2e/helpers';
import { useEnv } from '../support/env';

const JUSTCLICK_SECRET = `jcS3cret/+=&%"\\ Ключ~!*()'-7f3a9c`;
const RLAB_API_KEY = `rlabK3y+/=&%"\\ ключ~!*()'-51e0d2`;
const ABAHA_HEADER_VALUE = `abahaH3ader/+=&%"\\ ý~!*()'-c81b44`;
const WRONG_JUSTCLICK_SECRET = `wrongJcS3cret/+=&%"\\ Ключ~!*()'-0000`;
const WRONG_RLAB_API_KEY = `wrongRlabK3y+/=&%"\\ ключ~!*()'-0000`;
const WRONG_ABAHA_HEADER_VALUE = `wrongAbahaH3ader/+=&%"\\ ý~!*()'-0000`;
const SECRETS = {
  JUSTCLICK_SECRET,
  RLAB_API_KEY,
  ABAHA_HEADER_VALUE,
  WRONG_JUSTCLICK_SECRET,
  WRONG_RLAB_API_KEY,
  WRONG_ABAHA_HEADER_VALUE,
};

const LOGIN = 'secret-test-shop';
const USER_ID = '4242';

/** PHP's urlencode, written out here independently of src/common/php-query.ts. */
const phpStyle = (text: string) =>
  encodeURIComponent(text)
    .replace(/[!'()*~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');

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
    secret.slice(0, 12), // a cut-off value, as error previews shorten them
  ];
}

// The scrubber's marker for the login: ":censored:<length>:<salted hash prefix>:".
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { censor } = require('@zapier/secret-scrubber/lib/utils') as { censor: (value: string) => string };
const CENSORED = /:censored:\d+:[0-9a-f]+:/g;

/** Markers the scrubber left for anything but the login: a secret that went out and was hidden. */
const hiddenSecrets = (text: string): string[] =>
  [...text.matchAll(CENSORED)].map(([marker]) => marker).filter((marker) => marker !== censor(LOGIN));

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
  /** Set up a fault before the run (undone before the next scenario). */
  fault?: (sandbox: Sandbox) => Promise<void>;
  run: (sandbox: Sandbox) => Promise<unknown>;
  /** What the run must end with, so each scenario really takes its path. */
  expect: 'result' | 'error';
  /** Operations that reach a vendor must show it in the log, proving logging was on. */
  logsHttp: boolean;
};

const auth = (overrides: Record<string, string> = {}) => ({
  justclick_login: LOGIN,
  justclick_secret: JUSTCLICK_SECRET,
  rlab_user_id: USER_ID,
  rlab_api_key: RLAB_API_KEY,
  ...overrides,
});
const op =
  (key: string, inputData: Record<string, unknown>, overrides: Record<string, string> = {}) =>
  () =>
    runOperation(key, auth(overrides), inputData);

type Hook = (z: ZObject, bundle: Bundle) => Promise<unknown>;
/** A delivery as Zapier hands it to the hook: the connection's authData too, as Zapier passes it to every step. */
const hook =
  (perform: unknown, content: string, headers: Record<string, string>, inputData: Record<string, unknown>) => () =>
    appTester(
      perform as Hook,
      {
        authData: auth(),
        inputData,
        meta: { isLoadingSample: false },
        rawRequest: {
          method: 'POST',
          querystring: '',
          headers: { 'Content-Type': 'application/json', ...headers },
          content,
        },
        cleanedRequest: {},
      } as unknown as Bundle,
    );
const SECURED = { secret_header_name: 'X-Shop-Token', secret_header_value: ABAHA_HEADER_VALUE };
const WITH_HEADER = { 'Http-X-Shop-Token': ABAHA_HEADER_VALUE };

const SCENARIOS: Record<string, Scenario> = {
  'connection test, both services': {
    run: () => appTester(connectionTest, { authData: auth() }),
    expect: 'result',
    logsHttp: true,
  },
  'connection test, wrong JustClick key': {
    run: () => appTester(connectionTest, { authData: auth({ justclick_secret: WRONG_JUSTCLICK_SECRET }) }),
    expect: 'error',
    logsHttp: true,
  },
  'connection test, wrong R-Lab key': {
    run: () => appTester(connectionTest, { authData: auth({ rlab_api_key: WRONG_RLAB_API_KEY }) }),
    expect: 'error',
    logsHttp: true,
  },

  'Update Order Status': {
    run: op('justclick_update_order_status', { bill_id: '100001', status: 'paid', date: '2024-05-20T12:00:00Z' }),
    expect: 'result',
    logsHttp: true,
  },
  'Update Order Status, wrong key': {
    run: op(
      'justclick_update_order_status',
      { bill_id: '100001', status: 'cancel' },
      { justclick_secret: WRONG_JUSTCLICK_SECRET },
    ),
    expect: 'error',
    logsHttp: true,
  },
  'Update Order Status, unknown order': {
    run: op('justclick_update_order_status', { bill_id: '999', status: 'cancel' }),
    expect: 'error',
    logsHttp: true,
  },
  'Update Order Status, answer with a wrong hash': {
    fault: (s) => s.justclick.fault('badhash'),
    run: op('justclick_update_order_status', { bill_id: '100002', status: 'cancel' }),
    expect: 'error',
    logsHttp: true,
  },
  'Update Order Status, malformed answer': {
    fault: (s) => s.justclick.fault('malformed'),
    run: op('justclick_update_order_status', { bill_id: '100002', status: 'cancel' }),
    expect: 'error',
    logsHttp: true,
  },
  'Update Order Status, server error': {
    fault: (s) => s.justclick.fault('http500'),
    run: op('justclick_update_order_status', { bill_id: '100002', status: 'cancel' }),
    expect: 'error',
    logsHttp: true,
  },
  'Update Order Status, JustClick down': {
    fault: (s) => s.justclick.fault('down'),
    run: op('justclick_update_order_status', { bill_id: '100002', status: 'cancel' }),
    expect: 'error',
    logsHttp: false,
  },

  'Add Tracking Number, two tracks': {
    run: op('rlab_add_track', { track: ['SEC-0001', 'SEC-0002'], phone: ['+7 916 000-00-01', '+7 916 000-00-02'] }),
    expect: 'result',
    logsHttp: true,
  },
  'Add Tracking Number, wrong key': {
    run: op('rlab_add_track', { track: 'SEC-0003', phone: '79160000003' }, { rlab_api_key: WRONG_RLAB_API_KEY }),
    expect: 'error',
    logsHttp: true,
  },
  'Add Tracking Number, malformed answer': {
    fault: (s) => s.rlab.fault('malformed'),
    run: op('rlab_add_track', { track: 'SEC-0004', phone: '79160000004' }),
    expect: 'error',
    logsHttp: true,
  },
  'Add Tracking Number, both hosts down': {
    fault: async (s) => {
      await s.rlab.fault('down');
      await s.rlabBackup.fault('down');
    },
    run: op('rlab_add_track', { track: 'SEC-0005', phone: '79160000005' }),
    expect: 'error',
    logsHttp: false,
  },
  'Update Tracking Number': {
    run: op('rlab_update_track', { track: 'SEC-0001', name: 'Мария' }),
    expect: 'result',
    logsHttp: true,
  },
  'Update Tracking Number, primary 5xx then backup': {
    fault: (s) => s.rlab.fault('http500'),
    run: op('rlab_update_track', { track: 'SEC-0001', email: 'b@example.ru' }),
    expect: 'result',
    logsHttp: true,
  },
  'Delete Tracking Number': { run: op('rlab_delete_track', { track: 'SEC-0002' }), expect: 'result', logsHttp: true },
  'Find Track Status': { run: op('rlab_track_info', { track: '80085275412345' }), expect: 'result', logsHttp: true },
  'Find Track Status, wrong key': {
    run: op('rlab_track_info', { track: '80085275412345' }, { rlab_api_key: WRONG_RLAB_API_KEY }),
    expect: 'error',
    logsHttp: true,
  },
  'Find Buyer in Blacklist, with history': {
    run: op('blacklist_check', { phone: '79160000013', email: 'buyer@example.ru', include_history: true }),
    expect: 'result',
    logsHttp: true,
  },
  'Find Buyer in Blacklist, wrong key': {
    run: op('blacklist_check', { phone: '79160000013' }, { rlab_api_key: WRONG_RLAB_API_KEY }),
    expect: 'error',
    logsHttp: true,
  },
  'Find Buyer in Blacklist, vendor error': {
    fault: (s) => s.deliverycrm.fault('vendorerror'),
    run: op('blacklist_check', { phone: '79160000013' }),
    expect: 'error',
    logsHttp: true,
  },
  'Find Notification History': {
    run: op('notification_history', { track: '80085275412345' }),
    expect: 'result',
    logsHttp: true,
  },
  'Find Notification History, wrong key': {
    run: op('notification_history', { track: '80085275412345' }, { rlab_api_key: WRONG_RLAB_API_KEY }),
    expect: 'error',
    logsHttp: true,
  },

  'New Order (Abaha) with the secret header': {
    run: hook(abahaOrder, JSON.stringify(orderPayload()), WITH_HEADER, SECURED),
    expect: 'result',
    logsHttp: false,
  },
  'New Product (Abaha) with the secret header': {
    run: hook(abahaProduct, JSON.stringify(productPayload()), WITH_HEADER, SECURED),
    expect: 'result',
    logsHttp: false,
  },
  'New Customer (Abaha) with the secret header': {
    run: hook(abahaCustomer, JSON.stringify(customerPayload()), WITH_HEADER, SECURED),
    expect: 'result',
    logsHttp: false,
  },
  'New Order (Abaha), another header value': {
    run: hook(abahaOrder, JSON.stringify(orderPayload()), { 'Http-X-Shop-Token': WRONG_ABAHA_HEADER_VALUE }, SECURED),
    expect: 'error',
    logsHttp: false,
  },
  'New Order (Abaha), header missing': {
    run: hook(abahaOrder, JSON.stringify(orderPayload()), {}, SECURED),
    expect: 'error',
    logsHttp: false,
  },
  'New Order (Abaha), value set without a key name': {
    run: hook(abahaOrder, JSON.stringify(orderPayload()), WITH_HEADER, { secret_header_value: ABAHA_HEADER_VALUE }),
    expect: 'error',
    logsHttp: false,
  },
  'New Order (Abaha), right header, broken body': {
    run: hook(abahaOrder, '{"cart_code":', WITH_HEADER, SECURED),
    expect: 'error',
    logsHttp: false,
  },
  'New Order (Abaha), right header, __proto__ body': {
    run: hook(abahaOrder, '{"cart_code":"1","__proto__":{"x":1}}', WITH_HEADER, SECURED),
    expect: 'error',
    logsHttp: false,
  },
  'New Order Status (MeaSoft)': {
    run: hook(
      orderStatus,
      measoftOrderXml({ orderno: 'SEC-1', status: 'COMPLETE', at: new Date('2024-05-20T09:00:00Z') }),
      WITH_HEADER,
      {},
    ),
    expect: 'result',
    logsHttp: false,
  },
  'New Order Status (MeaSoft), not XML': {
    run: hook(orderStatus, '{"result": true}', WITH_HEADER, {}),
    expect: 'error',
    logsHttp: false,
  },
};

describe('no API key or secret in any log line, error or output (core logging to stdout on)', () => {
  let sandbox: Sandbox;
  let restoreEnv: () => void;
  /** Zapier's log endpoint, played locally: every log line core streams (JSON lines). */
  let logServer: Server;
  const streamedLogs: string[] = [];
  const setEnv = useEnv('all');

  beforeAll(async () => {
    sandbox = await startSandbox({
      justclick: { login: LOGIN, secret: JUSTCLICK_SECRET },
      rlab: { userId: USER_ID, apiKey: RLAB_API_KEY },
    });
    restoreEnv = applyEnv(sandbox.urls);
    logServer = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        streamedLogs.push(Buffer.concat(chunks).toString('utf8'));
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => logServer.listen(0, '127.0.0.1', resolve));
    setEnv({
      LOG_TO_STDOUT: 'true',
      DETAILED_LOG_TO_STDOUT: 'true',
      LOGGING_ENDPOINT: `http://127.0.0.1:${(logServer.address() as AddressInfo).port}/input`,
      LOGGING_TOKEN: 'local-log-token',
    });
  });

  afterAll(async () => {
    restoreEnv();
    await sandbox.stop();
    logServer.closeAllConnections();
    await new Promise<void>((resolve) => logServer.close(() => resolve()));
  });

  afterEach(async () => {
    for (const emulator of sandbox.emulators) await emulator.fault('none');
  });

  it('the secrets are ones every encoding changes', () => {
    for (const secret of Object.values(SECRETS)) {
      expect(secret.length).toBeGreaterThanOrEqual(16);
      expect(new Set(forms(secret)).size).toBe(forms(secret).length);
    }
    // And the search works: a leak in any form is found.
    for (const form of forms(RLAB_API_KEY)) expect(leaks(`log line ${form} end`)).not.toEqual([]);
    expect(hiddenSecrets(`POST /${censor(LOGIN)}/api ${censor(RLAB_API_KEY)}`)).toEqual([censor(RLAB_API_KEY)]);
  });

  it.each(Object.keys(SCENARIOS))('%s', async (name) => {
    const scenario = SCENARIOS[name]!;
    await scenario.fault?.(sandbox);
    streamedLogs.length = 0;
    const { printed, result, error } = await captured(() => scenario.run(sandbox) as Promise<unknown>);
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
