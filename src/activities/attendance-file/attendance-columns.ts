import { ColumnSpec, HeaderMatch, headerMatcher } from '../../imports/spreadsheet/columns';

/** The columns an attendance sheet may have. A row names its worker by CCCD or employee code. */
export enum AttendanceField {
  FullName = 'fullName',
  Cccd = 'cccd',
  EmployeeCode = 'employeeCode',
}

export type AttendanceColumn = ColumnSpec<AttendanceField>;

/** In template order. Headers are matched like the roster's, so a roster export works as a sheet. */
export const ATTENDANCE_COLUMNS: readonly AttendanceColumn[] = [
  {
    field: AttendanceField.FullName,
    header: 'Họ và tên',
    aliases: ['họ tên', 'họ và tên người lao động', 'tên người lao động', 'full name', 'name'],
  },
  {
    field: AttendanceField.Cccd,
    header: 'Số CCCD',
    aliases: [
      'cccd',
      'số căn cước công dân',
      'căn cước công dân',
      'số căn cước',
      'căn cước',
      'số cccd/cmnd',
      'cccd/cmnd',
      'số định danh cá nhân',
      'citizen id',
      'national id',
      'id number',
    ],
  },
  {
    field: AttendanceField.EmployeeCode,
    header: 'Mã nhân viên',
    aliases: [
      'mã nv',
      'mã số nhân viên',
      'mã người lao động',
      'employee code',
      'employee id',
      'staff code',
      'staff id',
    ],
  },
];

/** The columns that say who a row is; a sheet needs at least one of them. */
export const IDENTIFYING_FIELDS = [AttendanceField.Cccd, AttendanceField.EmployeeCode];

export type AttendanceHeader = HeaderMatch<AttendanceField>;

/** Recognises a header row; other columns (STT, signatures, notes) are ignored. */
export const matchAttendanceHeader = headerMatcher(ATTENDANCE_COLUMNS);

/** The header is the first row (among the first few) naming a CCCD or employee code column. */
export function isHeader(header: AttendanceHeader): boolean {
  return IDENTIFYING_FIELDS.some((f) => header.columns.has(f));
}

export function attendanceHeader(field: AttendanceField): string {
  return ATTENDANCE_COLUMNS.find((c) => c.field === field)!.header;
}
