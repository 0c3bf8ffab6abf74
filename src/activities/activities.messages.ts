import { defineMessages } from '../common/i18n/messages';

export const activitiesMessages = defineMessages({
  'nav.activities': { vi: 'Hoạt động học tập', en: 'Learning activities' },
});
