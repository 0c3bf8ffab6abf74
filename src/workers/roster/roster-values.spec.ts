import { Gender } from '../entities/worker.entity';
import {
  addYears,
  INVALID,
  parseCccd,
  parseGender,
  parsePhone,
  parseRosterDate,
  parseUnionMember,
  todayInVietnam,
} from './roster-values';

describe('parseRosterDate', () => {
  it('reads dd/mm/yyyy with slashes, dots or dashes, and one-digit days and months', () => {
    expect(parseRosterDate('15/03/1990')).toBe('1990-03-15');
    expect(parseRosterDate('5.3.1990')).toBe('1990-03-05');
    expect(parseRosterDate('05-03-1990')).toBe('1990-03-05');
  });

  it('reads yyyy-mm-dd and Excel date cells (as dates or day numbers)', () => {
    expect(parseRosterDate('1990-03-15')).toBe('1990-03-15');
    expect(parseRosterDate(new Date(Date.UTC(1990, 2, 15)))).toBe('1990-03-15');
    expect(parseRosterDate(32947)).toBe('1990-03-15');
  });

  it('answers null for an empty cell and INVALID for anything else', () => {
    expect(parseRosterDate(null)).toBeNull();
    expect(parseRosterDate('  ')).toBeNull();
    for (const bad of ['29/02/2023', '15/13/1990', '1990/03/15', '03/15/90', 'hôm qua', 12.5, 5, true]) {
      expect(parseRosterDate(bad)).toBe(INVALID);
    }
  });
});

describe('roster cell values', () => {
  it('reads genders in Vietnamese with or without marks, and in English', () => {
    expect(parseGender('Nữ')).toBe(Gender.Female);
    expect(parseGender('NU')).toBe(Gender.Female);
    expect(parseGender('nam')).toBe(Gender.Male);
    expect(parseGender('Other')).toBe(Gender.Other);
    expect(parseGender('x')).toBe(INVALID);
  });

  it('reads union membership as Có/Không, x or empty', () => {
    expect(parseUnionMember('Có')).toBe(true);
    expect(parseUnionMember('x')).toBe(true);
    expect(parseUnionMember('không')).toBe(false);
    expect(parseUnionMember(null)).toBe(false);
    expect(parseUnionMember('maybe')).toBe(INVALID);
  });

  it('normalises phone numbers and CCCDs as people type them', () => {
    expect(parsePhone('+84 912 345 678')).toBe('0912345678');
    expect(parsePhone(912345678)).toBe('0912345678');
    expect(parsePhone('0912.345.678')).toBe('0912345678');
    expect(parsePhone('12345')).toBe(INVALID);
    expect(parseCccd('067 090 012 345')).toBe('067090012345');
    expect(parseCccd("'067090012345")).toBe('067090012345');
  });

  it('adds years to a date and knows what day it is in Vietnam', () => {
    expect(addYears('2008-02-29', 15)).toBe('2023-02-28');
    expect(todayInVietnam(new Date('2025-06-30T18:30:00Z'))).toBe('2025-07-01');
  });
});
