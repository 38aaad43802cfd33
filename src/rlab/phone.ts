/**
 * Phones as R-Lab and DeliveryCRM take them: the federal format read by src/common/phone.ts; a
 * local number with a trunk 0 is refused, because R-Lab answers it only with "Данные не добавлены в
 * базу, ошибок 1".
 */
import type { ZObject } from 'zapier-platform-core';
import { invalidInput } from '../common/errors';
import { PHONE_EXAMPLE, toFederalPhone } from '../common/phone';

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
  throw invalidInput(z, label, PHONE_EXAMPLE, raw);
}
