import { defineMessages } from '../common/i18n/messages';

/** The history pages' own texts; each kind's name and rules are its domain's. */
export const historyMessages = defineMessages({
  'nav.historyImports': { vi: 'Dữ liệu lịch sử', en: 'History imports' },
  'history.none': {
    vi: 'Tài khoản của bạn không nhập được loại dữ liệu lịch sử nào. Danh hiệu của các năm trước do Hội Khuyến học cấp tỉnh hoặc Liên đoàn Lao động tỉnh nhập.',
    en: 'Your account may import no kind of history. Past titles are imported by the province branch of the association or the provincial labour federation.',
  },
  'history.title': { vi: 'Nhập dữ liệu lịch sử 2023–2025', en: 'Bring in 2023–2025 history' },
  'history.intro': {
    vi: 'Kế hoạch bắt đầu từ 01/01/2023. Danh sách công dân học tập, danh sách dự các lớp tập huấn trực tiếp và kết quả học tập do cơ sở đào tạo báo cáo của những năm trước khi dùng hoctap được nhập tại đây. Mỗi tệp được chạy thử trước: hệ thống kiểm tra từng dòng và cho biết sẽ thêm, cập nhật bao nhiêu, dòng nào lỗi, mà chưa lưu gì. Xem kết quả rồi bấm "Áp dụng". Nhập lại cùng một tệp không làm thay đổi dữ liệu. Số liệu cuối năm của các năm đã qua được tính lại sau khi áp dụng.',
    en: 'The plan started on 01/01/2023. Lists of learning citizens, attendance lists of in-person trainings and results reported by institutions for the years before hoctap are brought in here. Each file is first a dry run: every row is checked and you see what would be added or updated and which rows have errors, with nothing saved. Read it, then press "Apply". Importing the same file again changes nothing. The year-end figures of past years are computed again after applying.',
  },
  'history.people': {
    vi: 'Người trong tệp phải có sẵn trong hoctap (nhập qua danh sách người lao động, kể cả quá trình làm việc đã kết thúc). Dòng có CCCD chưa có, hoặc họ tên, ngày sinh khác với hồ sơ, được báo lỗi và không được nhập.',
    en: 'The people in a file must already be in hoctap (through the roster import, including ended employments). A row whose CCCD is unknown, or whose name or date of birth differs from the record, is reported and not imported.',
  },
  'history.workbook.heading': {
    vi: 'Tải lên cả sổ dữ liệu lịch sử',
    en: 'Upload the whole history workbook',
  },
  'history.workbook.intro': {
    vi: 'Một tệp Excel có các trang tính theo mẫu sổ: Công dân học tập, Tập huấn trực tiếp, Kết quả học tập. Mỗi trang tính được nhận ra theo dòng tiêu đề và chạy thử riêng; có thể chỉ có một hoặc hai trang.',
    en: 'One Excel file with the sheets of the workbook template: learning citizens, in-person trainings, results. Each sheet is recognised by its header row and dry-run on its own; one or two sheets are fine.',
  },
  'history.workbook.template': { vi: 'Tải mẫu sổ (.xlsx)', en: 'Download the workbook template (.xlsx)' },
  'history.workbook.file': { vi: 'Sổ dữ liệu lịch sử (.xlsx)', en: 'History workbook (.xlsx)' },
  'history.workbook.queued': {
    vi: 'Đã nhận sổ: {count} trang tính đang được chạy thử, chưa lưu dữ liệu nào. Mở từng lần chạy thử để xem kết quả và áp dụng.',
    en: 'Workbook received: {count} sheets are being dry-run; nothing is saved yet. Open each dry run to read it and apply it.',
  },
  'history.workbook.nothing': {
    vi: 'Không nhận ra trang tính nào của sổ: cần dòng tiêu đề như trong mẫu sổ (ví dụ "Số CCCD, Họ và tên, Ngày sinh, Năm công nhận…") trong 10 dòng đầu của trang tính.',
    en: 'No sheet of the workbook was recognised: a sheet needs a header row as in the template (e.g. "CCCD, name, date of birth, year…") in its first 10 rows.',
  },
  'history.open': { vi: 'Mở trang nhập', en: 'Open' },
  'history.latest': { vi: 'Lần nhập gần đây', en: 'Recent runs' },
  'history.runs': { vi: 'Các lần nhập', en: 'Runs' },
  'history.template': { vi: 'Tải tệp mẫu (.xlsx)', en: 'Download the template (.xlsx)' },
  'history.file': { vi: 'Tệp dữ liệu lịch sử', en: 'History file' },
  'history.submit': { vi: 'Tải lên và chạy thử', en: 'Upload and do a dry run' },
  'history.queued': {
    vi: 'Đã nhận tệp. Hệ thống đang chạy thử, chưa lưu dữ liệu nào.',
    en: 'File received. The dry run is checking it; nothing is saved yet.',
  },
  'history.mode': { vi: 'Loại', en: 'Mode' },
  'history.mode.dryRun': { vi: 'Chạy thử', en: 'Dry run' },
  'history.mode.apply': { vi: 'Áp dụng', en: 'Applied' },
  'history.dryRun.heading': { vi: 'Kết quả chạy thử', en: 'Dry run result' },
  'history.apply.heading': { vi: 'Kết quả áp dụng', en: 'Result of applying' },
  'history.dryRun.note': {
    vi: 'Đây là lần chạy thử: các con số cho biết nếu áp dụng thì sẽ thêm, cập nhật bao nhiêu dòng. Chưa có dữ liệu nào được lưu.',
    en: 'This is a dry run: the counts say what applying would add or update. Nothing has been saved.',
  },
  'history.apply.button': { vi: 'Áp dụng', en: 'Apply' },
  'history.apply.explain': {
    vi: 'Áp dụng sẽ nhập các dòng hợp lệ của tệp này; các dòng lỗi được bỏ qua và báo lại. Có thể sửa tệp rồi tải lên lại bất cứ lúc nào: dòng đã nhập không bị nhập hai lần.',
    en: 'Applying imports the valid rows of this file; rows with errors are skipped and reported again. You can correct the file and upload it again at any time: a row already imported is not imported twice.',
  },
  'history.apply.done': { vi: 'Tệp này đã được áp dụng:', en: 'This file was applied:' },
  'history.apply.see': { vi: 'xem lần áp dụng', en: 'see the run that applied it' },
  'history.apply.from': { vi: 'Áp dụng từ lần chạy thử', en: 'Applies the dry run' },
  'history.apply.fileGone': {
    vi: 'Tệp đã được xoá theo quy định lưu giữ nên không áp dụng được nữa. Hãy tải lên lại.',
    en: 'The file was deleted under the retention rule, so it can no longer be applied. Upload it again.',
  },
});
