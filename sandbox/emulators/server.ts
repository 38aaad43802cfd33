/**
 * The part every vendor emulator shares: a real `node:http` server on 127.0.0.1, a log of every
 * request it received, and faults on demand.
 *
 * Faults act in front of the vendor's own logic, the way a failing host or proxy would:
 * - `down`: the port really stops listening (connection refused); any other mode brings the
 *   server back on the same port.
 * - `slow`: the vendor handles the request (state changes) but answers only after `delayMs`.
 * - `http500`: an HTML error page with `status` (default 500); the vendor never sees the request.
 * - `http429`: 429 with Retry-After (`retryAfterSeconds`, default 60); the vendor never sees it.
 * - `malformed`: 200 with a cut-off body; the vendor never sees the request.
 * - `reset`: the vendor handles the request, then the connection is dropped without an answer.
 * - `stall`: the vendor handles the request (state changes) and its headers go out after
 *   `delayMs` (default 0), then the body trickles one byte every `intervalMs` (default 1000).
 * - `badhash` (JustClick), `vendorerror` and `nonrecord` (DeliveryCRM blacklist), `partial`
 *   (R-Lab: every second track of a request refused, the others really stored): handed to the
 *   vendor's logic.
 * `times` limits a fault to the next N requests, after which the emulator behaves normally again.
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FaultMode =
  | 'none'
  | 'down'
  | 'slow'
  | 'http500'
  | 'http429'
  | 'malformed'
  | 'reset'
  | 'stall'
  | 'badhash'
  | 'vendorerror'
  | 'partial'
  | 'nonrecord';

/** `nonrecord`: what the blacklist answers instead of its records. */
export type NonRecordShape = 'null' | 'error' | 'internal' | 'nokarma';

export interface FaultOptions {
  /** `slow`: how long to hold the answer, in ms (default 3000); `stall`: how long to hold the headers (default 0). */
  delayMs?: number;
  /** `stall`: ms between two bytes of the body (default 1000). */
  intervalMs?: number;
  /**
   * `nonrecord`: null, {"error": ...}, {"name": "Internal Server Error", ...} or a record without blackKarma (default
   * null).
   */
  shape?: NonRecordShape;
  /** `http500`: the status to answer with (default 500). */
  status?: number;
  /** `http429`: the Retry-After value in seconds (default 60). */
  retryAfterSeconds?: number;
  /** Apply the fault to the next N requests only (not for `down`). */
  times?: number;
}

export interface ReceivedRequest {
  method: string;
  /** The path without the query string, e.g. /api/UpdateOrderStatus. */
  path: string;
  /** The raw query string, without '?'. */
  rawQuery: string;
  /** The query decoded by URLSearchParams (last value wins); use rawQuery for PHP-style arrays. */
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The body as UTF-8 text. */
  body: string;
  /** The body exactly as received. */
  rawBody: Buffer;
  receivedAt: Date;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** What the vendor's logic is told about the active fault (only the modes it handles itself). */
export type VendorFault = 'badhash' | 'vendorerror' | 'partial' | 'nonrecord' | null;

const VENDOR_FAULTS: ReadonlySet<FaultMode> = new Set(['badhash', 'vendorerror', 'partial', 'nonrecord']);

export type VendorHandler = (request: ReceivedRequest, fault: VendorFault, options: FaultOptions) => Reply;

export interface EmulatorOptions {
  name: string;
  handler: VendorHandler;
  /** Vendor-handled fault modes this emulator supports besides the generic ones. */
  vendorFaults?: VendorFault[];
  /** The cut-off body `malformed` answers with, in the vendor's own content type. */
  malformed: Reply;
}

const MAX_BODY = 10 * 1024 * 1024;
const GENERIC_FAULTS: FaultMode[] = ['none', 'down', 'slow', 'http500', 'http429', 'malformed', 'reset', 'stall'];

export const json = (value: unknown, status = 200, contentType = 'application/json; charset=utf-8'): Reply => ({
  status,
  headers: { 'Content-Type': contentType },
  body: JSON.stringify(value),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Emulator {
  readonly name: string;
  /** Every request received, oldest first (requests refused while `down` never arrive). */
  readonly requests: ReceivedRequest[] = [];
  /** Called for every request received, e.g. to print a live log. */
  readonly listeners = new Set<(request: ReceivedRequest) => void>();
  private readonly handler: VendorHandler;
  private readonly vendorFaults: VendorFault[];
  private readonly malformed: Reply;
  private server: Server | null = null;
  private port = 0;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private mode: FaultMode = 'none';
  private options: FaultOptions = {};
  private remaining: number | null = null;

  constructor(options: EmulatorOptions) {
    this.name = options.name;
    this.handler = options.handler;
    this.vendorFaults = options.vendorFaults ?? [];
    this.malformed = options.malformed;
  }

  /** Listens on 127.0.0.1: on `port`, or on a free port when 0 (the default). */
  async start(port = 0): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => void this.serve(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await listen(server, port);
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  /** Stops listening and drops open connections (pending slow answers included). */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    server.closeAllConnections();
    await closed;
  }

  get listening(): boolean {
    return this.server !== null;
  }

  /** http://127.0.0.1:PORT, stable across `down` and back. */
  get url(): string {
    if (this.port === 0) throw new Error(`${this.name} emulator has not been started`);
    return `http://127.0.0.1:${this.port}`;
  }

  get faultMode(): FaultMode {
    return this.mode;
  }

  /** Switches the fault mode; `down` really stops listening, any other mode listens again on the same port. */
  async fault(mode: FaultMode, options: FaultOptions = {}): Promise<void> {
    const supported = [...GENERIC_FAULTS, ...this.vendorFaults];
    if (!supported.includes(mode)) {
      throw new Error(`${this.name} emulator has no fault '${mode}' (it offers ${supported.join(', ')})`);
    }
    if (mode === 'down' && options.times !== undefined) throw new Error("'down' lasts until another fault mode is set");
    this.mode = mode;
    this.options = options;
    this.remaining = options.times ?? null;
    if (mode === 'down') await this.stop();
    else if (!this.server && this.port !== 0) await this.start(this.port);
  }

  /** Forgets the recorded requests. */
  clearRequests(): void {
    this.requests.length = 0;
  }

  /** Requests whose path ends with `suffix` (e.g. 'addtrack.ashx'). */
  requestsTo(suffix: string): ReceivedRequest[] {
    return this.requests.filter((request) => request.path.endsWith(suffix));
  }

  /** The fault for this request, counting it down when it was limited with `times`. */
  private takeFault(): FaultMode {
    const mode = this.mode;
    if (this.remaining !== null) {
      this.remaining -= 1;
      if (this.remaining <= 0) {
        this.mode = 'none';
        this.remaining = null;
      }
    }
    return mode;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let rawBody: Buffer;
    try {
      rawBody = await readBody(req);
    } catch {
      res.writeHead(413).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const request: ReceivedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      rawQuery: url.search.replace(/^\?/, ''),
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: rawBody.toString('utf8'),
      rawBody,
      receivedAt: new Date(),
    };
    this.requests.push(request);
    for (const listener of this.listeners) listener(request);
    const options = this.options;
    const mode = this.takeFault();

    switch (mode) {
      case 'http500': {
        const status = options.status ?? 500;
        send(res, {
          status,
          headers: { 'Content-Type': 'text/html; charset=utf-8' },
          body:
            `<html><head><title>${status} Internal Server Error</title></head><body><h1>Server ` +
            'Error</h1></body></html>',
        });
        return;
      }
      case 'http429':
        send(res, {
          status: 429,
          headers: { 'Content-Type': 'text/plain', 'Retry-After': String(options.retryAfterSeconds ?? 60) },
          body: 'Too Many Requests',
        });
        return;
      case 'malformed':
        send(res, this.malformed);
        return;
      default:
        break;
    }

    let reply: Reply;
    try {
      const vendorFault = VENDOR_FAULTS.has(mode) ? (mode as VendorFault) : null;
      reply = this.handler(request, vendorFault, options);
    } catch (error) {
      // An emulator bug must be visible in the test, not look like a vendor answer.
      reply = { status: 599, body: `${this.name} emulator failed: ${(error as Error).stack ?? String(error)}` };
    }

    if (mode === 'reset') {
      req.socket.destroy();
      return;
    }
    if (mode === 'slow' || mode === 'stall') {
      await this.wait(options.delayMs ?? (mode === 'slow' ? 3000 : 0));
      if (res.destroyed) return;
    }
    if (mode === 'stall') {
      await this.trickle(res, reply, options.intervalMs ?? 1000);
      return;
    }
    send(res, reply);
  }

  private wait(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  /** The headers (with the full Content-Length) at once, then the body one byte per interval. */
  private async trickle(res: ServerResponse, reply: Reply, intervalMs: number): Promise<void> {
    const body = Buffer.from(reply.body, 'utf8');
    res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(body.length) });
    res.flushHeaders();
    for (let index = 0; index < body.length; index += 1) {
      if (res.destroyed || !this.server) return;
      res.write(body.subarray(index, index + 1));
      if (index + 1 < body.length) await this.wait(intervalMs);
    }
    if (!res.destroyed) res.end();
  }
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const body = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(body.length) });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Listens, retrying briefly when the port is still being released by a previous `down`. */
async function listen(server: Server, port: number): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      // Each attempt removes both of its listeners whichever way it ends: a failed listen() never
      // emits 'listening', and a callback handed to listen() would stay registered once per retry.
      await new Promise<void>((resolve, reject) => {
        const onError = (error: Error) => {
          server.off('listening', onListening);
          reject(error);
        };
        const onListening = () => {
          server.off('error', onError);
          resolve();
        };
        server.once('error', onError);
        server.once('listening', onListening);
        server.listen(port, '127.0.0.1');
      });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0 || attempt >= 20) throw error;
      await sleep(50);
    }
  }
}
