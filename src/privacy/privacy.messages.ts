import { defineMessages } from '../common/i18n/messages';

export const privacyMessages = defineMessages({
  'nav.privacy': { vi: 'Dữ liệu cá nhân', en: 'Personal data' },
  'nav.privacyRequests': { vi: 'Yêu cầu về dữ liệu cá nhân', en: 'Personal data requests' },

  // --- notice and consent ----------------------------------------------------------------------
  'privacy.notice.version': {
    vi: 'Phiên bản {version}, áp dụng từ {date}',
    en: 'Version {version}, in force from {date}',
  },
  'privacy.consent.intro': {
    vi: 'Trước khi dùng hệ thống, xin bạn đọc thông báo dưới đây và cho biết bạn có đồng ý không.',
    en: 'Before you use the system, please read the notice below and tell us whether you agree.',
  },
  'privacy.consent.changed': {
    vi: 'Nội dung thông báo đã thay đổi kể từ lần bạn đồng ý trước. Xin đọc lại.',
    en: 'The notice has changed since you last agreed. Please read it again.',
  },
  'privacy.consent.agree': {
    vi: 'Tôi đã đọc và đồng ý với thông báo về xử lý dữ liệu cá nhân',
    en: 'I have read and agree to the notice on handling my personal data',
  },
  'privacy.consent.submit': { vi: 'Tôi đồng ý', en: 'I agree' },
  'privacy.consent.decline': {
    vi: 'Nếu không đồng ý, bạn có thể đăng xuất.',
    en: 'If you do not agree, you may sign out.',
  },
  'privacy.consent.acceptedAt': {
    vi: 'Bạn đã đồng ý với phiên bản này lúc {at}.',
    en: 'You agreed to this version at {at}.',
  },
  'privacy.consent.thanks': {
    vi: 'Cảm ơn bạn. Đã ghi nhận sự đồng ý.',
    en: 'Thank you. Your consent is recorded.',
  },
  'privacy.consent.mustAgree': {
    vi: 'Xin đánh dấu ô "Tôi đã đọc và đồng ý" để tiếp tục.',
    en: 'Please tick "I have read and agree" to continue.',
  },
  'privacy.consent.newVersion': {
    vi: 'Thông báo vừa được cập nhật. Xin đọc bản mới bên dưới rồi đồng ý lại.',
    en: 'The notice has just been updated. Please read the new version below and agree again.',
  },
  'privacy.consent.apiRequired': {
    vi: 'Chủ tài khoản chưa đồng ý với thông báo xử lý dữ liệu cá nhân hiện hành. Hãy đăng nhập trên trang web, đọc và đồng ý tại /privacy/consent rồi gọi lại.',
    en: 'The account holder has not accepted the current personal data notice. Sign in on the website, read and accept it at /privacy/consent, then call again.',
  },
  'privacy.notice.readFull': { vi: 'Đọc thông báo về dữ liệu cá nhân', en: 'Read the personal data notice' },

  // --- the person's page -----------------------------------------------------------------------
  'privacy.title': { vi: 'Dữ liệu cá nhân của bạn', en: 'Your personal data' },
  'privacy.intro': {
    vi: 'Bạn có quyền xem, tải về, yêu cầu sửa và yêu cầu xoá dữ liệu của mình. Mọi yêu cầu được trả lời trong vòng 15 ngày.',
    en: 'You may see, download, and ask us to correct or delete your data. Every request is answered within 15 days.',
  },
  'privacy.consents.title': { vi: 'Sự đồng ý của bạn', en: 'Your consent' },
  'privacy.consents.line': {
    vi: 'Phiên bản {version}: đồng ý lúc {at}',
    en: 'Version {version}: agreed at {at}',
  },
  'privacy.export.title': { vi: 'Tải về dữ liệu của bạn', en: 'Download your data' },
  'privacy.export.intro': {
    vi: 'Toàn bộ dữ liệu chúng tôi lưu về bạn: hồ sơ, nơi làm việc, việc học, điểm danh, hồ sơ Công dân học tập, thông báo, sự đồng ý và nhật ký xem số CCCD.',
    en: 'Everything we keep about you: profile, employment, learning, attendance, learning-citizen file, notices, consents and the CCCD access log.',
  },
  'privacy.export.json': { vi: 'Tải tệp JSON', en: 'Download JSON' },
  'privacy.export.xlsx': { vi: 'Tải tệp Excel', en: 'Download Excel' },
  'privacy.export.profile': { vi: 'Hồ sơ', en: 'Profile' },
  'privacy.export.field': { vi: 'Mục', en: 'Field' },
  'privacy.export.value': { vi: 'Giá trị', en: 'Value' },
  'privacy.export.exportedAt': { vi: 'Thời điểm tải', en: 'Exported at' },
  'privacy.export.timeZone': { vi: 'Múi giờ', en: 'Time zone' },
  'privacy.export.timeZoneValue': {
    vi: 'Ngày theo dạng ngày/tháng/năm; giờ là giờ Việt Nam (UTC+07:00)',
    en: 'Dates as day/month/year; times are Vietnam time (UTC+07:00)',
  },
  'privacy.export.none': { vi: '(không có dữ liệu)', en: '(no data)' },
  'privacy.export.section.employments': { vi: 'Nơi làm việc', en: 'Employments' },
  'privacy.export.section.learningRecords': { vi: 'Kết quả học tập', en: 'Learning records' },
  'privacy.export.section.learningSummary': { vi: 'Tổng hợp học tập', en: 'Learning summary' },
  'privacy.export.section.reportingBodies': {
    vi: 'Cơ quan báo cáo được phân công',
    en: 'Reporting bodies you report for',
  },
  'privacy.export.section.identityReconciliations': {
    vi: 'Yêu cầu đối chiếu danh tính',
    en: 'Identity reconciliation requests',
  },
  'privacy.export.section.learningYears': { vi: 'Tổng hợp theo năm', en: 'Learning by year' },
  'privacy.export.section.enrolments': { vi: 'Khoá học đã ghi danh', en: 'Enrolments' },
  'privacy.export.section.lessonProgress': { vi: 'Tiến độ bài học', en: 'Lesson progress' },
  'privacy.export.section.quizAttempts': { vi: 'Bài kiểm tra', en: 'Quiz attempts' },
  'privacy.export.section.courseCertificates': { vi: 'Chứng nhận khoá học', en: 'Course certificates' },
  'privacy.export.section.attendance': { vi: 'Điểm danh', en: 'Attendance' },
  'privacy.export.section.externalRecords': { vi: 'Kết quả từ cơ sở đào tạo', en: 'Institution results' },
  'privacy.export.section.citizenshipApplications': {
    vi: 'Hồ sơ Công dân học tập',
    en: 'Title applications',
  },
  'privacy.export.section.citizenshipPlanItems': { vi: 'Kế hoạch học tập', en: 'Learning plan' },
  'privacy.export.section.citizenshipAnswers': { vi: 'Tự đánh giá', en: 'Self-assessment' },
  'privacy.export.section.citizenshipEvaluations': { vi: 'Kết quả đánh giá', en: 'Evaluations' },
  'privacy.export.section.citizenshipEvaluationItems': { vi: 'Điểm từng tiêu chí', en: 'Evaluation items' },
  'privacy.export.section.citizenshipHistory': { vi: 'Lịch sử xét duyệt', en: 'Review history' },
  'privacy.export.section.certificates': { vi: 'Giấy chứng nhận CDHT', en: 'Title certificates' },
  'privacy.export.section.notices': { vi: 'Thông báo', en: 'Notices' },
  'privacy.export.section.roles': { vi: 'Vai trò', en: 'Roles' },
  'privacy.export.section.consents': { vi: 'Sự đồng ý', en: 'Consents' },
  'privacy.export.section.requests': { vi: 'Yêu cầu', en: 'Requests' },
  'privacy.export.section.accessLog': { vi: 'Nhật ký xem CCCD', en: 'CCCD access log' },

  'privacy.views.title': { vi: 'Ai đã xem số CCCD của bạn', en: 'Who saw your CCCD number' },
  'privacy.views.intro': {
    vi: 'Mỗi lần một người được phép xem đầy đủ số CCCD của bạn (trên trang hoặc trong tệp xuất), hệ thống ghi lại vai trò, đơn vị và thời điểm.',
    en: 'Each time someone allowed to do so sees your full CCCD number (on a page or in an export), the system records their role, organisation and when.',
  },
  'privacy.views.none': {
    vi: 'Chưa có ai xem đầy đủ số CCCD của bạn.',
    en: 'Nobody has seen your full CCCD number.',
  },
  'privacy.views.all': { vi: 'Xem toàn bộ danh sách', en: 'See the whole list' },
  'privacy.views.notWorker': {
    vi: 'Tài khoản của bạn không gắn với hồ sơ người lao động nào.',
    en: 'Your account is not linked to a worker record.',
  },
  'privacy.views.province': { vi: 'Liên đoàn Lao động tỉnh', en: 'Provincial Labour Federation' },
  'privacy.views.when': { vi: 'Thời điểm', en: 'When' },
  'privacy.views.role': { vi: 'Vai trò', en: 'Role' },
  'privacy.views.organisation': { vi: 'Đơn vị', en: 'Organisation' },
  'privacy.views.action': { vi: 'Hình thức', en: 'How' },
  'privacy.views.viewer': { vi: 'Người xem', en: 'Viewer' },
  'privacy.views.route': { vi: 'Đường dẫn', en: 'Route' },
  'privacy.views.reason': { vi: 'Lý do', en: 'Reason' },
  'privacy.action.REVEAL': { vi: 'Xem trên trang', en: 'Seen on a page' },
  'privacy.action.EXPORT': { vi: 'Trong tệp xuất danh sách', en: 'In a roster export' },

  // --- requests --------------------------------------------------------------------------------
  'privacy.request.title': { vi: 'Yêu cầu của bạn', en: 'Your requests' },
  'privacy.request.deletionTitle': { vi: 'Yêu cầu xoá dữ liệu', en: 'Ask for deletion' },
  'privacy.request.deletionIntro': {
    vi: 'Khi xoá, tên, ngày sinh, số CCCD, số điện thoại và thư điện tử của bạn được thay bằng ký hiệu ẩn danh, tài khoản bị khoá. Số giờ học chỉ còn trong số liệu thống kê, không gắn với bạn. Việc này không hoàn tác được.',
    en: 'On deletion your name, date of birth, CCCD, phone and email are replaced with anonymous placeholders and your account is closed. Your learning hours remain only in statistics, not linked to you. This cannot be undone.',
  },
  'privacy.request.reason': { vi: 'Lý do (không bắt buộc)', en: 'Reason (optional)' },
  'privacy.request.deletionSubmit': { vi: 'Gửi yêu cầu xoá', en: 'Ask for deletion' },
  'privacy.request.deletionOpen': {
    vi: 'Bạn đã có một yêu cầu xoá đang chờ xử lý.',
    en: 'You already have a deletion request waiting.',
  },
  'privacy.request.correctionTitle': { vi: 'Yêu cầu sửa dữ liệu', en: 'Ask for a correction' },
  'privacy.request.details': {
    vi: 'Dữ liệu nào sai và cần sửa thành gì',
    en: 'What is wrong and what it should be',
  },
  'privacy.request.correctionSubmit': { vi: 'Gửi yêu cầu sửa', en: 'Ask for correction' },
  'privacy.request.deletionFiled': {
    vi: 'Đã nhận yêu cầu xoá dữ liệu. Chúng tôi sẽ trả lời trong vòng 15 ngày.',
    en: 'Your deletion request is received. We will answer within 15 days.',
  },
  'privacy.request.correctionFiled': {
    vi: 'Đã nhận yêu cầu sửa dữ liệu. Chúng tôi sẽ trả lời trong vòng 15 ngày.',
    en: 'Your correction request is received. We will answer within 15 days.',
  },
  'privacy.request.correctionTooShort': {
    vi: 'Xin mô tả rõ hơn (ít nhất {min} ký tự).',
    en: 'Please describe it more fully (at least {min} characters).',
  },
  'privacy.request.closed': {
    vi: 'Yêu cầu này đã được xử lý.',
    en: 'This request has already been answered.',
  },
  'privacy.request.deleteByAnonymising': {
    vi: 'Yêu cầu xoá chỉ hoàn thành bằng nút "Ẩn danh hoá"; ở đây chỉ có thể từ chối kèm lý do.',
    en: 'A deletion request is done only with "Anonymise"; here it can only be refused with a reason.',
  },
  'privacy.request.none': { vi: 'Bạn chưa gửi yêu cầu nào.', en: 'You have not made any request.' },
  'privacy.request.kind': { vi: 'Loại', en: 'Kind' },
  'privacy.request.kind.DELETION': { vi: 'Xoá dữ liệu', en: 'Deletion' },
  'privacy.request.kind.CORRECTION': { vi: 'Sửa dữ liệu', en: 'Correction' },
  'privacy.request.status': { vi: 'Trạng thái', en: 'Status' },
  'privacy.request.status.OPEN': { vi: 'Đang chờ', en: 'Open' },
  'privacy.request.status.DONE': { vi: 'Đã xử lý', en: 'Done' },
  'privacy.request.status.REFUSED': { vi: 'Từ chối', en: 'Refused' },
  'privacy.request.requestedAt': { vi: 'Ngày gửi', en: 'Received' },
  'privacy.request.dueOn': { vi: 'Hạn trả lời', en: 'Answer by' },
  'privacy.request.outcome': { vi: 'Trả lời', en: 'Answer' },
  'privacy.request.overdue': { vi: 'Quá hạn', en: 'Overdue' },
  'privacy.request.daysLeft': { vi: 'còn {days} ngày', en: '{days} days left' },

  // --- federation admin ------------------------------------------------------------------------
  'privacy.admin.requests': { vi: 'Yêu cầu về dữ liệu cá nhân', en: 'Personal data requests' },
  'privacy.admin.intro': {
    vi: 'Mỗi yêu cầu phải được trả lời trước hạn (15 ngày kể từ ngày nhận, Nghị định 356/2025).',
    en: 'Each request must be answered by its due date (15 days from receipt, Decree 356/2025).',
  },
  'privacy.admin.open': { vi: 'Đang chờ', en: 'Open' },
  'privacy.admin.closed': { vi: 'Đã xử lý', en: 'Answered' },
  'privacy.admin.person': { vi: 'Người yêu cầu', en: 'Requested by' },
  'privacy.admin.anonymise': { vi: 'Ẩn danh hoá', en: 'Anonymise' },
  'privacy.admin.anonymiseHint': {
    vi: 'Thay tên, ngày sinh, CCCD, điện thoại, thư điện tử bằng ký hiệu ẩn danh và khoá tài khoản, trong một lần. Không hoàn tác được.',
    en: 'Replaces name, date of birth, CCCD, phone and email with placeholders and closes the account, all at once. Cannot be undone.',
  },
  'privacy.admin.outcome': { vi: 'Trả lời / lý do', en: 'Answer / reason' },
  'privacy.admin.markDone': { vi: 'Đã sửa xong', en: 'Corrected' },
  'privacy.admin.refuse': { vi: 'Từ chối', en: 'Refuse' },
  'privacy.admin.anonymised': {
    vi: 'Đã ẩn danh hoá dữ liệu và khoá tài khoản.',
    en: 'The data is anonymised and the account closed.',
  },
  'privacy.admin.answered': { vi: 'Đã trả lời yêu cầu.', en: 'The request is answered.' },
  'privacy.admin.accessLog': { vi: 'Nhật ký xem số CCCD', en: 'CCCD access log' },
  'privacy.admin.accessLogIntro': {
    vi: 'Ai đã xem đầy đủ số CCCD của một người lao động, trong khoảng ngày đã chọn.',
    en: "Who saw a worker's full CCCD number, between the chosen dates.",
  },
  'privacy.admin.workerId': {
    vi: 'Mã người lao động (số trong đường dẫn /workers/…)',
    en: 'Worker id (the number in /workers/…)',
  },
  'privacy.admin.byCccd': { vi: 'Hoặc tìm theo số CCCD', en: 'Or find by CCCD number' },
  'privacy.admin.from': { vi: 'Từ ngày', en: 'From' },
  'privacy.admin.to': { vi: 'Đến ngày', en: 'To' },
  'privacy.admin.show': { vi: 'Xem nhật ký', en: 'Show the log' },
  'privacy.admin.worker': { vi: 'Người lao động', en: 'Worker' },
  'privacy.admin.noSuchWorker': {
    vi: 'Không có người lao động nào với số CCCD này.',
    en: 'No worker has this CCCD number.',
  },
  'privacy.admin.entries': { vi: '{count} lần xem', en: '{count} views' },

  // --- uploaded import files -------------------------------------------------------------------
  'privacy.retention.deleted': {
    vi: 'Tệp tải lên (có số CCCD) đã được xoá lúc {at}. Kết quả nhập và báo cáo lỗi vẫn được giữ.',
    en: 'The uploaded file (it held CCCD numbers) was deleted at {at}. The results and error report stay.',
  },
  'privacy.retention.pending': {
    vi: 'Tệp tải lên có số CCCD nên sẽ được tự động xoá {days} ngày sau khi nhập xong.',
    en: 'The uploaded file holds CCCD numbers, so it is deleted automatically {days} days after the import finished.',
  },
  'privacy.retention.codesUnavailable': {
    vi: 'Tệp danh sách đã được xoá theo quy định bảo vệ dữ liệu cá nhân nên không lập được bảng mã kích hoạt theo tệp này. Hãy cấp mã cho từng người trên trang của họ.',
    en: 'The roster file was deleted under the personal data rules, so no code sheet can be made from it. Issue codes on each worker’s page instead.',
  },
});
