/**
 * A stand-in for Zapier's hook endpoint. Zapier's servers are not reachable here, so this local
 * HTTP server does what they do with a delivery: it turns the request into the
 * `rawRequest`/`cleanedRequest` shape a hook trigger receives (docs/zapier-platform.md),
 * runs the trigger's perform through createAppTester, records the items it returned (each one a
 * Zap start) and answers with Zapier's fixed reply.
 *
 * Redelivered events are dropped by the triggers through `z.cache.set(..., nx)`, which the
 * tester's own cache mock ignores. So the receiver plugs in sandbox/zapier-cache.ts: it points
 * core at a local RPC server before core is first loaded, and loads the app lazily after that.
 * Load nothing from zapier-platform-core (nor the app) before the first `startReceiver()` in a
 * process; the receiver checks that the cache really is reached and says so if it is not.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
// Types only: nothing of core is loaded until the cache stand-in is plugged in.
import type { Bundle, ZObject } from 'zapier-platform-core';
import { startZapierRpcServer, type ZapierRpcServer } from './zapier-cache';

export interface RawRequest {
  method: string;
  querystring: string;
  headers: Record<string, string>;
  content: string;
}

export type CleanedRequest = Record<string, unknown> | unknown[];

export interface IncomingDelivery {
  method: string;
  /** The request target: path and query string. */
  url: string;
  /** Header names and values in the order received (node's rawHeaders pairs). */
  rawHeaders: string[];
  body: string;
}

/** `x-time_gmt` → `X-Time-Gmt`: Camel-Case with '_' read as '-', as Zapier's web server does. */
const camelCase = (name: string): string =>
  name
    .split(/[-_]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join('-');

/** Zapier's header names: Content-Type and Content-Length as they are, the rest with `Http-`. */
export function zapierHeaderName(name: string): string {
  const camel = camelCase(name);
  return camel === 'Content-Type' || camel === 'Content-Length' ? camel : `Http-${camel}`;
}

const isJson = (contentType: string): boolean => /\bjson\b/i.test(contentType);
const isForm = (contentType: string): boolean => /application\/x-www-form-urlencoded/i.test(contentType);

const fromEntries = (params: URLSearchParams): Record<string, string> => {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of params) out[key] = value;
  return { ...out };
};

/**
 * The bundle parts Zapier builds from one delivery. cleanedRequest is the parsed JSON (objects get
 * a `querystring` key) or the parsed form fields; for other bodies (XML, text) it holds only the
 * querystring here, since Zapier's own XML conversion is unverified: triggers read rawRequest.content.
 */
export function toZapierRequest(delivery: IncomingDelivery): {
  rawRequest: RawRequest;
  cleanedRequest: CleanedRequest;
} {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < delivery.rawHeaders.length; i += 2) {
    const name = zapierHeaderName(delivery.rawHeaders[i]!);
    const value = delivery.rawHeaders[i + 1]!;
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  const queryIndex = delivery.url.indexOf('?');
  const querystring = queryIndex === -1 ? '' : delivery.url.slice(queryIndex + 1);
  const query = fromEntries(new URLSearchParams(querystring));
  const contentType = headers['Content-Type'] ?? '';
  let cleanedRequest: CleanedRequest = { querystring: query };
  if (isJson(contentType)) {
    try {
      const parsed: unknown = JSON.parse(delivery.body);
      if (Array.isArray(parsed)) cleanedRequest = parsed;
      else if (parsed && typeof parsed === 'object')
        cleanedRequest = { ...(parsed as Record<string, unknown>), querystring: query };
    } catch {
      // Not JSON after all: Zapier passes the raw body on and the trigger reports it.
    }
  } else if (isForm(contentType)) {
    cleanedRequest = { ...fromEntries(new URLSearchParams(delivery.body)), querystring: query };
  }
  return {
    rawRequest: { method: delivery.method, querystring, headers, content: delivery.body },
    cleanedRequest,
  };
}

/** Zapier's reply to every accepted hook, whatever the trigger does with it later. */
export const zapierReply = (): { status: 'success'; attempt: string; id: string; request_id: string } => ({
  status: 'success',
  attempt: randomUUID(),
  id: randomUUID(),
  request_id: randomUUID().replace(/-/g, '').slice(0, 16),
});

// ---------------------------------------------------------------------------------------------
// The app and Zapier's cache, loaded once per process.

type AppTester = ((method: (z: ZObject, bundle: Bundle) => unknown, bundle: object) => Promise<unknown>) & {
  zcacheTestObj: unknown;
};

interface Runtime {
  rpc: ZapierRpcServer;
  appTester: AppTester;
  app: { triggers?: Record<string, unknown> };
}

let runtime: Promise<Runtime> | null = null;

/**
 * The app the receiver runs: src/ (TypeScript, as tests and tsx load it) or the built lib/. One
 * process loads one of them: the first receiver (or zapierRuntime call) decides.
 */
export type AppSource = 'src' | 'built';

async function loadRuntime(source: AppSource): Promise<Runtime> {
  const rpc = await startZapierRpcServer();
  process.env.ZAPIER_BASE_ENDPOINT = rpc.endpoint;
  process.env.ZAPIER_DEPLOY_KEY ??= 'sandbox-deploy-key';
  /* eslint-disable @typescript-eslint/no-require-imports */
  const core = require('zapier-platform-core') as typeof import('zapier-platform-core');
  const app = (
    source === 'built'
      ? require(path.join(__dirname, '..', 'index.js'))
      : require(path.join(__dirname, '..', 'src', 'index')).default
  ) as Runtime['app'];
  /* eslint-enable @typescript-eslint/no-require-imports */
  const appTester = core.createAppTester(app as never) as unknown as AppTester;
  appTester.zcacheTestObj = null; // use the RPC cache, which honours nx
  // Prove the cache is reached: core reads ZAPIER_BASE_ENDPOINT once, when it is first loaded.
  const probe = `sandbox-probe-${randomUUID()}`;
  await appTester((z) => z.cache.set(probe, 'ok', 60, undefined, true), {});
  if (rpc.store.get(probe) === null) {
    await rpc.close();
    throw new Error(
      'The receiver cannot reach its Zapier cache stand-in: zapier-platform-core was loaded before startReceiver() ' +
        'set ZAPIER_BASE_ENDPOINT. Start the receiver before anything imports zapier-platform-core or the app.',
    );
  }
  rpc.store.delete(probe);
  return { rpc, appTester, app };
}

function getRuntime(source: AppSource): Promise<Runtime> {
  runtime ??= loadRuntime(source).catch((error: unknown) => {
    runtime = null;
    throw error;
  });
  return runtime;
}

/**
 * The app and its tester as the receivers run them (with the nx-honouring cache), for running
 * creates and searches in the same process, e.g. in the demo. Call it before anything else loads
 * zapier-platform-core.
 */
export async function zapierRuntime(source: AppSource = 'src'): Promise<{
  app: Runtime['app'] & { creates?: Record<string, unknown>; searches?: Record<string, unknown> };
  run: (perform: unknown, bundle: object) => Promise<unknown>;
}> {
  const { app, appTester } = await getRuntime(source);
  return { app, run: (perform, bundle) => appTester(perform as (z: ZObject, bundle: Bundle) => unknown, bundle) };
}

/** Stops the cache stand-in (after every receiver is closed). */
export async function stopReceivers(): Promise<void> {
  if (!runtime) return;
  const current = await runtime;
  runtime = null;
  await current.rpc.close();
}

// ---------------------------------------------------------------------------------------------

export interface Delivery {
  rawRequest: RawRequest;
  cleanedRequest: CleanedRequest;
  /** What perform returned: each item starts the Zap once. */
  items: unknown[];
  /** The error perform threw (Zapier lists it in the Zap history), if any. */
  error?: { name: string; message: string };
  reply: ReturnType<typeof zapierReply>;
}

export interface ReceiverOptions {
  /** The trigger key, e.g. order_status, abaha_order. */
  triggerKey: string;
  inputData?: Record<string, unknown>;
  authData?: Record<string, unknown>;
  meta?: Record<string, unknown>;
  app?: AppSource;
}

export interface Receiver {
  /** The URL to POST deliveries to (what Zapier shows the user as the Zap's webhook URL). */
  url: string;
  deliveries: Delivery[];
  /** Every item any delivery produced, in order: the Zap starts. */
  readonly zapStarts: unknown[];
  /** The cache the triggers' redelivery guard writes to. */
  cache: ZapierRpcServer['store'];
  close(): Promise<void>;
}

export async function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  const { rpc, appTester, app } = await getRuntime(options.app ?? 'src');
  if (!app.triggers || !(options.triggerKey in app.triggers)) {
    throw new Error(
      `The app has no trigger ${options.triggerKey} (it has: ${Object.keys(app.triggers ?? {}).join(', ')})`,
    );
  }
  const trigger = app.triggers[options.triggerKey] as { operation?: { perform?: unknown } };
  const perform = trigger.operation?.perform as ((z: ZObject, bundle: Bundle) => unknown) | undefined;
  if (typeof perform !== 'function') throw new Error(`The trigger ${options.triggerKey} has no perform function`);
  const deliveries: Delivery[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { rawRequest, cleanedRequest } = toZapierRequest({
        method: req.method ?? 'POST',
        url: req.url ?? '/',
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const bundle = {
        inputData: options.inputData ?? {},
        authData: options.authData ?? {},
        meta: { isLoadingSample: false, ...options.meta },
        rawRequest,
        cleanedRequest,
      };
      const reply = zapierReply();
      Promise.resolve()
        .then(() => appTester(perform, bundle))
        .then((items) =>
          deliveries.push({ rawRequest, cleanedRequest, items: Array.isArray(items) ? items : [items], reply }),
        )
        .catch((error: Error) =>
          deliveries.push({
            rawRequest,
            cleanedRequest,
            items: [],
            error: { name: error.name, message: error.message },
            reply,
          }),
        )
        .finally(() => {
          res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(reply));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/catch/123456/${options.triggerKey}/`,
    deliveries,
    get zapStarts() {
      return deliveries.flatMap((delivery) => delivery.items);
    },
    cache: rpc.store,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Headers as node gives them, for building a delivery by hand in tests. */
export const rawHeaderList = (headers: IncomingHttpHeaders | Record<string, string>): string[] =>
  Object.entries(headers).flatMap(([name, value]) =>
    Array.isArray(value) ? value.flatMap((v) => [name, v]) : [name, String(value)],
  );
