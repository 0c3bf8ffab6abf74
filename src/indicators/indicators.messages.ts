import { defineMessages } from '../common/i18n/messages';

export const indicatorsMessages = defineMessages({
  'nav.dashboard': { vi: 'Chỉ tiêu Kế hoạch', en: 'Plan indicators' },
  'nav.plans': { vi: 'Kế hoạch và chỉ tiêu', en: 'Plans and targets' },
});
