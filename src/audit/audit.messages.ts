import { defineMessages } from '../common/i18n/messages';

export const auditMessages = defineMessages({
  'nav.audit': { vi: 'Nhật ký thay đổi', en: 'Audit trail' },
  'audit.title': { vi: 'Nhật ký thay đổi danh tính và tài khoản', en: 'Identity and account audit trail' },
  'audit.intro': {
    vi: 'Mọi thay đổi về danh tính người lao động, việc gia nhập doanh nghiệp mới, sửa quá trình làm việc, đặt lại mật khẩu, tạo quản trị hệ thống từ dòng lệnh và sửa đề cử khen thưởng, mô hình tốt sau khi gửi đều được ghi lại ở đây và không thể sửa hay xoá.',
    en: 'Every change to a worker’s identity, joining a new enterprise, corrected employments, password resets, system admins created from the command line and nominations or good models edited after submission are recorded here and cannot be edited or deleted.',
  },
  'audit.at': { vi: 'Thời điểm', en: 'When' },
  'audit.actor': { vi: 'Người thực hiện', en: 'By' },
  'audit.action': { vi: 'Việc', en: 'Step' },
  'audit.subject': { vi: 'Đối tượng', en: 'Subject' },
  'audit.details': { vi: 'Chi tiết', en: 'Details' },
  'audit.reason': { vi: 'Lý do', en: 'Reason' },
  'audit.system': { vi: 'Hệ thống', en: 'System' },
  'audit.allActions': { vi: 'Mọi việc', en: 'All steps' },
  'audit.action.worker.identity.changed': { vi: 'Sửa danh tính', en: 'Identity changed' },
  'audit.action.enterprise.commune.set': {
    vi: 'Đặt xã, phường của doanh nghiệp',
    en: 'Enterprise commune set',
  },
  'audit.action.worker.joined': { vi: 'Gia nhập doanh nghiệp mới', en: 'Joined an enterprise' },
  'audit.action.employment.corrected': { vi: 'Sửa quá trình làm việc', en: 'Employment corrected' },
  'audit.action.reconciliation.opened': { vi: 'Mở yêu cầu đối chiếu danh tính', en: 'Reconciliation opened' },
  'audit.action.reconciliation.accepted': {
    vi: 'Chấp nhận đối chiếu danh tính',
    en: 'Reconciliation accepted',
  },
  'audit.action.reconciliation.rejected': {
    vi: 'Từ chối đối chiếu danh tính',
    en: 'Reconciliation rejected',
  },
  'audit.action.user.password.reset': {
    vi: 'Quản trị viên đặt lại mật khẩu',
    en: 'Password reset by an administrator',
  },
  'audit.action.history.imported': {
    vi: 'Nhập dữ liệu lịch sử',
    en: 'History imported',
  },
  'audit.action.user.admin.created': {
    vi: 'Tạo quản trị hệ thống từ dòng lệnh',
    en: 'System admin created from the command line',
  },
  'audit.subject.worker': { vi: 'Người lao động #{id}', en: 'Worker #{id}' },
  'audit.subject.user': { vi: 'Tài khoản #{id}', en: 'Account #{id}' },
  'audit.subject.employment': { vi: 'Quá trình làm việc #{id}', en: 'Employment #{id}' },
  'audit.subject.enterprise': { vi: 'Doanh nghiệp #{id}', en: 'Enterprise #{id}' },
  'audit.subject.import': { vi: 'Lần nhập #{id}', en: 'Import #{id}' },
  'audit.subject.commendation': { vi: 'Đề cử khen thưởng #{id}', en: 'Nomination #{id}' },
  'audit.subject.good_model': { vi: 'Mô hình tốt #{id}', en: 'Good model #{id}' },
  'audit.action.commendation.edited': { vi: 'Sửa đề cử khen thưởng', en: 'Nomination edited' },
  'audit.action.commendation.evidence.added': {
    vi: 'Thêm tệp minh chứng của đề cử',
    en: 'Nomination evidence added',
  },
  'audit.action.commendation.evidence.removed': {
    vi: 'Gỡ tệp minh chứng của đề cử',
    en: 'Nomination evidence removed',
  },
  'audit.action.model.edited': { vi: 'Sửa mô hình tốt', en: 'Good model edited' },
  'audit.subject.reconciliation': { vi: 'Yêu cầu đối chiếu #{id}', en: 'Reconciliation #{id}' },
});
