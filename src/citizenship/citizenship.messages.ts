import { defineMessages } from '../common/i18n/messages';

export const citizenshipMessages = defineMessages({
  'nav.citizenship': { vi: 'Công dân học tập', en: 'Learning citizen' },
  'nav.citizenshipReview': { vi: 'Xác nhận Công dân học tập', en: 'Learning citizen review' },
  'nav.criteria': { vi: 'Bộ tiêu chí', en: 'Criteria sets' },
  'nav.citizenshipFunnel': { vi: 'Báo cáo Công dân học tập', en: 'Learning citizen report' },
});
