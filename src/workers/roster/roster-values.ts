import { foldVietnamese } from '../../common/text/vietnamese';
import { CellValue, cellText, INVALID, isBlank, Parsed } from '../../imports/spreadsheet/cells';
import { Gender } from '../entities/worker.entity';

const GENDERS: Record<string, Gender> = {
  nam: Gender.Male,
  male: Gender.Male,
  m: Gender.Male,
  nu: Gender.Female,
  female: Gender.Female,
  f: Gender.Female,
  khac: Gender.Other,
  other: Gender.Other,
};

/** "Nam", "Nữ", "Khác" (any case, with or without marks), or English. */
export function parseGender(value: CellValue | undefined): Parsed<Gender> {
  if (isBlank(value)) return null;
  return GENDERS[foldVietnamese(cellText(value))] ?? INVALID;
}

const YES = new Set(['co', 'x', 'yes', 'y', 'true', '1', 'dv', 'doan vien', 'la doan vien']);
const NO = new Set(['khong', 'no', 'n', 'false', '0', '-']);

/** "Có"/"x"/"Yes" → true, "Không"/"No"/empty → false. */
export function parseUnionMember(value: CellValue | undefined): Parsed<boolean> {
  if (typeof value === 'boolean') return value;
  if (isBlank(value)) return false;
  const folded = foldVietnamese(cellText(value));
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  return INVALID;
}
