import { defineMessages } from '../common/i18n/messages';

export const workersMessages = defineMessages({
  'nav.workers': { vi: 'Người lao động', en: 'Workers' },
  'nav.rosterImports': { vi: 'Nhập danh sách', en: 'Roster imports' },

  // Export headers are the import template's, so an exported roster can be imported again.
  'workers.field.fullName': { vi: 'Họ và tên', en: 'Full name' },
  'workers.field.dateOfBirth': { vi: 'Ngày sinh', en: 'Date of birth' },
  'workers.field.gender': { vi: 'Giới tính', en: 'Gender' },
  'workers.field.cccd': { vi: 'Số CCCD', en: 'Citizen ID' },
  'workers.field.employeeCode': { vi: 'Mã nhân viên', en: 'Employee code' },
  'workers.field.phone': { vi: 'Số điện thoại', en: 'Phone' },
  'workers.field.email': { vi: 'Email', en: 'Email' },
  'workers.field.startDate': { vi: 'Ngày vào làm', en: 'Start date' },
  'workers.field.endDate': { vi: 'Ngày nghỉ việc', en: 'End date' },
  'workers.field.unionMember': { vi: 'Đoàn viên công đoàn', en: 'Union member' },
  'workers.field.enterprise': { vi: 'Doanh nghiệp', en: 'Enterprise' },
  'workers.field.state': { vi: 'Tình trạng', en: 'Status' },
  'workers.field.account': { vi: 'Tài khoản', en: 'Account' },
  'workers.gender.MALE': { vi: 'Nam', en: 'Male' },
  'workers.gender.FEMALE': { vi: 'Nữ', en: 'Female' },
  'workers.gender.OTHER': { vi: 'Khác', en: 'Other' },
  'workers.state.current': { vi: 'Đang làm việc', en: 'Working' },
  'workers.state.ended': { vi: 'Đã nghỉ việc', en: 'Left' },
  'workers.state.all': { vi: 'Tất cả', en: 'All' },
  'workers.account.none': { vi: 'Chưa có tài khoản', en: 'No account' },
  'workers.account.PENDING': { vi: 'Chờ kích hoạt', en: 'Awaiting activation' },
  'workers.account.ACTIVE': { vi: 'Đang hoạt động', en: 'Active' },
  'workers.account.DISABLED': { vi: 'Đã khóa', en: 'Disabled' },

  'workers.add': { vi: 'Thêm người lao động', en: 'Add a worker' },
  'workers.import': { vi: 'Nhập từ tệp Excel/CSV', en: 'Import from Excel/CSV' },
  'workers.back': { vi: 'Danh sách người lao động', en: 'All workers' },
  'workers.none': { vi: 'Không có người lao động nào phù hợp.', en: 'No matching workers.' },
  'workers.search.label': { vi: 'Tìm theo họ tên hoặc số CCCD', en: 'Search by name or citizen ID' },
  'workers.search.cccdResult': {
    vi: 'Kết quả tìm theo số CCCD (gồm cả người đã nghỉ việc).',
    en: 'Results for the citizen ID searched (including people who left).',
  },
  'workers.filter.state': { vi: 'Tình trạng làm việc', en: 'Employment status' },
  'workers.exportFull': { vi: 'Xuất Excel kèm số CCCD đầy đủ', en: 'Export XLSX with full citizen IDs' },
  'workers.exportFullHint': {
    vi: 'Tệp kèm số CCCD đầy đủ là dữ liệu cá nhân: chỉ lưu trên máy của đơn vị, không gửi qua mạng xã hội hay email cá nhân.',
    en: 'A file with full citizen IDs is personal data: keep it on your organisation’s computers and do not share it.',
  },
  'workers.new.title': { vi: 'Thêm người lao động', en: 'Add a worker' },
  'workers.edit.title': { vi: 'Sửa thông tin người lao động', en: 'Edit worker' },
  'workers.cccdHint': {
    vi: 'Đủ 12 chữ số; phải khớp với năm sinh và giới tính.',
    en: '12 digits, matching the year of birth and sex.',
  },
  'workers.cccdKeep': {
    vi: 'Để trống nếu không đổi. Chỉ nhập khi cần sửa số CCCD.',
    en: 'Leave empty to keep the number. Type one only to correct it.',
  },
  'workers.profile': { vi: 'Thông tin cá nhân', en: 'Personal details' },
  'workers.employments': { vi: 'Quá trình làm việc', en: 'Employment history' },
  'workers.cccd.reveal': { vi: 'Hiện số đầy đủ', en: 'Show full number' },
  'workers.cccd.revealHint': {
    vi: 'Mỗi lần xem số CCCD đầy đủ đều được ghi lại.',
    en: 'Each time the full number is shown is recorded.',
  },
  'workers.end': { vi: 'Ghi nhận nghỉ việc', en: 'Record leaving' },
  'workers.union.mark': { vi: 'Đánh dấu là đoàn viên', en: 'Mark as union member' },
  'workers.union.unmark': { vi: 'Bỏ đánh dấu đoàn viên', en: 'Unmark union member' },
  'workers.created': { vi: 'Đã thêm người lao động.', en: 'Worker added.' },
  'workers.employmentAdded': {
    vi: 'Người lao động đã có trong hệ thống; đã thêm quá trình làm việc tại doanh nghiệp.',
    en: 'This person was already known; their employment at the enterprise was added.',
  },
  'workers.employmentEnded': { vi: 'Đã ghi nhận ngày nghỉ việc.', en: 'Leaving date recorded.' },
  'workers.cccdTaken': {
    vi: 'Số CCCD này đã được đăng ký với họ tên hoặc ngày sinh khác. Vui lòng kiểm tra lại.',
    en: 'This citizen ID is registered with another name or date of birth. Please check it.',
  },
  'workers.alreadyOnRoster': {
    vi: 'Người lao động này đã có trong danh sách của doanh nghiệp.',
    en: 'This person is already on the enterprise’s roster.',
  },

  'workers.code.issue': { vi: 'Cấp mã kích hoạt', en: 'Issue an activation code' },
  'workers.code.reissue': { vi: 'Cấp lại mã kích hoạt', en: 'Issue a new activation code' },
  'workers.code.reissueHint': {
    vi: 'Cấp lại mã dùng khi người lao động quên mật khẩu; mã cũ chưa dùng sẽ hết hiệu lực.',
    en: 'A new code resets a forgotten password; an unused earlier code stops working.',
  },
  'workers.code.title': { vi: 'Mã kích hoạt tài khoản', en: 'Account activation code' },
  'workers.code.once': {
    vi: 'Mã chỉ hiển thị một lần. Hãy ghi lại và trao tận tay người lao động.',
    en: 'The code is shown only once. Write it down and hand it to the worker in person.',
  },
  'workers.code.howTo': {
    vi: 'Người lao động vào trang {url}, nhập số CCCD của mình và mã này, rồi tự đặt mật khẩu.',
    en: 'The worker opens {url}, enters their citizen ID and this code, and chooses a password.',
  },
  'workers.code.username': { vi: 'Tên đăng nhập', en: 'User name' },
  'workers.code.code': { vi: 'Mã kích hoạt', en: 'Activation code' },
  'workers.code.expires': { vi: 'Hạn dùng đến', en: 'Valid until' },
  'workers.code.sheet': { vi: 'Mã kích hoạt', en: 'Activation codes' },
  'workers.code.notCurrent': {
    vi: 'Chỉ cấp mã cho người lao động đang làm việc tại doanh nghiệp bạn phụ trách.',
    en: 'Codes can only be issued to people currently working at an enterprise you look after.',
  },
  'workers.code.disabled': {
    vi: 'Tài khoản của người lao động này đã bị khóa.',
    en: 'This worker’s account is disabled.',
  },

  'roster.title': { vi: 'Nhập danh sách người lao động', en: 'Import a roster' },
  'roster.intro': {
    vi: 'Tải lên tệp Excel (.xlsx) hoặc CSV (UTF-8) theo mẫu. Dòng hợp lệ được lưu, dòng có lỗi được liệt kê để sửa. Nhập lại cùng một tệp không làm thay đổi dữ liệu.',
    en: 'Upload an Excel (.xlsx) or CSV (UTF-8) file laid out like the template. Valid rows are saved and rows with errors are listed. Importing the same file again changes nothing.',
  },
  'roster.template': { vi: 'Tải tệp mẫu (.xlsx)', en: 'Download the template (.xlsx)' },
  'roster.file': { vi: 'Tệp danh sách', en: 'Roster file' },
  'roster.fileHint': {
    vi: 'Tệp .xlsx hoặc .csv, tối đa {max} MB.',
    en: 'An .xlsx or .csv file, at most {max} MB.',
  },
  'roster.submit': { vi: 'Tải lên và nhập', en: 'Upload and import' },
  'roster.queued': {
    vi: 'Đã nhận tệp. Hệ thống đang nhập dữ liệu…',
    en: 'File received. Importing…',
  },
  'roster.reload': { vi: 'Tải lại trang', en: 'Reload' },
  'roster.history': { vi: 'Các lần nhập danh sách', en: 'Roster imports' },
  'roster.uploadedAt': { vi: 'Thời gian tải lên', en: 'Uploaded' },
  'roster.fileName': { vi: 'Tệp', en: 'File' },
  'roster.status': { vi: 'Trạng thái', en: 'Status' },
  'roster.status.QUEUED': { vi: 'Đang chờ', en: 'Queued' },
  'roster.status.RUNNING': { vi: 'Đang nhập', en: 'Importing' },
  'roster.status.COMPLETED': { vi: 'Hoàn thành', en: 'Completed' },
  'roster.status.FAILED': { vi: 'Không nhập được', en: 'Failed' },
  'roster.result': { vi: 'Kết quả nhập danh sách', en: 'Import result' },
  'roster.rows': { vi: 'Số dòng đã đọc', en: 'Rows read' },
  'roster.created': { vi: 'Thêm mới', en: 'Created' },
  'roster.updated': { vi: 'Cập nhật', en: 'Updated' },
  'roster.unchanged': { vi: 'Không thay đổi', en: 'Unchanged' },
  'roster.errorRows': { vi: 'Dòng có lỗi', en: 'Rows with errors' },
  'roster.done': { vi: 'Đã nhập xong.', en: 'Import finished.' },
  'roster.nothingChanged': {
    vi: 'Không có thay đổi nào: mọi dòng hợp lệ đều khớp với dữ liệu đang lưu.',
    en: 'Nothing changed: every valid row matches what is stored.',
  },
  'roster.failed': {
    vi: 'Không nhập được tệp này. Xem lý do bên dưới, sửa tệp rồi tải lên lại.',
    en: 'This file could not be imported. See why below, fix the file and upload it again.',
  },
  'roster.errors.title': { vi: 'Lỗi theo từng dòng', en: 'Errors by row' },
  'roster.errors.row': { vi: 'Dòng', en: 'Row' },
  'roster.errors.column': { vi: 'Cột', en: 'Column' },
  'roster.errors.reason': { vi: 'Lỗi', en: 'Problem' },
  'roster.errors.none': { vi: 'Không có dòng nào bị lỗi.', en: 'No row has errors.' },
  'roster.errors.download': { vi: 'Tải danh sách lỗi (.xlsx)', en: 'Download the errors (.xlsx)' },
  'roster.codes.title': { vi: 'Cấp mã kích hoạt hàng loạt', en: 'Activation codes for everyone' },
  'roster.codes.intro': {
    vi: 'Cấp mã cho mọi người lao động của lần nhập này chưa có tài khoản đang hoạt động, rồi tải về tệp Excel để in và phát tận tay. Mã cấp trước đó mà chưa dùng sẽ hết hiệu lực.',
    en: 'Issue codes to every worker of this import without an active account and download them as an Excel sheet to print and hand out. Unused earlier codes stop working.',
  },
  'roster.codes.submit': { vi: 'Cấp mã và tải về (.xlsx)', en: 'Issue codes and download (.xlsx)' },
  'roster.codes.notCompleted': {
    vi: 'Chỉ cấp mã khi lần nhập đã hoàn thành.',
    en: 'Codes can be issued once the import has completed.',
  },

  'roster.upload.required': { vi: 'Vui lòng chọn tệp để tải lên.', en: 'Choose a file to upload.' },
  'roster.upload.tooLarge': {
    vi: 'Tệp quá lớn (tối đa {max} MB).',
    en: 'The file is too large (at most {max} MB).',
  },
  'roster.upload.invalid': {
    vi: 'Không nhận được tệp. Vui lòng chọn lại tệp và gửi lại.',
    en: 'The file did not arrive. Choose it again and resend.',
  },
  'roster.upload.bomb': {
    vi: 'Tệp Excel này khi giải nén lớn bất thường (hơn 256 MB), có thể là "bom nén", nên không được nhận. Hãy lưu lại danh sách thành tệp .xlsx mới.',
    en: 'This Excel file unzips to an abnormal size (over 256 MB) and may be a "zip bomb", so it is not accepted. Save the list as a new .xlsx file.',
  },
  'roster.upload.empty': { vi: 'Tệp rỗng, không có dữ liệu.', en: 'The file is empty.' },
  'roster.upload.xls': {
    vi: 'Tệp Excel 97–2003 (.xls) không được hỗ trợ. Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx.',
    en: 'Excel 97–2003 files (.xls) are not supported. Open the file in Excel and save it as .xlsx.',
  },
  'roster.upload.type': {
    vi: 'Chỉ nhận tệp Excel (.xlsx) hoặc CSV.',
    en: 'Only Excel (.xlsx) or CSV files are accepted.',
  },
  'roster.upload.notUtf8': {
    vi: 'Tệp CSV phải được lưu với bảng mã UTF-8. Trong Excel, chọn Lưu dưới dạng → "CSV UTF-8".',
    en: 'CSV files must be saved as UTF-8. In Excel, choose Save As → "CSV UTF-8".',
  },
  'roster.upload.enterpriseOutOfScope': {
    vi: 'Doanh nghiệp này không thuộc phạm vi bạn phụ trách.',
    en: 'This enterprise is outside your scope.',
  },

  'roster.error.required': { vi: 'Chưa nhập {column}', en: '{column} is missing' },
  'roster.error.tooLong': {
    vi: '{column} dài quá {max} ký tự',
    en: '{column} is longer than {max} characters',
  },
  'roster.error.date': {
    vi: '{column} không đúng định dạng dd/mm/yyyy',
    en: '{column} is not a date in dd/mm/yyyy form',
  },
  'roster.error.gender': {
    vi: 'Giới tính phải là Nam, Nữ hoặc Khác',
    en: 'Gender must be Nam, Nữ or Khác (male, female, other)',
  },
  'roster.error.cccd': { vi: 'Số CCCD không hợp lệ', en: 'The citizen ID is not valid' },
  'roster.error.cccdBirth': {
    vi: 'Số CCCD không khớp với năm sinh',
    en: 'The citizen ID does not match the year of birth',
  },
  'roster.error.cccdGender': {
    vi: 'Giới tính không khớp với số CCCD',
    en: 'The gender does not match the citizen ID',
  },
  'roster.error.duplicate': { vi: 'Trùng CCCD với dòng {row}', en: 'Same citizen ID as row {row}' },
  'roster.error.phone': {
    vi: 'Số điện thoại không hợp lệ (10 chữ số, bắt đầu bằng 0)',
    en: 'The phone number is not valid (10 digits starting with 0)',
  },
  'roster.error.email': { vi: 'Email không hợp lệ', en: 'The email address is not valid' },
  'roster.error.tooYoung': {
    vi: 'Người lao động phải đủ {age} tuổi tại ngày vào làm',
    en: 'The worker must be at least {age} on the start date',
  },
  'roster.error.endBeforeStart': {
    vi: 'Ngày nghỉ việc phải sau ngày vào làm',
    en: 'The end date must follow the start date',
  },
  'roster.error.unionMember': {
    vi: 'Đoàn viên công đoàn phải ghi Có hoặc Không',
    en: 'Union member must be Có or Không (yes or no)',
  },
  'roster.error.missingColumn': {
    vi: 'Thiếu cột bắt buộc "{column}"',
    en: 'The required column "{column}" is missing',
  },
  'roster.error.noHeader': {
    vi: 'Không tìm thấy dòng tiêu đề (Họ và tên, Ngày sinh, Số CCCD…) trong 10 dòng đầu. Hãy dùng tệp mẫu.',
    en: 'No header row (Họ và tên, Ngày sinh, Số CCCD…) in the first 10 rows. Please use the template.',
  },
  'roster.error.noRows': { vi: 'Tệp không có dòng dữ liệu nào.', en: 'The file has no data rows.' },
  'roster.error.unreadableXlsx': {
    vi: 'Không đọc được tệp Excel; tệp có thể bị hỏng. Hãy mở bằng Excel và lưu lại.',
    en: 'The Excel file cannot be read; it may be damaged. Open it in Excel and save it again.',
  },
  'roster.error.internal': {
    vi: 'Hệ thống gặp sự cố khi nhập tệp này. Các dòng đã lưu vẫn giữ nguyên; hãy tải tệp lên lại, nếu vẫn lỗi hãy báo quản trị viên.',
    en: 'The system ran into a problem importing this file. Rows already saved are kept; upload the file again, or tell the administrator if it keeps failing.',
  },
  'roster.error.unreadableCsv': {
    vi: 'Tệp CSV sai định dạng gần dòng {row}.',
    en: 'The CSV file is malformed near row {row}.',
  },
});
