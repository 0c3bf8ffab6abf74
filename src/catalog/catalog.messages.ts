import { defineMessages } from '../common/i18n/messages';

export const catalogMessages = defineMessages({
  'nav.catalogCourses': { vi: 'Quản lý khóa học', en: 'Manage courses' },
});
