import { isPlainTrackingNumber, normaliseTrackingNumber } from '../../src/common/tracking-number';

describe('normaliseTrackingNumber', () => {
  it.each([
    ['RA644000886RU', 'RA644000886RU'],
    ['ra644000886ru', 'RA644000886RU'],
    [' RA 644 000 886 RU ', 'RA644000886RU'],
    ['RA\u00a0644000886\u200bRU', 'RA644000886RU'],
    ['R\u0410644000886RU', 'RA644000886RU'], // Cyrillic А
    ['\u0440\u0430644000886\u0440\u0443', 'PA644000886PY'], // Cyrillic р, а, у look like Latin p, a, y
    ['ЕМ123456789СН', 'EM123456789CH'],
    ['1004 4387 0001 23', '10044387000123'],
  ])('writes %p as %p', (typed, expected) => expect(normaliseTrackingNumber(typed)).toBe(expected));

  it('keeps characters it has no Latin twin for, so they can be refused by name', () => {
    expect(normaliseTrackingNumber('RД644000886RU')).toBe('RД644000886RU');
    expect(isPlainTrackingNumber('RД644000886RU')).toBe(false);
    expect(isPlainTrackingNumber('RA644000886RU')).toBe(true);
    expect(isPlainTrackingNumber('CDEK-1234')).toBe(true);
  });
});
