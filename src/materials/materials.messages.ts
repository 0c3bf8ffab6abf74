import { defineMessages } from '../common/i18n/messages';

export const materialsMessages = defineMessages({
  'nav.materials': { vi: 'Học liệu mở', en: 'Open materials' },
  'nav.catalogMaterials': { vi: 'Quản lý học liệu', en: 'Manage materials' },
});
