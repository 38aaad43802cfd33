/**
 * Phone numbers as users type them, read the same way for every vendor. The "federal format"
 * (digits only, the country code first: 79160000000) is what R-Lab and DeliveryCRM ask for; Russian
 * numbers may be written the local ways ("+7 (916) 000-00-00", "8 916 000-00-00", "9160000000");
 * numbers of other countries need their country code, because a local number with a trunk 0
 * (Vietnam's 0336965825, Ukraine's 0501234567) does not say which country it belongs to.
 */
import type { ZObject } from 'zapier-platform-core';
import { invalidInput } from './errors';

export type PhoneReading =
  | { phone: string }
  /** `local`: a number with a trunk 0 and no country code; `invalid`: not a phone number. */
  | { refused: 'local' | 'invalid' };

export const PHONE_EXAMPLE = 'a phone number such as +7 916 000-00-00';

export function toFederalPhone(raw: string): PhoneReading {
  const text = raw.trim();
  if (text === '') return { phone: '' };
  // Only digits and the usual punctuation of a written phone number are a phone number.
  if (!/^\+?[\d\s().-]+$/.test(text)) return { refused: 'invalid' };
  let digits = text.replace(/\D/g, '');
  if (!text.startsWith('+')) {
    if (digits.startsWith('00'))
      digits = digits.slice(2); // the international call prefix: 0084 ... is +84 ...
    else if (digits.startsWith('0')) return { refused: 'local' };
    else if (digits.length === 11 && digits.startsWith('8'))
      digits = `7${digits.slice(1)}`; // Russian trunk prefix 8
    else if (digits.length === 10 && digits.startsWith('9'))
      // Russian mobile without country code
      digits = `7${digits}`;
  }
  if (digits.startsWith('0')) return { refused: 'invalid' }; // no country code starts with 0
  return digits.length >= 10 && digits.length <= 15 ? { phone: digits } : { refused: 'invalid' };
}

/**
 * A phone a person dials (a courier calling the receiver): checked as a phone number, then kept as
 * typed, trimmed, so the courier sees it written the way the shop wrote it. A local number with a
 * trunk 0 is fine here, the courier dials it inside the country. Empty stays empty.
 */
export function readDialledPhone(z: ZObject, label: string, raw: unknown): string {
  const text = raw === undefined || raw === null ? '' : String(raw).trim();
  if (text === '') return '';
  const reading = toFederalPhone(text);
  const digits = text.replace(/\D/g, '').length;
  if ('phone' in reading || (reading.refused === 'local' && digits >= 6 && digits <= 15)) return text;
  throw invalidInput(z, label, PHONE_EXAMPLE, text);
}
