import { md5, sha1 } from '../support/hash';
import {
  blacklistRequestKey,
  rlabTrackingKey,
  rlabUserInfoKey,
  trackHistoryRequestKey,
} from '../../src/rlab/signatures';

describe('R-Lab / DeliveryCRM signatures: golden vectors of the vendor document', () => {
  it('R-Lab trackingRequestKey: md5("1:1952793748454663010828068631:3c6e...") (R-Lab API document)', () => {
    expect(rlabTrackingKey('1', ['19527937484546', '63010828068631'], '3c6e0b8a9c15224a8228b9a98ca1531d')).toBe(
      '8e093b01b18e3272a7d615704cc1502a',
    );
  });

  it('DeliveryCRM track history: sha1(999999 + 18112831338669 + BZXH10758710 + key) (R-Lab API document)', () => {
    expect(
      trackHistoryRequestKey('999999', ['18112831338669', 'BZXH10758710'], '07dbd136d760e6be8fde6a2238992831'),
    ).toBe('b3c6236d57025ee7d37584059685b08cece8f3f9');
  });
});

describe('R-Lab / DeliveryCRM signature formulas', () => {
  it('getuserinfo key is md5(userId:apiKey)', () => {
    expect(rlabUserInfoKey('1', '3c6e0b8a9c15224a8228b9a98ca1531d')).toBe(md5('1:3c6e0b8a9c15224a8228b9a98ca1531d'));
  });

  it('blacklist key is sha1(user_id:key:phone:email), empty parts kept', () => {
    expect(blacklistRequestKey('7', 'k', '79000000000', '')).toBe(sha1('7:k:79000000000:'));
  });
});
