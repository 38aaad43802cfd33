import { createHash, timingSafeEqual } from 'node:crypto';

export const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

export const sha1 = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex');

/**
 * Compares a secret or signature in constant time: the time taken does not tell an attacker how
 * many leading characters were right. Unequal lengths are compared against a copy of the expected
 * value so that the answer still costs the same.
 */
export function safeEqual(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  if (a.length !== b.length) {
    timingSafeEqual(b, b);
    return false;
  }
  return timingSafeEqual(a, b);
}
