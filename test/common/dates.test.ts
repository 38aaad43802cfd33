import {
  localTimeToIso,
  MOSCOW,
  readDateTime,
  readDay,
  readTimeOfDay,
  toIsoUtc,
  toUnixSeconds,
  moscowOutputTime,
  moscowIsoDate,
  moscowDottedDate,
  unixSecondsToMoscowIso,
  unixOrMoscowTextToIso,
  moscowTextToIso,
} from '../../src/common/dates';

describe('readDateTime', () => {
  const unix = (value: string | number, zone = MOSCOW) => {
    const reading = readDateTime(value, zone);
    return reading && 'date' in reading ? toUnixSeconds(reading.date) : reading;
  };

  it('reads ISO 8601 with an offset', () => {
    expect(unix('2013-03-03T00:00:00+04:00')).toBe(1362254400);
    expect(unix('2013-03-02T20:00:00Z')).toBe(1362254400);
    expect(unix('2013-03-02t20:00:00z')).toBe(1362254400);
    expect(unix('2013-03-03T00:00:00.999+0400')).toBe(1362254400);
    expect(unix('2024-05-02 10:00 +03')).toBe(1714633200);
  });

  it("reads a date without an offset in the zone given, with that zone's offset on that day", () => {
    // JustClick's own example: 3 March 2013 00:00 is 1362254400, Moscow time (UTC+4 from 2011 to 2014).
    expect(unix('2013-03-03T00:00:00')).toBe(1362254400);
    expect(unix('03.03.2013 00:00')).toBe(1362254400);
    expect(unix('03.03.2013')).toBe(1362254400);
    // Moscow has been UTC+3 since 26 October 2014.
    expect(unix('2024-05-02 10:00')).toBe(1714633200);
    expect(unix('2024-05-02')).toBe(1714597200);
    expect(unix('2024-05-02T10:00', 'UTC')).toBe(1714644000);
  });

  it('reads dotted dates day first: 02.05.2024 is 2 May, not 5 February', () => {
    expect(unix('02.05.2024 10:00')).toBe(1714633200);
    expect(unix('02.05.2024 10:00:00')).toBe(1714633200);
    expect(unix('2.5.2024 10:00')).toBe(1714633200);
    expect(unix('02.05.2024, 10:00')).toBe(1714633200);
    expect(unix('02.05.2024 9:30')).toBe(1714631400);
    expect(unix('02.05.2024 10:00 +05:00')).toBe(1714626000);
    expect(unix('13.05.2024')).toBe(1715547600);
  });

  it('reads RFC 2822 dates as e-mail headers write them', () => {
    expect(unix('Sat, 02 Mar 2013 20:00:00 GMT')).toBe(1362254400);
    expect(unix('3 Mar 2013 00:00:00 +0400')).toBe(1362254400);
    expect(unix('Sun, 02 Mar 2013 20:00:00 GMT')).toEqual({ problem: 'calendar' }); // 2 March 2013 was a Saturday
  });

  it('reads Unix seconds (10 digits) and milliseconds (13 digits), as numbers or text', () => {
    expect(unix(1362254400)).toBe(1362254400);
    expect(unix('1362254400')).toBe(1362254400);
    expect(unix('1362254400000')).toBe(1362254400);
  });

  it('refuses impossible calendar dates and times instead of rolling them over', () => {
    for (const text of [
      '2024-02-30',
      '2024-02-30T10:00:00Z',
      '31.04.2024',
      '29.02.2023 10:00',
      '02.05.2024 25:00',
      '2024-05-02 10:60',
      '2024-13-01',
      '00.05.2024',
      '2024-05-02T10:00:00+03:99',
    ]) {
      expect([text, unix(text)]).toEqual([text, { problem: 'calendar' }]);
    }
    expect(unix('29.02.2024')).toBe(1709154000); // a leap year
  });

  it('refuses what it does not read exactly, rather than guessing', () => {
    for (const text of [
      'tomorrow-ish',
      '25:00',
      '02/05/2024',
      'March 2, 2013 20:00:00',
      '2024',
      '20240502',
      '136225440',
      '2024-5-2',
      '02.05.24',
    ]) {
      expect([text, unix(text)]).toEqual([text, { problem: 'format' }]);
    }
  });

  it('returns undefined for an empty value', () => {
    expect(readDateTime('  ', MOSCOW)).toBeUndefined();
    expect(readDateTime(null, MOSCOW)).toBeUndefined();
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

describe('readDay (every day field of the app)', () => {
  it.each([
    ['10.12.2026', '2026-12-10'],
    ['1.2.2026', '2026-02-01'],
    ['2026-12-10', '2026-12-10'],
    ['10.12.2026 14:00', '2026-12-10'],
    // The day as written, whatever the offset: a mapped ISO time names the delivery day the shop meant.
    ['2026-12-10T23:30:00-05:00', '2026-12-10'],
    // A Unix timestamp has no written day: its day in the zone given (Moscow here).
    ['1796850000', '2026-12-10'],
  ])('reads %j as %j', (typed, day) => expect(readDay(typed, MOSCOW)).toEqual({ day }));

  it('refuses impossible days and what is not a date, and reads empty as not given', () => {
    expect(readDay('2024-13-01', MOSCOW)).toEqual({ problem: 'calendar' });
    expect(readDay('31.04.2024', MOSCOW)).toEqual({ problem: 'calendar' });
    expect(readDay('29.02.2023', MOSCOW)).toEqual({ problem: 'calendar' });
    expect(readDay('12/10/2026', MOSCOW)).toEqual({ problem: 'format' });
    expect(readDay('  ', MOSCOW)).toBeUndefined();
  });
});

describe('readTimeOfDay (every time field of the app)', () => {
  it.each([
    ['10:00', '10:00'],
    ['10.00', '10:00'],
    ['9:30', '09:30'],
    ['9.30', '09:30'],
    ['23:59', '23:59'],
    ['18:00:00', '18:00'],
  ])('reads %j as %j', (typed, time) => expect(readTimeOfDay(typed)).toEqual({ time }));

  it('refuses times that do not exist and other text', () => {
    expect(readTimeOfDay('24:00')).toEqual({ problem: 'calendar' });
    expect(readTimeOfDay('10:60')).toEqual({ problem: 'calendar' });
    expect(readTimeOfDay('10:00:30')).toEqual({ problem: 'format' });
    expect(readTimeOfDay('10')).toEqual({ problem: 'format' });
    expect(readTimeOfDay('ten')).toEqual({ problem: 'format' });
    expect(readTimeOfDay('')).toBeUndefined();
  });
});

describe('moscowOutputTime', () => {
  it('gives a time only in ISO 8601 with +03:00, as Zapier checks D023/T003 require', () => {
    expect(moscowOutputTime('trackCreateDate', 'trackCreateDateIso', '08.06.2018 14:22:55')).toEqual({
      trackCreateDateIso: '2018-06-08T14:22:55+03:00',
    });
    expect(moscowOutputTime('created_at', 'created_at_iso', '2016-05-18 16:10:02')).toEqual({
      created_at_iso: '2016-05-18T16:10:02+03:00',
    });
    expect(moscowOutputTime('created_at', 'created_at_iso', null)).toEqual({ created_at_iso: null });
    expect(moscowOutputTime('created_at', 'created_at_iso', '')).toEqual({ created_at_iso: null });
  });

  it('keeps text that does not read as a time as sent, so nothing the vendor said is lost', () => {
    expect(moscowOutputTime('created_at', 'created_at_iso', 'вчера')).toEqual({
      created_at: 'вчера',
      created_at_iso: null,
    });
    expect(moscowOutputTime('created_at', 'created_at_iso', '31.02.2020 10:00:00')).toEqual({
      created_at: '31.02.2020 10:00:00',
      created_at_iso: null,
    });
  });
});

describe('Moscow dates and times (one name per format)', () => {
  // 21:30 UTC on 31 December is already 1 January in Moscow.
  const lateEvening = new Date('2025-12-31T21:30:00Z');

  it('gives the Moscow calendar day as yyyy-mm-dd and as dd.mm.yyyy', () => {
    expect(moscowIsoDate(lateEvening)).toBe('2026-01-01');
    expect(moscowDottedDate(lateEvening)).toBe('01.01.2026');
    expect(moscowIsoDate(new Date('2025-12-31T20:59:59Z'))).toBe('2025-12-31');
  });

  it('turns Unix seconds into ISO 8601 at +03:00', () => {
    expect(unixSecondsToMoscowIso(1716195600)).toBe('2024-05-20T12:00:00+03:00');
  });

  it('reads Moscow wall-clock text only as text', () => {
    expect(moscowTextToIso('08.06.2018 14:22:55')).toBe('2018-06-08T14:22:55+03:00');
    expect(moscowTextToIso('1716195600')).toBeNull();
    expect(moscowTextToIso(null)).toBeNull();
  });

  it('reads Unix seconds or Moscow text, and no date for 0 or MySQL zero dates', () => {
    expect(unixOrMoscowTextToIso(1716195600)).toBe('2024-05-20T12:00:00+03:00');
    expect(unixOrMoscowTextToIso('1716195600')).toBe('2024-05-20T12:00:00+03:00');
    expect(unixOrMoscowTextToIso('2024-05-20 12:00:00')).toBe('2024-05-20T12:00:00+03:00');
    expect(unixOrMoscowTextToIso(0)).toBeNull();
    expect(unixOrMoscowTextToIso('0000-00-00 00:00:00')).toBeNull();
    expect(unixOrMoscowTextToIso({})).toBeNull();
  });
});
