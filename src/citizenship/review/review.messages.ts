import { defineMessages } from '../../common/i18n/messages';

export const reviewMessages = defineMessages({
  // --- statuses and states --------------------------------------------------------------------
  'review.status.REGISTERED': { vi: 'Đã đăng ký', en: 'Registered' },
  'review.status.SUBMITTED': { vi: 'Chờ công đoàn xác nhận', en: 'Waiting for the union' },
  'review.status.RETURNED': { vi: 'Trả lại để bổ sung', en: 'Returned for changes' },
  'review.status.CONFIRMED': { vi: 'Công đoàn đã xác nhận', en: 'Confirmed by the union' },
  'review.status.RECOGNISED': { vi: 'Được công nhận', en: 'Recognised' },
  'review.status.REJECTED': { vi: 'Không được công nhận', en: 'Rejected' },
  'review.status.REVOKED': { vi: 'Đã thu hồi danh hiệu', en: 'Title revoked' },
  'review.answer.PENDING': { vi: 'Chờ xác nhận', en: 'Waiting' },
  'review.answer.CONFIRMED': { vi: 'Đã xác nhận', en: 'Confirmed' },
  'review.answer.RETURNED': { vi: 'Trả lại', en: 'Returned' },
  'review.item.MET': { vi: 'Đạt (theo dữ liệu học tập)', en: 'Met (learning data)' },
  'review.item.CONFIRMED': { vi: 'Đạt (công đoàn đã xác nhận)', en: 'Met (confirmed by the union)' },
  'review.item.DECLARED': { vi: 'Tự khai, chờ xác nhận', en: 'Declared, waiting' },
  'review.item.MISSING': { vi: 'Chưa đạt', en: 'Not met' },
  'review.eligible.yes': { vi: 'Đủ điều kiện', en: 'Eligible' },
  'review.eligible.no': { vi: 'Chưa đủ điều kiện', en: 'Not eligible' },
  'review.notEvaluated': { vi: 'Chưa được đánh giá', en: 'Not evaluated yet' },
  'review.points': { vi: 'Điểm: {points} (điểm chuẩn {pass})', en: 'Points: {points} (pass mark {pass})' },
  'review.reasons': { vi: 'Lý do chưa đủ điều kiện', en: 'Why not eligible' },
  'review.reason.belowPassMark': {
    vi: 'Tổng điểm {total} dưới điểm chuẩn {passMark} (thiếu {missing} điểm).',
    en: 'Total {total} is below the pass mark {passMark} ({missing} points short).',
  },
  'review.reason.groupBelowMinimum': {
    vi: 'Nhóm “{group}” đạt {points}/{maxPoints} điểm, dưới mức tối thiểu {minPoints} điểm.',
    en: 'Group “{group}” has {points}/{maxPoints} points, below its minimum of {minPoints}.',
  },
  'review.reason.unexplained': {
    vi: 'Lần đánh giá gần nhất không ghi lý do.',
    en: 'The latest evaluation recorded no reason.',
  },

  // --- queues -----------------------------------------------------------------------------------
  'review.queue.choose': { vi: 'Chọn hàng chờ', en: 'Choose a queue' },
  'review.queue.tabs': { vi: 'Lọc theo tình trạng', en: 'Filter by state' },
  'review.queue.officer': { vi: 'Công đoàn xác nhận', en: 'Union confirmation' },
  'review.queue.association': { vi: 'Hội Khuyến học công nhận', en: 'Association recognition' },
  'review.queue.officerIntro': {
    vi: 'Hồ sơ đăng ký "Công dân học tập" của người lao động doanh nghiệp bạn. Kiểm tra từng nội dung tự khai, xác nhận hoặc trả lại kèm góp ý.',
    en: 'Learning-citizen applications of your enterprise’s workers. Check each self-declared statement, then confirm or return it with a comment.',
  },
  'review.queue.associationIntro': {
    vi: 'Hồ sơ đã được công đoàn cơ sở xác nhận của người lao động tại các doanh nghiệp trên địa bàn chi hội. Công nhận hoặc từ chối (nêu lý do).',
    en: 'Applications confirmed by the grassroots unions of enterprises in your branch’s area. Recognise them, or reject with a reason.',
  },
  'review.queue.search': { vi: 'Tên người lao động', en: 'Worker’s name' },
  'review.queue.allYears': { vi: 'Mọi năm', en: 'All years' },
  'review.queue.empty': { vi: 'Không có hồ sơ nào.', en: 'No applications.' },
  'review.queue.ineligibleNote': {
    vi: 'Các hồ sơ này chưa đủ điều kiện theo lần đánh giá gần nhất; chỉ để xem, chưa thể công nhận.',
    en: 'These applications are not eligible by their latest evaluation; read-only, they cannot be recognised yet.',
  },
  'review.tab.submitted': { vi: 'Chờ xác nhận', en: 'Waiting' },
  'review.tab.processed': { vi: 'Đã xử lý', en: 'Processed' },
  'review.tab.eligible': { vi: 'Đủ điều kiện, chờ công nhận', en: 'Eligible, to decide' },
  'review.tab.ineligible': { vi: 'Chưa đủ điều kiện', en: 'Not eligible' },
  'review.tab.recognised': { vi: 'Đã công nhận', en: 'Recognised' },
  'review.open': { vi: 'Xem và xử lý', en: 'Open' },
  'review.field.year': { vi: 'Năm', en: 'Year' },
  'review.field.enterprise': { vi: 'Doanh nghiệp', en: 'Enterprise' },
  'review.field.status': { vi: 'Tình trạng', en: 'Status' },
  'review.field.points': { vi: 'Điểm', en: 'Points' },
  'review.field.submittedAt': { vi: 'Ngày nộp', en: 'Submitted' },
  'review.field.confirmedAt': { vi: 'Ngày công đoàn xác nhận', en: 'Confirmed' },
  'review.field.returnComment': { vi: 'Góp ý khi trả lại', en: 'Comment for the worker' },
  'review.field.rejectReason': { vi: 'Lý do không công nhận', en: 'Reason for rejecting' },
  'review.field.revokeReason': { vi: 'Lý do thu hồi', en: 'Reason for revoking' },

  // --- bulk -------------------------------------------------------------------------------------
  'review.bulk.officerHint': {
    vi: 'Đánh dấu các hồ sơ đã kiểm tra rồi bấm xác nhận. Hồ sơ có nội dung bị trả lại sẽ được bỏ qua.',
    en: 'Tick the applications you checked, then confirm. Those with a returned statement are skipped.',
  },
  'review.bulk.reviewerHint': {
    vi: 'Đánh dấu các hồ sơ rồi bấm công nhận; hoặc nhập lý do rồi bấm từ chối.',
    en: 'Tick applications, then recognise them; or type a reason and reject them.',
  },
  'review.bulk.confirm': { vi: 'Xác nhận các hồ sơ đã chọn', en: 'Confirm the ticked applications' },
  'review.bulk.recognise': { vi: 'Công nhận các hồ sơ đã chọn', en: 'Recognise the ticked applications' },
  'review.bulk.reject': { vi: 'Từ chối các hồ sơ đã chọn', en: 'Reject the ticked applications' },
  'review.bulk.reason': { vi: 'Lý do từ chối (bắt buộc khi từ chối)', en: 'Reason (needed to reject)' },
  'review.bulk.confirmed': { vi: 'Đã xác nhận {count} hồ sơ.', en: 'Confirmed {count} applications.' },
  'review.bulk.recognised': { vi: 'Đã công nhận {count} hồ sơ.', en: 'Recognised {count} applications.' },
  'review.bulk.rejected': { vi: 'Đã từ chối {count} hồ sơ.', en: 'Rejected {count} applications.' },

  // --- refusals (one step) and skips (bulk) -----------------------------------------------------
  'review.refused.notFound': { vi: 'Không tìm thấy hồ sơ.', en: 'Application not found.' },
  'review.refused.notSubmitted': {
    vi: 'Hồ sơ không còn ở trạng thái chờ công đoàn xác nhận.',
    en: 'The application is no longer waiting for the union.',
  },
  'review.refused.answersReturned': {
    vi: 'Có nội dung tự khai đã bị trả lại: hãy trả hồ sơ để người lao động bổ sung.',
    en: 'A statement was returned: return the application to the worker instead.',
  },
  'review.refused.answerNotFound': { vi: 'Không có nội dung tự khai này.', en: 'No such statement.' },
  'review.refused.notConfirmed': {
    vi: 'Hồ sơ chưa được công đoàn xác nhận hoặc đã được xử lý.',
    en: 'The application is not confirmed by the union, or was already decided.',
  },
  'review.refused.notEligible': {
    vi: 'Hồ sơ chưa đủ điều kiện theo lần đánh giá gần nhất.',
    en: 'The application is not eligible by its latest evaluation.',
  },
  'review.refused.alreadyRecognised': {
    vi: 'Hồ sơ đã được công nhận trước đó.',
    en: 'The application was already recognised.',
  },
  'review.refused.notRecognised': {
    vi: 'Hồ sơ không có danh hiệu đang hiệu lực để thu hồi.',
    en: 'The application holds no title to revoke.',
  },
  'review.refused.noBranch': {
    vi: 'Chi hội của bạn không phụ trách doanh nghiệp của người lao động này.',
    en: 'None of your branches covers this worker’s enterprise.',
  },
  'review.skipped.notFound': {
    vi: 'Bỏ qua {count} hồ sơ: không tìm thấy hoặc ngoài phạm vi của bạn.',
    en: 'Skipped {count}: not found or outside your scope.',
  },
  'review.skipped.notSubmitted': {
    vi: 'Bỏ qua {count} hồ sơ: không còn ở trạng thái chờ xác nhận.',
    en: 'Skipped {count}: no longer waiting for the union.',
  },
  'review.skipped.answersReturned': {
    vi: 'Bỏ qua {count} hồ sơ: có nội dung tự khai đã bị trả lại.',
    en: 'Skipped {count}: a statement was returned.',
  },
  'review.skipped.answerNotFound': {
    vi: 'Bỏ qua {count} hồ sơ: thiếu nội dung tự khai.',
    en: 'Skipped {count}: a statement is missing.',
  },
  'review.skipped.notConfirmed': {
    vi: 'Bỏ qua {count} hồ sơ: chưa được công đoàn xác nhận hoặc đã được xử lý.',
    en: 'Skipped {count}: not confirmed by the union, or already decided.',
  },
  'review.skipped.notEligible': {
    vi: 'Bỏ qua {count} hồ sơ: chưa đủ điều kiện.',
    en: 'Skipped {count}: not eligible.',
  },
  'review.skipped.alreadyRecognised': {
    vi: 'Bỏ qua {count} hồ sơ: đã được công nhận trước đó.',
    en: 'Skipped {count}: already recognised.',
  },
  'review.skipped.notRecognised': {
    vi: 'Bỏ qua {count} hồ sơ: không có danh hiệu để thu hồi.',
    en: 'Skipped {count}: no title to revoke.',
  },
  'review.refused.branchEnded': {
    vi: 'Chi hội của bạn đã kết thúc hoạt động nên không còn công nhận danh hiệu; việc này nay do chi hội kế thừa thực hiện. Đề nghị quản trị viên cấp quyền cho bạn ở chi hội kế thừa.',
    en: 'Your branch has ended and no longer recognises titles; its successor does. Ask an administrator for a role in the successor branch.',
  },
  'review.endedBranch.withSuccessor': {
    vi: '{name} đã kết thúc hoạt động ngày {date}; việc công nhận danh hiệu nay do {successor} thực hiện. Bạn vẫn xem được hồ sơ nhưng không công nhận được; đề nghị quản trị viên cấp quyền cho bạn ở {successor}.',
    en: '{name} ended on {date}; titles are now recognised by {successor}. You can still read applications but not recognise them; ask an administrator for a role in {successor}.',
  },
  'review.endedBranch.noSuccessor': {
    vi: '{name} đã kết thúc hoạt động ngày {date} nên không còn công nhận danh hiệu. Bạn vẫn xem được hồ sơ; đề nghị quản trị viên cấp quyền cho bạn ở chi hội đang hoạt động.',
    en: '{name} ended on {date} and no longer recognises titles. You can still read applications; ask an administrator for a role in a branch in force.',
  },
  'review.field.unitNow': { vi: 'nay là {name}', en: 'now {name}' },
  'review.skipped.branchEnded': {
    vi: 'Bỏ qua {count} hồ sơ: chi hội của bạn đã kết thúc hoạt động.',
    en: 'Skipped {count}: your branch has ended.',
  },
  'review.skipped.noBranch': {
    vi: 'Bỏ qua {count} hồ sơ: ngoài địa bàn chi hội của bạn.',
    en: 'Skipped {count}: outside your branch’s area.',
  },
  'review.validation.reasonRequired': {
    vi: 'Vui lòng nhập lý do từ chối.',
    en: 'Please give the reason for rejecting.',
  },

  // --- one application --------------------------------------------------------------------------
  'review.application.title': { vi: 'Hồ sơ của {name}', en: 'Application of {name}' },
  'review.officer.heading': { vi: 'Công đoàn cơ sở xác nhận', en: 'Union confirmation' },
  'review.officer.confirmHint': {
    vi: 'Xác nhận hồ sơ: mọi nội dung tự khai còn chờ sẽ được xác nhận cùng, và hồ sơ được chuyển lên Hội Khuyến học.',
    en: 'Confirming also confirms every statement still waiting, and sends the application on to the association.',
  },
  'review.officer.mustReturn': {
    vi: 'Có nội dung tự khai đã bị trả lại, nên chưa thể xác nhận hồ sơ: hãy trả lại để người lao động bổ sung.',
    en: 'A statement was returned, so the application cannot be confirmed: return it to the worker.',
  },
  'review.reviewer.heading': { vi: 'Hội Khuyến học xét công nhận', en: 'Association decision' },
  'review.reviewer.recogniseHint': {
    vi: 'Công nhận danh hiệu "Công dân học tập" và cấp giấy chứng nhận có mã QR kiểm tra.',
    en: 'Recognise the "Learning citizen" title and issue its certificate with a QR check.',
  },
  'review.reviewer.notEligible': {
    vi: 'Hồ sơ chưa đủ điều kiện theo lần đánh giá gần nhất nên chưa thể công nhận.',
    en: 'The application is not eligible by its latest evaluation, so it cannot be recognised.',
  },
  'review.action.confirm': { vi: 'Xác nhận', en: 'Confirm' },
  'review.action.return': { vi: 'Trả lại', en: 'Return' },
  'review.action.confirmAnswer': { vi: 'Xác nhận nội dung này', en: 'Confirm this statement' },
  'review.action.returnAnswer': { vi: 'Trả lại nội dung này', en: 'Return this statement' },
  'review.action.recognise': { vi: 'Công nhận', en: 'Recognise' },
  'review.action.reject': { vi: 'Không công nhận', en: 'Reject' },
  'review.action.revoke': { vi: 'Thu hồi danh hiệu', en: 'Revoke the title' },
  'review.answers.heading': { vi: 'Nội dung tự khai', en: 'Self-declared statements' },
  'review.answers.none': { vi: 'Hồ sơ không có nội dung tự khai.', en: 'No self-declared statements.' },
  'review.answers.comment': { vi: 'Góp ý', en: 'Comment' },
  'review.answers.returnComment': { vi: 'Góp ý khi trả lại nội dung này', en: 'Comment when returning it' },
  'review.evaluation.heading': { vi: 'Kết quả đánh giá gần nhất', en: 'Latest evaluation' },
  'review.evaluation.at': { vi: 'đánh giá lúc {at}', en: 'evaluated {at}' },
  'review.evaluation.criterion': { vi: 'Tiêu chí', en: 'Criterion' },
  'review.evaluation.evidence': { vi: 'Minh chứng', en: 'Evidence' },
  'review.evaluation.hours': { vi: 'giờ', en: 'h' },
  'review.evaluation.plan': { vi: 'Có kế hoạch học tập cá nhân.', en: 'Has a personal learning plan.' },
  'review.evaluation.totalHours': { vi: 'Tổng số giờ học: {hours}', en: 'Learning hours: {hours}' },
  'review.plan.heading': { vi: 'Kế hoạch học tập cá nhân', en: 'Personal learning plan' },
  'review.recognition.heading': { vi: 'Danh hiệu và giấy chứng nhận', en: 'Title and certificate' },
  'review.certificate.download': { vi: 'Tải giấy chứng nhận (PDF)', en: 'Download the certificate (PDF)' },
  'review.certificate.verify': { vi: 'Trang kiểm tra công khai', en: 'Public check page' },
  // The title's certificate PDF.
  'review.certificate.titleName': { vi: 'Công dân học tập', en: 'Learning citizen' },
  'review.certificate.documentTitle': {
    vi: 'Giấy chứng nhận {title} năm {year}',
    en: 'Certificate: {title} {year}',
  },
  'review.certificate.heading': { vi: 'GIẤY CHỨNG NHẬN', en: 'CERTIFICATE' },
  'review.certificate.titleLabel': { vi: 'Danh hiệu', en: 'The title' },
  'review.certificate.year': { vi: 'Năm {year}', en: 'Year {year}' },
  'review.certificate.certifies': { vi: 'Chứng nhận ông/bà', en: 'This certifies that' },
  'review.certificate.body': {
    vi: 'đã đạt các tiêu chí và được công nhận danh hiệu “{title}” năm {year}. Danh hiệu có giá trị đến hết ngày {validUntil}.',
    en: 'has met the criteria and is recognised with the title “{title}” for {year}. The title is valid until the end of {validUntil}.',
  },
  'review.certificate.number': { vi: 'Số chứng nhận', en: 'Certificate number' },
  'review.certificate.issuer': { vi: 'Đơn vị công nhận', en: 'Recognised by' },
  'review.certificate.recognisedOn': { vi: 'Ngày công nhận', en: 'Recognised on' },
  'review.certificate.scan': { vi: 'Quét mã để kiểm tra hiệu lực', en: 'Scan the code to check it is valid' },
  'review.certificate.revoked': { vi: 'ĐÃ THU HỒI NGÀY {date}', en: 'REVOKED ON {date}' },
  'review.flash.answerConfirmed': { vi: 'Đã xác nhận nội dung tự khai.', en: 'Statement confirmed.' },
  'review.flash.answerReturned': { vi: 'Đã trả lại nội dung tự khai.', en: 'Statement returned.' },
  'review.flash.confirmed': {
    vi: 'Đã xác nhận hồ sơ và chuyển lên Hội Khuyến học.',
    en: 'Application confirmed and sent to the association.',
  },
  'review.flash.returned': {
    vi: 'Đã trả hồ sơ cho người lao động bổ sung.',
    en: 'Application returned to the worker.',
  },
  'review.flash.recognised': {
    vi: 'Đã công nhận danh hiệu; giấy chứng nhận số {no}.',
    en: 'Title recognised; certificate {no}.',
  },
  'review.flash.alreadyRecognised': {
    vi: 'Hồ sơ đã được công nhận trước đó (giấy chứng nhận số {no}); không có gì thay đổi.',
    en: 'Already recognised (certificate {no}); nothing changed.',
  },
  'review.flash.rejected': { vi: 'Đã ghi nhận không công nhận hồ sơ.', en: 'Application rejected.' },
  'review.flash.revoked': { vi: 'Đã thu hồi danh hiệu.', en: 'Title revoked.' },

  // --- audit trail ------------------------------------------------------------------------------
  'review.history.heading': { vi: 'Lịch sử xử lý', en: 'Processing history' },
  'review.history.none': { vi: 'Chưa có bước xử lý nào.', en: 'No steps yet.' },
  'review.history.system': { vi: 'Hệ thống', en: 'System' },
  'review.history.status': { vi: 'Tình trạng: {before} → {after}', en: 'Status: {before} → {after}' },
  'review.history.answer': {
    vi: 'Tiêu chí {code}: {before} → {after}',
    en: 'Criterion {code}: {before} → {after}',
  },
  'review.history.answersConfirmed': {
    vi: 'Xác nhận cùng các tiêu chí: {codes}',
    en: 'Also confirmed criteria: {codes}',
  },
  'review.history.certificate': { vi: 'Giấy chứng nhận số {no}', en: 'Certificate {no}' },
  'review.history.points': {
    vi: 'Tổng điểm khi công nhận: {points}',
    en: 'Points when recognised: {points}',
  },
  'review.audit.ANSWER_CONFIRMED': { vi: 'Xác nhận nội dung tự khai', en: 'Statement confirmed' },
  'review.audit.ANSWER_RETURNED': { vi: 'Trả lại nội dung tự khai', en: 'Statement returned' },
  'review.audit.CONFIRMED': { vi: 'Công đoàn xác nhận hồ sơ', en: 'Confirmed by the union' },
  'review.audit.RETURNED': { vi: 'Trả lại hồ sơ', en: 'Returned to the worker' },
  'review.audit.RECOGNISED': { vi: 'Công nhận danh hiệu', en: 'Title recognised' },
  'review.audit.REJECTED': { vi: 'Không công nhận', en: 'Rejected' },
  'review.audit.REVOKED': { vi: 'Thu hồi danh hiệu', en: 'Title revoked' },
  // Steps the applications module writes to the same trail.
  'review.audit.REGISTERED': { vi: 'Người lao động đăng ký', en: 'Registered by the worker' },
  'review.audit.PLAN_SAVED': { vi: 'Lưu kế hoạch học tập', en: 'Learning plan saved' },
  'review.audit.ANSWER_SAVED': {
    vi: 'Người lao động lưu nội dung tự khai',
    en: 'Statement saved by the worker',
  },
  'review.audit.ANSWER_WITHDRAWN': {
    vi: 'Người lao động rút nội dung tự khai',
    en: 'Statement withdrawn by the worker',
  },
  'review.audit.SUBMITTED': { vi: 'Người lao động nộp hồ sơ', en: 'Submitted by the worker' },
  'review.audit.EVALUATED': { vi: 'Đánh giá theo bộ tiêu chí', en: 'Evaluated against the criteria' },

  // --- the worker's notices ---------------------------------------------------------------------
  'review.notice.RETURNED': {
    vi: 'Hồ sơ "Công dân học tập" năm {year} của bạn được trả lại để bổ sung.',
    en: 'Your {year} learning-citizen application was returned for changes.',
  },
  'review.notice.RETURNED.withText': {
    vi: 'Hồ sơ "Công dân học tập" năm {year} của bạn được trả lại để bổ sung: {text}',
    en: 'Your {year} learning-citizen application was returned for changes: {text}',
  },
  'review.notice.CONFIRMED': {
    vi: 'Công đoàn cơ sở đã xác nhận hồ sơ "Công dân học tập" năm {year} của bạn và chuyển lên Hội Khuyến học.',
    en: 'Your union confirmed your {year} learning-citizen application and sent it to the association.',
  },
  'review.notice.RECOGNISED': {
    vi: 'Chúc mừng! Bạn được công nhận danh hiệu "Công dân học tập" năm {year}.',
    en: 'Congratulations! You are recognised as a learning citizen for {year}.',
  },
  'review.notice.REJECTED': {
    vi: 'Hồ sơ "Công dân học tập" năm {year} của bạn không được công nhận.',
    en: 'Your {year} learning-citizen application was not recognised.',
  },
  'review.notice.REJECTED.withText': {
    vi: 'Hồ sơ "Công dân học tập" năm {year} của bạn không được công nhận. Lý do: {text}',
    en: 'Your {year} learning-citizen application was not recognised. Reason: {text}',
  },
  'review.notice.REVOKED': {
    vi: 'Danh hiệu "Công dân học tập" năm {year} của bạn đã bị thu hồi.',
    en: 'Your {year} learning-citizen title was revoked.',
  },
  'review.notice.REVOKED.withText': {
    vi: 'Danh hiệu "Công dân học tập" năm {year} của bạn đã bị thu hồi. Lý do: {text}',
    en: 'Your {year} learning-citizen title was revoked. Reason: {text}',
  },

  // --- public verification ----------------------------------------------------------------------
  'review.verify.title': { vi: 'Kiểm tra danh hiệu Công dân học tập', en: 'Learning-citizen title check' },
  'review.verify.status': { vi: 'Hiệu lực', en: 'Status' },
  'review.verify.status.VALID': { vi: 'Còn hiệu lực', en: 'Valid' },
  'review.verify.status.REVOKED': { vi: 'Đã thu hồi', en: 'Revoked' },
  'review.verify.status.EXPIRED': { vi: 'Hết hiệu lực', en: 'Expired' },
  'review.verify.validText': {
    vi: 'Danh hiệu do Hội Khuyến học công nhận trên hệ thống, có hiệu lực đến hết ngày {until}.',
    en: 'The title was recognised by the study-promotion association and is valid until {until}.',
  },
  'review.verify.revokedText': {
    vi: 'Danh hiệu này đã bị thu hồi ngày {on} và không còn giá trị.',
    en: 'This title was revoked on {on} and is no longer valid.',
  },
  'review.verify.expiredText': {
    vi: 'Danh hiệu được công nhận cho một năm và đã hết hiệu lực từ sau ngày {until}.',
    en: 'The title is yearly and expired after {until}.',
  },
  'review.verify.holder': { vi: 'Người được công nhận', en: 'Holder' },
  'review.verify.titleName': { vi: 'Danh hiệu', en: 'Title' },
  'review.verify.issuer': { vi: 'Đơn vị công nhận', en: 'Issued by' },
  'review.verify.recognisedOn': { vi: 'Ngày công nhận', en: 'Recognised on' },
  'review.verify.validUntil': { vi: 'Hiệu lực đến', en: 'Valid until' },
  'review.verify.revokedOn': { vi: 'Ngày thu hồi', en: 'Revoked on' },
  'review.verify.certificateNo': { vi: 'Số giấy chứng nhận', en: 'Certificate number' },
  'review.verify.privacy': {
    vi: 'Để bảo vệ thông tin cá nhân, trang này chỉ hiện họ và chữ cái đầu của tên đệm, tên người được công nhận.',
    en: 'To protect personal data, this page shows only the family name and the initials of the holder’s other names.',
  },
  'review.verify.notFound': { vi: 'Không tìm thấy danh hiệu', en: 'Title not found' },
  'review.verify.notFoundText': {
    vi: 'Mã "{code}" không khớp với giấy chứng nhận nào. Hãy quét lại mã QR hoặc nhập đúng đường dẫn in trên giấy.',
    en: 'The code "{code}" matches no certificate. Scan the QR code again or type the address printed on it.',
  },
  'review.certificates.title': { vi: 'Danh hiệu Công dân học tập của tôi', en: 'My learning-citizen titles' },
  'review.certificates.intro': {
    vi: 'Giấy chứng nhận có mã QR để cơ quan, doanh nghiệp kiểm tra trực tuyến.',
    en: 'Each certificate carries a QR code that employers can check online.',
  },
  'review.certificates.item': { vi: 'Công dân học tập năm {year}', en: 'Learning citizen {year}' },
  'review.certificates.none': { vi: 'Bạn chưa có danh hiệu nào.', en: 'You hold no title yet.' },
  'review.certificates.decision': {
    vi: 'Quyết định số {no} ngày {date} (công nhận trước khi dùng hoctap, không có giấy chứng nhận điện tử)',
    en: 'Decision No. {no} of {date} (recognised before hoctap; no electronic certificate)',
  },

  // --- funnel report ----------------------------------------------------------------------------
  'review.funnel.intro': {
    vi: 'Số hồ sơ "Công dân học tập" qua từng bước trong năm, theo doanh nghiệp hoặc đơn vị hành chính, trong phạm vi của bạn. Tệp Excel và CSV có đúng các số trên màn hình.',
    en: 'Learning-citizen applications at each step of the year, per enterprise or administrative unit, within your scope. The Excel and CSV files hold exactly the numbers on screen.',
  },
  'review.funnel.level': { vi: 'Tổng hợp theo', en: 'Group by' },
  'review.funnel.byEnterprise': { vi: 'Doanh nghiệp', en: 'Enterprise' },
  'review.funnel.byUnit': { vi: 'Đơn vị hành chính', en: 'Administrative unit' },
  'review.funnel.show': { vi: 'Xem', en: 'Show' },
  'review.funnel.caption': { vi: 'Năm {year}', en: 'Year {year}' },
  'review.funnel.enterprise': { vi: 'Doanh nghiệp', en: 'Enterprise' },
  'review.funnel.unit': { vi: 'Đơn vị hành chính', en: 'Administrative unit' },
  'review.funnel.unitOfEnterprise': { vi: 'Địa bàn', en: 'Unit' },
  'review.funnel.noEnterprise': { vi: '(Chưa rõ doanh nghiệp)', en: '(No enterprise recorded)' },
  'review.funnel.noUnit': { vi: '(Chưa rõ đơn vị)', en: '(No unit recorded)' },
  'review.funnel.total': { vi: 'Tổng cộng', en: 'Total' },
  'review.funnel.stage.registered': { vi: 'Đăng ký', en: 'Registered' },
  'review.funnel.stage.submitted': { vi: 'Đã nộp', en: 'Submitted' },
  'review.funnel.stage.eligible': { vi: 'Đủ điều kiện', en: 'Eligible' },
  'review.funnel.stage.confirmed': { vi: 'Đã xác nhận', en: 'Confirmed' },
  'review.funnel.stage.recognised': { vi: 'Được công nhận', en: 'Recognised' },
  'review.funnel.definitions': { vi: 'Cách tính từng cột', en: 'How each column is counted' },
  'review.funnel.define.registered': {
    vi: 'Mọi hồ sơ đăng ký của năm, ở bất kỳ tình trạng nào.',
    en: 'Every application of the year, whatever its status.',
  },
  'review.funnel.define.submitted': {
    vi: 'Hồ sơ đã gửi công đoàn cơ sở ít nhất một lần: mọi tình trạng trừ "Đã đăng ký" (kể cả hồ sơ đang được trả lại để bổ sung).',
    en: 'Applications sent to the union at least once: every status but "Registered" (including those returned for changes).',
  },
  'review.funnel.define.eligible': {
    vi: 'Trong số đã nộp: lần đánh giá gần nhất đạt đủ điều kiện (đủ điểm chuẩn và điểm tối thiểu từng nhóm). Hồ sơ đã được công nhận (kể cả đã thu hồi sau đó) được tính theo kết quả lúc công nhận.',
    en: 'Of those submitted: the latest evaluation is eligible (pass mark and group minimums met). Recognised applications (even if revoked later) count as eligible when recognised.',
  },
  'review.funnel.define.confirmed': {
    vi: 'Trong số đủ điều kiện: đã được công đoàn cơ sở xác nhận (tình trạng Công đoàn đã xác nhận, Được công nhận, Không được công nhận hoặc Đã thu hồi danh hiệu).',
    en: 'Of those eligible: confirmed by the union (status Confirmed, Recognised, Rejected or Title revoked).',
  },
  'review.funnel.define.recognised': {
    vi: 'Trong số đã xác nhận: đang giữ danh hiệu của năm (không tính danh hiệu đã bị thu hồi).',
    en: 'Of those confirmed: holding the title of the year now (revoked titles are not counted).',
  },
  'review.funnel.scopeNote': {
    vi: 'Hồ sơ được tính theo doanh nghiệp người lao động làm việc khi đăng ký, và đơn vị hành chính nơi doanh nghiệp đặt trụ sở. Dòng "Tổng cộng" là tổng các dòng trên.',
    en: 'Applications count under the enterprise the worker was at when registering, and the unit where that enterprise is located. "Total" is the sum of the rows above.',
  },
});
