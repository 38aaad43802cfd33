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
  it("0/1 flags: a word that is not the vendor's is null, not a guess", () => {
    const words = { yes: ['1'], no: ['0'] };
    expect(['1', '0', 1, 0, true, false, ' 1 ', 'yes', '2', null, ''].map((v) => scalarFlag(v, words))).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      null,
      null,
      null,
      null,
    ]);
  });

  it('YES/NO flags in any case, with 1/0 and TRUE/FALSE (the table MeaSoft answers with)', () => {
    const words = { yes: ['YES', '1', 'TRUE'], no: ['NO', '0', 'FALSE'] };
    expect(['YES', 'no', ' True ', '0', 'maybe', null].map((v) => scalarFlag(v, words))).toEqual([
      true,
      false,
      true,
      false,
      null,
      null,
    ]);
  });
});
