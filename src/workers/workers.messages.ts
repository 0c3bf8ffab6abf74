import { defineMessages } from '../common/i18n/messages';

export const workersMessages = defineMessages({
  'nav.workers': { vi: 'Người lao động', en: 'Workers' },
  'nav.rosterImports': { vi: 'Nhập danh sách', en: 'Roster imports' },
});
