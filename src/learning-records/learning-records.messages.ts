import { defineMessages } from '../common/i18n/messages';

export const learningRecordsMessages = defineMessages({
  'nav.learningRecords': { vi: 'Hồ sơ học tập', en: 'Learning records' },
  'nav.externalRecords': { vi: 'Kết quả học tập gửi về', en: 'Reported results' },
  'domain.LAW': { vi: 'Chính trị, pháp luật', en: 'Politics and law' },
  'domain.VOCATIONAL': { vi: 'Kỹ năng nghề nghiệp', en: 'Vocational skills' },
  'domain.LIFE_SKILLS': { vi: 'Kỹ năng sống', en: 'Life skills' },
  'domain.DIGITAL': { vi: 'Công nghệ thông tin, công nghệ số', en: 'IT and digital technology' },
  'source.COURSE': { vi: 'Khóa học trực tuyến', en: 'Online course' },
  'source.SESSION': { vi: 'Hoạt động trực tiếp', en: 'In-person activity' },
  'source.EXTERNAL': { vi: 'Cơ sở đào tạo gửi về', en: 'Reported by an institution' },
});
