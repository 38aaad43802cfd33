/**
 * Input readers and fields that several JustClick operations share: a contact's or buyer's e-mail,
 * an order number, the contact groups (as AddLeadToGroup's rid[] and DeleteSubscribe's rass_name
 * take them). Each reader refuses a wrong value by the field's label before any request is sent.
 */
import type { ZObject } from 'zapier-platform-core';
import { invalidInput } from '../common/errors';
import { asList, readText } from '../common/input';
import { MOSCOW, readDateTime } from '../common/dates';

/** A loose e-mail check, enough to catch a mapped name or phone before JustClick refuses it. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A contact's e-mail, as the contact actions take it (read with readEmailAddress). */
export const contactEmailField = {
  key: 'email' as const,
  label: 'Email',
  required: true,
  type: 'string' as const,
  helpText: 'The e-mail address of the contact, e.g. `anna@example.com`.',
};

/** An e-mail address, or a refusal naming the field. */
export function readEmailAddress(z: ZObject, label: string, value: unknown): string {
  const email = readText(value);
  if (!EMAIL.test(email)) throw invalidInput(z, label, 'an e-mail address such as anna@example.com', value);
  return email;
}

/**
 * A JustClick order number: digits only, as getOrderDetails and DeleteOrder take it
 * (https://help.justclick.ru/archives/2656, https://help.justclick.ru/archives/587).
 */
export function readOrderNumber(z: ZObject, label: string, value: unknown, whenEmpty: string): string {
  const billId = readText(value);
  if (billId === '') throw invalidInput(z, label, whenEmpty);
  if (!/^\d+$/.test(billId)) throw invalidInput(z, label, 'the number of a JustClick order, digits only', value);
  return billId;
}

/**
 * Group IDs from a list field: line items, or one text with commas (a mapped value); each once,
 * in the order given. None is refused by the field's label.
 */
export function readGroupIds(z: ZObject, label: string, value: unknown): string[] {
  const groups = asList(value)
    .flatMap((group) => readText(group).split(','))
    .map((group) => group.trim())
    .filter((group) => group !== '');
  if (groups.length === 0) throw invalidInput(z, label, 'at least one JustClick contact group ID');
  return [...new Set(groups)];
}

/** JustClick's own result code and text, as the JustClick actions return them. */
export const resultCodeOutputFields = [
  { key: 'justclick_error_code', label: 'JustClick Result Code', type: 'integer' as const },
  { key: 'justclick_error_text', label: 'JustClick Result Text', type: 'string' as const },
];

/**
 * Date fields of JustClick actions. They are text fields, not `datetime`: Zapier's editor would
 * rewrite a datetime value before the app sees it, reading 02.05.2024 month first (5 February)
 * and replacing a date it cannot read, such as 2024-02-30, with the current time. The app reads
 * the text itself, day first, and a date without a zone in Moscow time, the time JustClick works
 * in (docs/justclick.md, "Dates").
 */
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

/** The UTM fields of an order or a contact, as JustClick's CreateOrder and AddLeadToGroup take them. */
export const UTM_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'] as const;

/** The output fields of an order (read-order.ts), as the order triggers and searches return it. */
export const orderOutputFields = [
  { key: 'id', label: 'ID', type: 'string' as const },
  { key: 'bill_id', label: 'Order Number', type: 'string' as const },
  { key: 'pay_status', label: 'Payment Status', type: 'string' as const },
  { key: 'created', label: 'Created At', type: 'datetime' as const },
  { key: 'paid', label: 'Paid At', type: 'datetime' as const },
  { key: 'email', label: 'Buyer Email', type: 'string' as const },
  { key: 'first_name', label: 'Buyer First Name', type: 'string' as const },
  { key: 'last_name', label: 'Buyer Last Name', type: 'string' as const },
  { key: 'middle_name', label: 'Buyer Middle Name', type: 'string' as const },
  { key: 'phone', label: 'Buyer Phone', type: 'string' as const },
  { key: 'country', label: 'Country', type: 'string' as const },
  { key: 'region', label: 'Region', type: 'string' as const },
  { key: 'city', label: 'City', type: 'string' as const },
  { key: 'address', label: 'Address', type: 'string' as const },
  { key: 'postal_code', label: 'Postal Code', type: 'string' as const },
  { key: 'price', label: 'Order Total', type: 'number' as const },
  { key: 'sum_to_pay', label: 'Left to Pay', type: 'number' as const },
  { key: 'payway', label: 'Payment Method', type: 'string' as const },
  { key: 'type', label: 'Order Type', type: 'string' as const },
  { key: 'comment', label: 'Comment', type: 'string' as const },
  { key: 'tag', label: 'Tag', type: 'string' as const },
  { key: 'coupon', label: 'Coupon', type: 'string' as const },
  { key: 'domain', label: 'Domain', type: 'string' as const },
  { key: 'payment_link', label: 'Payment Page URL', type: 'string' as const },
  { key: 'utm_source', label: 'UTM Source', type: 'string' as const },
  { key: 'utm_medium', label: 'UTM Medium', type: 'string' as const },
  { key: 'utm_campaign', label: 'UTM Campaign', type: 'string' as const },
  { key: 'utm_content', label: 'UTM Content', type: 'string' as const },
  { key: 'utm_term', label: 'UTM Term', type: 'string' as const },
  { key: 'goods[]good_name', label: 'Product ID', type: 'string' as const },
  { key: 'goods[]good_title', label: 'Product Name', type: 'string' as const },
  { key: 'goods[]sum', label: 'Product Price in Order', type: 'number' as const },
  { key: 'goods[]price', label: 'Product Shop Price', type: 'number' as const },
  { key: 'goods_count', label: 'Number of Products', type: 'integer' as const },
];

/** JustClick's subscription statuses (GetLeadGroupStatuses' rass_status) in English. */
export const SUBSCRIPTION_STATUSES: Record<string, string> = {
  STATUS_WAIT: 'Waiting for Confirmation',
  STATUS_SUBSCRIBE: 'Subscribed',
  STATUS_UNSUBSCRIBE: 'Unsubscribed',
};

const utmField = <K extends string>(key: K, label: string, helpText: string) =>
  ({ key, label, helpText, type: 'string', required: false }) as const;

export const utmInputFields = [
  utmField('utm_source', 'UTM Source', 'Where the buyer came from, e.g. `newsletter`.'),
  utmField('utm_medium', 'UTM Medium', 'The channel, e.g. `email` or `cpc`.'),
  utmField('utm_campaign', 'UTM Campaign', 'The campaign name, e.g. `spring`.'),
  utmField('utm_content', 'UTM Content', 'Which ad or link, e.g. `button`.'),
  utmField('utm_term', 'UTM Term', 'The keyword, e.g. `course`.'),
] as const;
