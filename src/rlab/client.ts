/**
 * R-Lab client (R-Lab API document, see docs/rlab.md): the tracking API (POST JSON to
 * {RLAB_BASE_URL}/<method>.ashx, falling back once to RLAB_FALLBACK_URL), and the exchange and
 * error handling the DeliveryCRM client (deliverycrm-client.ts) shares. Builds and signs requests;
 * operations never do.
 */
import type { HttpResponse, ZObject } from 'zapier-platform-core';
import { preview } from '../common/errors';
import { isRecord, readJsonAnswer } from '../common/json';
import { NoAnswer, requestWithin, TimeBudget, timeoutFromEnv } from '../common/network';
import { hideSecrets } from '../common/secrets';
import { rlabBaseUrl, rlabFallbackUrl } from '../config';
import { AUTH_FIELDS } from '../credentials';
import { CONNECTION_TEST, refusedStatus, rlabResultError, unreachable as unreachableFailure } from './errors';
import { failureError, inConnectionTest, passThrottled, sayingFailure, type Where } from '../common/failures';
import { inWantedState, storedTracks } from './reconcile';
import { rlabTrackingKey, rlabUserInfoKey } from './signatures';
import type {
  RlabAnswer,
  RlabCredentials,
  RlabMethod,
  RlabReply,
  RlabUserInfo,
  TrackingEntry,
  WriteMethod,
  WriteResult,
} from './types';

/** Methods that change nothing: an unreadable answer from them is safe to ask again elsewhere. */
const READ_METHODS: ReadonlySet<RlabMethod> = new Set(['gettrackinfo', 'getuserinfo']);

/**
 * How long one exchange with an R-Lab / DeliveryCRM address may take, connect, headers and body
 * together: 10 s, RLAB_TIMEOUT_MS overrides it (tests use a short one). A step's exchanges together
 * stop at 2.5 times that, at most 25 s (src/common/network.ts), inside Zapier's 30 s.
 */
export const rlabTimeoutMs = (): number => timeoutFromEnv('RLAB_TIMEOUT_MS', 10_000);

export const JSON_HEADERS = { Accept: 'application/json' };

/** The values of the connection fields, which no message shows even when a vendor echoes one. */
export const hiddenValues = (credentials: RlabCredentials): string[] => [credentials.apiKey, credentials.userId];

function rlabUserId(z: ZObject, credentials: RlabCredentials, where: Where): number {
  if (!/^\d{1,15}$/.test(credentials.userId)) {
    // Never the value: a key pasted into the wrong field must not be printed back.
    throw new z.errors.Error(
      `${AUTH_FIELDS.rlab_user_id}: expected the number (digits only) shown in your DeliveryCRM profile, but ` +
        'the value filled in is not a number. ' +
        (inConnectionTest(where)
          ? `Correct ${AUTH_FIELDS.rlab_user_id} and test again.`
          : `Reconnect the account with the right ${AUTH_FIELDS.rlab_user_id}.`),
      'InvalidCredentials',
      401,
    );
  }
  return Number(credentials.userId);
}

/** A key of a vendor object, also when the vendor wrote it with spaces (" resultInfo " in the document). */
export function vendorField(record: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(record, name)) return record[name];
  const key = Object.keys(record).find((candidate) => candidate.trim() === name);
  return key === undefined ? undefined : record[key];
}

/** The answer envelope {resultState, resultInfo, resultData}, or undefined when the body is not one. */
export function parseRlabAnswer(content: string): RlabAnswer | undefined {
  const data = readJsonAnswer(content);
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
export class HostDown {
  constructor(
    readonly reason: string,
    /** False only when the request cannot have reached R-Lab (connection refused, no time left to send it). */
    readonly mayHaveApplied: boolean,
  ) {}
}

export type Sender = (options: {
  method: 'GET' | 'POST';
  url: string;
  body?: string;
  headers: Record<string, string>;
}) => Promise<HttpResponse | HostDown>;

/** One step's requests: each exchange within its time, all of them within the step's budget. */
export function sender(z: ZObject, budget: TimeBudget): Sender {
  return async (options) => {
    const response = await requestWithin(z, { ...options, skipThrowForStatus: true }, budget.nextLimitMs());
    return response instanceof NoAnswer ? new HostDown(response.reason, response.mayHaveArrived) : response;
  };
}

export type RlabClient = {
  call(method: RlabMethod, trackingData: TrackingEntry[] | null, testMode?: boolean): Promise<RlabReply>;
  write(method: WriteMethod, entries: TrackingEntry[], testMode: boolean): Promise<WriteResult>;
};

/** Where the messages are read: a create step (the default), a search, or the connection test. */
export type RlabClientOptions = { where?: Where };

/** The tracks an RlabUnconfirmedWrite error is about: R-Lab may or may not have applied them. */
export const unconfirmedTracks = new WeakMap<Error, TrackingEntry[]>();

const trackList = (entries: TrackingEntry[]) => entries.map((entry) => entry.trackingUserClientTrack).join(', ');

/**
 * The tracking API. "If the service is down, retry ... try the backup address"
 * (https://apilr2.r-lab.biz API document): a connection failure, timeout, stalled answer or 5xx on
 * the main address sends the request to the backup; a 4xx or any resultState is final. Once the
 * main address failed, later calls of the same run (batches) go straight to the backup, so a run
 * does not wait for the timeout twice per batch.
 *
 * A write whose answer never came may have been applied by the main address. Before it goes to the
 * backup, the backup (the same database) is asked with gettrackinfo which of its tracks are
 * already as the write wants them, and only the others are sent. When that cannot be checked, the
 * write is not sent again and the user is told to check, rather than risk applying it twice.
 */
export function createRlabClient(
  z: ZObject,
  credentials: RlabCredentials,
  options: RlabClientOptions = {},
): RlabClient {
  const where = options.where ?? 'create';
  const userId = rlabUserId(z, credentials, where);
  const hidden = hiddenValues(credentials);
  const send = sender(z, new TimeBudget(rlabTimeoutMs()));
  let primaryDown: HostDown | undefined;

  const bodyOf = (trackingData: TrackingEntry[] | null, testMode: boolean) => {
    const trackingRequestKey =
      trackingData === null
        ? rlabUserInfoKey(credentials.userId, credentials.apiKey)
        : rlabTrackingKey(
            credentials.userId,
            trackingData.map((entry) => entry.trackingUserClientTrack),
            credentials.apiKey,
          );
    return JSON.stringify({ trackingUserId: userId, trackingRequestKey, testMode, trackingData });
  };

  async function sendTo(base: string, method: RlabMethod, body: string): Promise<RlabAnswer | HostDown> {
    let response;
    try {
      response = await send({
        method: 'POST',
        url: `${base}/${method}.ashx`,
        body,
        // As the vendor's PHP example: the JSON as plain text, Unicode unescaped (JSON.stringify's default).
        headers: { 'Content-Type': 'text/plain; charset=utf-8', ...JSON_HEADERS },
      });
    } catch (error) {
      throw passThrottled(z, error, 'R-Lab', where);
    }
    if (response instanceof HostDown) return response;
    // An error page in place of R-Lab's answer: the request did not reach R-Lab's handler.
    if (response.status >= 500) return new HostDown(`HTTP ${response.status}`, false);
    if (response.status >= 400) throw failureError(z, refusedStatus('R-Lab', response, hidden), where);
    const answer = parseRlabAnswer(response.content);
    if (answer) return { ...answer, resultInfo: hideSecrets(answer.resultInfo, hidden) };
    if (READ_METHODS.has(method)) return new HostDown(`an unreadable answer with HTTP ${response.status}`, false);
    // A write that got a 200 may have been saved: sending it again could apply it twice.
    throw failureError(
      z,
      {
        service: 'R-Lab',
        kind: 'unreadable',
        what:
          `R-Lab answered ${method} with something other than its API answer (HTTP ${response.status}: ` +
          `"${preview(response.content, hidden)}").`,
        changes: 'the tracks',
        code: 'RlabUnreadableAnswer',
        status: 502,
      },
      where,
    );
  }

  const reasonsOf = (backup: string) => `main address: ${primaryDown!.reason}; ${backup}`;

  /**
   * The main address's answer; null when it failed now or earlier in this run (later batches go straight to the
   * backup).
   */
  async function fromMain(method: RlabMethod, body: string): Promise<RlabReply | null> {
    if (primaryDown !== undefined) return null;
    const answer = await sendTo(rlabBaseUrl(), method, body);
    if (!(answer instanceof HostDown)) return { ...answer, servedByBackup: false };
    primaryDown = answer;
    return null;
  }

  /** The backup address's answer, or what went wrong there ("backup address: ..."). */
  async function fromBackup(fallback: string, method: RlabMethod, body: string): Promise<RlabReply | HostDown> {
    const answer = await sendTo(fallback, method, body);
    return answer instanceof HostDown
      ? new HostDown(`backup address: ${answer.reason}`, answer.mayHaveApplied)
      : { ...answer, servedByBackup: true };
  }

  const switchedOff = () => new HostDown('the backup address is switched off', false);

  /** `down` says what happened at the backup ("backup address: ...", or that it is switched off). */
  const unreachable = (down: HostDown): Error =>
    failureError(z, unreachableFailure('R-Lab', reasonsOf(down.reason)), where);

  /** A write that may have been applied and cannot be checked or resent safely. */
  function uncertain(method: WriteMethod, entries: TrackingEntry[], why: string): Error {
    const what = `R-Lab did not confirm ${method} (${why}).`;
    const error = new z.errors.Error(
      `${what} The change may have been saved for these tracks: ` +
        `${trackList(entries)}. ` +
        'It is not sent again, so nothing is applied twice: check these tracks in your R-Lab account (Find ' +
        'R-Lab Track Status) before you replay this step.',
      'RlabUnconfirmedWrite',
      504,
    );
    unconfirmedTracks.set(error, entries);
    // Its words name the tracks; a run that stopped part-way reports only what happened (whatFailed).
    return sayingFailure(error, {
      service: 'R-Lab',
      kind: 'no-answer',
      what,
      changes: 'the tracks',
      code: 'RlabUnconfirmedWrite',
      status: 504,
    });
  }

  return {
    async call(method, trackingData, testMode = false) {
      const body = bodyOf(trackingData, testMode);
      const main = await fromMain(method, body);
      if (main) return main;
      const fallback = rlabFallbackUrl();
      const reply = fallback === null ? switchedOff() : await fromBackup(fallback, method, body);
      if (reply instanceof HostDown) throw unreachable(reply);
      return reply;
    },

    async write(method, entries, testMode) {
      const mainWasUp = primaryDown === undefined;
      const main = await fromMain(method, bodyOf(entries, testMode));
      if (main) return { reply: main, sent: entries, alreadyApplied: [] };
      const fallback = rlabFallbackUrl();
      let pending = entries;
      const alreadyApplied: TrackingEntry[] = [];
      // Only a write that reached the main address (and is not a test-mode check) can have been applied there.
      if (mainWasUp && primaryDown!.mayHaveApplied && !testMode) {
        if (fallback === null)
          throw uncertain(method, entries, reasonsOf('the backup address is switched off, so it could not be checked'));
        const check = await fromBackup(fallback, 'gettrackinfo', bodyOf(entries.map(emptyEntryOf), false));
        const stored = check instanceof HostDown ? undefined : storedTracks(check);
        if (!stored) {
          const why = check instanceof HostDown ? check.reason : 'backup address: an unexpected gettrackinfo answer';
          throw uncertain(method, entries, reasonsOf(why));
        }
        pending = [];
        for (const entry of entries) {
          if (inWantedState(method, entry, stored.get(entry.trackingUserClientTrack)) === true)
            alreadyApplied.push(entry);
          else pending.push(entry);
        }
        if (pending.length === 0) return { reply: null, sent: [], alreadyApplied };
      }
      if (fallback === null) throw unreachable(switchedOff());
      const answer = await fromBackup(fallback, method, bodyOf(pending, testMode));
      if (answer instanceof HostDown) {
        if (answer.mayHaveApplied && !testMode) throw uncertain(method, pending, reasonsOf(answer.reason));
        throw unreachable(answer);
      }
      return { reply: answer, sent: pending, alreadyApplied };
    },
  };
}

/** An entry with only the track (and carrier) filled in, as the document's deltrack and gettrackinfo examples. */
export const emptyEntryOf = (
  entry: Pick<TrackingEntry, 'trackingUserClientTrack' | 'trackingUserClientDeliveryServiceId'>,
): TrackingEntry => ({
  trackingUserClientPhone: '',
  trackingUserClientTrack: entry.trackingUserClientTrack,
  trackingUserClientEmail: '',
  trackingUserClientName: '',
  trackingUserClientItemCost: 0,
  sendToUserEmailFullTracking: false,
  sendToAdminEmailFullTracking: false,
  ...(entry.trackingUserClientDeliveryServiceId === undefined
    ? {}
    : { trackingUserClientDeliveryServiceId: entry.trackingUserClientDeliveryServiceId }),
});

/** The account's balance and tariff (getuserinfo.ashx); used by the connection test. */
export async function getUserInfo(z: ZObject, credentials: RlabCredentials): Promise<RlabUserInfo> {
  const answer = await createRlabClient(z, credentials, { where: CONNECTION_TEST }).call('getuserinfo', null);
  if (answer.resultState !== 0) throw rlabResultError(z, answer, 'getuserinfo');
  const data = answer.resultData;
  if (!isRecord(data) || typeof data.userBalance !== 'number') {
    throw new z.errors.Error(
      `R-Lab answered getuserinfo without the account data (resultInfo "${preview(answer.resultInfo)}"). ` +
        'Test the connection again in a few minutes.',
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
