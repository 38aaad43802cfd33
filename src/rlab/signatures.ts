/**
 * The request keys of R-Lab's tracking API and of DeliveryCRM, as pure functions: the formulas of
 * the R-Lab API document (see docs/rlab.md).
 */
import { md5, sha1 } from '../common/hash';

/** R-Lab trackingRequestKey: md5(userId:track1track2...:apiKey), tracks in request order. */
export function rlabTrackingKey(userId: string, tracks: readonly string[], apiKey: string): string {
  return md5(`${userId}:${tracks.join('')}:${apiKey}`);
}

/** R-Lab getuserinfo.ashx key: md5(userId:apiKey). */
export function rlabUserInfoKey(userId: string, apiKey: string): string {
  return md5(`${userId}:${apiKey}`);
}

/** DeliveryCRM blacklist request_key: sha1(user_id:key:phone:email). */
export function blacklistRequestKey(userId: string, apiKey: string, phone: string, email: string): string {
  return sha1(`${userId}:${apiKey}:${phone}:${email}`);
}

/** DeliveryCRM track history request_key: sha1(user_id . tracks concatenated . key), no separators. */
export function trackHistoryRequestKey(userId: string, tracks: readonly string[], apiKey: string): string {
  return sha1(`${userId}${tracks.join('')}${apiKey}`);
}
