/**
 * Reading JustClick's `result` for the order and contact methods (docs/justclick.md, "API"): which
 * codes count as an answer, the answer hash checked before anything in it is believed, and the
 * values (Moscow wall-clock times or Unix seconds, money as text) turned into what a Zap maps.
 */
import type { ZObject } from 'zapier-platform-core';
import { localTimeToIso } from '../common/dates';
import { preview } from '../common/errors';
import { justClickError, untrustedAnswerError, type JustClickAnswer } from './client';

/** JustClick's shop works in Moscow time (UTC+3 all year since 2014); its API sends no zone. */
export const JUSTCLICK_OFFSET = '+03:00';
const OFFSET_SECONDS = 3 * 3600;

/**
 * An answer is believed only when its code is one the caller expects and its hash verifies: the
 * code decides between "error" and "result", and a forged or mis-keyed answer must not do either.
 */
export function trustedAnswer(
  z: ZObject,
  answer: JustClickAnswer,
  expectedCodes: readonly number[] = [0],
): JustClickAnswer {
  if (!expectedCodes.includes(answer.errorCode)) throw justClickError(z, answer);
  if (!answer.verified) throw untrustedAnswerError(z);
  return answer;
}

/** A result that is not the shape JustClick documents for the method is never read as data. */
export function unexpectedResult(z: ZObject, method: string, result: unknown): Error {
  return new z.errors.Error(
    `JustClick's answer to ${method} does not carry the result its documentation describes ` +
      `("${preview(result ?? null)}"), ` +
      'so nothing was read from it.',
    'JustClickBadAnswer',
    502,
  );
}

export type Raw = Record<string, unknown>;

export const isRecord = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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

/** Money as a number: JustClick sends "1490.00", "1490,00" or 1490; anything else is null. */
export function moneyOrNull(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const normal = value.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : null;
}

/** Unix seconds as ISO 8601 in Moscow time: 1716195600 -> 2024-05-20T12:00:00+03:00. */
export function unixToMoscowIso(seconds: number): string {
  return new Date((seconds + OFFSET_SECONDS) * 1000).toISOString().replace(/\.\d{3}Z$/, JUSTCLICK_OFFSET);
}

/**
 * A JustClick time as ISO 8601 with the Moscow offset. It comes as Unix seconds (a number or
 * digits) or as Moscow wall-clock text ("2024-05-20 12:00:00" or "20.05.2024 12:00:00"); 0, empty
 * and unreadable values are null, so no wrong date is ever shown.
 */
export function moscowIso(value: unknown): string | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (/^\d+$/.test(text)) return Number(text) > 0 ? unixToMoscowIso(Number(text)) : null;
  if (/^0{4}-0{2}-0{2}/.test(text)) return null; // MySQL's "no date"
  return localTimeToIso(text, JUSTCLICK_OFFSET);
}

/** The calendar day in Moscow, as JustClick's date filters take it: dd.mm.yyyy. */
export function moscowDate(date: Date): string {
  const moscow = new Date(date.getTime() + OFFSET_SECONDS * 1000);
  const day = String(moscow.getUTCDate()).padStart(2, '0');
  const month = String(moscow.getUTCMonth() + 1).padStart(2, '0');
  return `${day}.${month}.${moscow.getUTCFullYear()}`;
}

/** A loose e-mail check, enough to catch a mapped name or phone before JustClick refuses it. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
