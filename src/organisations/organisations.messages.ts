import { defineMessages } from '../common/i18n/messages';

export const organisationsMessages = defineMessages({
  'nav.enterprises': { vi: 'Doanh nghiệp', en: 'Enterprises' },
  'nav.units': { vi: 'Đơn vị hành chính', en: 'Administrative units' },
  'nav.unions': { vi: 'Công đoàn cơ sở', en: 'Grassroots unions' },
  'nav.institutions': { vi: 'Cơ sở đào tạo', en: 'Training institutions' },
  'nav.branches': { vi: 'Chi hội khuyến học', en: 'Association branches' },
});
