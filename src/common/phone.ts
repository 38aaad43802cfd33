/**
 * Phone numbers in the "federal format" R-Lab and DeliveryCRM ask for: digits only, Russian
 * numbers with the country code 7 ("+7 (916) 000-00-00", "8 916 000-00-00" and "9160000000"
 * all become "79160000000"). Numbers of other countries keep their digits as given.
 */
export function toFederalPhone(raw: string): string | undefined {
  const text = raw.trim();
  if (text === '') return '';
  // Only digits and the usual punctuation of a written phone number are a phone number.
  if (!/^\+?[\d\s().-]+$/.test(text)) return undefined;
  let digits = text.replace(/\D/g, '');
  // A leading "+" means the country code is written out; otherwise read it as a Russian number.
  if (!text.startsWith('+')) {
    if (digits.length === 11 && digits.startsWith('8')) digits = `7${digits.slice(1)}`; // trunk prefix 8
    else if (digits.length === 10 && digits.startsWith('9')) digits = `7${digits}`; // mobile without country code
  }
  return digits.length >= 10 && digits.length <= 15 ? digits : undefined;
}
