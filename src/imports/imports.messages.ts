import { defineMessages } from '../common/i18n/messages';

/** What every import says of a file, whatever its kind. */
export const importsMessages = defineMessages({
  'import.upload.required': { vi: 'Vui lòng chọn tệp để tải lên.', en: 'Choose a file to upload.' },
  'import.upload.tooLarge': {
    vi: 'Tệp quá lớn (tối đa {max} MB).',
    en: 'The file is too large (at most {max} MB).',
  },
  'import.upload.invalid': {
    vi: 'Không nhận được tệp. Vui lòng chọn lại tệp và gửi lại.',
    en: 'The file did not arrive. Choose it again and resend.',
  },
  'import.upload.bomb': {
    vi: 'Tệp Excel này khi giải nén lớn bất thường (hơn 256 MB), có thể là "bom nén", nên không được nhận. Hãy lưu lại danh sách thành tệp .xlsx mới.',
    en: 'This Excel file unzips to an abnormal size (over 256 MB) and may be a "zip bomb", so it is not accepted. Save the list as a new .xlsx file.',
  },
  'import.upload.empty': { vi: 'Tệp rỗng, không có dữ liệu.', en: 'The file is empty.' },
  'import.upload.xls': {
    vi: 'Tệp Excel 97–2003 (.xls) không được hỗ trợ. Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx.',
    en: 'Excel 97–2003 files (.xls) are not supported. Open the file in Excel and save it as .xlsx.',
  },
  'import.upload.type': {
    vi: 'Chỉ nhận tệp Excel (.xlsx) hoặc CSV.',
    en: 'Only Excel (.xlsx) or CSV files are accepted.',
  },
  'import.upload.notUtf8': {
    vi: 'Tệp CSV phải được lưu với bảng mã UTF-8. Trong Excel, chọn Lưu dưới dạng → "CSV UTF-8".',
    en: 'CSV files must be saved as UTF-8. In Excel, choose Save As → "CSV UTF-8".',
  },
  'import.error.missingColumn': {
    vi: 'Thiếu cột bắt buộc "{column}"',
    en: 'The required column "{column}" is missing',
  },
  'import.error.noRows': { vi: 'Tệp không có dòng dữ liệu nào.', en: 'The file has no data rows.' },
  'import.error.unreadableXlsx': {
    vi: 'Không đọc được tệp Excel; tệp có thể bị hỏng. Hãy mở bằng Excel và lưu lại.',
    en: 'The Excel file cannot be read; it may be damaged. Open it in Excel and save it again.',
  },
  'import.error.internal': {
    vi: 'Hệ thống gặp sự cố khi nhập tệp này. Các dòng đã lưu vẫn giữ nguyên; hãy tải tệp lên lại, nếu vẫn lỗi hãy báo quản trị viên.',
    en: 'The system ran into a problem importing this file. Rows already saved are kept; upload the file again, or tell the administrator if it keeps failing.',
  },
  'import.error.unreadableCsv': {
    vi: 'Tệp CSV sai định dạng gần dòng {row}.',
    en: 'The CSV file is malformed near row {row}.',
  },
});
