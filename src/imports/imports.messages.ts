import { defineMessages } from '../common/i18n/messages';

/** What every import says of a file, whatever its kind. */
export const importsMessages = defineMessages({
  'import.upload.required': { vi: 'Vui lòng chọn tệp để tải lên.', en: 'Choose a file to upload.' },
  'import.person.cccd': {
    vi: 'Số CCCD phải gồm đúng 12 chữ số.',
    en: 'A CCCD number has exactly 12 digits.',
  },
  'import.person.unknown': {
    vi: 'Chưa có người lao động với số CCCD này trong hoctap. Hãy nhập danh sách người lao động (kể cả quá trình làm việc đã kết thúc) trước.',
    en: 'No worker with this CCCD is in hoctap. Import the roster (with ended employments too) first.',
  },
  'import.person.nameDiffers': {
    vi: 'Họ tên khác với hồ sơ của người có số CCCD này. Dòng không được nhập; nếu hồ sơ sai, hãy đề nghị đối chiếu.',
    en: 'The name differs from the record of the person with this CCCD. The row is not imported; if the record is wrong, ask for a reconciliation.',
  },
  'import.person.birthDiffers': {
    vi: 'Ngày sinh khác với hồ sơ của người có số CCCD này. Dòng không được nhập; nếu hồ sơ sai, hãy đề nghị đối chiếu.',
    en: 'The date of birth differs from the record of the person with this CCCD. The row is not imported; if the record is wrong, ask for a reconciliation.',
  },
  'import.row.required': { vi: 'Không được để trống.', en: 'Must not be empty.' },
  'import.row.date': {
    vi: 'Ngày không hợp lệ, hãy ghi theo dạng dd/mm/yyyy.',
    en: 'Not a valid date; write it as dd/mm/yyyy.',
  },
  'import.row.hours': {
    vi: 'Số giờ phải là một số lớn hơn 0 và không quá 9.999, ví dụ 3 hoặc 1,5.',
    en: 'Hours must be a number above 0 and at most 9,999, e.g. 3 or 1.5.',
  },
  'import.row.future': { vi: 'Ngày không được ở tương lai.', en: 'The date must not be in the future.' },
  'import.row.duplicate': {
    vi: 'Trùng với dòng {row} của tệp; chỉ dòng đầu được nhập.',
    en: 'Same as row {row} of the file; only the first is imported.',
  },
  'import.error.noSheet': {
    vi: 'Tệp không có trang tính thứ {sheet}.',
    en: 'The file has no worksheet number {sheet}.',
  },
  'import.apply.notReady': {
    vi: 'Chỉ áp dụng được một lần chạy thử đã kiểm tra xong.',
    en: 'Only a dry run that has finished checking can be applied.',
  },
  'import.apply.fileGone': {
    vi: 'Tệp của lần chạy thử này đã được xoá theo quy định lưu giữ. Hãy tải tệp lên và chạy thử lại.',
    en: 'The file of this dry run was deleted under the retention rule. Upload it again and do a new dry run.',
  },
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
