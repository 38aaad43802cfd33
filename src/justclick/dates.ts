/**
 * Date fields of JustClick actions. They are text fields, not `datetime`: Zapier's editor would
 * rewrite a datetime value before the app sees it, reading 02.05.2024 month first (5 February)
 * and replacing a date it cannot read, such as 2024-02-30, with the current time. The app reads
 * the text itself, day first, and a date without a zone in Moscow time, the time JustClick works
 * in (docs/justclick.md, "Dates").
 */
import type { ZObject } from 'zapier-platform-core';
import { MOSCOW, readDateTime } from '../common/dates';
import { invalidInput } from '../common/errors';
import { readText } from '../common/input';

export const DATE_FORMATS =
  'a date such as 02.05.2024 10:00 (day first, Moscow time), 2024-05-02T10:00:00+03:00 or a Unix timestamp ' +
  'such as 1714633200';
const DATE_ON_CALENDAR = 'a date and time that exist in the calendar (no 30 February or 31 April, hours 00 to 23)';

/** What every JustClick date field's help text says about the accepted forms. */
export const DATE_HELP =
  'Write it day first with dots, as in Russia: `02.05.2024 10:00` is 2 May 2024 (the time may be left out, ' +
  'then midnight; ' +
  '`2.5.2024` works too); or ISO 8601: `2024-05-02T10:00:00+03:00`; or a Unix timestamp in seconds, `1714633200`. ' +
  'A date or time without a time zone is Moscow time (UTC+3), the time JustClick works in. A date that does ' +
  'not exist ' +
  '(30 February, 25:00) is refused.';

/** The date a JustClick date field holds, undefined when empty; refused by label when unreadable. */
export function readJustClickDate(z: ZObject, label: string, value: unknown): Date | undefined {
  const reading = readDateTime(value, MOSCOW);
  if (reading === undefined) return undefined;
  if ('problem' in reading)
    throw invalidInput(z, label, reading.problem === 'calendar' ? DATE_ON_CALENDAR : DATE_FORMATS, readText(value));
  return reading.date;
}
