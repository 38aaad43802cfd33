/**
 * Every vendor signature, as pure functions. The formulas come from the vendors' documents
 * (shared/seeds 001 for JustClick, 002 for R-Lab / DeliveryCRM).
 */
import { md5, sha1 } from './common/hash';
import { httpBuildQuery, type PhpQueryParams } from './common/php-query';

/** JustClick request: md5(http_build_query(params) . '::' . login . '::' . secret). */
export function justClickRequestHash(query: string, login: string, secret: string): string {
  return md5(`${query}::${login}::${secret}`);
}

/**
 * The JustClick body: the PHP-encoded params followed by their hash. Built as one string because
 * the server re-encodes what it received with PHP's rules and any other encoding fails the hash.
 */
export function justClickSignedBody(params: PhpQueryParams, login: string, secret: string): string {
  const query = httpBuildQuery(params);
  const hash = justClickRequestHash(query, login, secret);
  return query === '' ? `hash=${hash}` : `${query}&hash=${hash}`;
}

/** JustClick answer: md5(error_code . '::' . error_text . '::' . secret), on the text as received. */
export function justClickResponseHash(errorCode: string, errorText: string, secret: string): string {
  return md5(`${errorCode}::${errorText}::${secret}`);
}

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
