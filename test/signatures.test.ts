import { httpBuildQuery } from '../src/common/php-query';
import {
  blacklistRequestKey,
  justClickRequestHash,
  justClickResponseHash,
  justClickSignedBody,
  rlabTrackingKey,
  rlabUserInfoKey,
  trackHistoryRequestKey,
} from '../src/signatures';
import { md5, sha1 } from '../src/common/hash';

describe('golden vectors from the vendor documents', () => {
  it('R-Lab trackingRequestKey: md5("1:1952793748454663010828068631:3c6e...") (seed 002)', () => {
    expect(rlabTrackingKey('1', ['19527937484546', '63010828068631'], '3c6e0b8a9c15224a8228b9a98ca1531d')).toBe(
      '8e093b01b18e3272a7d615704cc1502a',
    );
  });

  it('DeliveryCRM track history: sha1(999999 + 18112831338669 + BZXH10758710 + key) (seed 002)', () => {
    expect(trackHistoryRequestKey('999999', ['18112831338669', 'BZXH10758710'], '07dbd136d760e6be8fde6a2238992831')).toBe(
      'b3c6236d57025ee7d37584059685b08cece8f3f9',
    );
  });

  it("JustClick: the document's UpdateOrderStatus example hashes to 92cea5ba... (seed 001)", () => {
    const query = httpBuildQuery([
      ['bill_id', '100000'],
      ['status', 'sent'],
      ['date', '1362254400'],
      ['rpo', '10000000000000'],
    ]);
    expect(query).toBe('bill_id=100000&status=sent&date=1362254400&rpo=10000000000000');
    expect(justClickRequestHash(query, 'username', 'X'.repeat(40))).toBe('92cea5ba30b463b8c3b234e3d2945e65');
  });
});

describe('signature formulas', () => {
  it('getuserinfo key is md5(userId:apiKey)', () => {
    expect(rlabUserInfoKey('1', '3c6e0b8a9c15224a8228b9a98ca1531d')).toBe(md5('1:3c6e0b8a9c15224a8228b9a98ca1531d'));
  });

  it('blacklist key is sha1(user_id:key:phone:email), empty parts kept', () => {
    expect(blacklistRequestKey('7', 'k', '79000000000', '')).toBe(sha1('7:k:79000000000:'));
  });

  it('the JustClick body is the query, then &hash=, built as one string', () => {
    const body = justClickSignedBody([['bill_id', "1 2'"]], 'login', 'secret');
    expect(body).toBe(`bill_id=1+2%27&hash=${md5("bill_id=1+2%27::login::secret")}`);
    expect(justClickSignedBody([], 'login', 'secret')).toBe(`hash=${md5('::login::secret')}`);
  });

  it('the JustClick answer hash is over the code and text exactly as received', () => {
    expect(justClickResponseHash('0', 'ok', 's')).not.toBe(justClickResponseHash('0', 'OK', 's'));
    expect(justClickResponseHash('0', 'OK', 's')).toBe(md5('0::OK::s'));
  });
});
