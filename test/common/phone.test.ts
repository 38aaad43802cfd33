import zapier from 'zapier-platform-core';
import type { ZObject } from 'zapier-platform-core';
import { readDialledPhone } from '../../src/common/phone';
import { thrown } from '../support/zapier-error';

const z = { errors: zapier.errors } as unknown as ZObject;

describe('readDialledPhone (a phone a courier dials)', () => {
  it.each([
    '+7 (916) 000-00-00',
    '8 916 000-00-00',
    '9160000000',
    '+84 33 696 5825',
    '0336965825',
    '  +7 916 000 00 00 ',
  ])('keeps %j as typed (trimmed)', (typed) => expect(readDialledPhone(z, 'Receiver Phone', typed)).toBe(typed.trim()));

  it('reads an empty value as empty', () => expect(readDialledPhone(z, 'Receiver Phone', undefined)).toBe(''));

  it.each(['позвонить', 'call me', '+7 916', '0', '12345', '+7 (916) 000-00-00 доб. 5'])(
    'refuses %j, naming the field',
    (typed) => {
      expect(thrown(() => readDialledPhone(z, 'Receiver Phone', typed)).message).toBe(
        `Receiver Phone: expected a phone number such as +7 916 000-00-00 (got "${typed}").`,
      );
    },
  );
});
