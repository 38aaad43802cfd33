/**
 * JustClick's signatures, as pure functions: the formulas of its API document (see docs/justclick.md,
 * "Calling the API" and "Answers").
 */
import { md5 } from '../common/hash';
import { httpBuildQuery, type PhpQueryParams } from '../common/php-query';

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
