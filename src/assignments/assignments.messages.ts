import { defineMessages } from '../common/i18n/messages';

export const assignmentsMessages = defineMessages({
  'nav.assignments': { vi: 'Giao khóa học', en: 'Course assignments' },

  'assignments.intro': {
    vi: 'Giao một khóa học trực tuyến cho người lao động của doanh nghiệp, kèm hạn hoàn thành. Người được giao thấy khóa học ở đầu trang Góc học tập và nhận thông báo nhắc trước hạn.',
    en: 'Give an online course to the enterprise’s workers with a due date. They see it at the top of My learning and get a reminder before it is due.',
  },
  'assignments.new': { vi: 'Giao khóa học', en: 'Assign a course' },
  'assignments.newTitle': { vi: 'Giao khóa học cho người lao động', en: 'Assign a course to workers' },
  'assignments.none': { vi: 'Chưa giao khóa học nào.', en: 'No course assigned yet.' },
  'assignments.created': {
    vi: 'Đã giao khóa học cho {added} người; {already} người đã được giao trước đó.',
    en: 'Assigned to {added} workers; {already} already had it.',
  },
  'assignments.added': {
    vi: 'Đã giao thêm cho {added} người; {already} người đã được giao trước đó.',
    en: 'Assigned to {added} more workers; {already} already had it.',
  },

  'assignments.field.course': { vi: 'Khóa học', en: 'Course' },
  'assignments.field.enterprise': { vi: 'Doanh nghiệp', en: 'Enterprise' },
  'assignments.field.dueOn': { vi: 'Hạn hoàn thành', en: 'Due date' },
  'assignments.field.remindDaysBefore': { vi: 'Nhắc trước hạn (số ngày)', en: 'Remind before (days)' },
  'assignments.field.wholeRoster': {
    vi: 'Giao cho cả danh sách (mọi người lao động đang làm việc tại doanh nghiệp hôm nay)',
    en: 'Assign to the whole roster (everyone employed at the enterprise today)',
  },
  'assignments.field.workers': { vi: 'Số người được giao', en: 'Workers assigned' },
  'assignments.field.createdAt': { vi: 'Ngày giao', en: 'Assigned on' },
  'assignments.courseHint': {
    vi: 'Chỉ các khóa học đã xuất bản.',
    en: 'Published courses only.',
  },
  'assignments.courseSearch': { vi: 'Tìm khóa học theo tên', en: 'Find a course by title' },
  'assignments.dueHint': { vi: 'Từ hôm nay trở đi.', en: 'Today or later.' },
  'assignments.remindHint': {
    vi: 'Người chưa hoàn thành nhận một thông báo nhắc trước hạn số ngày này (0 là nhắc đúng ngày hết hạn).',
    en: 'Workers not done get one reminder this many days before the due date (0: on the day).',
  },
  'assignments.pickAfter': {
    vi: 'Nếu không chọn cả danh sách, bạn chọn từng người ở bước tiếp theo.',
    en: 'Without the whole roster, you pick workers in the next step.',
  },

  'assignments.status.NOT_STARTED': { vi: 'Chưa bắt đầu', en: 'Not started' },
  'assignments.status.IN_PROGRESS': { vi: 'Đang học', en: 'In progress' },
  'assignments.status.DONE': { vi: 'Hoàn thành', en: 'Done' },
  'assignments.status.OVERDUE': { vi: 'Quá hạn', en: 'Overdue' },
  'assignments.status.all': { vi: 'Mọi trạng thái', en: 'All statuses' },
  'assignments.status': { vi: 'Trạng thái', en: 'Status' },
  'assignments.progress': { vi: 'Tiến độ (%)', en: 'Progress (%)' },
  'assignments.completedAt': { vi: 'Ngày hoàn thành', en: 'Completed on' },
  'assignments.progressTitle': { vi: 'Tiến độ theo người lao động', en: 'Progress per worker' },
  'assignments.noWorkers': { vi: 'Chưa giao cho ai.', en: 'Not assigned to anyone yet.' },
  'assignments.pick': { vi: 'Chọn người lao động', en: 'Pick workers' },
  'assignments.pick.title': { vi: 'Chọn người lao động được giao', en: 'Pick the workers to assign' },
  'assignments.pick.intro': {
    vi: 'Người lao động đang làm việc tại doanh nghiệp hôm nay. Người đã được giao khóa học này được đánh dấu sẵn.',
    en: 'Workers employed at the enterprise today. Those who already have this course are ticked.',
  },
  'assignments.pick.search': { vi: 'Tìm theo họ tên', en: 'Search by name' },
  'assignments.pick.already': { vi: 'đã được giao', en: 'already assigned' },
  'assignments.pick.submit': { vi: 'Giao cho người đã chọn', en: 'Assign to those ticked' },
  'assignments.wholeRoster': { vi: 'Giao cho cả danh sách', en: 'Assign to the whole roster' },
  'assignments.wholeRosterHint': {
    vi: 'Thêm mọi người lao động đang làm việc tại doanh nghiệp hôm nay; người đã được giao không bị giao lại.',
    en: 'Adds everyone employed at the enterprise today; those who already have it are not assigned again.',
  },

  'assignments.error.dueInPast': {
    vi: 'Hạn hoàn thành không được trước hôm nay.',
    en: 'The due date cannot be in the past.',
  },
  'assignments.error.courseNotPublished': {
    vi: 'Không tìm thấy khóa học đã xuất bản này.',
    en: 'No published course with this id.',
  },
  'assignments.error.enterpriseOutOfScope': {
    vi: 'Bạn không quản lý doanh nghiệp này.',
    en: 'You do not manage this enterprise.',
  },
  'assignments.error.notOnRoster': {
    vi: 'Không có trong danh sách người lao động đang làm việc tại doanh nghiệp: {ids}',
    en: 'Not employed at the enterprise today: {ids}',
  },

  'assignments.notice.assigned': {
    vi: 'Bạn được giao khóa học "{course}", hạn hoàn thành {date}.',
    en: 'You have been assigned the course "{course}", due {date}.',
  },
  'assignments.notice.reminder': {
    vi: 'Nhắc nhở: khóa học "{course}" cần hoàn thành trước hết ngày {date}.',
    en: 'Reminder: the course "{course}" is due by the end of {date}.',
  },
  'assignments.error.unitNotInForce': {
    vi: 'Hãy chọn một đơn vị hành chính đang có hiệu lực.',
    en: 'Choose an administrative unit in force today.',
  },
  'assignments.error.territoryDuplicate': {
    vi: 'Địa bàn này đã được giao khóa học này với cùng hạn hoàn thành.',
    en: 'This territory already has this course with the same due date.',
  },

  'territory.title': { vi: 'Giao khóa học theo địa bàn', en: 'Assignments to a territory' },
  'territory.intro': {
    vi: 'Liên đoàn giao một khóa học cho mọi người lao động đang làm việc tại các doanh nghiệp trong một địa bàn (tỉnh hoặc xã). Danh sách người được giao luôn tính theo nơi làm việc hiện tại: người mới vào làm tại doanh nghiệp trong địa bàn được giao ngay, người chuyển sang doanh nghiệp ngoài địa bàn không còn được tính.',
    en: 'The federation gives a course to every worker employed at enterprises in a territory (a province or a commune). Who holds it follows current employment: a worker who joins an enterprise in the territory holds it at once; one who moves to an enterprise outside is no longer counted.',
  },
  'territory.fromFederation': {
    vi: 'Liên đoàn giao theo địa bàn',
    en: 'Given by the federation to a territory',
  },
  'territory.readOnly': {
    vi: 'Khóa học do Liên đoàn giao: bạn xem được tiến độ của người lao động doanh nghiệp mình, không sửa được.',
    en: 'Given by the federation: you see your own workers’ progress and cannot change it.',
  },
  'territory.new': { vi: 'Giao khóa học theo địa bàn', en: 'Assign a course to a territory' },
  'territory.none': {
    vi: 'Chưa có khóa học nào được giao theo địa bàn.',
    en: 'No course assigned to a territory yet.',
  },
  'territory.field.unit': { vi: 'Địa bàn (đơn vị hành chính)', en: 'Territory (administrative unit)' },
  'territory.unitHint': {
    vi: 'Các đơn vị đang có hiệu lực hôm nay; chọn tỉnh để giao cho cả tỉnh.',
    en: 'Units in force today; choose the province to assign it to the whole province.',
  },
  'territory.created': {
    vi: 'Đã giao khóa học cho địa bàn; {workers} người lao động đang làm việc tại đây, {enrolled} người được ghi danh mới.',
    en: 'Assigned to the territory; {workers} workers are employed there, {enrolled} newly enrolled.',
  },
  'territory.removed': { vi: 'Đã thu hồi việc giao khóa học.', en: 'The assignment was withdrawn.' },
  'territory.remove': { vi: 'Thu hồi', en: 'Withdraw' },
  'territory.removeHint': {
    vi: 'Người lao động không còn thấy khóa học trong mục được giao; việc ghi danh và kết quả học tập vẫn giữ nguyên.',
    en: 'Workers no longer see it as assigned; their enrolments and results stay.',
  },
  'territory.byEnterprise': { vi: 'Tiến độ theo doanh nghiệp', en: 'Progress per enterprise' },
  'territory.noEnterprise': {
    vi: 'Không có người lao động nào đang làm việc tại doanh nghiệp trong địa bàn.',
    en: 'Nobody is employed at an enterprise in the territory.',
  },
  'territory.taxCode': { vi: 'Mã số thuế', en: 'Tax code' },
  'privacy.export.section.assignments': { vi: 'Khóa học được giao', en: 'Assigned courses' },
});
