import zapier from 'zapier-platform-core';
import type { ZObject } from 'zapier-platform-core';
import { toFederalPhone } from '../../src/common/phone';
import { readPhone } from '../../src/rlab/phone';
import { thrown } from '../support/zapier-error';

const z = { errors: zapier.errors } as unknown as ZObject;
const phone = (raw: string) => toFederalPhone(raw);

describe('toFederalPhone', () => {
  it.each(['+7 (916) 000-00-00', '8 916 000-00-00', '9160000000', '79160000000', '+7-916-000-00-00'])(
    'writes the Russian number %s as 79160000000',
    (raw) => expect(phone(raw)).toEqual({ phone: '79160000000' }),
  );

  it('keeps the digits of other countries written with their country code', () => {
    expect(phone('+380 44 123 45 67')).toEqual({ phone: '380441234567' }); // Ukraine
    expect(phone('+7 727 123 45 67')).toEqual({ phone: '77271234567' }); // Kazakhstan shares +7
    expect(phone('+84 336 965 825')).toEqual({ phone: '84336965825' }); // Vietnam
    expect(phone('+84 33 696 5825')).toEqual({ phone: '84336965825' });
  });

  it('reads the international call prefix 00 as +', () => {
    expect(phone('0084 33 696 5825')).toEqual({ phone: '84336965825' });
    expect(phone('00380501234567')).toEqual({ phone: '380501234567' });
  });

  it.each(['0336965825', '050 123 45 67', '(050) 123-45-67', '0501234567'])(
    'refuses the local number %s with a trunk 0 as ambiguous',
    (raw) => {
      expect(phone(raw)).toEqual({ refused: 'local' });
    },
  );

  it('keeps an empty phone empty', () => {
    expect(phone('  ')).toEqual({ phone: '' });
  });

  it('refuses text that is not a phone number', () => {
    expect(phone('call me')).toEqual({ refused: 'invalid' });
    expect(phone('12345')).toEqual({ refused: 'invalid' });
    expect(phone('+7 916 000 00 00 00 00 00')).toEqual({ refused: 'invalid' });
    expect(phone('+0 336 965 825')).toEqual({ refused: 'invalid' });
  });
});

describe('readPhone', () => {
  const message = (raw: string) => thrown(() => readPhone(z, 'Phone', raw)).message;

  it('asks for the international form of a local number, naming Phone', () => {
    expect(message('0336965825')).toBe(
      'Phone: expected the number in international form with its country code, such as +84 33 696 5825 or +7 916 000-00-00 ' +
        '(a number starting with 0 is local to its country, and R-Lab cannot tell which country) (got "0336965825").',
    );
  });

  it('returns the federal form', () => {
    expect(readPhone(z, 'Phone', '8 (916) 000-00-00')).toBe('79160000000');
  });
});
