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
