import { defineMessages } from '../../common/i18n/messages';

export const supportMessages = defineMessages({
  'nav.support': { vi: 'Hỗ trợ học tập của doanh nghiệp', en: 'Enterprises’ support' },
  'support.title': { vi: 'Doanh nghiệp hỗ trợ học tập', en: 'Enterprises’ support to learning' },
  'support.intro': {
    vi: 'Mỗi năm, công đoàn cơ sở khai báo kinh phí doanh nghiệp cam kết và đã chi cho học tập của người lao động, số giờ học được hưởng lương, điều khoản về học tập trong thỏa ước lao động tập thể và số sách, tài liệu đã cấp. Liên đoàn và các sở xem tổng hợp theo xã, phường và toàn tỉnh.',
    en: 'Each year the grassroots union declares the funds the enterprise committed and spent on its workers’ learning, the paid study hours, the collective labour agreement’s learning clause and the books and materials supplied. The federation and departments see totals by commune and for the province.',
  },
  'support.declareTitle': {
    vi: 'Khai báo năm {year} — {enterprise}',
    en: 'Declaration for {year} — {enterprise}',
  },
  'support.declaredBefore': {
    vi: 'Đã có khai báo cho năm này; lưu lại sẽ thay khai báo cũ.',
    en: 'A declaration exists for this year; saving replaces it.',
  },
  'support.notDeclared': { vi: 'Chưa khai báo cho năm này.', en: 'Not declared for this year yet.' },
  'support.saved': { vi: 'Đã lưu khai báo hỗ trợ học tập.', en: 'Support declaration saved.' },
  'support.clauseRequired': {
    vi: 'Hãy nhập nội dung điều khoản về học tập trong thỏa ước.',
    en: 'Enter the agreement’s clause on learning.',
  },
  'support.field.year': { vi: 'Năm', en: 'Year' },
  'support.field.enterprise': { vi: 'Doanh nghiệp', en: 'Enterprise' },
  'support.field.fundsCommitted': { vi: 'Kinh phí cam kết (đồng)', en: 'Funds committed (VND)' },
  'support.field.fundsSpent': { vi: 'Kinh phí đã chi (đồng)', en: 'Funds spent (VND)' },
  'support.field.paidStudyHours': { vi: 'Số giờ học được hưởng lương', en: 'Paid study hours granted' },
  'support.field.agreement': { vi: 'Thỏa ước lao động tập thể', en: 'Collective labour agreement' },
  'support.field.agreementHasLearning': {
    vi: 'Thỏa ước có điều khoản về học tập của người lao động',
    en: 'The agreement has provisions on workers’ learning',
  },
  'support.field.agreementClause': { vi: 'Nội dung điều khoản', en: 'The clause' },
  'support.field.materialsSupplied': {
    vi: 'Sách, tài liệu đã cấp (bản)',
    en: 'Books and materials supplied (copies)',
  },
  'support.hint.vnd': { vi: 'Số nguyên, đơn vị đồng, không dấu chấm.', en: 'Whole VND, without separators.' },
  'support.hint.clause': {
    vi: 'Chép nguyên văn điều khoản (bắt buộc khi thỏa ước có điều khoản về học tập).',
    en: 'Copy the clause as written (required when the agreement has one).',
  },
  'support.hint.materials': {
    vi: 'Sách, tờ rơi, áp phích đã đưa đến người lao động trong năm.',
    en: 'Books, leaflets and posters brought to workers in the year.',
  },
  'support.totalsTitle': { vi: 'Tổng hợp theo địa bàn', en: 'Totals by territory' },
  'support.totalsCaption': {
    vi: 'Hỗ trợ học tập của doanh nghiệp năm {year}, theo xã, phường',
    en: 'Enterprises’ support to learning in {year}, by commune',
  },
  'support.totalRow': { vi: 'Tổng cộng', en: 'Total' },
  'support.rowsTitle': { vi: 'Theo doanh nghiệp', en: 'By enterprise' },
  'support.rowsCaption': {
    vi: 'Khai báo của từng doanh nghiệp năm {year}',
    en: 'Each enterprise’s declaration for {year}',
  },
  'support.noClause': { vi: 'Không có', en: 'None' },
  'support.col.commune': { vi: 'Xã, phường', en: 'Commune' },
  'support.col.enterprises': { vi: 'Số doanh nghiệp khai báo', en: 'Enterprises declaring' },
  'support.col.fundsCommitted': { vi: 'Kinh phí cam kết (đồng)', en: 'Funds committed (VND)' },
  'support.col.fundsSpent': { vi: 'Kinh phí đã chi (đồng)', en: 'Funds spent (VND)' },
  'support.col.paidStudyHours': { vi: 'Giờ học hưởng lương', en: 'Paid study hours' },
  'support.col.withAgreement': {
    vi: 'Doanh nghiệp có điều khoản học tập trong thỏa ước',
    en: 'Enterprises with a learning clause',
  },
  'support.col.clause': { vi: 'Điều khoản học tập trong thỏa ước', en: 'Learning clause' },
  'support.col.materialsSupplied': { vi: 'Sách, tài liệu đã cấp', en: 'Materials supplied' },
  'support.report.title': { vi: 'Doanh nghiệp hỗ trợ học tập', en: 'Enterprises’ support to learning' },
  'support.report.note': {
    vi: 'Theo khai báo của công đoàn cơ sở cho năm báo cáo.',
    en: 'As declared by the grassroots unions for the year.',
  },
  'support.report.caption': {
    vi: 'Kinh phí, giờ học, thỏa ước và tài liệu theo xã, phường',
    en: 'Funds, study hours, agreements and materials by commune',
  },
});
