/** What several vendor clients need to know about a request that produced no answer. */

/** A per-request timeout in ms from an environment variable (tests use short ones), else the default. */
export function timeoutFromEnv(name: string, defaultMs: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : defaultMs;
}

export interface NetworkFailure {
  /** The system error code (ECONNREFUSED, ENOTFOUND, ECONNRESET, ...), when there is one. */
  code?: string;
  /** True when the request got no answer within its timeout (node-fetch's 'request-timeout'). */
  timedOut: boolean;
}

/** Reads why z.request failed without an answer; never the URL, which may carry the account. */
export function networkFailure(error: unknown): NetworkFailure {
  const value = error as { code?: unknown; errno?: unknown; type?: unknown; cause?: { code?: unknown } } | undefined;
  const code = value?.code ?? value?.errno ?? value?.cause?.code;
  return { code: typeof code === 'string' ? code : undefined, timedOut: value?.type === 'request-timeout' };
}
