/**
 * What a PHP vendor server does with a request, written independently of the app's encoder so the
 * sandbox can catch the app's mistakes: PHP's parsing of a form body or query string into
 * $_POST / $_GET (main/php_variables.c rules), `http_build_query()` over the result, and
 * `json_encode()` with its default flags.
 *
 * PHP strings are bytes: values are kept as "binary strings" (one char per byte, latin1) so a
 * malformed percent-escape or invalid UTF-8 round-trips exactly as it would in PHP.
 */

/** A PHP array: ordered, keys are strings (integer-like keys keep their canonical text). */
export type PhpArray = Map<string, PhpValue>;
export type PhpValue = string | PhpArray;

/** PHP's urldecode(): '+' is a space, valid %XX is a byte, anything else stays as it is. */
export function phpUrldecode(text: string): string {
  const bytes = Buffer.from(text, 'latin1');
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i]!;
    if (byte === 0x2b) out.push(0x20);
    else if (byte === 0x25 && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
      out.push(parseInt(String.fromCharCode(bytes[i + 1]!, bytes[i + 2]!), 16));
      i += 2;
    } else out.push(byte);
  }
  return Buffer.from(out).toString('latin1');
}

const isHex = (byte: number | undefined): boolean =>
  byte !== undefined &&
  ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66));

/** PHP's urlencode() over a binary string: only A-Z a-z 0-9 - _ . stay, space becomes '+'. */
export function phpUrlencode(binary: string): string {
  let out = '';
  for (let i = 0; i < binary.length; i += 1) {
    const code = binary.charCodeAt(i) & 0xff;
    const char = String.fromCharCode(code);
    if (
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a) ||
      '-_.'.includes(char)
    ) {
      out += char;
    } else if (code === 0x20) out += '+';
    else out += `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const MAX_NESTING = 64; // PHP's max_input_nesting_level default

/**
 * Parses `a=1&b[x]=2&c[]=3` into a PHP array the way PHP fills $_POST/$_GET from a
 * form-urlencoded body or query string. `text` is the raw body as a binary (latin1) string.
 */
export function parsePhpQuery(text: string): PhpArray {
  const result: PhpArray = new Map();
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = phpUrldecode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : phpUrldecode(pair.slice(eq + 1));
    registerVariable(result, name, value);
  }
  return result;
}

/** php_register_variable_ex: splits `base[i1][i2]` and stores the value at that path. */
function registerVariable(target: PhpArray, rawName: string, value: string): void {
  // PHP's C string ends at a NUL byte; leading spaces are dropped.
  const name = rawName.split('\0')[0]!.replace(/^ +/, '');
  const open = name.indexOf('[');
  // In the variable's base name (before the first '[') PHP turns ' ' and '.' into '_'.
  let base = (open === -1 ? name : name.slice(0, open)).replace(/[ .]/g, '_');
  if (base === '') return; // PHP drops a variable whose name before the first '[' is empty
  const indexes: Array<string | null> = []; // null = `[]`, append
  if (open !== -1) {
    let pos = open;
    while (pos < name.length && name[pos] === '[') {
      const close = name.indexOf(']', pos + 1);
      if (close === -1) {
        // An unclosed first '[' is not an index: PHP turns it into '_' and keeps the rest as is.
        // (then ' ', '.' and '[' anywhere in the name become '_').
        if (indexes.length === 0) base = name.replace(/[ .[]/g, '_');
        break;
      }
      const index = name.slice(pos + 1, close);
      // `[]` appends; so does `[ ]` with one space, tab or newline (PHP skips one such char first).
      indexes.push(index === '' || /^[ \t\n\r]$/.test(index) ? null : index);
      pos = close + 1; // anything after the last ']' that is not '[' is ignored
    }
  }
  if (indexes.length > MAX_NESTING) return;

  let container = target;
  const path: Array<string | null> = [base, ...indexes];
  for (let i = 0; i < path.length; i += 1) {
    const key = path[i] === null ? nextIndex(container) : path[i]!;
    if (key === null) return; // PHP cannot append past the largest integer key
    if (i === path.length - 1) {
      container.set(key, value);
      break;
    }
    const existing = container.get(key);
    if (existing instanceof Map) {
      container = existing;
    } else {
      const created: PhpArray = new Map();
      container.set(key, created);
      container = created;
    }
  }
}

const INT_KEY = /^(0|-?[1-9]\d*)$/;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

const intKey = (key: string): bigint | null => {
  if (!INT_KEY.test(key)) return null;
  const value = BigInt(key);
  return value >= LONG_MIN && value <= LONG_MAX ? value : null;
};

/** The key `[]` appends under: one more than the largest integer key, 0 when there is none. */
function nextIndex(array: PhpArray): string | null {
  let max: bigint | null = null;
  for (const key of array.keys()) {
    const value = intKey(key);
    if (value !== null && (max === null || value > max)) max = value;
  }
  if (max === null) return '0';
  return max === LONG_MAX ? null : String(max + 1n);
}

/** `http_build_query($array)` with PHP's defaults (RFC 1738, '&', no numeric prefix). */
export function phpHttpBuildQuery(array: PhpArray, prefix?: string): string {
  const parts: string[] = [];
  for (const [key, value] of array) {
    const name = prefix === undefined ? phpUrlencode(key) : `${prefix}%5B${phpUrlencode(key)}%5D`;
    if (value instanceof Map) {
      const nested = phpHttpBuildQuery(value, name);
      if (nested !== '') parts.push(nested);
    } else {
      parts.push(`${name}=${phpUrlencode(value)}`);
    }
  }
  return parts.join('&');
}

/** A PHP binary string as the UTF-8 text it holds. */
export const utf8 = (binary: string): string => Buffer.from(binary, 'latin1').toString('utf8');

/** A scalar at `key`, as UTF-8 text, or undefined when absent or an array. */
export function phpString(array: PhpArray, key: string): string | undefined {
  const value = array.get(key);
  return typeof value === 'string' ? utf8(value) : undefined;
}

/**
 * `json_encode()` with default flags: non-ASCII as \uXXXX and '/' as '\/', which PHP vendors send
 * and clients must decode before checking any hash over the text.
 */
export function phpJsonEncode(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
