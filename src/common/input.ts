/**
 * Reading what a user typed or mapped into an input field, the same way in every operation.
 * Zapier hands values as strings, numbers, booleans or (for line items) arrays; each reader
 * either returns a clean value or throws a message that names the field by its label and says
 * what was expected, before any request is sent.
 */
import type { ZObject } from 'zapier-platform-core';
import { invalidInput } from './errors';

/** A value as trimmed text; null and undefined read as empty. */
export const readText = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());

/** A single value or Zapier line items, always as a list. */
export const asList = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

const YES = new Set(['true', 'yes', '1', 'да']);
const NO = new Set(['false', 'no', '0', 'нет']);

/** A yes/no field: undefined when empty, otherwise true or false; anything else is refused. */
export function readBoolean(z: ZObject, label: string, value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const normal = readText(value).toLowerCase();
  if (normal === '') return undefined;
  if (YES.has(normal)) return true;
  if (NO.has(normal)) return false;
  throw invalidInput(z, label, 'yes or no (true or false)', value);
}

export interface NumberRules {
  /** Only whole numbers. */
  integer?: boolean;
  /** Allow a leading minus sign. */
  negative?: boolean;
}

/**
 * A number field: undefined when empty. Spaces (also non-breaking, as thousands separators) are
 * dropped and a decimal comma is read as a point, as shops in Russia and Vietnam write money.
 */
export function readNumber(z: ZObject, label: string, value: unknown, rules: NumberRules = {}): number | undefined {
  const expected = rules.integer ? 'a whole number such as 12' : 'a number such as 123.45';
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || (rules.integer && !Number.isInteger(value)) || (!rules.negative && value < 0)) {
      throw invalidInput(z, label, expected, value);
    }
    return value;
  }
  const normal = readText(value)
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.');
  if (normal === '') return undefined;
  const pattern = rules.negative ? /^-?\d+(\.\d+)?$/ : /^\d+(\.\d+)?$/;
  const number = pattern.test(normal) ? Number(normal) : NaN;
  if (!Number.isFinite(number) || (rules.integer && !Number.isInteger(number)))
    throw invalidInput(z, label, expected, value);
  return number;
}

export interface Choice {
  value: string;
  label: string;
}

/**
 * A field with choices: undefined when empty, otherwise the value of the choice the user meant.
 * A choice matches by its value, or by its value or label ignoring case ("Paid" for `paid`).
 * Lookups go through a Map, never through an object, so inherited names such as `constructor`,
 * `toString` or `__proto__` are unknown values like any other.
 */
export function readChoice<T extends string>(
  z: ZObject,
  label: string,
  value: unknown,
  choices: ReadonlyArray<{ value: T; label: string }>,
): T | undefined {
  const typed = readText(value);
  if (typed === '') return undefined;
  const exact = new Map(choices.map((choice) => [choice.value, choice.value] as const));
  const found = exact.get(typed as T);
  if (found !== undefined) return found;
  const folded = new Map<string, T>();
  for (const choice of choices) {
    folded.set(choice.value.toLowerCase(), choice.value);
    folded.set(choice.label.toLowerCase(), choice.value);
  }
  const match = folded.get(typed.toLowerCase());
  if (match !== undefined) return match;
  const listed = choices.map((choice) =>
    choice.label === choice.value ? choice.value : `${choice.value} (${choice.label})`,
  );
  throw invalidInput(z, label, `one of ${listed.join(', ')}`, typed);
}
