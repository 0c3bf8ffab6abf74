import { defineMessages } from '../common/i18n/messages';

export const noticesMessages = defineMessages({
  'nav.notices': { vi: 'Thông báo', en: 'Notices' },
  'notices.none': { vi: 'Bạn chưa có thông báo nào.', en: 'You have no notices.' },
  'notices.unread': { vi: 'Chưa đọc', en: 'Unread' },
  'notices.read': { vi: 'Đã đọc', en: 'Read' },
  'notices.markRead': { vi: 'Đánh dấu đã đọc', en: 'Mark as read' },
  'notices.markAllRead': { vi: 'Đánh dấu tất cả là đã đọc', en: 'Mark all as read' },
  'notices.flash.allRead': { vi: 'Đã đánh dấu mọi thông báo là đã đọc.', en: 'All notices marked as read.' },
  'notices.unreadCount': { vi: '{count} thông báo chưa đọc', en: '{count} unread notices' },
  'notices.unreadSuffix': { vi: 'chưa đọc', en: 'unread' },
});
