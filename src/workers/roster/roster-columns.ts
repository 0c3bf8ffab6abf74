import { ColumnSpec, HeaderMatch as SheetHeader, headerMatcher } from '../../imports/spreadsheet/columns';

/** The columns a roster file may have. */
export enum RosterField {
  FullName = 'fullName',
  DateOfBirth = 'dateOfBirth',
  Gender = 'gender',
  Cccd = 'cccd',
  EmployeeCode = 'employeeCode',
  Phone = 'phone',
  Email = 'email',
  StartDate = 'startDate',
  EndDate = 'endDate',
  UnionMember = 'unionMember',
}

export type RosterColumn = ColumnSpec<RosterField> & { required: boolean };

/** In template order. */
export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  {
    field: RosterField.FullName,
    header: 'Họ và tên',
    required: true,
    aliases: [
      'họ tên',
      'họ và tên người lao động',
      'họ tên người lao động',
      'tên người lao động',
      'full name',
      'name',
    ],
  },
  {
    field: RosterField.DateOfBirth,
    header: 'Ngày sinh',
    required: true,
    aliases: [
      'ngày tháng năm sinh',
      'ngày, tháng, năm sinh',
      'date of birth',
      'birth date',
      'birthdate',
      'dob',
    ],
  },
  {
    field: RosterField.Gender,
    header: 'Giới tính',
    required: true,
    aliases: ['gender', 'sex', 'nam nữ', 'nam/nữ'],
  },
  {
    field: RosterField.Cccd,
    header: 'Số CCCD',
    required: true,
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
      'citizen id number',
      'national id',
      'id number',
    ],
  },
  {
    field: RosterField.EmployeeCode,
    header: 'Mã nhân viên',
    required: false,
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
  {
    field: RosterField.Phone,
    header: 'Số điện thoại',
    required: false,
    aliases: ['điện thoại', 'sđt', 'số đt', 'di động', 'phone', 'phone number', 'mobile', 'telephone'],
  },
  {
    field: RosterField.Email,
    header: 'Email',
    required: false,
    aliases: ['e-mail', 'thư điện tử', 'địa chỉ email', 'email address'],
  },
  {
    field: RosterField.StartDate,
    header: 'Ngày vào làm',
    required: true,
    aliases: [
      'ngày bắt đầu làm việc',
      'ngày bắt đầu',
      'ngày vào công ty',
      'ngày tuyển dụng',
      'start date',
      'hire date',
      'date hired',
      'employment start date',
    ],
  },
  {
    field: RosterField.EndDate,
    header: 'Ngày nghỉ việc',
    required: false,
    aliases: ['ngày thôi việc', 'ngày kết thúc', 'ngày nghỉ', 'end date', 'leave date', 'termination date'],
  },
  {
    field: RosterField.UnionMember,
    header: 'Đoàn viên công đoàn',
    required: false,
    aliases: ['đoàn viên', 'đoàn viên cđ', 'là đoàn viên công đoàn', 'union member', 'trade union member'],
  },
];

export const REQUIRED_FIELDS = ROSTER_COLUMNS.filter((c) => c.required).map((c) => c.field);

export type HeaderMatch = SheetHeader<RosterField>;

/** Recognises a header row; unknown columns (STT, notes…) are ignored, the first of two same columns wins. */
export const matchRosterHeader = headerMatcher(ROSTER_COLUMNS);

export function columnHeader(field: RosterField): string {
  return ROSTER_COLUMNS.find((c) => c.field === field)!.header;
}
