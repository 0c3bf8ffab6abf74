import { Injectable } from '@nestjs/common';
import { MessageRef } from '../../common/i18n/messages';
import { foldVietnamese } from '../../common/text/vietnamese';
import { isValidCccdFormat } from '../../common/validation/cccd';
import { CellValue, cellText, isBlank, parseCccd } from '../../imports/spreadsheet/cells';
import { AttendanceField } from './attendance-columns';

export const MAX_EMPLOYEE_CODE = 50;

export type AttendanceCells = Partial<Record<AttendanceField, CellValue>>;

/** A row that names someone: by CCCD, employee code or both; the name, when given, is checked too. */
export interface AttendanceRow {
  rowNumber: number;
  cccd: string | null;
  employeeCode: string | null;
  fullName: string | null;
}

export interface AttendanceProblem extends MessageRef {
  field: AttendanceField | null;
}

/** A worker employed at the session's enterprise on its day, as the look-ups find them. */
export interface RosterMatch {
  workerId: number;
  fullName: string;
}

/**
 * Checks an attendance sheet's rows: first on their own (validate), then against the enterprise's
 * roster on the session's day (match). Every problem is a message key, reported per row in
 * Vietnamese; no cell value is kept.
 */
@Injectable()
export class AttendanceRowValidator {
  isEmpty(cells: AttendanceCells): boolean {
    return Object.values(cells).every((v) => isBlank(v));
  }

  validate(
    rowNumber: number,
    cells: AttendanceCells,
  ): { row: AttendanceRow | null; problems: AttendanceProblem[] } {
    const problems: AttendanceProblem[] = [];
    const cccd = parseCccd(cells.cccd);
    const employeeCode = cellText(cells.employeeCode) || null;
    const fullName = cellText(cells.fullName) || null;
    if (!cccd && !employeeCode)
      problems.push({ field: null, key: 'activities.import.error.identifierRequired' });
    if (cccd && !isValidCccdFormat(cccd))
      problems.push({ field: AttendanceField.Cccd, key: 'roster.error.cccd' });
    if (employeeCode && employeeCode.length > MAX_EMPLOYEE_CODE)
      problems.push({
        field: AttendanceField.EmployeeCode,
        key: 'roster.error.tooLong',
        params: { max: MAX_EMPLOYEE_CODE },
      });
    if (problems.length > 0) return { row: null, problems };
    return { row: { rowNumber, cccd: cccd || null, employeeCode, fullName }, problems };
  }

  /**
   * Finds the row's worker among those employed on the day: by CCCD (its blind index) and by
   * employee code, which must agree when both are given; a name given must be theirs.
   */
  match(
    row: AttendanceRow,
    byCccd: RosterMatch | undefined,
    byCode: RosterMatch[] | undefined,
  ): { workerId: number | null; problems: AttendanceProblem[] } {
    const refuse = (field: AttendanceField | null, key: string) => ({
      workerId: null,
      problems: [{ field, key }],
    });
    if (row.cccd && !byCccd) return refuse(AttendanceField.Cccd, 'activities.import.error.cccdNotFound');
    if (row.employeeCode && !byCode?.length)
      return refuse(AttendanceField.EmployeeCode, 'activities.import.error.codeNotFound');
    let found = byCccd;
    if (row.employeeCode) {
      if (found) {
        if (!byCode!.some((m) => m.workerId === found!.workerId))
          return refuse(AttendanceField.EmployeeCode, 'activities.import.error.mismatch');
      } else if (byCode!.length > 1) {
        return refuse(AttendanceField.EmployeeCode, 'activities.import.error.codeAmbiguous');
      } else found = byCode![0];
    }
    if (row.fullName && foldVietnamese(row.fullName) !== foldVietnamese(found!.fullName))
      return refuse(AttendanceField.FullName, 'activities.import.error.nameMismatch');
    return { workerId: found!.workerId, problems: [] };
  }
}
