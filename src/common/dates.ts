/** Date handling shared by the vendors: Unix seconds, and vendor-local wall-clock times as ISO 8601. */

const UNIX_DIGITS = /^-?\d+(\.\d+)?$/;

/**
 * Reads what Zapier may hand a datetime field: ISO 8601, a Unix timestamp (seconds, or
 * milliseconds when it is too large to be seconds) or free text that `Date` understands.
 * Text without an offset is taken as UTC, the time zone Zapier's workers run in.
 * Returns undefined when the value is not a date.
 */
export function parseDateTime(value: string | number): Date | undefined {
  const text = String(value).trim();
  if (text === '') return undefined;
  let date: Date;
  if (UNIX_DIGITS.test(text)) {
    const number = Number(text);
    date = new Date(Math.abs(number) >= 1e11 ? number : number * 1000);
  } else {
    const hasZone = /(Z|[+-]\d{2}:?\d{2}|GMT|UTC)\s*$/i.test(text);
    const isoLocal = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(text);
    date = new Date(isoLocal ? `${text.replace(' ', 'T')}${text.length > 10 ? 'Z' : 'T00:00:00Z'}` : text);
    if (!hasZone && !isoLocal && !Number.isNaN(date.getTime())) {
      // Free text such as "March 3 2013 10:00" is read in the process's zone; pin it to UTC.
      date = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
    }
  }
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export const toUnixSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);

/** ISO 8601 without milliseconds, in UTC: 2013-03-03T00:00:00Z. */
export const toIsoUtc = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

const DOTTED = /^(\d{2})\.(\d{2})\.(\d{4})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/; // dd.MM.yyyy HH:mm:ss
const DASHED = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/; // yyyy-MM-dd HH:mm:ss

/**
 * A vendor's wall-clock time ("08.06.2018 14:22:55" or "2022-06-10 10:48:14") as ISO 8601 with
 * the offset the vendor works in, e.g. "+03:00". Returns null for empty or unreadable text, so
 * the original string stays the only value rather than a wrong date.
 */
export function localTimeToIso(text: string | null | undefined, offset: string): string | null {
  if (!/^(Z|[+-]\d{2}:\d{2})$/.test(offset)) throw new RangeError(`bad UTC offset ${offset}`);
  if (!text) return null;
  const trimmed = text.trim();
  let parts: string[];
  const dotted = DOTTED.exec(trimmed);
  const dashed = DASHED.exec(trimmed);
  if (dotted) {
    const [, day, month, year, hour, minute, second] = dotted as unknown as string[];
    parts = [year!, month!, day!, hour!, minute!, second ?? '00'];
  } else if (dashed) {
    const [, year, month, day, hour, minute, second] = dashed as unknown as string[];
    parts = [year!, month!, day!, hour!, minute!, second ?? '00'];
  } else {
    return null;
  }
  const [year, month, day, hour, minute, second] = parts as [string, string, string, string, string, string];
  // Reject impossible dates such as 31.02.2020 instead of letting Date roll them over.
  const check = new Date(Date.UTC(+year, +month - 1, +day, +hour, +minute, +second));
  const valid =
    check.getUTCFullYear() === +year &&
    check.getUTCMonth() === +month - 1 &&
    check.getUTCDate() === +day &&
    check.getUTCHours() === +hour &&
    check.getUTCMinutes() === +minute &&
    check.getUTCSeconds() === +second;
  return valid ? `${year}-${month}-${day}T${hour}:${minute}:${second}${offset}` : null;
}
