/**
 * PHP's `http_build_query()` with its defaults (PHP_QUERY_RFC1738), byte for byte.
 *
 * JustClick and DeliveryCRM sign or read exactly this string, and neither Node's `querystring`
 * nor `URLSearchParams` produces it (they leave `! * ' ( ) ~` unescaped), so it is written here.
 */

/** A value `http_build_query` accepts: scalars, and arrays/objects that become `key[sub]=`. */
export type PhpQueryValue =
  string | number | boolean | null | undefined | readonly PhpQueryValue[] | { readonly [key: string]: PhpQueryValue };

/** Ordered parameters: PHP keeps insertion order, so callers pass pairs, not an object. */
export type PhpQueryParams = ReadonlyArray<readonly [string, PhpQueryValue]>;

// RFC 1738 as PHP's urlencode(): only A-Z a-z 0-9 - _ . stay; space becomes '+'; the rest %XX.
const ENCODED_BYTE: string[] = Array.from({ length: 256 }, (_, byte) => {
  const char = String.fromCharCode(byte);
  if (/[A-Za-z0-9_.-]/.test(char)) return char;
  if (byte === 0x20) return '+';
  return `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
});

/** PHP's urlencode() over the UTF-8 bytes of the string. */
export function phpUrlencode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) out += ENCODED_BYTE[byte];
  return out;
}

function scalarText(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`http_build_query: ${value} has no PHP form`);
    return String(value);
  }
  return value;
}

function appendPairs(out: string[], key: string, value: PhpQueryValue): void {
  if (value === null || value === undefined) return; // PHP skips nulls
  if (typeof value === 'object') {
    const entries: Array<[string, PhpQueryValue]> = Array.isArray(value)
      ? value.map((item, index) => [String(index), item])
      : Object.entries(value);
    for (const [subKey, item] of entries) appendPairs(out, `${key}[${subKey}]`, item);
    return;
  }
  out.push(`${phpUrlencode(key)}=${phpUrlencode(scalarText(value))}`);
}

export function httpBuildQuery(params: PhpQueryParams): string {
  const out: string[] = [];
  for (const [key, value] of params) appendPairs(out, key, value);
  return out.join('&');
}
