import { localTimeToIso, parseDateTime, toIsoUtc, toUnixSeconds } from '../../src/common/dates';

describe('parseDateTime', () => {
  const unix = (value: string | number) => {
    const date = parseDateTime(value);
    return date ? toUnixSeconds(date) : undefined;
  };

  it('reads ISO 8601 with an offset', () => {
    expect(unix('2013-03-03T00:00:00+04:00')).toBe(1362254400);
    expect(unix('2013-03-02T20:00:00Z')).toBe(1362254400);
  });

  it('reads ISO without an offset as UTC', () => {
    expect(unix('2013-03-02T20:00:00')).toBe(1362254400);
    expect(unix('2013-03-02 20:00')).toBe(1362254400);
    expect(unix('2013-03-02')).toBe(1362182400);
  });

  it('reads Unix seconds and milliseconds, as numbers or text', () => {
    expect(unix(1362254400)).toBe(1362254400);
    expect(unix('1362254400')).toBe(1362254400);
    expect(unix('1362254400000')).toBe(1362254400);
  });

  it('reads free text as UTC', () => {
    expect(unix('March 2, 2013 20:00:00')).toBe(1362254400);
    expect(unix('Sat, 02 Mar 2013 20:00:00 GMT')).toBe(1362254400);
  });

  it('returns undefined for what is not a date', () => {
    expect(parseDateTime('tomorrow-ish')).toBeUndefined();
    expect(parseDateTime('  ')).toBeUndefined();
    expect(parseDateTime('2013-13-45')).toBeUndefined();
  });

  it('formats ISO 8601 without milliseconds', () => {
    expect(toIsoUtc(new Date(1362254400123))).toBe('2013-03-02T20:00:00Z');
  });
});

describe('localTimeToIso', () => {
  it("turns R-Lab's dd.MM.yyyy HH:mm:ss into ISO 8601 with the given offset", () => {
    expect(localTimeToIso('08.06.2018 14:22:55', '+03:00')).toBe('2018-06-08T14:22:55+03:00');
  });

  it("turns Abaha's yyyy-MM-dd HH:mm:ss into ISO 8601 with the given offset", () => {
    expect(localTimeToIso('2022-06-10 10:48:14', '+07:00')).toBe('2022-06-10T10:48:14+07:00');
    expect(localTimeToIso(' 2022-06-10 10:48 ', 'Z')).toBe('2022-06-10T10:48:00Z');
  });

  it('returns null for empty, unreadable and impossible dates', () => {
    expect(localTimeToIso(null, '+03:00')).toBeNull();
    expect(localTimeToIso('', '+03:00')).toBeNull();
    expect(localTimeToIso('Бессрочный', '+03:00')).toBeNull();
    expect(localTimeToIso('31.02.2020 10:00:00', '+03:00')).toBeNull();
    expect(localTimeToIso('2020-01-01 25:00:00', '+07:00')).toBeNull();
  });

  it('refuses an offset it cannot read', () => {
    expect(() => localTimeToIso('2022-06-10 10:48:14', 'Asia/Ho_Chi_Minh')).toThrow(RangeError);
  });
});
