/**
 * How the vendor clients send a request and read its answer inside Zapier's time limit, and what
 * they need to know about a request that produced no answer.
 */
import type { HttpRequestOptionsWithUrl, HttpResponse, ZObject } from 'zapier-platform-core';
import type { Failure } from './failures';

/** A per-request timeout in ms from an environment variable (tests use short ones), else the default. */
export function timeoutFromEnv(name: string, defaultMs: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : defaultMs;
}

/**
 * Zapier stops a step after 30 s. Every request of one step, a fallback to another address
 * included, must end by then with a message of the app's own, so a step's requests together get
 * at most 25 s.
 */
export const STEP_BUDGET_MS = 25_000;

/**
 * The time of one step: each exchange (connect, headers and body together) gets at most
 * `perHostMs`, and all the exchanges of the step together at most `totalMs` (by default two and a
 * half exchanges, never more than STEP_BUDGET_MS): enough for a main and a backup address plus a
 * short check, never past Zapier's limit.
 */
export class TimeBudget {
  private readonly endsAt: number;

  constructor(
    readonly perHostMs: number,
    totalMs: number = Math.min(STEP_BUDGET_MS, Math.round(perHostMs * 2.5)),
  ) {
    this.endsAt = Date.now() + totalMs;
  }

  /** The time the next exchange may take: its own limit, or what is left of the step. */
  nextLimitMs(): number {
    return Math.max(0, Math.min(this.perHostMs, this.endsAt - Date.now()));
  }
}

export interface NetworkFailure {
  /** The system error code (ECONNREFUSED, ENOTFOUND, ECONNRESET, ...), when there is one. */
  code?: string;
  /** True when the request got no (whole) answer within its time. */
  timedOut: boolean;
}

/** Reads why z.request failed without an answer; never the URL, which may carry the account. */
export function networkFailure(error: unknown): NetworkFailure {
  const value = error as
    { code?: unknown; errno?: unknown; type?: unknown; name?: unknown; cause?: { code?: unknown } } | undefined;
  const code = value?.code ?? value?.errno ?? value?.cause?.code;
  const timedOut = value?.type === 'request-timeout' || value?.type === 'body-timeout' || value?.name === 'AbortError';
  return { code: typeof code === 'string' ? code : undefined, timedOut };
}

/** Errors that mean the request never reached the vendor, so sending it again cannot apply it twice. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** A request that produced no whole answer. */
export class NoAnswer {
  constructor(
    readonly failure: NetworkFailure,
    /** The time the exchange was given, in ms. */
    readonly limitMs: number,
    /** False when the request cannot have reached the vendor (refused, unknown host, no time left to send it). */
    readonly mayHaveArrived: boolean,
  ) {}

  /** "did not answer in time (10 s)", "ECONNREFUSED", ...: for messages, never with the URL. */
  get reason(): string {
    if (this.limitMs <= 0) return 'no time was left in this step to ask it';
    if (this.failure.timedOut) return `did not answer in time (${this.limitMs / 1000} s)`;
    return this.failure.code ?? 'the connection failed';
  }
}

/**
 * One exchange within `limitMs`: connect, headers and body together. node-fetch's `timeout`
 * restarts for the body, so a vendor that sends its headers late and then trickles the body took
 * two timeouts; an AbortSignal set to the limit ends the whole exchange. Core 19 hands `signal` to
 * node-fetch (added in zapier/zapier-platform#857), although its types list only `timeout`, which
 * is kept as well. A 429 is left to core (ThrottledError). `exchange` sends and reads the answer.
 */
async function withinLimit<T>(
  z: ZObject,
  options: HttpRequestOptionsWithUrl,
  limitMs: number,
  exchange: (request: HttpRequestOptionsWithUrl) => Promise<T>,
): Promise<T | NoAnswer> {
  if (limitMs <= 0) return new NoAnswer({ timedOut: true }, 0, false);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limitMs);
  const request: HttpRequestOptionsWithUrl & { signal: AbortSignal } = {
    ...options,
    timeout: limitMs,
    signal: controller.signal,
  };
  try {
    return await exchange(request);
  } catch (error) {
    if (error instanceof z.errors.ThrottledError) throw error;
    const failure = networkFailure(error);
    if (controller.signal.aborted) failure.timedOut = true;
    return new NoAnswer(failure, limitMs, !(failure.code !== undefined && NOT_SENT_CODES.has(failure.code)));
  } finally {
    clearTimeout(timer);
  }
}

/** Sends one request and reads its whole answer within `limitMs` (see withinLimit). */
export const requestWithin = (
  z: ZObject,
  options: HttpRequestOptionsWithUrl,
  limitMs: number,
): Promise<HttpResponse | NoAnswer> => withinLimit(z, options, limitMs, (request) => z.request(request));

/** What a client says about an exchange that brought no answer to read (see common/failures.ts). */
export type ExchangeFailure = Pick<Failure, 'kind' | 'what' | 'code' | 'status'>;

/**
 * A request that got no whole answer: not sent at all (refused, unknown host), or sent and not
 * answered. `codePrefix` starts the error codes (`Measoft` gives MeasoftNotReached, MeasoftNoAnswer).
 */
export function noAnswerFailure(service: string, codePrefix: string, response: NoAnswer): ExchangeFailure {
  if (!response.mayHaveArrived)
    return {
      kind: 'not-sent',
      what: `${service} could not be reached (${response.reason}).`,
      code: `${codePrefix}NotReached`,
      status: 502,
    };
  return {
    kind: 'no-answer',
    what: `${service} ${response.failure.timedOut ? response.reason : `did not answer (${response.reason})`}.`,
    code: `${codePrefix}NoAnswer`,
    status: 502,
  };
}

/** The vendor answered with a server error (HTTP 5xx): whether it applied a write is unknown. */
export const serverErrorFailure = (service: string, codePrefix: string, status: number): ExchangeFailure => ({
  kind: 'server-error',
  what: `${service} answered with a server error (HTTP ${status}).`,
  code: `${codePrefix}ServerError`,
  status,
});

/** A status and a body read as text, for vendors whose answers may quote secrets (see requestTextWithin). */
export interface TextResponse {
  status: number;
  content: string;
}

/**
 * Like requestWithin, but the answer is fetched raw (`raw: true`) and its body read as text inside
 * the same time limit. Core logs a raw answer's body as "<probably streaming data>" instead of the
 * text, and leaves it out of its step summary: for vendors whose error texts may quote the request,
 * secrets in XML escapes among it, which core's log scrubber does not know (docs/measoft.md).
 */
export const requestTextWithin = (
  z: ZObject,
  options: HttpRequestOptionsWithUrl,
  limitMs: number,
): Promise<TextResponse | NoAnswer> =>
  withinLimit(z, options, limitMs, async (request) => {
    const raw = { ...request, raw: true } as HttpRequestOptionsWithUrl;
    const response = (await z.request(raw)) as unknown as { status: number; text(): Promise<string> };
    return { status: response.status, content: await response.text() };
  });
