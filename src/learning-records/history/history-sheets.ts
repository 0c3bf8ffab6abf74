import { ColumnSpec, HeaderMatch, headerMatcher } from '../../imports/spreadsheet/columns';
import { SheetTemplate } from '../../imports/spreadsheet/sheet-template';

/** The person columns every history sheet of learning has. */
const PERSON: Record<'cccd' | 'fullName' | 'dateOfBirth', Omit<ColumnSpec<string>, 'field'>> = {
  cccd: {
    header: 'Số CCCD',
    required: true,
    aliases: ['cccd', 'căn cước', 'số căn cước', 'số định danh', 'cmnd/cccd'],
  },
  fullName: { header: 'Họ và tên', required: true, aliases: ['họ tên', 'tên', 'full name', 'name'] },
  dateOfBirth: {
    header: 'Ngày sinh',
    required: true,
    aliases: ['ngày tháng năm sinh', 'date of birth', 'dob'],
  },
};

const PERSON_NOTES = {
  cccd: 'Bắt buộc. 12 chữ số. Người này phải có sẵn trong hoctap (nhập qua danh sách người lao động, kể cả người đã nghỉ việc).',
  fullName: 'Bắt buộc. Phải trùng với họ tên trong hồ sơ (không phân biệt dấu, hoa thường).',
  dateOfBirth: 'Bắt buộc. dd/mm/yyyy, phải trùng với hồ sơ.',
};

const DOMAINS_NOTE =
  'Bắt buộc. Một hoặc nhiều lĩnh vực, cách nhau bằng dấu chấm phẩy: Chính trị, pháp luật; Kỹ năng nghề nghiệp; Kỹ năng sống; Công nghệ thông tin, công nghệ số (hoặc mã LAW, VOCATIONAL, LIFE_SKILLS, DIGITAL).';

// --- in-person trainings ---------------------------------------------------------------------

export enum TrainingField {
  HeldOn = 'heldOn',
  Title = 'title',
  Domains = 'domains',
  Hours = 'hours',
  Organiser = 'organiser',
  Cccd = 'cccd',
  FullName = 'fullName',
  DateOfBirth = 'dateOfBirth',
}

export const TRAINING_COLUMNS: readonly ColumnSpec<TrainingField>[] = [
  {
    field: TrainingField.HeldOn,
    header: 'Ngày tập huấn',
    required: true,
    aliases: ['ngày', 'ngày tổ chức', 'ngày học', 'date'],
  },
  {
    field: TrainingField.Title,
    header: 'Chủ đề',
    required: true,
    aliases: ['tên lớp', 'nội dung', 'tên hoạt động', 'topic', 'title'],
  },
  {
    field: TrainingField.Domains,
    header: 'Lĩnh vực',
    required: true,
    aliases: ['nhóm nội dung', 'domains', 'domain'],
  },
  {
    field: TrainingField.Hours,
    header: 'Số giờ',
    required: true,
    aliases: ['thời lượng', 'số tiết', 'hours'],
  },
  {
    field: TrainingField.Organiser,
    header: 'Đơn vị tổ chức',
    required: true,
    aliases: ['đơn vị', 'nơi tổ chức', 'organiser', 'organizer'],
  },
  { field: TrainingField.Cccd, ...PERSON.cccd },
  { field: TrainingField.FullName, ...PERSON.fullName },
  { field: TrainingField.DateOfBirth, ...PERSON.dateOfBirth },
];

export type TrainingHeader = HeaderMatch<TrainingField>;
export const matchTrainingHeader = headerMatcher(TRAINING_COLUMNS);
export const trainingHeader = (field: TrainingField) =>
  TRAINING_COLUMNS.find((c) => c.field === field)!.header;

export const TRAININGS_TEMPLATE: SheetTemplate<TrainingField> = {
  sheetName: 'Tập huấn trực tiếp',
  columns: TRAINING_COLUMNS,
  example: {
    [TrainingField.HeldOn]: '15/05/2024',
    [TrainingField.Title]: 'Tuyên truyền Bộ luật Lao động 2019',
    [TrainingField.Domains]: 'Chính trị, pháp luật',
    [TrainingField.Hours]: '3',
    [TrainingField.Organiser]: 'Liên đoàn Lao động tỉnh Đắk Nông',
    [TrainingField.Cccd]: '067090012345',
    [TrainingField.FullName]: 'Nguyễn Thị Lan',
    [TrainingField.DateOfBirth]: '12/03/1990',
  },
  notes: {
    [TrainingField.HeldOn]: 'Bắt buộc. dd/mm/yyyy, không ở tương lai.',
    [TrainingField.Title]:
      'Bắt buộc. Tên lớp tập huấn. Cùng ngày, cùng chủ đề và đơn vị tổ chức là cùng một lớp.',
    [TrainingField.Domains]: DOMAINS_NOTE,
    [TrainingField.Hours]:
      'Bắt buộc. Số giờ của lớp, ví dụ 3 hoặc 1,5. Mọi dòng của một lớp ghi cùng số giờ.',
    [TrainingField.Organiser]: 'Bắt buộc. Đơn vị đã tổ chức lớp.',
    [TrainingField.Cccd]: PERSON_NOTES.cccd,
    [TrainingField.FullName]: PERSON_NOTES.fullName,
    [TrainingField.DateOfBirth]: PERSON_NOTES.dateOfBirth,
  },
  footer:
    'Mỗi dòng là một người dự một lớp. Mỗi người dự được ghi một kết quả học tập vào ngày tập huấn, với lĩnh vực và số giờ của lớp. Nhập lại cùng tệp không làm thay đổi dữ liệu.',
};

// --- results reported by institutions ---------------------------------------------------------

export enum ResultField {
  Institution = 'institution',
  ResultId = 'resultId',
  Cccd = 'cccd',
  FullName = 'fullName',
  DateOfBirth = 'dateOfBirth',
  Title = 'title',
  Programme = 'programme',
  CertificateNo = 'certificateNo',
  CompletedOn = 'completedOn',
  Hours = 'hours',
  Domains = 'domains',
}

export const RESULT_COLUMNS: readonly ColumnSpec<ResultField>[] = [
  {
    field: ResultField.Institution,
    header: 'Cơ sở đào tạo',
    required: true,
    aliases: ['trường', 'đơn vị đào tạo', 'institution'],
  },
  {
    field: ResultField.ResultId,
    header: 'Mã kết quả',
    aliases: ['mã', 'mã học viên khóa', 'result id', 'external id'],
  },
  { field: ResultField.Cccd, ...PERSON.cccd },
  { field: ResultField.FullName, ...PERSON.fullName },
  { field: ResultField.DateOfBirth, ...PERSON.dateOfBirth },
  {
    field: ResultField.Title,
    header: 'Tên khóa học',
    required: true,
    aliases: ['khóa học', 'tên lớp', 'course', 'title'],
  },
  { field: ResultField.Programme, header: 'Chương trình', aliases: ['ngành', 'programme', 'program'] },
  {
    field: ResultField.CertificateNo,
    header: 'Số chứng chỉ',
    aliases: ['số văn bằng', 'certificate no', 'certificate'],
  },
  {
    field: ResultField.CompletedOn,
    header: 'Ngày hoàn thành',
    required: true,
    aliases: ['ngày cấp', 'ngày kết thúc', 'completed on'],
  },
  { field: ResultField.Hours, header: 'Số giờ', required: true, aliases: ['thời lượng', 'số tiết', 'hours'] },
  {
    field: ResultField.Domains,
    header: 'Lĩnh vực',
    required: true,
    aliases: ['nhóm nội dung', 'domains', 'domain'],
  },
];

export type ResultHeader = HeaderMatch<ResultField>;
export const matchResultHeader = headerMatcher(RESULT_COLUMNS);
export const resultHeader = (field: ResultField) => RESULT_COLUMNS.find((c) => c.field === field)!.header;

export const RESULTS_TEMPLATE: SheetTemplate<ResultField> = {
  sheetName: 'Kết quả học tập',
  columns: RESULT_COLUMNS,
  example: {
    [ResultField.Institution]: 'Trường Cao đẳng Cộng đồng Đắk Nông',
    [ResultField.ResultId]: 'KQ-2024-0001',
    [ResultField.Cccd]: '067090012345',
    [ResultField.FullName]: 'Nguyễn Thị Lan',
    [ResultField.DateOfBirth]: '12/03/1990',
    [ResultField.Title]: 'Tin học văn phòng cơ bản',
    [ResultField.Programme]: 'Bồi dưỡng ngắn hạn',
    [ResultField.CertificateNo]: 'CC-2024-118',
    [ResultField.CompletedOn]: '30/06/2024',
    [ResultField.Hours]: '40',
    [ResultField.Domains]: 'Công nghệ thông tin, công nghệ số',
  },
  notes: {
    [ResultField.Institution]:
      'Bắt buộc. Tên cơ sở đào tạo đúng như trong danh mục cơ sở đào tạo của hoctap.',
    [ResultField.ResultId]:
      'Không bắt buộc. Mã của kết quả trong hệ thống của cơ sở đào tạo. Để trống thì hoctap nhận diện kết quả theo người, tên khóa học và ngày hoàn thành.',
    [ResultField.Cccd]: PERSON_NOTES.cccd,
    [ResultField.FullName]: PERSON_NOTES.fullName,
    [ResultField.DateOfBirth]: PERSON_NOTES.dateOfBirth,
    [ResultField.Title]: 'Bắt buộc. Tên khóa học hoặc lớp.',
    [ResultField.Programme]: 'Không bắt buộc.',
    [ResultField.CertificateNo]: 'Không bắt buộc.',
    [ResultField.CompletedOn]: 'Bắt buộc. dd/mm/yyyy, không ở tương lai.',
    [ResultField.Hours]: 'Bắt buộc. Số giờ học, ví dụ 40 hoặc 7,5.',
    [ResultField.Domains]: DOMAINS_NOTE,
  },
  footer:
    'Mỗi dòng là một kết quả của một người, kể cả người đã nghỉ việc. Nhập lại cùng tệp không làm thay đổi dữ liệu; một mã kết quả đã nhập với nội dung khác bị báo lỗi, không bị ghi đè.',
};
