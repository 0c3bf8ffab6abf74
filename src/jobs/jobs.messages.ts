import { defineMessages } from '../common/i18n/messages';

export const jobsMessages = defineMessages({
  'nav.jobs': { vi: 'Công việc nền', en: 'Background jobs' },
  'jobs.title': { vi: 'Công việc chạy nền', en: 'Background jobs' },
  'jobs.bullBoard': { vi: 'Bảng điều khiển hàng đợi (Bull)', en: 'Queue dashboard (Bull)' },
  'jobs.name': { vi: 'Công việc', en: 'Job' },
  'jobs.status': { vi: 'Trạng thái', en: 'Status' },
  'jobs.progress': { vi: 'Tiến độ', en: 'Progress' },
  'jobs.created': { vi: 'Tạo lúc', en: 'Created' },
  'jobs.finished': { vi: 'Xong lúc', en: 'Finished' },
  'jobs.error': { vi: 'Lỗi', en: 'Error' },
  'jobs.status.QUEUED': { vi: 'Đang chờ', en: 'Queued' },
  'jobs.status.RUNNING': { vi: 'Đang chạy', en: 'Running' },
  'jobs.status.RETRYING': { vi: 'Chờ chạy lại', en: 'Retrying' },
  'jobs.status.COMPLETED': { vi: 'Hoàn thành', en: 'Completed' },
  'jobs.status.FAILED': { vi: 'Thất bại', en: 'Failed' },
  'jobs.noWorker': {
    vi: 'Chưa có tiến trình xử lý nào đang chạy: công việc đang chờ sẽ chỉ bắt đầu khi tiến trình xử lý (npm run worker) được khởi động. Hãy báo quản trị hệ thống.',
    en: 'No worker process is running: waiting jobs start only once a worker (npm run worker) is started. Please tell the system administrator.',
  },
  'jobs.waiting': { vi: 'Đang xử lý, vui lòng chờ…', en: 'Working, please wait…' },
});
