/** Date handling shared by the vendors: Unix seconds, and vendor-local wall-clock times as ISO 8601. */

/** The time zone of JustClick and R-Lab, Moscow-based services (UTC+3 since October 2014, UTC+4 before). */
export const MOSCOW = 'Europe/Moscow';

/**
 * Moscow's offset today (UTC+3 all year since October 2014), for vendors that send wall-clock
 * times without a zone: JustClick, R-Lab / DeliveryCRM, MeaSoft.
 */
export const MOSCOW_OFFSET = '+03:00';
export const MOSCOW_OFFSET_MS = 3 * 3_600_000;

/** Vietnam's offset (UTC+7, no daylight saving): Abaha's wall-clock times. */
export const VIETNAM_OFFSET = '+07:00';

/** What a user typed into a date field: a date, or why it is not one. */
export type DateReading = { date: Date } | { problem: 'format' | 'calendar' };

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

// A zone written after a time: Z, +03, +0300 or +03:00 (and GMT/UTC in RFC 2822 dates).
const OFFSET = '(Z|[+-]\\d{2}(?::?\\d{2})?)';
const ISO = new RegExp(
  `^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*${OFFSET}?)?$`,
  'i',
);
// Day first, as written in Russia: 02.05.2024 is 2 May. One-digit day and month are read the same way.
const DAY_FIRST = new RegExp(
  `^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?:,?[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*${OFFSET}?)?$`,
  'i',
);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
// RFC 2822, as e-mail headers and JavaScript's toUTCString() write it: Thu, 02 May 2024 07:00:00 GMT.
const RFC2822 =
  /^(?:([a-z]{3}),\s*)?(\d{1,2})\s+([a-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+(GMT|UTC|UT|Z|[+-]\d{4})$/i;
const UNIX_SECONDS = /^\d{10}$/;
const UNIX_MILLISECONDS = /^\d{13}$/;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

function isOnCalendar({ year, month, day, hour, minute, second }: WallClock): boolean {
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59
  );
}

const wallAsUtc = (t: WallClock): number => {
  const date = new Date(Date.UTC(2000, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond));
  date.setUTCFullYear(t.year); // Date.UTC reads years 0-99 as 1900-1999
  return date.getTime();
};

/** The zone's offset from UTC at the instant `utc`, in milliseconds (from the IANA data Node carries). */
function zoneOffsetMs(timeZone: string, utc: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(utc));
  const get = (type: string): number => Number(parts.find((part) => part.type === type)?.value);
  const wholeSecond = utc - (((utc % 1000) + 1000) % 1000);
  return (
    wallAsUtc({
      year: get('year'),
      month: get('month'),
      day: get('day'),
      hour: get('hour'),
      minute: get('minute'),
      second: get('second'),
      millisecond: 0,
    }) - wholeSecond
  );
}

/** The instant a wall-clock time names, read in `timeZone` when `offset` is absent. */
function toInstant(wall: WallClock, offset: string | undefined, timeZone: string): Date {
  const local = wallAsUtc(wall);
  if (offset !== undefined) return new Date(local - offsetMs(offset));
  // Two passes find the offset in force at that local time, also across a change of the zone's rules.
  const first = local - zoneOffsetMs(timeZone, local);
  return new Date(local - zoneOffsetMs(timeZone, first));
}

function offsetMs(offset: string): number {
  const upper = offset.toUpperCase();
  if (upper === 'Z' || upper === 'GMT' || upper === 'UTC' || upper === 'UT') return 0;
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset) as unknown as [
    string,
    string,
    string,
    string?,
  ];
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes ?? 0)) * 60_000;
}

const validOffset = (offset: string | undefined): boolean =>
  offset === undefined ||
  !/^[+-]/.test(offset) ||
  (Math.abs(offsetMs(offset)) <= 14 * 3_600_000 && Number(offset.slice(-2)) < 60);

type WallReading = { wall: WallClock; offset?: string } | { instant: Date } | { problem: 'format' | 'calendar' };

/** The wall-clock time a text names, as written (the parsing half of readDateTime). */
function readWall(text: string): WallReading {
  if (UNIX_SECONDS.test(text)) return { instant: new Date(Number(text) * 1000) };
  if (UNIX_MILLISECONDS.test(text)) return { instant: new Date(Number(text)) };

  let wall: WallClock;
  let offset: string | undefined;
  let weekday: string | undefined;
  const number = (part: string | undefined): number => Number(part ?? 0);
  const wallOf = (
    year: string | undefined,
    month: number,
    day: string | undefined,
    time: Array<string | undefined>,
  ) => ({
    year: number(year),
    month,
    day: number(day),
    hour: number(time[0]),
    minute: number(time[1]),
    second: number(time[2]),
    millisecond: 0,
  });
  const iso = ISO.exec(text);
  const dotted = iso ? null : DAY_FIRST.exec(text);
  const rfc = iso || dotted ? null : RFC2822.exec(text);
  if (iso) {
    const [, year, month, day, hour, minute, second, fraction] = iso;
    offset = iso[8];
    wall = wallOf(year, number(month), day, [hour, minute, second]);
    if (fraction) wall.millisecond = Math.floor(Number(`0.${fraction}`) * 1000);
  } else if (dotted) {
    const [, day, month, year, hour, minute, second] = dotted;
    offset = dotted[7];
    wall = wallOf(year, number(month), day, [hour, minute, second]);
  } else if (rfc) {
    const [, day, monthName, year, hour, minute, second] = rfc.slice(1);
    weekday = rfc[1];
    offset = rfc[8];
    const month = MONTHS.indexOf(String(monthName).toLowerCase()) + 1;
    if (month === 0) return { problem: 'format' };
    wall = wallOf(year, month, day, [hour, minute, second]);
  } else {
    return { problem: 'format' };
  }
  if (!isOnCalendar(wall) || !validOffset(offset)) return { problem: 'calendar' };
  if (weekday !== undefined) {
    const named = WEEKDAYS.indexOf(weekday.toLowerCase());
    if (named === -1) return { problem: 'format' };
    if (named !== new Date(wallAsUtc(wall)).getUTCDay()) return { problem: 'calendar' };
  }
  return { wall, offset };
}

const textOf = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());

/**
 * Reads a date a user typed or mapped, strictly, so it reaches the vendor as meant:
 * - ISO 8601: 2024-05-02, 2024-05-02 10:00, 2024-05-02T10:00:00, with or without an offset (Z, +03:00);
 * - day first with dots, as written in Russia: 02.05.2024 or 2.5.2024, with or without a time (10:00, 10:00:30);
 * - RFC 2822 as e-mail headers write it: Thu, 02 May 2024 07:00:00 GMT;
 * - a Unix timestamp in seconds (10 digits) or milliseconds (13 digits).
 * A date or time without an offset is read in `timeZone`; a date without a time is its midnight.
 * An impossible calendar date or time (2024-02-30, 31.04.2024, 25:00) is refused, never rolled over.
 * Returns undefined for an empty value.
 */
export function readDateTime(value: unknown, timeZone: string): DateReading | undefined {
  const text = textOf(value);
  if (text === '') return undefined;
  const reading = readWall(text);
  if ('problem' in reading) return reading;
  if ('instant' in reading) return { date: reading.instant };
  return { date: toInstant(reading.wall, reading.offset, timeZone) };
}

/** What a user typed into a day field: the day as YYYY-MM-DD, or why it is not one. */
export type DayReading = { day: string } | { problem: 'format' | 'calendar' };

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Reads a calendar day (a delivery date) in the same forms as readDateTime: 2026-12-10, 10.12.2026,
 * 10.12.2026 14:00, 2026-12-10T14:00:00+05:00 (the day as written, whatever the offset), a Unix
 * timestamp (its day in `timeZone`). Returns undefined for an empty value.
 */
export function readDay(value: unknown, timeZone: string): DayReading | undefined {
  const text = textOf(value);
  if (text === '') return undefined;
  const reading = readWall(text);
  if ('problem' in reading) return reading;
  if ('instant' in reading) {
    const local = reading.instant.getTime() + zoneOffsetMs(timeZone, reading.instant.getTime());
    return { day: new Date(local).toISOString().slice(0, 10) };
  }
  const { year, month, day } = reading.wall;
  return { day: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/** What a user typed into a time-of-day field: HH:MM, or why it is not one. */
export type TimeReading = { time: string } | { problem: 'format' | 'calendar' };

const CLOCK = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/;

/**
 * Reads a time of day as 24-hour HH:MM: 10:00, 9:30, 10.00 (as written in Russia), 10:00:00 (seconds
 * dropped only when zero). 24:00 and 10:60 are refused. Returns undefined for an empty value.
 */
export function readTimeOfDay(value: unknown): TimeReading | undefined {
  const text = textOf(value);
  if (text === '') return undefined;
  const match = CLOCK.exec(text);
  if (!match) return { problem: 'format' };
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (second !== 0) return { problem: 'format' };
  if (hour > 23 || minute > 59) return { problem: 'calendar' };
  return { time: `${pad(hour)}:${pad(minute)}` };
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
  const valid = isOnCalendar({
    year: +year,
    month: +month,
    day: +day,
    hour: +hour,
    minute: +minute,
    second: +second,
    millisecond: 0,
  });
  return valid ? `${year}-${month}-${day}T${hour}:${minute}:${second}${offset}` : null;
}

/** What every day field accepts (readDay), for help texts and messages. */
export const DAY_FORMS = 'a date such as 10.12.2026 (day first) or 2026-12-10';
export const DAY_ON_CALENDAR = 'a date that exists in the calendar (no 30 February or 31 April, months 01 to 12)';
/** What every time-of-day field accepts (readTimeOfDay). */
export const TIME_FORMS = 'a time such as 10:00 or 10.00 (24-hour, 00:00 to 23:59)';

/** The calendar day in Moscow at `now` as yyyy-mm-dd (MeaSoft's statusreq dates). */
export function moscowIsoDate(now: Date): string {
  return new Date(now.getTime() + MOSCOW_OFFSET_MS).toISOString().slice(0, 10);
}

/** The calendar day in Moscow at `now` as dd.mm.yyyy (JustClick's date filters). */
export function moscowDottedDate(now: Date): string {
  const [year, month, day] = moscowIsoDate(now).split('-');
  return `${day}.${month}.${year}`;
}

/** Unix seconds as ISO 8601 at Moscow's offset: 1716195600 -> 2024-05-20T12:00:00+03:00. */
export function unixSecondsToMoscowIso(seconds: number): string {
  return new Date(seconds * 1000 + MOSCOW_OFFSET_MS).toISOString().replace(/\.\d{3}Z$/, MOSCOW_OFFSET);
}

/**
 * Moscow wall-clock text ("08.06.2018 14:22:55", "2016-05-18 16:10:02") as ISO 8601 with +03:00;
 * null for empty or unreadable text.
 */
export const moscowTextToIso = (text: string | null | undefined): string | null => localTimeToIso(text, MOSCOW_OFFSET);

/**
 * A time sent either as Unix seconds (a number or digits) or as Moscow wall-clock text, as ISO 8601
 * with +03:00. 0, MySQL's "no date" (0000-00-00 ...), empty and unreadable values are null, so no
 * wrong date is ever shown.
 */
export function unixOrMoscowTextToIso(value: unknown): string | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (/^\d+$/.test(text)) return Number(text) > 0 ? unixSecondsToMoscowIso(Number(text)) : null;
  if (/^0{4}-0{2}-0{2}/.test(text)) return null;
  return moscowTextToIso(text);
}

/**
 * A Moscow time as an output carries it: only in ISO 8601 with +03:00 under `isoKey`, because
 * Zapier's checks D023/T003 refuse a date string without a zone. Text that does not read as a
 * time stays as sent under `key`, so nothing the vendor said is lost.
 */
export function moscowOutputTime<Key extends string, IsoKey extends string>(
  key: Key,
  isoKey: IsoKey,
  text: string | null,
): MoscowOutputTime<Key, IsoKey> {
  const iso = moscowTextToIso(text);
  const time =
    iso === null && text !== null && text.trim() !== '' ? { [key]: text, [isoKey]: null } : { [isoKey]: iso };
  return time as MoscowOutputTime<Key, IsoKey>;
}

/** `isoKey` always (null when there is no time), `key` only with text that is no time. */
export type MoscowOutputTime<Key extends string, IsoKey extends string> = { [K in IsoKey]: string | null } & {
  [K in Key]?: string;
};
