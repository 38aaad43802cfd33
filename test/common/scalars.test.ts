import { scalarFlag, scalarNumber } from '../../src/common/scalars';

describe('scalarNumber: a vendor number, in the forms the vendor writes', () => {
  it('plain forms by default: JSON numbers and plainly written text', () => {
    expect(
      ['1790000', '1.0', ' 0.40 ', '-1.5e3', 35, '', 'ten', '1 234,50', Infinity, null, true].map((v) =>
        scalarNumber(v),
      ),
    ).toEqual([1790000, 1, 0.4, -1500, 35, null, null, null, null, null, null]);
  });

  it('with spacedComma, also thousands separated by spaces and a decimal comma', () => {
    expect(['1 234,50', '1\u00a0234,5', '0.4', 'абв', ''].map((v) => scalarNumber(v, { spacedComma: true }))).toEqual([
      1234.5,
      1234.5,
      0.4,
      null,
      null,
    ]);
  });
});

describe('scalarFlag: a vendor flag, by its own words for yes and no', () => {
  const cases: Array<[unknown, boolean | null, boolean | null]> = [
    // value, with the words 1/0, with MeaSoft's YES/NO/1/0/TRUE/FALSE
    ['1', true, true],
    [0, false, false],
    [true, true, true],
    [' yes ', null, true],
    ['False', null, false],
    ['2', null, null],
    [null, null, null],
    ['', null, null],
  ];
  it.each(cases)('%p: %p with 1/0, %p with YES/NO', (value, zeroOne, yesNo) => {
    expect(scalarFlag(value, { yes: ['1'], no: ['0'] })).toBe(zeroOne);
    expect(scalarFlag(value, { yes: ['YES', '1', 'TRUE'], no: ['NO', '0', 'FALSE'] })).toBe(yesNo);
  });
});
