/**
 * Phone numbers in the "federal format" R-Lab and DeliveryCRM ask for (digits only, the country
 * code first: 79160000000). Russian numbers may be written the local ways ("+7 (916) 000-00-00",
 * "8 916 000-00-00", "9160000000"); numbers of other countries need their country code, because a
 * local number with a trunk 0 (Vietnam's 0336965825, Ukraine's 0501234567) does not say which
 * country it belongs to, and R-Lab answers it only with "Данные не добавлены в базу, ошибок 1".
 */
import type { ZObject } from 'zapier-platform-core';
import { invalidInput } from '../common/errors';

export type PhoneReading =
  | { phone: string }
  /** `local`: a number with a trunk 0 and no country code; `invalid`: not a phone number. */
  | { refused: 'local' | 'invalid' };

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

/** The phone as R-Lab takes it, or a message naming the field (by its label) before anything is sent. */
export function readPhone(z: ZObject, label: string, raw: string): string {
  const reading = toFederalPhone(raw);
  if ('phone' in reading) return reading.phone;
  if (reading.refused === 'local') {
    throw invalidInput(
      z,
      label,
      'the number in international form with its country code, such as +84 33 696 5825 or +7 916 000-00-00 ' +
        '(a number starting with 0 is local to its country, and R-Lab cannot tell which country)',
      raw,
    );
  }
  throw invalidInput(z, label, 'a phone number such as +7 916 000-00-00', raw);
}
