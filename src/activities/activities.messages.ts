import { defineMessages } from '../common/i18n/messages';

export const activitiesMessages = defineMessages({
  'nav.activities': { vi: 'Hoạt động học tập', en: 'Learning activities' },

  'activities.intro': {
    vi: 'Các buổi tuyên truyền pháp luật, tập huấn, thi thợ giỏi, sự kiện đọc sách… do công đoàn cơ sở tổ chức. Mỗi lượt tham dự được ghi vào hồ sơ học tập của người lao động.',
    en: 'Law talks, trainings, skill contests, reading events… run by the grassroots union. Each attendance goes into the worker’s learning record.',
  },
  'activities.new': { vi: 'Thêm hoạt động', en: 'Add an activity' },
  'activities.newTitle': { vi: 'Thêm hoạt động học tập', en: 'New learning activity' },
  'activities.editTitle': { vi: 'Sửa hoạt động học tập', en: 'Edit learning activity' },
  'activities.created': { vi: 'Đã thêm hoạt động.', en: 'Activity added.' },
  'activities.search': { vi: 'Tìm theo tên hoạt động', en: 'Search by title' },
  'activities.allKinds': { vi: 'Mọi loại hoạt động', en: 'All kinds' },
  'activities.allYears': { vi: 'Mọi năm', en: 'All years' },
  'activities.year': { vi: 'Năm', en: 'Year' },
  'activities.none': { vi: 'Chưa có hoạt động nào phù hợp.', en: 'No matching activities.' },
  'activities.titleHint': {
    vi: 'Ví dụ: Tuyên truyền Bộ luật Lao động năm 2019',
    en: 'For example: Talk on the 2019 Labour Code',
  },
  'activities.domainsHint': {
    vi: 'Lĩnh vực được tính vào chỉ tiêu. Khi chọn loại hoạt động, hệ thống gợi ý lĩnh vực thường gặp; có thể thay đổi.',
    en: 'The domains this counts towards. Choosing a kind suggests its usual domains; change them if needed.',
  },
  'activities.timeHint': { vi: 'Giờ Việt Nam.', en: 'Vietnam time.' },
  'activities.hoursHint': {
    vi: 'Số giờ học ghi cho mỗi người tham dự, ví dụ 2 hoặc 1,5.',
    en: 'Learning hours credited to each attendee, e.g. 2 or 1.5.',
  },

  'activities.field.title': { vi: 'Tên hoạt động', en: 'Title' },
  'activities.field.kind': { vi: 'Loại hoạt động', en: 'Kind' },
  'activities.field.domains': { vi: 'Lĩnh vực', en: 'Domains' },
  'activities.field.startsAt': { vi: 'Bắt đầu', en: 'Starts' },
  'activities.field.endsAt': { vi: 'Kết thúc', en: 'Ends' },
  'activities.field.time': { vi: 'Thời gian', en: 'Time' },
  'activities.field.place': { vi: 'Địa điểm', en: 'Place' },
  'activities.field.organiser': { vi: 'Đơn vị tổ chức', en: 'Organiser' },
  'activities.field.hours': { vi: 'Số giờ', en: 'Hours' },
  'activities.field.attendees': { vi: 'Số người tham dự', en: 'Attendees' },
  'activities.field.enterprise': { vi: 'Doanh nghiệp', en: 'Enterprise' },
  'activities.field.description': { vi: 'Nội dung', en: 'Description' },

  'activities.kind.LAW_TALK': {
    vi: 'Tuyên truyền, phổ biến pháp luật',
    en: 'Law dissemination talk',
  },
  'activities.kind.SKILLS_TRAINING': { vi: 'Tập huấn kỹ năng', en: 'Skills training' },
  'activities.kind.SKILL_CONTEST': { vi: 'Thi thợ giỏi', en: 'Skilled-worker contest' },
  'activities.kind.LIFELONG_LEARNING_WEEK': {
    vi: 'Tuần lễ hưởng ứng học tập suốt đời',
    en: 'Lifelong Learning Week',
  },
  'activities.kind.READING_DAY': {
    vi: 'Ngày Sách và Văn hóa đọc Việt Nam (21/4)',
    en: 'Vietnam Book and Reading Culture Day (21 April)',
  },
  'activities.kind.READING_CLUB': { vi: 'Câu lạc bộ đọc sách', en: 'Reading club' },
  'activities.kind.OTHER': { vi: 'Hoạt động khác', en: 'Other activity' },

  'activities.method.ROSTER': { vi: 'Chọn từ danh sách', en: 'Picked from the roster' },
  'activities.method.IMPORT': { vi: 'Nhập từ tệp', en: 'Imported from a file' },
  'activities.method.QR': { vi: 'Tự điểm danh bằng mã QR', en: 'Checked in by QR code' },
  'activities.method.API': { vi: 'Gửi qua API', en: 'Sent through the API' },

  'activities.attendance.title': { vi: 'Danh sách tham dự', en: 'Attendance' },
  'activities.attendance.count': { vi: 'Số người tham dự: {count}', en: 'Attendees: {count}' },
  'activities.attendance.pick': { vi: 'Chọn từ danh sách người lao động', en: 'Pick from the roster' },
  'activities.attendance.import': { vi: 'Nhập từ tệp Excel/CSV', en: 'Import from Excel/CSV' },
  'activities.attendance.method': { vi: 'Cách ghi nhận', en: 'Recorded by' },
  'activities.attendance.recordedAt': { vi: 'Thời điểm ghi nhận', en: 'Recorded at' },
  'activities.attendance.remove': { vi: 'Xóa', en: 'Remove' },
  'activities.attendance.removeOne': {
    vi: 'Xóa {name} khỏi danh sách tham dự',
    en: 'Remove {name} from the attendance',
  },
  'activities.attendance.none': { vi: 'Chưa có ai được ghi nhận tham dự.', en: 'Nobody is recorded yet.' },
  'activities.attendance.added': {
    vi: 'Đã ghi nhận {added} người tham dự ({already} người đã có trong danh sách).',
    en: 'Recorded {added} attendees ({already} were already on the list).',
  },
  'activities.attendance.removed': {
    vi: 'Đã xóa người này khỏi danh sách tham dự và khỏi hồ sơ học tập.',
    en: 'Removed from the attendance and from the learning record.',
  },

  'activities.qr.title': { vi: 'Điểm danh bằng mã QR', en: 'Check-in by QR code' },
  'activities.qr.intro': {
    vi: 'Người lao động dùng điện thoại quét mã, đăng nhập và bấm "Tôi có mặt".',
    en: 'Workers scan the code with their phone, sign in and press "I am here".',
  },
  'activities.qr.window': {
    vi: 'Nhận điểm danh từ {from} đến {to}.',
    en: 'Check-in is open from {from} to {to}.',
  },
  'activities.qr.alt': { vi: 'Mã QR điểm danh của buổi học', en: 'The session’s check-in QR code' },
  'activities.qr.fullScreen': { vi: 'Mở mã QR cỡ lớn', en: 'Show the QR code large' },
  'activities.qr.regenerate': { vi: 'Tạo mã QR mới', en: 'New QR code' },
  'activities.qr.regenerateHint': {
    vi: 'Tạo mã mới nếu ảnh mã QR bị chia sẻ ra ngoài buổi học; mã cũ sẽ không dùng được nữa.',
    en: 'Make a new code if a picture of this one was shared outside the session; the old code stops working.',
  },
  'activities.qr.regenerated': {
    vi: 'Đã tạo mã QR mới. Mã cũ không còn dùng được.',
    en: 'A new QR code was made. The old one no longer works.',
  },
  'activities.qr.scan': {
    vi: 'Quét mã bằng điện thoại để điểm danh',
    en: 'Scan the code with your phone to check in',
  },

  'activities.pick.title': { vi: 'Chọn người tham dự', en: 'Pick attendees' },
  'activities.pick.intro': {
    vi: 'Danh sách người lao động làm việc tại doanh nghiệp vào ngày {date}. Đánh dấu những người đã tham dự rồi bấm Lưu.',
    en: 'Workers employed at the enterprise on {date}. Tick those who attended and press Save.',
  },
  'activities.pick.search': { vi: 'Tìm theo họ tên', en: 'Search by name' },
  'activities.pick.already': { vi: 'đã ghi nhận', en: 'already recorded' },
  'activities.pick.submit': { vi: 'Lưu người tham dự đã chọn', en: 'Save the ticked attendees' },

  'activities.checkin.confirm': { vi: 'Tôi có mặt', en: 'I am here' },
  'activities.checkin.signIn': {
    vi: 'Đăng nhập để xác nhận có mặt tại buổi học bạn vừa quét mã QR. Đăng nhập xong, bạn sẽ quay lại trang điểm danh.',
    en: 'Sign in to confirm you are at the session whose QR code you scanned. You will then come back to the check-in page.',
  },
  'activities.checkin.hint': {
    vi: 'Bấm nút để ghi nhận bạn tham dự buổi học này.',
    en: 'Press the button to record that you attend this session.',
  },
  'activities.checkin.recorded': {
    vi: 'Đã ghi nhận bạn có mặt. Buổi học đã được thêm vào hồ sơ học tập của bạn.',
    en: 'You are recorded as present. The session is now in your learning record.',
  },
  'activities.checkin.already': {
    vi: 'Bạn đã được ghi nhận có mặt từ trước.',
    en: 'You were already recorded as present.',
  },
  'activities.checkin.done': {
    vi: 'Bạn đã được ghi nhận có mặt lúc {time}.',
    en: 'You were recorded as present at {time}.',
  },
  'activities.checkin.early': {
    vi: 'Chưa đến giờ điểm danh cho buổi học này.',
    en: 'Check-in for this session has not opened yet.',
  },
  'activities.checkin.opensAt': { vi: 'Điểm danh mở từ {time}.', en: 'It opens at {time}.' },
  'activities.checkin.closed': {
    vi: 'Buổi học đã kết thúc, không thể điểm danh nữa.',
    en: 'The session is over; check-in is closed.',
  },
  'activities.checkin.notEmployee': {
    vi: 'Bạn không thuộc doanh nghiệp tổ chức buổi học này nên không thể điểm danh.',
    en: 'You do not work at the enterprise that runs this session, so you cannot check in.',
  },
  'activities.checkin.notWorker': {
    vi: 'Chỉ tài khoản người lao động mới điểm danh được. Hãy đăng nhập bằng tài khoản của bạn.',
    en: 'Only a worker’s account can check in. Please sign in with your own account.',
  },

  'activities.error.endBeforeStart': {
    vi: 'Thời gian kết thúc phải sau thời gian bắt đầu.',
    en: 'The end must come after the start.',
  },
  'activities.error.tooLong': {
    vi: 'Một hoạt động kéo dài tối đa {days} ngày.',
    en: 'An activity lasts at most {days} days.',
  },
  'activities.error.domainsRequired': {
    vi: 'Chọn ít nhất một lĩnh vực.',
    en: 'Choose at least one domain.',
  },
  'activities.error.notOnRoster': {
    vi: 'Có người không làm việc tại doanh nghiệp vào ngày diễn ra hoạt động (mã: {ids}).',
    en: 'Some workers were not employed at the enterprise on the day of the activity (ids: {ids}).',
  },
  'activities.error.notStarted': {
    vi: 'Hoạt động chưa diễn ra; chỉ ghi nhận tham dự khi hoạt động đã bắt đầu.',
    en: 'The activity has not started yet; attendance is recorded once it has begun.',
  },

  'activities.import.title': { vi: 'Nhập danh sách tham dự từ tệp', en: 'Import attendance from a file' },
  'activities.import.intro': {
    vi: 'Tải lên tệp Excel (.xlsx) hoặc CSV (UTF-8) liệt kê những người có mặt, mỗi dòng một người, ghi số CCCD hoặc mã nhân viên (có thể kèm họ tên để đối chiếu). Chỉ nhận người làm việc tại doanh nghiệp vào ngày diễn ra hoạt động. Nhập lại cùng một tệp không làm thay đổi dữ liệu.',
    en: 'Upload an Excel (.xlsx) or CSV (UTF-8) file listing who attended, one person a row, by citizen ID or employee code (a name may be added as a check). Only people employed at the enterprise on the day count. Importing the same file again changes nothing.',
  },
  'activities.import.template': {
    vi: 'Tải tệp mẫu điểm danh (.xlsx)',
    en: 'Download the attendance template (.xlsx)',
  },
  'activities.import.file': { vi: 'Tệp danh sách tham dự', en: 'Attendance file' },
  'activities.import.queued': {
    vi: 'Đã nhận tệp. Hệ thống đang ghi nhận danh sách tham dự…',
    en: 'File received. Recording the attendance…',
  },
  'activities.import.history': { vi: 'Các lần nhập danh sách tham dự', en: 'Attendance imports' },
  'activities.import.result': { vi: 'Kết quả nhập danh sách tham dự', en: 'Attendance import result' },
  'activities.import.recorded': { vi: 'Ghi nhận mới', en: 'Recorded' },
  'activities.import.unchanged': { vi: 'Đã có từ trước', en: 'Already recorded' },
  'activities.import.nothingNew': {
    vi: 'Không có thay đổi nào: mọi người trong tệp đều đã được ghi nhận từ trước.',
    en: 'Nothing changed: everyone in the file was already recorded.',
  },
  'activities.import.error.identifierRequired': {
    vi: 'Cần ghi số CCCD hoặc mã nhân viên',
    en: 'A citizen ID or an employee code is needed',
  },
  'activities.import.error.cccdNotFound': {
    vi: 'Không có người lao động nào với số CCCD này làm việc tại doanh nghiệp vào ngày diễn ra hoạt động',
    en: 'Nobody with this citizen ID worked at the enterprise on the day of the activity',
  },
  'activities.import.error.codeNotFound': {
    vi: 'Không có người lao động nào với mã nhân viên này làm việc tại doanh nghiệp vào ngày diễn ra hoạt động',
    en: 'Nobody with this employee code worked at the enterprise on the day of the activity',
  },
  'activities.import.error.codeAmbiguous': {
    vi: 'Mã nhân viên này trùng với nhiều người; hãy ghi thêm số CCCD',
    en: 'Several people have this employee code; add the citizen ID',
  },
  'activities.import.error.mismatch': {
    vi: 'Số CCCD và mã nhân viên không phải của cùng một người',
    en: 'The citizen ID and the employee code belong to different people',
  },
  'activities.import.error.nameMismatch': {
    vi: 'Họ và tên không khớp với người lao động có số CCCD hoặc mã nhân viên này',
    en: 'The name does not match the worker with this citizen ID or employee code',
  },
  'activities.import.error.duplicate': {
    vi: 'Trùng người với dòng {row}',
    en: 'Same person as row {row}',
  },
  'activities.import.error.noHeader': {
    vi: 'Không tìm thấy dòng tiêu đề có cột "Số CCCD" hoặc "Mã nhân viên" trong 10 dòng đầu. Hãy dùng tệp mẫu.',
    en: 'No header row with a "Số CCCD" or "Mã nhân viên" column in the first 10 rows. Please use the template.',
  },
  'activities.import.error.sessionGone': {
    vi: 'Hoạt động của tệp này không còn tồn tại.',
    en: 'The activity of this file no longer exists.',
  },

  'validation.dateTime': {
    vi: 'Thời gian không hợp lệ (ngày và giờ, ví dụ 21/04/2025 08:00).',
    en: 'Not a valid date and time (e.g. 21/04/2025 08:00).',
  },
  'validation.pickWorkers': {
    vi: 'Chọn ít nhất một người lao động.',
    en: 'Choose at least one worker.',
  },
});
