import { defineMessages } from '../common/i18n/messages';

export const noticesMessages = defineMessages({
  'nav.notices': { vi: 'Thông báo', en: 'Notices' },
});
