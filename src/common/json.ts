/**
 * Reading JSON nobody vouches for (a webhook body, a vendor's answer) safely: keys that could
 * reach an object's prototype are refused, and nesting is bounded before parsing, because
 * JSON.parse with a reviver recurses and deep text would end in a stack overflow rather than a
 * message. Linear in the text's length.
 */

/** Names that would reach Object.prototype if a parsed key were ever assigned carelessly. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Deeper than any vendor's payload; text is checked before parsing, so it cannot exhaust the stack. */
export const MAX_JSON_DEPTH = 100;

/** Why a JSON text or value was not read; the message says it in the user's terms. */
export class UnsafeJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeJsonError';
  }
}

const TOO_DEEP = `the JSON is nested more than ${MAX_JSON_DEPTH} levels deep.`;

function refuseForbiddenKey(key: string): void {
  if (FORBIDDEN_KEYS.has(key)) {
    throw new UnsafeJsonError(
      `the JSON has a key named "${key}", which is not allowed (it could tamper with the program's objects).`,
    );
  }
}

/** True when arrays and objects in JSON text nest deeper than MAX_JSON_DEPTH (strings skipped, no recursion). */
function nestedTooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c)
        i += 1; // a backslash escapes the next character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) return true;
    } else if (code === 0x5d || code === 0x7d) depth -= 1;
  }
  return false;
}

/** Parses JSON text, refusing forbidden keys and deep nesting; invalid JSON says why. */
export function parseJsonSafely(text: string): unknown {
  if (nestedTooDeep(text)) throw new UnsafeJsonError(TOO_DEEP);
  try {
    // The reviver sees every key, "__proto__" included (JSON.parse makes it an own key).
    return JSON.parse(text, (key: string, value: unknown) => {
      refuseForbiddenKey(key);
      return value;
    });
  } catch (error) {
    if (error instanceof UnsafeJsonError) throw error;
    throw new UnsafeJsonError(`the body is not valid JSON (${(error as Error).message}).`);
  }
}

/** Checks an already-parsed value (e.g. Zapier's cleanedRequest) the way parseJsonSafely checks text. */
export function assertSafeJson(value: unknown, depth = 0): void {
  if (depth > MAX_JSON_DEPTH) throw new UnsafeJsonError(TOO_DEEP);
  if (Array.isArray(value)) value.forEach((item) => assertSafeJson(item, depth + 1));
  else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      refuseForbiddenKey(key);
      assertSafeJson((value as Record<string, unknown>)[key], depth + 1);
    }
  }
}

/**
 * A vendor's answer read as JSON, or undefined when it is not JSON or not safe to read (a forbidden
 * key, nesting too deep): such an answer is never taken as a result. A UTF-8 byte order mark before
 * the text is tolerated (R-Lab's servers send one).
 */
export function readJsonAnswer(text: string): unknown {
  try {
    return parseJsonSafely(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

/*
 * Reading parsed JSON value by value: a value of the wrong type becomes null (or undefined) rather
 * than flowing into an output. Objects are read, never merged, so keys such as "__proto__" are inert.
 */

/** A JSON object, as the readers below see one. */
export type JsonRecord = Record<string, unknown>;

export const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A finite JSON number, else null. */
export const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** A JSON string as sent, else null. */
export const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The objects of an array (a lone object counts as one); anything else is no items. */
export const records = (value: unknown): JsonRecord[] =>
  Array.isArray(value) ? value.filter(isRecord) : isRecord(value) ? [value] : [];

/** PHP's json_encode gives a list for a sequential array and an object for keyed ones: read both. */
export function listOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (isRecord(value)) return Object.values(value);
  return undefined;
}

/** Text, or null for empty, null or absent values (numbers become their decimal text). */
export function textOrNull(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** Money as a number: "1490.00", "1490,00" or 1490; anything else is null. */
export function moneyOrNull(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const normal = value.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : null;
}
