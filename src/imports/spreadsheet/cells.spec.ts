import { INVALID, parseCccd, parsePhone, parseSheetDate } from './cells';

describe('parseSheetDate', () => {
  it('reads dd/mm/yyyy with slashes, dots or dashes, and one-digit days and months', () => {
    expect(parseSheetDate('15/03/1990')).toBe('1990-03-15');
    expect(parseSheetDate('5.3.1990')).toBe('1990-03-05');
    expect(parseSheetDate('05-03-1990')).toBe('1990-03-05');
  });

  it('reads yyyy-mm-dd and Excel date cells (as dates or day numbers)', () => {
    expect(parseSheetDate('1990-03-15')).toBe('1990-03-15');
    expect(parseSheetDate(new Date(Date.UTC(1990, 2, 15)))).toBe('1990-03-15');
    expect(parseSheetDate(32947)).toBe('1990-03-15');
  });

  it('answers null for an empty cell and INVALID for anything else', () => {
    expect(parseSheetDate(null)).toBeNull();
    expect(parseSheetDate('  ')).toBeNull();
    for (const bad of ['29/02/2023', '15/13/1990', '1990/03/15', '03/15/90', 'hôm qua', 12.5, 5, true]) {
      expect(parseSheetDate(bad)).toBe(INVALID);
    }
  });
});

describe('contact and identity cells', () => {
  it('normalises phone numbers and CCCDs as people type them', () => {
    expect(parsePhone('+84 912 345 678')).toBe('0912345678');
    expect(parsePhone(912345678)).toBe('0912345678');
    expect(parsePhone('0912.345.678')).toBe('0912345678');
    expect(parsePhone('12345')).toBe(INVALID);
    expect(parseCccd('067 090 012 345')).toBe('067090012345');
    expect(parseCccd("'067090012345")).toBe('067090012345');
  });
});
