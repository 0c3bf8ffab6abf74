import { normaliseHeader } from '../../workers/roster/roster-columns';

/** The columns an attendance sheet may have. A row names its worker by CCCD or employee code. */
export enum AttendanceField {
  FullName = 'fullName',
  Cccd = 'cccd',
  EmployeeCode = 'employeeCode',
}

export interface AttendanceColumn {
  field: AttendanceField;
  /** The template's header; also how the column is named in error reports. */
  header: string;
  aliases: string[];
}

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

const FIELD_BY_HEADER = new Map<string, AttendanceField>(
  ATTENDANCE_COLUMNS.flatMap((c) =>
    [c.header, c.field, ...c.aliases].map((h) => [normaliseHeader(h), c.field] as [string, AttendanceField]),
  ),
);

export interface AttendanceHeader {
  /** Where each recognised column is, and its header as written in the file. */
  columns: Map<AttendanceField, { index: number; label: string }>;
}

/** Recognises a header row; other columns (STT, signatures, notes) are ignored. */
export function matchAttendanceHeader(cells: readonly unknown[]): AttendanceHeader {
  const columns = new Map<AttendanceField, { index: number; label: string }>();
  cells.forEach((cell, index) => {
    if (typeof cell !== 'string') return;
    const field = FIELD_BY_HEADER.get(normaliseHeader(cell));
    if (field && !columns.has(field)) columns.set(field, { index, label: cell.trim().slice(0, 100) });
  });
  return { columns };
}

/** A title row or two may come first; the header is the first row naming a CCCD or employee code column. */
export const HEADER_SEARCH_ROWS = 10;

export function isHeader(header: AttendanceHeader): boolean {
  return IDENTIFYING_FIELDS.some((f) => header.columns.has(f));
}

export function attendanceHeader(field: AttendanceField): string {
  return ATTENDANCE_COLUMNS.find((c) => c.field === field)!.header;
}
