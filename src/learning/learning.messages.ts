import { defineMessages } from '../common/i18n/messages';

export const learningMessages = defineMessages({
  'nav.learn': { vi: 'Góc học tập', en: 'My learning' },
  'nav.courses': { vi: 'Khóa học', en: 'Courses' },
  'nav.history': { vi: 'Quá trình học tập', en: 'Learning history' },
});
