import { defineMessages } from '../common/i18n/messages';

export const usersMessages = defineMessages({
  'account.title': { vi: 'Tài khoản của tôi', en: 'My account' },
  'account.username': { vi: 'Tên đăng nhập', en: 'User name' },
  'account.displayName': { vi: 'Họ và tên', en: 'Full name' },
  'account.email': { vi: 'Email', en: 'Email' },
  'account.roles': { vi: 'Vai trò', en: 'Roles' },
  'account.lastLogin': { vi: 'Đăng nhập gần nhất', en: 'Last sign-in' },
  'account.security': { vi: 'Bảo mật', en: 'Security' },
  'role.WORKER': { vi: 'Người lao động', en: 'Worker' },
  'role.UNION_OFFICER': { vi: 'Cán bộ công đoàn cơ sở', en: 'Union officer' },
  'role.INSTITUTION_EDITOR': { vi: 'Biên tập viên cơ sở đào tạo', en: 'Institution editor' },
  'role.ASSOCIATION_REVIEWER': { vi: 'Cán bộ Hội Khuyến học', en: 'Association reviewer' },
  'role.FEDERATION_ADMIN': { vi: 'Quản trị Liên đoàn Lao động', en: 'Federation admin' },
  'role.DEPARTMENT_VIEWER': { vi: 'Cán bộ Sở, ngành (xem báo cáo)', en: 'Department viewer' },
  'role.SYSTEM_ADMIN': { vi: 'Quản trị hệ thống', en: 'System admin' },
  'scope.ALL': { vi: 'Toàn tỉnh', en: 'Whole province' },
  'scope.UNIT': { vi: 'Đơn vị hành chính', en: 'Administrative unit' },
  'scope.ENTERPRISE': { vi: 'Doanh nghiệp', en: 'Enterprise' },
  'scope.INSTITUTION': { vi: 'Cơ sở đào tạo', en: 'Training institution' },
  'scope.BRANCH': { vi: 'Chi hội khuyến học', en: 'Association branch' },
  'scope.SELF': { vi: 'Bản thân', en: 'Self' },
});
