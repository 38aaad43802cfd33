import { md5, safeEqual, sha1 } from '../../src/common/hash';

describe('hash helpers', () => {
  it('hash the UTF-8 bytes of the text', () => {
    expect(md5('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(sha1('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(md5('Доставлен')).toBe('2e4c77836ef0bb3c8d1a47180f1bc4d8'); // PHP's md5() of the same text
  });

  it('safeEqual tells equal from unequal, whatever the lengths', () => {
    expect(safeEqual('secret-value', 'secret-value')).toBe(true);
    expect(safeEqual('secret-valuE', 'secret-value')).toBe(false);
    expect(safeEqual('short', 'secret-value')).toBe(false);
    expect(safeEqual('', 'x')).toBe(false);
    expect(safeEqual('ключ', 'ключ')).toBe(true);
  });
});
