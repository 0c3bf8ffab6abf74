import { defineMessages } from '../common/i18n/messages';

export const learningRecordsMessages = defineMessages({
  'nav.learningRecords': { vi: 'Hồ sơ học tập', en: 'Learning records' },
  'nav.externalRecords': { vi: 'Kết quả học tập gửi về', en: 'Reported results' },
  'nav.partnerships': { vi: 'Liên kết cơ sở đào tạo', en: 'Training partners' },
  'domain.LAW': { vi: 'Chính trị, pháp luật', en: 'Politics and law' },
  'domain.VOCATIONAL': { vi: 'Kỹ năng nghề nghiệp', en: 'Vocational skills' },
  'domain.LIFE_SKILLS': { vi: 'Kỹ năng sống', en: 'Life skills' },
  'domain.DIGITAL': { vi: 'Công nghệ thông tin, công nghệ số', en: 'IT and digital technology' },
  'source.COURSE': { vi: 'Khóa học trực tuyến', en: 'Online course' },
  'source.SESSION': { vi: 'Hoạt động trực tiếp', en: 'In-person activity' },
  'source.EXTERNAL': { vi: 'Cơ sở đào tạo gửi về', en: 'Reported by an institution' },
  'source.CONTEST': { vi: 'Phong trào, hội thi', en: 'Movement or contest' },
  'source.TRAINING': {
    vi: 'Tập huấn trực tiếp (trước khi dùng hoctap)',
    en: 'In-person training (before hoctap)',
  },
  'source.BOOK_LOG': { vi: 'Đọc sách (công đoàn xác nhận)', en: 'Book read (confirmed by the union)' },

  // --- history imports of learning ------------------------------------------------------------
  'history.error.domain': {
    vi: '"{domain}" không phải lĩnh vực. Ghi một hoặc nhiều trong: Chính trị, pháp luật; Kỹ năng nghề nghiệp; Kỹ năng sống; Công nghệ thông tin, công nghệ số.',
    en: '"{domain}" is no domain. Write one or more of: Politics and law; Vocational skills; Life skills; IT and digital technology.',
  },
  'history.trainings.title': {
    vi: 'Tập huấn trực tiếp các năm trước',
    en: 'In-person trainings of past years',
  },
  'history.trainings.intro': {
    vi: 'Danh sách dự các lớp tập huấn, tuyên truyền trực tiếp đã tổ chức trước khi dùng hoctap: mỗi dòng một người dự một lớp (ngày, chủ đề, lĩnh vực, số giờ, đơn vị tổ chức). Mỗi người dự được ghi một kết quả học tập vào ngày của lớp.',
    en: 'Attendance lists of in-person trainings held before hoctap: one attendee of one training per row (day, topic, domains, hours, organiser). Each attendee gets a learning record on the training day.',
  },
  'history.trainings.noHeader': {
    vi: 'Không tìm thấy dòng tiêu đề (Ngày tập huấn, Chủ đề, Lĩnh vực, Số giờ, Đơn vị tổ chức, Số CCCD, Họ và tên, Ngày sinh) trong 10 dòng đầu. Hãy dùng tệp mẫu.',
    en: 'No header row (date, topic, domains, hours, organiser, CCCD, name, date of birth) in the first 10 rows. Use the template.',
  },
  'history.trainings.otherHours': {
    vi: 'Cùng lớp với dòng {row} nhưng ghi số giờ khác.',
    en: 'The same training as row {row}, with other hours.',
  },
  'history.trainings.otherDomains': {
    vi: 'Cùng lớp với dòng {row} nhưng ghi lĩnh vực khác.',
    en: 'The same training as row {row}, with other domains.',
  },
  'history.trainings.storedOther': {
    vi: 'Lớp này đã được nhập trước đây với số giờ hoặc lĩnh vực khác ({hours} giờ); dòng không được nhập.',
    en: 'This training was imported before with other hours or domains ({hours} h); the row is not imported.',
  },
  'history.results.title': { vi: 'Kết quả học tập các năm trước', en: 'Results of past years' },
  'history.results.intro': {
    vi: 'Kết quả học tập do các cơ sở đào tạo báo cáo cho các năm trước, kể cả của người lao động đã nghỉ việc: mỗi dòng một kết quả (khóa học, ngày hoàn thành, số giờ, lĩnh vực).',
    en: 'Results institutions reported for past years, including for workers who have left since: one result per row (course, completion date, hours, domains).',
  },
  'history.results.noHeader': {
    vi: 'Không tìm thấy dòng tiêu đề (Cơ sở đào tạo, Số CCCD, Họ và tên, Ngày sinh, Tên khóa học, Ngày hoàn thành, Số giờ, Lĩnh vực) trong 10 dòng đầu. Hãy dùng tệp mẫu.',
    en: 'No header row (institution, CCCD, name, date of birth, course, completion date, hours, domains) in the first 10 rows. Use the template.',
  },
  'history.results.institutionUnknown': {
    vi: 'Không có cơ sở đào tạo tên "{name}" trong danh mục. Hãy ghi đúng tên như trong danh mục cơ sở đào tạo.',
    en: 'No training institution is named "{name}". Write the name as the institutions list has it.',
  },
  'history.results.conflict': {
    vi: 'Kết quả mã {id} đã được nhập với nội dung khác; dòng không được nhập.',
    en: 'Result {id} was imported before with other content; the row is not imported.',
  },

  'records.intro': {
    vi: 'Mọi kết quả học tập của người lao động bạn phụ trách: khóa học trực tuyến đã hoàn thành, hoạt động trực tiếp đã tham dự và kết quả do cơ sở đào tạo gửi về.',
    en: 'Every learning result of the workers you look after: online courses completed, in-person activities attended and results reported by training institutions.',
  },
  'records.search': { vi: 'Tìm theo tên người lao động', en: 'Search by worker name' },
  'records.allDomains': { vi: 'Mọi lĩnh vực', en: 'All domains' },
  'records.allSources': { vi: 'Mọi nguồn', en: 'All sources' },
  'records.allYears': { vi: 'Mọi năm', en: 'All years' },
  'records.none': { vi: 'Chưa có kết quả học tập nào phù hợp.', en: 'No matching learning records.' },
  'records.field.occurredOn': { vi: 'Ngày', en: 'Date' },
  'records.field.title': { vi: 'Nội dung học tập', en: 'Learning' },
  'records.field.domains': { vi: 'Lĩnh vực', en: 'Domains' },
  'records.field.hours': { vi: 'Số giờ', en: 'Hours' },
  'records.field.source': { vi: 'Nguồn', en: 'Source' },
  'records.field.year': { vi: 'Năm', en: 'Year' },

  'external.intro': {
    vi: 'Kết quả học tập mà hệ thống của cơ sở đào tạo gửi về qua API, cho người lao động của các doanh nghiệp liên kết.',
    en: 'Results your institution’s system reported through the API, for workers of partner enterprises.',
  },
  'external.search': {
    vi: 'Tìm theo tên, nội dung hoặc mã kết quả',
    en: 'Search by name, title or result id',
  },
  'external.none': { vi: 'Chưa có kết quả nào được gửi về.', en: 'No results reported yet.' },
  'external.partners': { vi: 'Doanh nghiệp liên kết', en: 'Partner enterprises' },
  'external.noPartners': {
    vi: 'Chưa có doanh nghiệp nào liên kết. Công đoàn cơ sở của doanh nghiệp (hoặc Liên đoàn Lao động tỉnh) thêm liên kết tại trang "Liên kết cơ sở đào tạo".',
    en: 'No partner enterprise yet. An enterprise’s union (or the provincial federation) adds the link on its "Training partners" page.',
  },
  'external.apiTitle': { vi: 'Gửi kết quả qua API', en: 'Reporting through the API' },
  'external.apiHint': {
    vi: 'Tạo mã truy cập API tại Tài khoản → Mã truy cập API, rồi gửi từng kết quả bằng POST tới địa chỉ dưới đây (xem tài liệu tại /api/docs). Gửi lại cùng mã kết quả (externalId) không tạo bản ghi mới.',
    en: 'Create an API token under Account → API tokens, then POST each result to the address below (see /api/docs). Posting the same externalId again adds nothing.',
  },
  'external.field.externalId': { vi: 'Mã kết quả', en: 'Result id' },
  'external.field.title': { vi: 'Nội dung', en: 'Title' },
  'external.field.programme': { vi: 'Chương trình', en: 'Programme' },
  'external.field.certificateNo': { vi: 'Số chứng chỉ', en: 'Certificate no.' },
  'external.field.completedOn': { vi: 'Ngày hoàn thành', en: 'Completed on' },
  'external.field.institution': { vi: 'Cơ sở đào tạo', en: 'Institution' },
  'external.field.reportedAt': { vi: 'Thời điểm gửi về', en: 'Reported at' },
  'external.error.unknownDomain': {
    vi: 'Lĩnh vực không hợp lệ: "{domain}". Các mã hợp lệ: {known}.',
    en: 'Unknown domain: "{domain}". Valid codes: {known}.',
  },
  'external.error.future': {
    vi: 'Ngày hoàn thành không được sau ngày hôm nay.',
    en: 'The completion date cannot be in the future.',
  },
  'external.error.conflict': {
    vi: 'Mã kết quả "{externalId}" đã được gửi trước đó với nội dung khác. Mỗi mã chỉ dùng cho một kết quả; nếu đây là kết quả khác, hãy dùng mã mới.',
    en: 'The externalId "{externalId}" was already sent with different content. Each id stands for one result; use a new id for a different result.',
  },
  'external.error.workerNotFound': {
    vi: 'Không tìm thấy người lao động này trong các doanh nghiệp liên kết với cơ sở đào tạo (kiểm tra số CCCD và ngày sinh).',
    en: 'Worker not found for this institution: no partner enterprise employs a person with this citizen ID and date of birth.',
  },
  'external.error.institution': {
    vi: 'Cần ghi rõ cơ sở đào tạo (institutionId) trong số các cơ sở bạn phụ trách.',
    en: 'Name the institution (institutionId), one of those you edit for.',
  },

  'partnerships.intro': {
    vi: 'Cơ sở đào tạo liên kết với doanh nghiệp được gửi kết quả học tập (chứng chỉ nghề, khóa học tại trường) của người lao động doanh nghiệp về hệ thống.',
    en: 'A training institution linked with an enterprise may report the learning results (vocational certificates, courses at the school) of the enterprise’s workers.',
  },
  'partnerships.institution': { vi: 'Cơ sở đào tạo', en: 'Training institution' },
  'partnerships.enterprise': { vi: 'Doanh nghiệp', en: 'Enterprise' },
  'partnerships.taxCode': { vi: 'Mã số thuế doanh nghiệp', en: 'Enterprise tax code' },
  'partnerships.since': { vi: 'Liên kết từ ngày', en: 'Linked since' },
  'partnerships.add': { vi: 'Thêm liên kết', en: 'Add a partner' },
  'partnerships.remove': { vi: 'Bỏ liên kết', en: 'Remove' },
  'partnerships.removeHint': {
    vi: 'Bỏ liên kết thì cơ sở đào tạo không gửi thêm được kết quả; kết quả đã gửi vẫn được giữ.',
    en: 'Once removed, the institution cannot report more results; results already reported stay.',
  },
  'partnerships.none': { vi: 'Chưa có liên kết nào.', en: 'No partners yet.' },
  'partnerships.created': { vi: 'Đã thêm liên kết.', en: 'Partner added.' },
  'partnerships.removed': { vi: 'Đã bỏ liên kết.', en: 'Partner removed.' },
  'partnerships.error.institution': { vi: 'Không tìm thấy cơ sở đào tạo này.', en: 'Institution not found.' },
  'partnerships.error.enterprise': {
    vi: 'Không tìm thấy doanh nghiệp này.',
    en: 'Enterprise not found.',
  },
  'partnerships.error.exists': {
    vi: 'Doanh nghiệp đã liên kết với cơ sở đào tạo này.',
    en: 'The enterprise is already linked with this institution.',
  },

  'validation.learningHours': {
    vi: 'Số giờ phải lớn hơn 0 và không quá 2000 (tối đa 2 chữ số thập phân).',
    en: 'Hours must be more than 0 and at most 2000 (at most 2 decimals).',
  },
  'validation.externalId': {
    vi: 'Mã kết quả chỉ gồm chữ, số và ký hiệu, không có khoảng trắng.',
    en: 'The result id may hold letters, digits and symbols, without spaces.',
  },
  'validation.domainsRequired': {
    vi: 'Cần ít nhất một lĩnh vực (mảng mã lĩnh vực).',
    en: 'At least one domain is needed (an array of domain codes).',
  },
});
