import { moscowTime } from '../../src/rlab/json';

describe('moscowTime', () => {
  it('gives a time only in ISO 8601 with +03:00, as Zapier checks D023/T003 require', () => {
    expect(moscowTime('trackCreateDate', 'trackCreateDateIso', '08.06.2018 14:22:55')).toEqual({
      trackCreateDateIso: '2018-06-08T14:22:55+03:00',
    });
    expect(moscowTime('created_at', 'created_at_iso', '2016-05-18 16:10:02')).toEqual({
      created_at_iso: '2016-05-18T16:10:02+03:00',
    });
    expect(moscowTime('created_at', 'created_at_iso', null)).toEqual({ created_at_iso: null });
    expect(moscowTime('created_at', 'created_at_iso', '')).toEqual({ created_at_iso: null });
  });

  it('keeps text that does not read as a time as sent, so nothing the vendor said is lost', () => {
    expect(moscowTime('created_at', 'created_at_iso', 'вчера')).toEqual({ created_at: 'вчера', created_at_iso: null });
    expect(moscowTime('created_at', 'created_at_iso', '31.02.2020 10:00:00')).toEqual({
      created_at: '31.02.2020 10:00:00',
      created_at_iso: null,
    });
  });
});
