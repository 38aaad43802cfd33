/**
 * The numbers and yes/no flags vendors send as JSON scalars or text, read the same way for every
 * vendor: what differs (which forms of a number, which words mean yes and no) is each vendor's
 * table, passed in.
 */
import { decimal } from './webhook';

export interface NumberForms {
  /** Also thousands separated by spaces and a decimal comma, as Russian documents write money ("1 234,50"). */
  spacedComma?: boolean;
}

/** A finite JSON number, or text written as a number in one of the vendor's forms; null for anything else. */
export function scalarNumber(value: unknown, forms: NumberForms = {}): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  return decimal(forms.spacedComma ? value.replace(/[\s\u00a0]/g, '').replace(',', '.') : value);
}

/** The words (upper case) by which a vendor says yes and no. */
export interface FlagWords {
  yes: readonly string[];
  no: readonly string[];
}

/**
 * A JSON boolean as it is; a number or text (trimmed, any case) by the vendor's words; anything
 * else null, never a guess.
 */
export function scalarFlag(value: unknown, words: FlagWords): boolean | null {
  if (typeof value === 'boolean') return value;
  const text =
    typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().toUpperCase() : undefined;
  if (text === undefined) return null;
  if (words.yes.includes(text)) return true;
  if (words.no.includes(text)) return false;
  return null;
}
