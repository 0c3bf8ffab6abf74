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
  'privacy.export.section.assignments': { vi: 'Khóa học được giao', en: 'Assigned courses' },
});
