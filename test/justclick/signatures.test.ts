import { httpBuildQuery } from '../../src/common/php-query';
import { justClickRequestHash, justClickResponseHash, justClickSignedBody } from '../../src/justclick/signatures';
import { md5 } from '../support/hash';

describe('JustClick signatures: the golden vector of the vendor document', () => {
  it("JustClick: the document's UpdateOrderStatus example hashes to 92cea5ba... (JustClick API document)", () => {
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

describe('JustClick signature formulas', () => {
  it('the JustClick body is the query, then &hash=, built as one string', () => {
    const body = justClickSignedBody([['bill_id', "1 2'"]], 'login', 'secret');
    expect(body).toBe(`bill_id=1+2%27&hash=${md5('bill_id=1+2%27::login::secret')}`);
    expect(justClickSignedBody([], 'login', 'secret')).toBe(`hash=${md5('::login::secret')}`);
  });

  it('the JustClick answer hash is over the code and text exactly as received', () => {
    expect(justClickResponseHash('0', 'ok', 's')).not.toBe(justClickResponseHash('0', 'OK', 's'));
    expect(justClickResponseHash('0', 'OK', 's')).toBe(md5('0::OK::s'));
  });
});
