import { defineMessages } from '../common/i18n/messages';

export const homeMessages = defineMessages({
  'home.title': { vi: 'Trang chủ', en: 'Home' },
  'home.hero': {
    vi: 'Học mọi lúc, mọi nơi — ngay trên điện thoại của bạn.',
    en: 'Learn any time, anywhere — right on your phone.',
  },
  'home.intro': {
    vi: 'Nền tảng học tập suốt đời cho công nhân lao động tại các doanh nghiệp, thực hiện Chương trình theo Quyết định số 1268/QĐ-TTg của Thủ tướng Chính phủ.',
    en: 'A lifelong-learning platform for workers at enterprises, carrying out the programme of the Prime Minister’s Decision 1268/QĐ-TTg.',
  },
  'home.domains': { vi: 'Bốn lĩnh vực học tập', en: 'Four learning domains' },
  'home.signedInAs': { vi: 'Xin chào, {name}!', en: 'Hello, {name}!' },
  'home.yourPages': { vi: 'Việc của bạn', en: 'Your pages' },
  // The button below says where ("Góc học tập"); the sentence says what is there, not the name again.
  'home.learnCorner': {
    vi: 'Các khóa học đang học, tiến độ và giấy chứng nhận của bạn:',
    en: 'Your courses in progress, your progress and your certificates:',
  },
  'home.continueCourse': { vi: 'Đang học: {title}', en: 'In progress: {title}' },
});
