import { cccdMatchesBirthYear, isValidCccdFormat, maskCccd, normaliseCccd, sexFromCccd } from './cccd';
import { isValidTaxCode } from './tax-code';
import { isIsoDate } from './validators';

describe('isValidTaxCode', () => {
  it('accepts real tax codes with a correct check digit', () => {
    expect(isValidTaxCode('0300588569')).toBe(true); // Vinamilk
    expect(isValidTaxCode('0300588569-001')).toBe(true);
  });

  it('refuses a wrong check digit, wrong length, letters and branch 000', () => {
    expect(isValidTaxCode('0300588568')).toBe(false);
    expect(isValidTaxCode('030058856')).toBe(false);
    expect(isValidTaxCode('03005885a9')).toBe(false);
    expect(isValidTaxCode('0300588569-000')).toBe(false);
  });
});

describe('CCCD', () => {
  it('checks length, digits and province code', () => {
    expect(isValidCccdFormat('067090012345')).toBe(true);
    expect(isValidCccdFormat('003090012345')).toBe(false); // 003 is not a province code
    expect(isValidCccdFormat('06709001234')).toBe(false);
    expect(isValidCccdFormat('06709001234x')).toBe(false);
  });

  it('matches century, sex and year of birth', () => {
    expect(cccdMatchesBirthYear('067090012345', 1990)).toBe(true);
    expect(cccdMatchesBirthYear('067190012345', 1990)).toBe(true);
    expect(cccdMatchesBirthYear('067203012345', 2003)).toBe(true);
    expect(cccdMatchesBirthYear('067090012345', 1991)).toBe(false);
    expect(cccdMatchesBirthYear('067290012345', 1990)).toBe(false);
    expect(sexFromCccd('067190012345')).toBe('FEMALE');
  });

  it('masks all but the province code and the last two digits', () => {
    expect(maskCccd('067090012345')).toBe('067*******45');
  });

  it('reads the digits however they were typed: spaces of any kind, dots, dashes, full width', () => {
    for (const typed of [
      '067 090 012 345',
      '067.090.012.345',
      '067–090-012−345',
      '067\u00a0090\u202f012\u3000345',
      '０６７０９００１２３４５',
      '\ufeff067090\u200b012345',
    ])
      expect(normaliseCccd(typed)).toBe('067090012345');
  });
});

describe('isIsoDate', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('29/02/2024')).toBe(false);
    expect(isIsoDate('1800-01-01')).toBe(false);
  });
});
