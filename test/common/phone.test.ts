import { toFederalPhone } from '../../src/common/phone';

describe('toFederalPhone', () => {
  it.each(['+7 (916) 000-00-00', '8 916 000-00-00', '9160000000', '79160000000', '+7-916-000-00-00'])(
    'writes the Russian number %s as 79160000000',
    (raw) => expect(toFederalPhone(raw)).toBe('79160000000'),
  );

  it('keeps the digits of other countries', () => {
    expect(toFederalPhone('+380 44 123 45 67')).toBe('380441234567'); // Ukraine
    expect(toFederalPhone('+7 727 123 45 67')).toBe('77271234567'); // Kazakhstan shares +7
    expect(toFederalPhone('+84 336 965 825')).toBe('84336965825'); // Vietnam
  });

  it('keeps an empty phone empty', () => {
    expect(toFederalPhone('  ')).toBe('');
  });

  it('refuses text that is not a phone number', () => {
    expect(toFederalPhone('call me')).toBeUndefined();
    expect(toFederalPhone('12345')).toBeUndefined();
    expect(toFederalPhone('+7 916 000 00 00 00 00 00')).toBeUndefined();
  });
});
