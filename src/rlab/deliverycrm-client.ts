/**
 * DeliveryCRM client (R-Lab API document, see docs/rlab.md): the blacklist check, the blacklist
 * history and the notification history, GET requests built and signed here; operations never do.
 *
 * These hosts have no backup address: a host that is down, slow or answering 5xx or unreadable text
 * hands the step back to Zapier to retry (reads change nothing). The step's GETs share one time
 * budget.
 */
import type { ZObject } from 'zapier-platform-core';
import { readJsonAnswer } from '../common/json';
import { TimeBudget } from '../common/network';
import { httpBuildQuery } from '../common/php-query';
import { deliveryCrmBaseUrl, rlabBlacklistBaseUrl } from '../config';
import { HostDown, JSON_HEADERS, hiddenValues, rlabTimeoutMs, sender } from './client';
import { blacklistRequestKey, trackHistoryRequestKey } from './signatures';
import type { RlabCredentials } from './types';
import { refusedStatus, unreachable, unreadable } from './errors';
import { failureError, passThrottled, type Failure, type Where } from '../common/failures';

/** The names messages give each service. */
export const BLACKLIST_SERVICE = 'DeliveryCRM blacklist';
export const BLACKLIST_HISTORY_SERVICE = 'R-Lab blacklist history';
export const TRACK_HISTORY_SERVICE = 'DeliveryCRM';

export type DeliveryCrmClient = {
  /** The connection values, which no message shows even when the vendor echoes one. */
  hidden: readonly string[];
  /** /v1/black/check, signed sha1(user_id:key:phone:email); the answer as JSON. */
  blacklistCheck(phone: string, email: string): Promise<unknown>;
  /** GetWhiteBlackHistoryInfo of the blacklist host (unsigned, as the document shows it). */
  blacklistHistory(phone: string, email: string): Promise<unknown>;
  /** /v1/track/history for one track, signed sha1(user_id . track . key). */
  trackHistory(track: string, serviceId: number): Promise<unknown>;
};

export function createDeliveryCrmClient(
  z: ZObject,
  credentials: RlabCredentials,
  /** Where the messages are read: its operations are searches. */
  where: Where,
): DeliveryCrmClient {
  const send = sender(z, new TimeBudget(rlabTimeoutMs()));
  const hidden = hiddenValues(credentials);
  const { userId, apiKey } = credentials;

  async function get(service: string, url: string): Promise<unknown> {
    const fail = (failure: Failure) => failureError(z, failure, where);
    let response;
    try {
      response = await send({ method: 'GET', url, headers: JSON_HEADERS });
    } catch (error) {
      throw passThrottled(z, error, service, where);
    }
    if (response instanceof HostDown) throw fail(unreachable(service, response.reason));
    if (response.status >= 500) throw fail(unreachable(service, `HTTP ${response.status}`));
    if (response.status >= 400) throw fail(refusedStatus(service, response, hidden));
    const data = readJsonAnswer(response.content);
    // It answered, so it is not unreachable: what it sent is just not an answer to read.
    if (data === undefined) throw fail(unreadable(service, `HTTP ${response.status}, not JSON`));
    return data;
  }

  return {
    hidden,
    blacklistCheck(phone, email) {
      const query = httpBuildQuery([
        ['user_id', userId],
        ['request_key', blacklistRequestKey(userId, apiKey, phone, email)],
        ['phone', phone],
        ['email', email],
      ]);
      return get(BLACKLIST_SERVICE, `${deliveryCrmBaseUrl()}/v1/black/check?${query}`);
    },
    blacklistHistory(phone, email) {
      const query = httpBuildQuery([
        ['blackPhone', phone],
        ['blackEmail', email],
      ]);
      return get(
        BLACKLIST_HISTORY_SERVICE,
        `${rlabBlacklistBaseUrl()}/api/BlackList/GetWhiteBlackHistoryInfo?${query}`,
      );
    },
    trackHistory(track, serviceId) {
      // tracks[0][track]=...&tracks[0][service_id]=..., encoded like the vendor's PHP http_build_query.
      const query = httpBuildQuery([
        ['user_id', userId],
        ['request_key', trackHistoryRequestKey(userId, [track], apiKey)],
        ['tracks', [{ track, service_id: serviceId }]],
      ]);
      return get(TRACK_HISTORY_SERVICE, `${deliveryCrmBaseUrl()}/v1/track/history?${query}`);
    },
  };
}
