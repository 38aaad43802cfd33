/**
 * Parcel tracking numbers as carriers write them. A track typed with spaces, in lower case or with
 * a Cyrillic letter that looks like a Latin one (`RА644000886RU` with a Cyrillic А) is another
 * string to the carrier and to R-Lab, and is then never found. Carriers' numbers are Latin
 * letters and digits (the UPU S10 format is two letters, nine digits, two letters: RA644000886RU;
 * Russian Post's domestic ones are 14 digits), so the app writes every track that way before it
 * sends or searches it. See docs/rlab.md, "Tracking numbers".
 */

/** Cyrillic letters that look like Latin ones, upper case (lower case is upper-cased first). */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  Ё: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
};

/**
 * The track without white space (also non-breaking and zero-width), in upper case, with Cyrillic
 * look-alike letters replaced by their Latin twins. Other characters are kept as typed.
 */
export function normaliseTrackingNumber(value: string): string {
  return value
    .replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff]/g, '')
    .toUpperCase()
    .replace(/[\u0400-\u04ff]/g, (letter) => LOOK_ALIKES[letter] ?? letter);
}

/** True when the normalised track is made only of Latin letters, digits and hyphens. */
export const isPlainTrackingNumber = (track: string): boolean => /^[A-Z0-9-]+$/.test(track);
