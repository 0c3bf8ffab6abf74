import { defineMessages } from '../common/i18n/messages';

export const reportsMessages = defineMessages({
  'nav.reports': { vi: 'Báo cáo năm', en: 'Annual reports' },
  'nav.reviews': { vi: 'Sơ kết, tổng kết', en: 'Reviews' },
});
