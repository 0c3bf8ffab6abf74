import { ColumnSpec, HeaderMatch, headerMatcher } from '../../imports/spreadsheet/columns';
import { SheetTemplate } from '../../imports/spreadsheet/sheet-template';

/** The columns of a list of past years' learning citizens (one title per row). */
export enum TitleField {
  Cccd = 'cccd',
  FullName = 'fullName',
  DateOfBirth = 'dateOfBirth',
  Year = 'year',
  Branch = 'branch',
  DecisionNo = 'decisionNo',
  DecisionDate = 'decisionDate',
  RevokedOn = 'revokedOn',
  RevokeReason = 'revokeReason',
}

export const TITLE_COLUMNS: readonly ColumnSpec<TitleField>[] = [
  {
    field: TitleField.Cccd,
    header: 'Số CCCD',
    required: true,
    aliases: ['cccd', 'căn cước', 'số căn cước', 'số định danh', 'cmnd/cccd'],
  },
  {
    field: TitleField.FullName,
    header: 'Họ và tên',
    required: true,
    aliases: ['họ tên', 'tên', 'full name', 'name'],
  },
  {
    field: TitleField.DateOfBirth,
    header: 'Ngày sinh',
    required: true,
    aliases: ['ngày tháng năm sinh', 'date of birth', 'dob'],
  },
  {
    field: TitleField.Year,
    header: 'Năm công nhận',
    required: true,
    aliases: ['năm', 'năm danh hiệu', 'year'],
  },
  {
    field: TitleField.Branch,
    header: 'Hội Khuyến học công nhận',
    required: true,
    aliases: ['hội khuyến học', 'đơn vị công nhận', 'cấp công nhận', 'recognising branch', 'branch'],
  },
  {
    field: TitleField.DecisionNo,
    header: 'Số quyết định',
    required: true,
    aliases: ['quyết định số', 'số qđ', 'decision no', 'decision number'],
  },
  {
    field: TitleField.DecisionDate,
    header: 'Ngày quyết định',
    required: true,
    aliases: ['ngày qđ', 'ngày ký', 'decision date'],
  },
  { field: TitleField.RevokedOn, header: 'Ngày thu hồi', aliases: ['thu hồi ngày', 'revoked on', 'revoked'] },
  { field: TitleField.RevokeReason, header: 'Lý do thu hồi', aliases: ['lý do', 'revoke reason', 'reason'] },
];

export type TitleHeader = HeaderMatch<TitleField>;
export const matchTitleHeader = headerMatcher(TITLE_COLUMNS);

export function titleHeader(field: TitleField): string {
  return TITLE_COLUMNS.find((c) => c.field === field)!.header;
}

export const TITLES_TEMPLATE: SheetTemplate<TitleField> = {
  sheetName: 'Công dân học tập',
  columns: TITLE_COLUMNS,
  example: {
    [TitleField.Cccd]: '067090012345',
    [TitleField.FullName]: 'Nguyễn Thị Lan',
    [TitleField.DateOfBirth]: '12/03/1990',
    [TitleField.Year]: '2024',
    [TitleField.Branch]: 'Hội Khuyến học tỉnh Đắk Nông',
    [TitleField.DecisionNo]: '45/QĐ-KH',
    [TitleField.DecisionDate]: '20/12/2024',
    [TitleField.RevokedOn]: '',
    [TitleField.RevokeReason]: '',
  },
  notes: {
    [TitleField.Cccd]:
      'Bắt buộc. 12 chữ số. Người này phải có sẵn trong hoctap (nhập qua danh sách người lao động).',
    [TitleField.FullName]: 'Bắt buộc. Phải trùng với họ tên trong hồ sơ (không phân biệt dấu, hoa thường).',
    [TitleField.DateOfBirth]: 'Bắt buộc. dd/mm/yyyy, phải trùng với hồ sơ.',
    [TitleField.Year]:
      'Bắt buộc. Năm của danh hiệu (danh hiệu có giá trị trong năm đó), một năm đã qua, ví dụ 2023. Danh hiệu của năm nay được xét trên hoctap.',
    [TitleField.Branch]:
      'Bắt buộc. Tên Hội Khuyến học đã ra quyết định, đúng như trong danh mục Hội Khuyến học của hoctap, và còn hoạt động vào ngày quyết định.',
    [TitleField.DecisionNo]: 'Bắt buộc. Số quyết định công nhận.',
    [TitleField.DecisionDate]:
      'Bắt buộc. dd/mm/yyyy. Danh hiệu được tính từ ngày này: quyết định năm sau thì không tính vào số liệu 31/12 của năm danh hiệu.',
    [TitleField.RevokedOn]: 'Không bắt buộc. Ngày thu hồi danh hiệu (nếu có), dd/mm/yyyy.',
    [TitleField.RevokeReason]: 'Bắt buộc khi có ngày thu hồi.',
  },
  footer:
    'Mỗi dòng là một danh hiệu của một người trong một năm. Nhập lại cùng tệp không làm thay đổi dữ liệu; tệp đã sửa (ví dụ thêm ngày thu hồi) thì cập nhật danh hiệu đã nhập. Danh hiệu đã được công nhận trên hoctap không bị ghi đè.',
};
