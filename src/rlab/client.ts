/**
 * R-Lab / DeliveryCRM client (shared/seeds/002): the tracking API (POST JSON to
 * {RLAB_BASE_URL}/<method>.ashx, falling back once to RLAB_FALLBACK_URL) and the DeliveryCRM GET
 * calls (blacklist, notification history). Builds and signs requests; operations never do.
 */
import type { HttpResponse, ZObject } from 'zapier-platform-core';
import { preview } from '../common/errors';
import { networkFailure, timeoutFromEnv } from '../common/network';
import { rlabBaseUrl, rlabFallbackUrl } from '../config';
import { AUTH_FIELDS, type RlabCredentials } from '../credentials';
import { rlabTrackingKey, rlabUserInfoKey } from '../signatures';
import { isRecord } from './json';

export type RlabMethod = 'addtrack' | 'updatetrack' | 'deltrack' | 'gettrackinfo' | 'getuserinfo';

/** Methods that change nothing: an unreadable answer from them is safe to ask again elsewhere. */
const READ_METHODS: ReadonlySet<RlabMethod> = new Set(['gettrackinfo', 'getuserinfo']);

/** One entry of trackingData, keys in the document's order. */
export type TrackingEntry = {
  trackingUserClientPhone: string;
  trackingUserClientTrack: string;
  trackingUserClientEmail: string;
  trackingUserClientName: string;
  trackingUserClientItemCost: number;
  sendToUserEmailFullTracking: boolean;
  sendToAdminEmailFullTracking: boolean;
  trackingUserClientOrderNumber?: string;
  trackingUserClientDescription?: string;
  trackingUserClientDeliveryServiceId?: number;
  trackingUserPaymentType?: number;
  trackingUserLR3CampaignId?: number;
};

export type RlabAnswer = { resultState: number; resultInfo: string; resultData: unknown };

/** What getuserinfo.ashx returns in resultData. */
export type RlabUserInfo = {
  /** "dd.MM.yyyy", or "Бессрочный" when the tariff has no end date. */
  userExpireDate: string;
  /** Tracks left; 1 when the balance is unlimited. */
  userBalance: number;
  userExpired: boolean;
  userBalanceUnlimited: boolean;
  userDateUnlimited: boolean;
};

/**
 * Per-host timeout. Two hosts must fit in Zapier's 30 s, so 10 s each; RLAB_TIMEOUT_MS overrides
 * it (tests use a short one).
 */
export const rlabTimeoutMs = (): number => timeoutFromEnv('RLAB_TIMEOUT_MS', 10_000);

const JSON_HEADERS = { Accept: 'application/json' };

function rlabUserId(z: ZObject, credentials: RlabCredentials): number {
  if (!/^\d{1,15}$/.test(credentials.userId)) {
    throw new z.errors.Error(
      `${AUTH_FIELDS.rlab_user_id}: expected the number shown in your DeliveryCRM profile (got "${preview(credentials.userId)}"). Reconnect the account with the right value.`,
      'InvalidCredentials',
      401,
    );
  }
  return Number(credentials.userId);
}

/** Why a request never produced an answer: the error code, or the timeout, never the URL. */
function networkReason(error: unknown): string {
  const { code, timedOut } = networkFailure(error);
  if (timedOut) return `no answer within ${rlabTimeoutMs() / 1000} s`;
  return code ?? 'connection failed';
}

/** Reads a JSON answer, tolerating a UTF-8 byte order mark; undefined when it is not JSON. */
export function parseJson(content: string): unknown {
  try {
    return JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

/** A key of a vendor object, also when the vendor wrote it with spaces (" resultInfo " in the document). */
export function vendorField(record: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(record, name)) return record[name];
  const key = Object.keys(record).find((candidate) => candidate.trim() === name);
  return key === undefined ? undefined : record[key];
}

/** The answer envelope {resultState, resultInfo, resultData}, or undefined when the body is not one. */
export function parseRlabAnswer(content: string): RlabAnswer | undefined {
  const data = parseJson(content);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  const state = vendorField(record, 'resultState');
  const resultState = typeof state === 'string' && /^\d+$/.test(state.trim()) ? Number(state) : state;
  if (typeof resultState !== 'number' || !Number.isInteger(resultState)) return undefined;
  const info = vendorField(record, 'resultInfo');
  return {
    resultState,
    resultInfo: typeof info === 'string' ? info.trim() : '',
    resultData: vendorField(record, 'resultData') ?? null,
  };
}

/** A host that failed in a way the document says to retry elsewhere: down, timed out, 5xx. */
class HostDown {
  constructor(readonly reason: string) {}
}

export function unreachableError(z: ZObject, service: string, reasons: string): Error {
  return new z.errors.ThrottledError(
    `${service} is unreachable (${reasons}). Zapier will retry this step in about 5 minutes; ` +
      `if ${service} stays down for more than 20 minutes, contact its support.`,
    300,
  );
}

async function request(z: ZObject, options: { method: 'GET' | 'POST'; url: string; body?: string; headers: Record<string, string> }) {
  try {
    return await z.request({ ...options, skipThrowForStatus: true, timeout: rlabTimeoutMs() });
  } catch (error) {
    if (error instanceof z.errors.ThrottledError) throw error; // a 429: Zapier retries after Retry-After
    return new HostDown(networkReason(error));
  }
}

function refusedStatus(z: ZObject, service: string, response: HttpResponse): Error {
  const credentials = response.status === 401 || response.status === 403;
  const hint = credentials
    ? `check ${AUTH_FIELDS.rlab_user_id} and ${AUTH_FIELDS.rlab_api_key} in the connection`
    : `answer: "${preview(response.content)}"`;
  const message = `${service} refused the request with HTTP ${response.status} (${hint}).`;
  return credentials ? new z.errors.ExpiredAuthError(message) : new z.errors.Error(message, 'RlabHttpError', response.status);
}

async function sendTo(z: ZObject, url: string, body: string, method: RlabMethod): Promise<RlabAnswer | HostDown> {
  const response = await request(z, {
    method: 'POST',
    url,
    body,
    // As the vendor's PHP example: the JSON as plain text, Unicode unescaped (JSON.stringify's default).
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...JSON_HEADERS },
  });
  if (response instanceof HostDown) return response;
  if (response.status >= 500) return new HostDown(`HTTP ${response.status}`);
  if (response.status >= 400) throw refusedStatus(z, 'R-Lab', response);
  const answer = parseRlabAnswer(response.content);
  if (answer) return answer;
  if (READ_METHODS.has(method)) return new HostDown(`an unreadable answer with HTTP ${response.status}`);
  // A write that got a 200 may have been saved: sending it again could apply it twice.
  throw new z.errors.Error(
    `R-Lab answered ${method} with something other than its API answer (HTTP ${response.status}: "${preview(response.content)}"). ` +
      'The change may have been saved: check the tracks in your R-Lab account before you replay this step.',
    'RlabUnreadableAnswer',
    502,
  );
}

export type RlabClient = {
  call(method: RlabMethod, trackingData: TrackingEntry[] | null, testMode?: boolean): Promise<RlabAnswer>;
};

/**
 * The tracking API. "If the service is down, retry ... try the backup address" (seed 002): a
 * connection failure, timeout or 5xx on the main address sends the same request once to the backup;
 * a 4xx or any resultState is final. Once the main address failed, later calls of the same run
 * (batches) go straight to the backup, so a run does not wait for the timeout twice per batch.
 */
export function createRlabClient(z: ZObject, credentials: RlabCredentials): RlabClient {
  const userId = rlabUserId(z, credentials);
  let primaryDown: string | undefined;
  return {
    async call(method, trackingData, testMode = false) {
      const trackingRequestKey =
        trackingData === null
          ? rlabUserInfoKey(credentials.userId, credentials.apiKey)
          : rlabTrackingKey(credentials.userId, trackingData.map((entry) => entry.trackingUserClientTrack), credentials.apiKey);
      const body = JSON.stringify({ trackingUserId: userId, trackingRequestKey, testMode, trackingData });
      if (primaryDown === undefined) {
        const answer = await sendTo(z, `${rlabBaseUrl()}/${method}.ashx`, body, method);
        if (!(answer instanceof HostDown)) return answer;
        primaryDown = answer.reason;
      }
      const fallback = rlabFallbackUrl();
      const reasons = [`main address: ${primaryDown}`];
      if (fallback !== null) {
        const answer = await sendTo(z, `${fallback}/${method}.ashx`, body, method);
        if (!(answer instanceof HostDown)) return answer;
        reasons.push(`backup address: ${answer.reason}`);
      } else {
        reasons.push('the backup address is switched off');
      }
      throw unreachableError(z, 'R-Lab', reasons.join('; '));
    },
  };
}

const isKeyError = (info: string): boolean => /ключ|key/i.test(info);

/** A resultState other than 0 as the error the user sees, carrying R-Lab's resultInfo. */
export function rlabResultError(z: ZObject, answer: RlabAnswer): Error {
  const info = `"${answer.resultInfo || 'no explanation given'}"`;
  if (isKeyError(answer.resultInfo)) {
    return new z.errors.ExpiredAuthError(
      `R-Lab refused the request key: ${info}. Check ${AUTH_FIELDS.rlab_user_id} and ${AUTH_FIELDS.rlab_api_key} in the connection ` +
        '(both are shown in your DeliveryCRM profile).',
    );
  }
  const what =
    answer.resultState === 1
      ? 'R-Lab applied only part of the request'
      : answer.resultState === 2
        ? 'R-Lab refused the request'
        : `R-Lab answered with the unknown result ${answer.resultState}`;
  return new z.errors.Error(`${what}: ${info} (resultState ${answer.resultState}).`, `RlabResult${answer.resultState}`, 400);
}


/** The account's balance and tariff (getuserinfo.ashx); used by the connection test. */
export async function getUserInfo(z: ZObject, credentials: RlabCredentials): Promise<RlabUserInfo> {
  const answer = await createRlabClient(z, credentials).call('getuserinfo', null);
  if (answer.resultState !== 0) throw rlabResultError(z, answer);
  const data = answer.resultData;
  if (!isRecord(data) || typeof data.userBalance !== 'number') {
    throw new z.errors.Error(
      `R-Lab answered getuserinfo without the account data (resultInfo "${preview(answer.resultInfo)}").`,
      'RlabBadAnswer',
      502,
    );
  }
  return {
    userExpireDate: typeof data.userExpireDate === 'string' ? data.userExpireDate : '',
    userBalance: data.userBalance,
    userExpired: data.userExpired === true,
    userBalanceUnlimited: data.userBalanceUnlimited === true,
    userDateUnlimited: data.userDateUnlimited === true,
  };
}

/**
 * A DeliveryCRM / blacklist GET. These hosts have no backup address: a host that is down, slow or
 * answering 5xx or unreadable text hands the step back to Zapier to retry (reads change nothing).
 */
export async function getDeliveryCrmJson(z: ZObject, service: string, url: string): Promise<unknown> {
  const response = await request(z, { method: 'GET', url, headers: JSON_HEADERS });
  if (response instanceof HostDown) throw unreachableError(z, service, response.reason);
  if (response.status >= 500) throw unreachableError(z, service, `HTTP ${response.status}`);
  if (response.status >= 400) throw refusedStatus(z, service, response);
  const data = parseJson(response.content);
  if (data === undefined) throw unreachableError(z, service, `an unreadable answer with HTTP ${response.status}`);
  return data;
}
