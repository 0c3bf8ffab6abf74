import { Gender } from '../entities/worker.entity';
import { INVALID } from '../../imports/spreadsheet/cells';
import { parseGender, parseUnionMember } from './roster-values';

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
});
