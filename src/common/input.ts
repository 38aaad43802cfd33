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

// Yes/no words in English, Russian and Vietnamese, compared in lower case (NFC, so a decomposed "có" matches).
const YES = new Set(['true', 'yes', '1', 'да', 'có']);
const NO = new Set(['false', 'no', '0', 'нет', 'không']);

/** What every yes/no field accepts, for help texts and messages. */
export const YES_NO_FORMS = 'yes or no (also true/false, 1/0, да/нет, có/không, in any case)';

/** The choices of a yes/no dropdown; a mapped value may still be any of YES_NO_FORMS. */
export const YES_NO_CHOICES = [
  { value: 'yes', label: 'Yes', sample: 'yes' },
  { value: 'no', label: 'No', sample: 'no' },
];

/** A yes/no field: undefined when empty, otherwise true or false; anything else is refused. */
export function readBoolean(z: ZObject, label: string, value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const normal = readText(value).normalize('NFC').toLowerCase();
  if (normal === '') return undefined;
  if (YES.has(normal)) return true;
  if (NO.has(normal)) return false;
  throw invalidInput(z, label, YES_NO_FORMS, value);
}

export interface NumberRules {
  /** Only whole numbers. */
  integer?: boolean;
  /** Allow a leading minus sign. */
  negative?: boolean;
}

/** What every number field accepts, for help texts and messages. */
export const NUMBER_FORMS =
  'a number such as 1200.50, 1200,50, 1 200,50, 1,200.50 or 1.200,50 (1,200 and 1.200 are refused as ' +
  'ambiguous: write 1200 or 1.2)';
export const INTEGER_FORMS = 'a whole number such as 12 or 1 200';

// Spaces that group thousands: ordinary, no-break (U+00A0), narrow no-break (U+202F) and thin (U+2009).
const GROUP_SPACE = /[ \u00a0\u202f\u2009]/g;
// Each form of a number in a table of [pattern, thousands separator, decimal separator]; first match wins.
const NUMBER_PATTERNS: ReadonlyArray<[RegExp, string, string]> = [
  [/^\d+$/, '', ''], // 1200
  [/^\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/, ' ', ''], // 1 200, 1 200,50, 1 200.50 (decimal mark read below)
  [/^\d{1,3}(?:,\d{3})+\.\d+$/, ',', '.'], // 1,200.50
  [/^\d{1,3}(?:\.\d{3})+,\d+$/, '.', ','], // 1.200,50
  [/^\d{1,3}(?:,\d{3}){2,}$/, ',', ''], // 1,200,000
  [/^\d{1,3}(?:\.\d{3}){2,}$/, '.', ''], // 1.200.000
];
// One separator with exactly three digits after it and one to three (not starting with 0) before:
// 1,200 is 1200 in English and 1.2 in Russian or Vietnamese writing, so it is refused, not guessed.
const AMBIGUOUS = /^[1-9]\d{0,2}[.,]\d{3}$/;
const DECIMAL = /^\d+[.,]\d+$/; // 1200.50, 1200,50, 0,400

/** The number a text names, or NaN when it is not one of the accepted forms (or is ambiguous). */
export function parseNumberText(typed: string): number {
  const sign = typed.startsWith('-') ? -1 : 1;
  const text = (sign === -1 ? typed.slice(1) : typed).replace(GROUP_SPACE, ' ');
  if (AMBIGUOUS.test(text)) return NaN;
  if (DECIMAL.test(text)) return sign * Number(text.replace(',', '.'));
  for (const [pattern, thousands, decimal] of NUMBER_PATTERNS) {
    if (!pattern.test(text)) continue;
    let plain = thousands === '' ? text : text.split(thousands).join('');
    plain = decimal === '' ? plain.replace(',', '.') : plain.replace(decimal, '.');
    return sign * Number(plain);
  }
  return NaN;
}

/**
 * A number field: undefined when empty. Accepts what Russian and Vietnamese shops write and what is
 * unambiguous (NUMBER_FORMS); `1,200` and `1.200`, which mean 1200 to some and 1.2 to others, are
 * refused rather than guessed, because these fields carry money and weights.
 */
export function readNumber(z: ZObject, label: string, value: unknown, rules: NumberRules = {}): number | undefined {
  const expected = rules.integer ? INTEGER_FORMS : NUMBER_FORMS;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || (rules.integer && !Number.isInteger(value)) || (!rules.negative && value < 0)) {
      throw invalidInput(z, label, expected, value);
    }
    return value;
  }
  const typed = readText(value);
  if (typed === '') return undefined;
  const number = parseNumberText(typed);
  if (
    !Number.isFinite(number) ||
    (rules.integer && !Number.isInteger(number)) ||
    (!rules.negative && typed.startsWith('-'))
  )
    throw invalidInput(z, label, expected, value);
  return number;
}

export interface Choice {
  value: string;
  label: string;
  /** Other names a user may type for the choice, such as the vendor's Russian name ("Оплачен"). */
  aliases?: readonly string[];
}

/** How choices are compared: trimmed, inner spaces single, lower case, ё as е (Russian often omits the dots). */
export const foldChoice = (text: string): string =>
  text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase().replace(/ё/g, 'е');

/**
 * A field with choices: undefined when empty, otherwise the value of the choice the user meant.
 * A choice matches by its value, or by its value, label or an alias in any case with ё read as е
 * ("Paid" or "Оплачен" for `paid`). Lookups go through a Map, never through an object, so inherited
 * names such as `constructor`, `toString` or `__proto__` are unknown values like any other.
 */
export function readChoice<T extends string>(
  z: ZObject,
  label: string,
  value: unknown,
  choices: ReadonlyArray<{ value: T; label: string; aliases?: readonly string[] }>,
): T | undefined {
  const typed = readText(value);
  if (typed === '') return undefined;
  const exact = new Map(choices.map((choice) => [choice.value, choice.value] as const));
  const found = exact.get(typed as T);
  if (found !== undefined) return found;
  const folded = new Map<string, T>();
  for (const choice of choices) {
    for (const name of [choice.value, choice.label, ...(choice.aliases ?? [])])
      folded.set(foldChoice(name), choice.value);
  }
  const match = folded.get(foldChoice(typed));
  if (match !== undefined) return match;
  const listed = choices.map((choice) =>
    choice.label === choice.value ? choice.value : `${choice.value} (${choice.label})`,
  );
  throw invalidInput(z, label, `one of ${listed.join(', ')}`, typed);
}
