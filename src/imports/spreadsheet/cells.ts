import { isIsoDate } from '../../common/validation/validators';

/** A cell as read from XLSX or CSV, flattened (rich text, formulas and links give their text). */
export type CellValue = string | number | boolean | Date | null;

/** Marks a value that is present but cannot be read. */
export const INVALID = Symbol('invalid');
export type Parsed<T> = T | null | typeof INVALID;

export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Text of a cell in composed Unicode with spaces collapsed; '' when empty. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value).normalize('NFC').replace(/\s+/g, ' ').trim();
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * A date written dd/mm/yyyy (also d/m/yyyy, with dots or dashes), yyyy-mm-dd, or an Excel date cell
 * (a Date, or the day number when the cell has no date format) → 'YYYY-MM-DD'. null when empty.
 */
export function parseSheetDate(value: CellValue | undefined): Parsed<string> {
  if (isBlank(value)) return null;
  if (value instanceof Date)
    return checkedDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  if (typeof value === 'number') {
    // Excel day numbers from 1900 to 2100; anything else is not a date someone meant.
    if (!Number.isInteger(value) || value < 61 || value > 73415) return INVALID;
    const date = new Date(EXCEL_EPOCH_MS + value * 86_400_000);
    return checkedDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  if (typeof value !== 'string') return INVALID;
  const text = value.trim();
  const dmy = DMY.exec(text);
  if (dmy) return checkedDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const ymd = YMD.exec(text);
  if (ymd) return checkedDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  return INVALID;
}

function checkedDate(year: number, month: number, day: number): Parsed<string> {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) && year <= 2100 ? iso : INVALID;
}

/**
 * Twelve digits. A CCCD typed into a number cell loses its leading zero (67090012345), so numbers
 * are padded back; spaces, dots and dashes people type between groups are dropped.
 */
export function parseCccd(value: CellValue | undefined): string | null {
  if (isBlank(value)) return null;
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= 0 ? String(value).padStart(12, '0') : '';
  return cellText(value)
    .replace(/^'/, '')
    .replace(/[\s.-]/g, '');
}

/**
 * A Vietnamese phone number as 0 + 9 digits. "+84 912 345 678" and "84912345678" are rewritten;
 * a number cell that lost its leading zero (912345678) gets it back.
 */
export function parsePhone(value: CellValue | undefined): Parsed<string> {
  if (isBlank(value)) return null;
  let digits = cellText(value)
    .replace(/^'/, '')
    .replace(/[\s.()-]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (/^84\d{9}$/.test(digits)) digits = `0${digits.slice(2)}`;
  else if (/^[1-9]\d{8}$/.test(digits)) digits = `0${digits}`;
  return /^0\d{9}$/.test(digits) ? digits : INVALID;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseEmail(value: CellValue | undefined): Parsed<string> {
  if (isBlank(value)) return null;
  const email = cellText(value).toLowerCase();
  return EMAIL.test(email) && email.length <= 200 ? email : INVALID;
}
