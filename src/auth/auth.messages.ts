import { defineMessages } from '../common/i18n/messages';

export const authMessages = defineMessages({
  'auth.login.title': { vi: 'Đăng nhập', en: 'Sign in' },
  'auth.login.username': { vi: 'Tên đăng nhập hoặc số CCCD', en: 'User name or citizen ID (CCCD)' },
  'auth.login.password': { vi: 'Mật khẩu', en: 'Password' },
  'auth.login.submit': { vi: 'Đăng nhập', en: 'Sign in' },
  'auth.login.firstTime': {
    vi: 'Lần đầu đăng nhập? Dùng mã kích hoạt do cán bộ công đoàn cấp.',
    en: 'First time? Use the activation code from your union officer.',
  },
  'auth.invalid': {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'The user name or password is not correct.',
  },
  'auth.locked': {
    vi: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút.',
    en: 'Too many failed attempts. Please try again in {minutes} minutes.',
  },
  'auth.welcome': { vi: 'Đăng nhập thành công.', en: 'Signed in.' },
  'auth.activate.title': { vi: 'Kích hoạt tài khoản', en: 'Activate your account' },
  'auth.activate.intro': {
    vi: 'Nhập số CCCD (hoặc tên đăng nhập), mã kích hoạt một lần (hoặc mã đặt lại mật khẩu do quản trị viên cấp) và đặt mật khẩu mới.',
    en: 'Enter your citizen ID (or user name), the one-time code (or the reset code from an administrator), and choose a password.',
  },
  'auth.activate.code': { vi: 'Mã kích hoạt', en: 'Activation code' },
  'auth.activate.submit': { vi: 'Kích hoạt và đăng nhập', en: 'Activate and sign in' },
  'auth.activated': { vi: 'Tài khoản đã được kích hoạt.', en: 'Your account is active.' },
  'auth.activationInvalid': {
    vi: 'Mã kích hoạt không đúng hoặc đã hết hạn. Hãy xin cán bộ công đoàn cấp mã mới.',
    en: 'The code is wrong or has expired. Ask your union officer for a new one.',
  },
  'auth.code.accountActivated': {
    vi: 'Tài khoản này đã được kích hoạt nên không thể cấp mã kích hoạt mới. Chỉ chính người dùng, hoặc quản trị Liên đoàn Lao động tỉnh hay quản trị hệ thống (đặt lại mật khẩu, có ghi lý do), mới thay đổi được mật khẩu.',
    en: 'This account has been activated, so no new activation code can be issued. Only its owner, or the federation or system admin (a password reset, with the reason on record), can change its password.',
  },
  'auth.account.workerActive': {
    vi: 'Tài khoản của người lao động này đang hoạt động. Chỉ chính người lao động, hoặc quản trị Liên đoàn Lao động tỉnh, mới đổi được mật khẩu; cán bộ công đoàn không cấp lại mã kích hoạt cho tài khoản đã kích hoạt.',
    en: 'This worker’s account is active. Only the worker, or the federation admin, can change its password; a union officer cannot issue a new activation code for an activated account.',
  },
  'auth.password.title': { vi: 'Đổi mật khẩu', en: 'Change password' },
  'auth.password.current': { vi: 'Mật khẩu hiện tại', en: 'Current password' },
  'auth.password.new': { vi: 'Mật khẩu mới (ít nhất 8 ký tự)', en: 'New password (at least 8 characters)' },
  'validation.password.short': {
    vi: 'Mật khẩu cần ít nhất 8 ký tự. Một câu tiếng Việt có dấu vừa dễ nhớ vừa khó đoán.',
    en: 'A password needs at least 8 characters. A Vietnamese sentence is easy to remember and hard to guess.',
  },
  'validation.password.common': {
    vi: 'Mật khẩu này nằm trong danh sách mật khẩu phổ biến mà kẻ gian thử đầu tiên. Hãy chọn một câu dài chỉ bạn nghĩ ra.',
    en: 'This password is on the list of common passwords that attackers try first. Choose a long sentence only you would think of.',
  },
  'validation.password.simple': {
    vi: 'Mật khẩu lặp lại hoặc theo thứ tự (như aaaaaaaa, 12345678, abcdefgh) rất dễ đoán. Hãy chọn một câu dài.',
    en: 'A password that repeats or runs in order (like aaaaaaaa, 12345678, abcdefgh) is easy to guess. Choose a long sentence.',
  },
  'validation.password.personal': {
    vi: 'Mật khẩu không được dựa trên tên đăng nhập, họ tên, số CCCD của bạn hay tên hệ thống. Hãy chọn một câu dài khác.',
    en: 'The password must not be built on your user name, your name, your CCCD or the name of this site. Choose another long sentence.',
  },
  'auth.password.confirm': { vi: 'Nhập lại mật khẩu mới', en: 'Repeat the new password' },
  'auth.password.hint': {
    vi: 'Có thể dùng cả câu tiếng Việt có dấu làm mật khẩu. Không dùng mật khẩu phổ biến (như 12345678, matkhau) hay tên, số CCCD của mình.',
    en: 'A whole Vietnamese sentence, with diacritics, makes a good password. Common passwords (like 12345678) and your own name or CCCD are refused.',
  },
  'auth.passwordMismatch': { vi: 'Hai mật khẩu không giống nhau.', en: 'The two passwords differ.' },
  'auth.currentPasswordWrong': {
    vi: 'Mật khẩu hiện tại không đúng.',
    en: 'The current password is not correct.',
  },
  'auth.passwordChanged': {
    vi: 'Đã đổi mật khẩu. Các phiên đăng nhập khác đã bị đăng xuất.',
    en: 'Password changed. Your other sessions were signed out.',
  },
  'auth.signOutEverywhere': { vi: 'Đăng xuất khỏi mọi thiết bị', en: 'Sign out everywhere' },
  'tokens.title': { vi: 'Khóa API cá nhân', en: 'Personal API tokens' },
  'tokens.intro': {
    vi: 'Khóa API cho phép hệ thống khác gọi /api/v1 thay mặt bạn, với đúng quyền của bạn. Gửi kèm tiêu đề: Authorization: Bearer <khóa>.',
    en: 'A token lets another system call /api/v1 on your behalf, with your permissions. Send it as: Authorization: Bearer <token>.',
  },
  'tokens.name': { vi: 'Tên gợi nhớ', en: 'Name' },
  'tokens.expiresInDays': {
    vi: 'Hết hạn sau (ngày, để trống nếu không hết hạn)',
    en: 'Expires after (days, blank for never)',
  },
  'tokens.create': { vi: 'Tạo khóa mới', en: 'Create token' },
  'tokens.created': {
    vi: 'Khóa mới "{name}" — hãy sao chép ngay, khóa sẽ không được hiển thị lại:',
    en: 'New token "{name}" — copy it now, it will not be shown again:',
  },
  'tokens.prefix': { vi: 'Bắt đầu bằng', en: 'Starts with' },
  'tokens.lastUsed': { vi: 'Dùng lần cuối', en: 'Last used' },
  'tokens.expires': { vi: 'Hết hạn', en: 'Expires' },
  'tokens.status': { vi: 'Trạng thái', en: 'Status' },
  'tokens.active': { vi: 'Đang dùng', en: 'Active' },
  'tokens.revokedState': { vi: 'Đã thu hồi', en: 'Revoked' },
  'tokens.revoke': { vi: 'Thu hồi', en: 'Revoke' },
  'tokens.revoked': { vi: 'Đã thu hồi khóa.', en: 'Token revoked.' },
});
