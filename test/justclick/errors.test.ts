import { resultInEnglish } from '../../src/justclick/errors';

describe('JustClick Result Text (English)', () => {
  it('says what each code means, and that JustClick gave no explanation for an unknown one', () => {
    expect(resultInEnglish(0)).toBe('Done: JustClick carried out the request.');
    expect(resultInEnglish(601)).toBe('The order already exists (JustClick code 601).');
    expect(resultInEnglish(999)).toBe('JustClick gave no further explanation (code 999).');
  });
});
