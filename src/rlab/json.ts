import { localTimeToIso } from '../common/dates';

/**
 * Reading the vendor's JSON field by field: a value of the wrong type becomes null rather than
 * flowing into the output. Objects are read, never merged, so keys such as "__proto__" are inert.
 */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The objects of an array (a lone object counts as one); anything else is no items. */
export const records = (value: unknown): Array<Record<string, unknown>> =>
  Array.isArray(value) ? value.filter(isRecord) : isRecord(value) ? [value] : [];

/** A label from a code table, "Unknown <what> N" for a code the document does not list. */
export const labelOf = (table: Readonly<Record<number, string>>, code: number | null, what: string): string | null =>
  code === null ? null : (table[code] ?? `Unknown ${what} ${code}`);

/**
 * R-Lab and DeliveryCRM send wall-clock times without a zone ("08.06.2018 14:22:55",
 * "2016-05-18 16:10:02"); the service is Moscow-based, so they are read as Moscow time (+03:00).
 */
export const moscowIso = (text: string | null): string | null => localTimeToIso(text, '+03:00');

/**
 * A Moscow time as the outputs carry it: only in ISO 8601 with +03:00 under `isoKey`, because
 * Zapier's checks D023/T003 refuse a date string without a zone. Text that does not read as a
 * time stays as sent under `key`, so nothing the vendor said is lost.
 */
export function moscowTime<Key extends string, IsoKey extends string>(
  key: Key,
  isoKey: IsoKey,
  text: string | null,
): MoscowTime<Key, IsoKey> {
  const iso = moscowIso(text);
  const time =
    iso === null && text !== null && text.trim() !== '' ? { [key]: text, [isoKey]: null } : { [isoKey]: iso };
  return time as MoscowTime<Key, IsoKey>;
}

/** `isoKey` always (null when there is no time), `key` only with text that is no time. */
export type MoscowTime<Key extends string, IsoKey extends string> = { [K in IsoKey]: string | null } & {
  [K in Key]?: string;
};
