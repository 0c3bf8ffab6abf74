import { Injectable } from '@nestjs/common';
import { MessageRef } from '../../common/i18n/messages';
import { cccdMatchesBirthYear, isValidCccdFormat, sexFromCccd } from '../../common/validation/cccd';
import { Gender } from '../entities/worker.entity';
import { RosterField } from './roster-columns';
import {
  CellValue,
  cellText,
  INVALID,
  isBlank,
  parseCccd,
  parseEmail,
  parsePhone,
  parseSheetDate,
} from '../../imports/spreadsheet/cells';
import { parseGender, parseUnionMember } from './roster-values';
import { addYears } from '../../common/time/iso-date';

/**
 * One valid roster row. Optional fields are undefined when the file has no such column (the stored
 * value is then left alone) and null when the cell is empty (the stored value is cleared).
 */
export interface RosterRow {
  rowNumber: number;
  fullName: string;
  dateOfBirth: string;
  gender: Gender;
  cccd: string;
  employeeCode?: string | null;
  phone?: string | null;
  email?: string | null;
  startDate: string;
  endDate?: string | null;
  unionMember?: boolean;
}

export interface RowProblem extends MessageRef {
  field: RosterField;
}

export type RowCells = Partial<Record<RosterField, CellValue>>;

export const MAX_NAME = 200;
export const MAX_EMPLOYEE_CODE = 50;
export const MIN_WORKING_AGE = 15;

/**
 * Checks one data row of a roster and says, in message keys, everything wrong with it at once, so
 * the officer can fix a row in one go. `cells` holds only the columns the file has.
 */
@Injectable()
export class RosterRowValidator {
  validate(rowNumber: number, cells: RowCells): { row: RosterRow | null; problems: RowProblem[] } {
    const problems: RowProblem[] = [];
    const problem = (field: RosterField, key: string, params?: MessageRef['params']) =>
      problems.push({ field, key, params });
    const has = (field: RosterField) => field in cells;

    const fullName = cellText(cells.fullName);
    if (!fullName) problem(RosterField.FullName, 'roster.error.required');
    else if (fullName.length > MAX_NAME)
      problem(RosterField.FullName, 'roster.error.tooLong', { max: MAX_NAME });

    const dateOfBirth = parseSheetDate(cells.dateOfBirth);
    if (dateOfBirth === null) problem(RosterField.DateOfBirth, 'roster.error.required');
    else if (dateOfBirth === INVALID) problem(RosterField.DateOfBirth, 'roster.error.date');

    const gender = parseGender(cells.gender);
    if (gender === null) problem(RosterField.Gender, 'roster.error.required');
    else if (gender === INVALID) problem(RosterField.Gender, 'roster.error.gender');

    const cccd = parseCccd(cells.cccd);
    const birthYear = typeof dateOfBirth === 'string' ? Number(dateOfBirth.slice(0, 4)) : null;
    if (cccd === null) problem(RosterField.Cccd, 'roster.error.required');
    else if (!isValidCccdFormat(cccd)) problem(RosterField.Cccd, 'roster.error.cccd');
    else if (birthYear !== null && !cccdMatchesBirthYear(cccd, birthYear))
      problem(RosterField.Cccd, 'roster.error.cccdBirth');
    else if ((gender === Gender.Male || gender === Gender.Female) && sexFromCccd(cccd) !== gender)
      problem(RosterField.Gender, 'roster.error.cccdGender');

    const employeeCode = has(RosterField.EmployeeCode) ? cellText(cells.employeeCode) || null : undefined;
    if (employeeCode && employeeCode.length > MAX_EMPLOYEE_CODE)
      problem(RosterField.EmployeeCode, 'roster.error.tooLong', { max: MAX_EMPLOYEE_CODE });

    const phone = has(RosterField.Phone) ? parsePhone(cells.phone) : undefined;
    if (phone === INVALID) problem(RosterField.Phone, 'roster.error.phone');

    const email = has(RosterField.Email) ? parseEmail(cells.email) : undefined;
    if (email === INVALID) problem(RosterField.Email, 'roster.error.email');

    const startDate = parseSheetDate(cells.startDate);
    if (startDate === null) problem(RosterField.StartDate, 'roster.error.required');
    else if (startDate === INVALID) problem(RosterField.StartDate, 'roster.error.date');
    else if (typeof dateOfBirth === 'string' && startDate < addYears(dateOfBirth, MIN_WORKING_AGE))
      problem(RosterField.DateOfBirth, 'roster.error.tooYoung', { age: MIN_WORKING_AGE });

    const endDate = has(RosterField.EndDate) ? parseSheetDate(cells.endDate) : undefined;
    if (endDate === INVALID) problem(RosterField.EndDate, 'roster.error.date');
    else if (typeof endDate === 'string' && typeof startDate === 'string' && endDate < startDate)
      problem(RosterField.EndDate, 'roster.error.endBeforeStart');

    const unionMember = has(RosterField.UnionMember) ? parseUnionMember(cells.unionMember) : undefined;
    if (unionMember === INVALID) problem(RosterField.UnionMember, 'roster.error.unionMember');

    if (problems.length > 0) return { row: null, problems };
    return {
      row: {
        rowNumber,
        fullName,
        dateOfBirth: dateOfBirth as string,
        gender: gender as Gender,
        cccd: cccd as string,
        employeeCode,
        phone: phone as string | null | undefined,
        email: email as string | null | undefined,
        startDate: startDate as string,
        endDate: endDate as string | null | undefined,
        unionMember: unionMember as boolean | undefined,
      },
      problems,
    };
  }

  /** True when a row has nothing in any known column (blank lines between blocks are skipped). */
  isEmpty(cells: RowCells): boolean {
    return Object.values(cells).every((v) => isBlank(v));
  }
}
