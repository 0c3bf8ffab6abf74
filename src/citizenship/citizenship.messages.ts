import { defineMessages } from '../common/i18n/messages';

/**
 * Learning citizen: navigation, criteria sets, the worker's year, evaluation. (The review chain,
 * recognitions and certificates keep theirs in review/review.messages.ts.) Keys under
 * citizenship.reason.* and citizenship.notice.* are stored with evaluations and notices.
 */
export const citizenshipMessages = defineMessages({
  'nav.citizenship': { vi: 'Công dân học tập', en: 'Learning citizen' },
  'nav.citizenshipReview': { vi: 'Xác nhận Công dân học tập', en: 'Learning citizen review' },
  'nav.criteria': { vi: 'Bộ tiêu chí', en: 'Criteria sets' },
  'nav.citizenshipFunnel': { vi: 'Báo cáo Công dân học tập', en: 'Learning citizen report' },

  // --- criteria sets ---------------------------------------------------------------------------
  'citizenship.criteria.title': { vi: 'Bộ tiêu chí Công dân học tập', en: 'Learning citizen criteria' },
  'citizenship.criteria.intro': {
    vi: 'Mỗi lần thay đổi bộ tiêu chí là một phiên bản mới. Các lượt đánh giá và quyết định công nhận luôn giữ phiên bản đã dùng.',
    en: 'Every change to the criteria is a new version. Evaluations and recognitions always keep the version they used.',
  },
  'citizenship.criteria.provinceNote': {
    vi: 'Điểm của từng tiêu chí, điểm đạt và điểm tối thiểu của nhóm là do tỉnh quy định. Bộ mặc định theo cấu trúc Quyết định số 324/QĐ-KHVN chỉ là mức tham khảo; Hội Khuyến học tỉnh điều chỉnh bằng cách tạo và kích hoạt phiên bản mới.',
    en: 'The points of each criterion, the pass mark and the group minimums are set by the province. The default, following the structure of Decision 324/QĐ-KHVN, only suggests them; the provincial association changes them by creating and activating a new version.',
  },
  'citizenship.criteria.owner': { vi: 'Chi hội quản lý', en: 'Owned by' },
  'citizenship.criteria.ownerProvince': { vi: 'Hội Khuyến học cấp tỉnh', en: 'The provincial association' },
  'citizenship.criteria.notOwnedNote': {
    vi: 'Bộ tiêu chí này thuộc chi hội khác: bạn xem được, nhưng chỉ người xét duyệt của chi hội quản lý mới được tạo phiên bản mới, sửa và áp dụng.',
    en: 'These criteria belong to another branch: you can read them, but only reviewers of the branch that owns them may create versions, edit and activate them.',
  },
  'citizenship.criteria.code': { vi: 'Mã bộ tiêu chí', en: 'Code' },
  'citizenship.criteria.version': { vi: 'Phiên bản', en: 'Version' },
  'citizenship.criteria.versionN': { vi: 'Phiên bản {version}', en: 'Version {version}' },
  'citizenship.criteria.status': { vi: 'Trạng thái', en: 'Status' },
  'citizenship.criteria.status.DRAFT': { vi: 'Bản nháp', en: 'Draft' },
  'citizenship.criteria.status.ACTIVE': { vi: 'Đang áp dụng', en: 'In force' },
  'citizenship.criteria.status.RETIRED': { vi: 'Ngừng áp dụng', en: 'Retired' },
  'citizenship.criteria.passMark': { vi: 'Điểm đạt', en: 'Pass mark' },
  'citizenship.criteria.totalPoints': { vi: 'Tổng điểm', en: 'Total points' },
  'citizenship.criteria.criteriaCount': { vi: 'Số tiêu chí', en: 'Criteria' },
  'citizenship.criteria.activatedAt': { vi: 'Áp dụng từ', en: 'In force since' },
  'citizenship.criteria.retiredAt': { vi: 'Ngừng áp dụng từ', en: 'Retired on' },
  'citizenship.criteria.createdAt': { vi: 'Tạo lúc', en: 'Created' },
  'citizenship.criteria.source': { vi: 'Nguồn, căn cứ', en: 'Source' },
  'citizenship.criteria.newVersion': { vi: 'Tạo phiên bản mới', en: 'Create a new version' },
  'citizenship.criteria.newVersionHint': {
    vi: 'Sao chép phiên bản đang áp dụng thành bản nháp để sửa. Bản nháp chưa được dùng cho đến khi kích hoạt.',
    en: 'Copies the version in force into a draft to edit. A draft is not used until it is activated.',
  },
  'citizenship.criteria.openDraft': { vi: 'Mở bản nháp', en: 'Open the draft' },
  'citizenship.criteria.activate': { vi: 'Kích hoạt', en: 'Activate' },
  'citizenship.criteria.activateHint': {
    vi: 'Khi kích hoạt, phiên bản này được dùng cho các lượt đăng ký và đánh giá từ nay; phiên bản đang áp dụng chuyển sang ngừng áp dụng. Các kết quả công nhận đã có không thay đổi.',
    en: 'Once activated, this version is used for registrations and evaluations from now on and the version in force is retired. Recognitions already made do not change.',
  },
  'citizenship.criteria.discard': { vi: 'Xóa bản nháp', en: 'Discard the draft' },
  'citizenship.criteria.editSettings': { vi: 'Sửa tên, điểm đạt', en: 'Edit title and pass mark' },
  'citizenship.criteria.settingsTitle': { vi: 'Tên và điểm đạt', en: 'Title and pass mark' },
  'citizenship.criteria.addGroup': { vi: 'Thêm nhóm', en: 'Add a group' },
  'citizenship.criteria.editGroup': { vi: 'Sửa nhóm', en: 'Edit group' },
  'citizenship.criteria.deleteGroup': { vi: 'Xóa nhóm', en: 'Delete group' },
  'citizenship.criteria.addCriterion': { vi: 'Thêm tiêu chí', en: 'Add a criterion' },
  'citizenship.criteria.editCriterion': { vi: 'Sửa tiêu chí', en: 'Edit criterion' },
  'citizenship.criteria.deleteCriterion': { vi: 'Xóa tiêu chí', en: 'Delete criterion' },
  'citizenship.criteria.readOnlyNote': {
    vi: 'Phiên bản này đang áp dụng hoặc đã ngừng áp dụng nên không sửa được. Muốn thay đổi, hãy tạo phiên bản mới.',
    en: 'This version is or was in force and cannot be changed. To change the criteria, create a new version.',
  },
  'citizenship.criteria.draftNote': {
    vi: 'Bản nháp chưa được dùng để đánh giá. Sửa xong, bấm “Kích hoạt”.',
    en: 'A draft is not used for evaluations. When it is ready, press “Activate”.',
  },
  'citizenship.criteria.problemsTitle': { vi: 'Cần sửa trước khi kích hoạt', en: 'To fix before activating' },
  'citizenship.criteria.problem.criterion': {
    vi: 'Tiêu chí {code}: {message}',
    en: 'Criterion {code}: {message}',
  },
  'citizenship.criteria.problem.group': { vi: 'Nhóm {code}: {message}', en: 'Group {code}: {message}' },
  'citizenship.criteria.groupHeading': { vi: 'Nhóm {code}. {name}', en: 'Group {code}. {name}' },
  'citizenship.criteria.groupPoints': { vi: '{points} điểm', en: '{points} points' },
  'citizenship.criteria.groupMinimum': {
    vi: 'tối thiểu {minPoints} điểm',
    en: 'at least {minPoints} points',
  },
  'citizenship.criteria.points': { vi: 'Điểm', en: 'Points' },
  'citizenship.criteria.criterion': { vi: 'Tiêu chí', en: 'Criterion' },
  'citizenship.criteria.evidence': { vi: 'Cách xác định', en: 'Evidence' },
  'citizenship.criteria.evidence.AUTO': {
    vi: 'Tự động từ dữ liệu học tập',
    en: 'Automatic, from learning data',
  },
  'citizenship.criteria.evidence.DECLARED': {
    vi: 'Tự đánh giá, công đoàn xác nhận',
    en: 'Self-declared, confirmed by the union',
  },
  'citizenship.criteria.noCriteria': { vi: 'Nhóm chưa có tiêu chí.', en: 'No criteria in this group yet.' },
  'citizenship.criteria.batchLink': { vi: 'Đánh giá theo lô', en: 'Batch evaluation' },
  'citizenship.criteria.back': { vi: 'Về danh sách bộ tiêu chí', en: 'Back to the criteria sets' },
  'citizenship.criteria.field.title': { vi: 'Tên bộ tiêu chí', en: 'Title' },
  'citizenship.criteria.field.passMark': { vi: 'Điểm đạt', en: 'Pass mark' },
  'citizenship.criteria.field.passMarkHint': {
    vi: 'Tổng điểm tối thiểu để đủ điều kiện; không lớn hơn tổng điểm các tiêu chí.',
    en: 'The total needed to be eligible; at most the total points of the criteria.',
  },
  'citizenship.criteria.field.sourceNote': { vi: 'Nguồn, căn cứ', en: 'Source' },
  'citizenship.criteria.field.groupCode': { vi: 'Mã nhóm', en: 'Group code' },
  'citizenship.criteria.field.groupName': { vi: 'Tên nhóm năng lực', en: 'Group name' },
  'citizenship.criteria.field.minPoints': {
    vi: 'Điểm tối thiểu của nhóm',
    en: 'Minimum points in the group',
  },
  'citizenship.criteria.field.minPointsHint': {
    vi: 'Không bắt buộc. Để trống nếu không quy định.',
    en: 'Optional. Leave empty for no minimum.',
  },
  'citizenship.criteria.field.codeHint': {
    vi: 'Ví dụ: 1, 2.3. Nhóm và tiêu chí được sắp theo mã.',
    en: 'For example 1 or 2.3. Groups and criteria are ordered by code.',
  },
  'citizenship.criteria.field.group': { vi: 'Thuộc nhóm', en: 'Group' },
  'citizenship.criteria.field.code': { vi: 'Mã tiêu chí', en: 'Code' },
  'citizenship.criteria.field.criterionTitle': { vi: 'Nội dung tiêu chí', en: 'Criterion' },
  'citizenship.criteria.field.description': { vi: 'Giải thích', en: 'Explanation' },
  'citizenship.criteria.field.points': { vi: 'Điểm', en: 'Points' },
  'citizenship.criteria.field.evidence': { vi: 'Cách xác định', en: 'Evidence' },
  'citizenship.criteria.field.ruleType': { vi: 'Quy tắc tự động', en: 'Automatic rule' },
  'citizenship.criteria.field.ruleHint': {
    vi: 'Chỉ dùng cho tiêu chí tự động: chọn quy tắc rồi điền các ô của quy tắc đó; các ô khác được bỏ qua.',
    en: 'For automatic criteria only: choose the rule, then fill in its fields; other fields are ignored.',
  },
  'citizenship.criteria.field.domain': { vi: 'Lĩnh vực học tập', en: 'Learning domain' },
  'citizenship.criteria.field.minRecords': {
    vi: 'Số hoạt động học tập tối thiểu',
    en: 'Minimum learning activities',
  },
  'citizenship.criteria.field.minHours': {
    vi: 'Số giờ học tối thiểu trong năm',
    en: 'Minimum learning hours in the year',
  },
  'citizenship.criteria.field.kinds': { vi: 'Loại hoạt động trực tiếp', en: 'Kinds of in-person activity' },
  'citizenship.criteria.field.minSessions': { vi: 'Số buổi tối thiểu', en: 'Minimum sessions' },
  'citizenship.criteria.flash.draftCreated': {
    vi: 'Đã tạo bản nháp phiên bản mới từ phiên bản đang áp dụng.',
    en: 'A new draft version was copied from the version in force.',
  },
  'citizenship.criteria.flash.activated': {
    vi: 'Đã kích hoạt phiên bản mới; phiên bản trước chuyển sang ngừng áp dụng.',
    en: 'The new version is in force; the previous one is retired.',
  },
  'citizenship.criteria.flash.discarded': { vi: 'Đã xóa bản nháp.', en: 'The draft was discarded.' },
  'citizenship.criteria.flash.deleted': { vi: 'Đã xóa.', en: 'Deleted.' },

  'citizenship.criteria.error.readOnly': {
    vi: 'Phiên bản này đang áp dụng hoặc đã ngừng áp dụng nên không sửa được; hãy tạo phiên bản mới.',
    en: 'This version is or was in force and cannot be changed; create a new version.',
  },
  'citizenship.criteria.error.cannotActivate': {
    vi: 'Chưa kích hoạt được: bản nháp còn các lỗi dưới đây.',
    en: 'Cannot activate yet: the draft has the problems below.',
  },
  'citizenship.criteria.error.codeFormat': {
    vi: 'Mã chỉ gồm chữ số, chữ cái, dấu chấm hoặc gạch ngang (tối đa 20 ký tự).',
    en: 'A code has digits, letters, dots or hyphens only (at most 20 characters).',
  },
  'citizenship.criteria.error.codeTaken': {
    vi: 'Mã tiêu chí {code} đã có trong bộ tiêu chí.',
    en: 'Criterion code {code} is already used.',
  },
  'citizenship.criteria.error.groupCodeTaken': {
    vi: 'Mã nhóm {code} đã có trong bộ tiêu chí.',
    en: 'Group code {code} is already used.',
  },
  'citizenship.criteria.error.passMarkAboveTotal': {
    vi: 'Điểm đạt ({passMark}) không được lớn hơn tổng điểm các tiêu chí ({total}).',
    en: 'The pass mark ({passMark}) cannot exceed the total points of the criteria ({total}).',
  },
  'citizenship.criteria.error.groupMinAboveTotal': {
    vi: 'Điểm tối thiểu của nhóm “{group}” ({minPoints}) lớn hơn tổng điểm các tiêu chí trong nhóm ({total}).',
    en: 'The minimum of group “{group}” ({minPoints}) exceeds the points of its criteria ({total}).',
  },
  'citizenship.criteria.error.emptyGroup': {
    vi: 'Nhóm “{group}” chưa có tiêu chí nào.',
    en: 'Group “{group}” has no criteria.',
  },
  'citizenship.criteria.error.noGroups': {
    vi: 'Bộ tiêu chí chưa có nhóm nào.',
    en: 'The set has no groups.',
  },
  'citizenship.criteria.error.points': {
    vi: 'Điểm phải là số nguyên từ 0 đến {max}.',
    en: 'Points must be a whole number from 0 to {max}.',
  },
  'citizenship.criteria.error.ruleRequired': {
    vi: 'Tiêu chí tự động cần chọn một quy tắc.',
    en: 'An automatic criterion needs a rule.',
  },
  'citizenship.criteria.error.domainRequired': {
    vi: 'Chọn lĩnh vực học tập cho quy tắc này.',
    en: 'Choose the learning domain for this rule.',
  },
  'citizenship.criteria.error.unknownDomain': {
    vi: 'Lĩnh vực học tập không có trong danh mục.',
    en: 'Unknown learning domain.',
  },
  'citizenship.criteria.error.minRecordsRequired': {
    vi: 'Nhập số hoạt động học tập tối thiểu.',
    en: 'Enter the minimum number of learning activities.',
  },
  'citizenship.criteria.error.minHoursRequired': {
    vi: 'Nhập số giờ học tối thiểu.',
    en: 'Enter the minimum learning hours.',
  },
  'citizenship.criteria.error.kindsRequired': {
    vi: 'Chọn ít nhất một loại hoạt động trực tiếp.',
    en: 'Choose at least one kind of in-person activity.',
  },
  'citizenship.criteria.error.minSessionsRequired': {
    vi: 'Nhập số buổi tối thiểu.',
    en: 'Enter the minimum number of sessions.',
  },
  'citizenship.criteria.error.count': {
    vi: 'Phải là số nguyên từ 1 đến {max}.',
    en: 'Must be a whole number from 1 to {max}.',
  },
  'citizenship.criteria.error.declaredRule': {
    vi: 'Tiêu chí tự đánh giá không có quy tắc tự động.',
    en: 'A self-declared criterion has no automatic rule.',
  },
  'citizenship.criteria.error.groupNotEmpty': {
    vi: 'Nhóm “{group}” còn tiêu chí; hãy xóa hoặc chuyển các tiêu chí sang nhóm khác trước.',
    en: 'Group “{group}” still has criteria; delete them or move them to another group first.',
  },
  'citizenship.criteria.error.unknownGroup': {
    vi: 'Nhóm này không có trong bộ tiêu chí.',
    en: 'This group is not in the set.',
  },

  'citizenship.rule.DOMAIN_RECORDS': {
    vi: 'Có ít nhất {min} hoạt động học tập thuộc lĩnh vực “{domain}” trong năm',
    en: 'At least {min} learning activities in “{domain}” during the year',
  },
  'citizenship.rule.ANY_RECORDS': {
    vi: 'Có ít nhất {min} hoạt động học tập (mọi lĩnh vực) trong năm',
    en: 'At least {min} learning activities (any domain) during the year',
  },
  'citizenship.rule.MIN_HOURS': {
    vi: 'Học ít nhất {hours} giờ trong năm',
    en: 'At least {hours} learning hours during the year',
  },
  'citizenship.rule.HAS_PLAN': {
    vi: 'Đã lưu kế hoạch học tập cá nhân',
    en: 'A personal learning plan is saved',
  },
  'citizenship.rule.SESSION_KINDS': {
    vi: 'Tham dự ít nhất {min} buổi {kinds} trong năm',
    en: 'Attended at least {min} sessions of {kinds} during the year',
  },
  'citizenship.rule.DECLARED': {
    vi: 'Người lao động tự đánh giá; công đoàn cơ sở xác nhận',
    en: 'The worker declares it; the grassroots union confirms it',
  },
  'citizenship.rule.none': { vi: 'Chưa có quy tắc', en: 'No rule yet' },
  'citizenship.rule.or': { vi: ' hoặc ', en: ' or ' },
  'citizenship.ruleType.DOMAIN_RECORDS': {
    vi: 'Số hoạt động học tập thuộc một lĩnh vực',
    en: 'Learning activities in one domain',
  },
  'citizenship.ruleType.ANY_RECORDS': {
    vi: 'Số hoạt động học tập (mọi lĩnh vực)',
    en: 'Learning activities (any domain)',
  },
  'citizenship.ruleType.MIN_HOURS': { vi: 'Số giờ học trong năm', en: 'Learning hours in the year' },
  'citizenship.ruleType.HAS_PLAN': { vi: 'Có kế hoạch học tập cá nhân', en: 'Has a personal learning plan' },
  'citizenship.ruleType.SESSION_KINDS': {
    vi: 'Tham dự hoạt động trực tiếp theo loại',
    en: 'Attended in-person activities of some kinds',
  },

  // --- the worker's year ------------------------------------------------------------------------
  'citizenship.year.title': { vi: 'Công dân học tập năm {year}', en: 'Learning citizen {year}' },
  'citizenship.year.intro': {
    vi: 'Danh hiệu “Công dân học tập” được xét hằng năm. Bạn đăng ký với kế hoạch học tập cá nhân, hệ thống tự tìm minh chứng từ quá trình học tập của bạn, bạn tự đánh giá các tiêu chí còn lại rồi nộp hồ sơ; công đoàn cơ sở xác nhận và Hội Khuyến học công nhận.',
    en: 'The “learning citizen” title is awarded yearly. You register with a personal learning plan, hoctap finds evidence in your learning, you answer the other criteria yourself and submit; your grassroots union confirms and the study-promotion association recognises.',
  },
  'citizenship.year.register': {
    vi: 'Đăng ký danh hiệu Công dân học tập năm {year}',
    en: 'Register for the learning citizen title {year}',
  },
  'citizenship.year.notRegistered': {
    vi: 'Bạn chưa đăng ký danh hiệu năm {year}.',
    en: 'You have not registered for {year} yet.',
  },
  'citizenship.year.previous': { vi: 'Các năm trước', en: 'Previous years' },
  'citizenship.year.status': { vi: 'Trạng thái hồ sơ', en: 'Application status' },
  'citizenship.year.result': { vi: 'Kết quả đánh giá', en: 'Evaluation' },
  'citizenship.year.criteriaVersion': {
    vi: '{title} – phiên bản {version}',
    en: '{title} – version {version}',
  },
  'citizenship.year.total': {
    vi: '{total}/{max} điểm (điểm đạt: {passMark})',
    en: '{total}/{max} points (pass mark: {passMark})',
  },
  'citizenship.year.eligible': { vi: 'Đủ điều kiện', en: 'Eligible' },
  'citizenship.year.notEligible': { vi: 'Chưa đủ điều kiện', en: 'Not eligible yet' },
  'citizenship.year.notEvaluated': { vi: 'Chưa được đánh giá.', en: 'Not evaluated yet.' },
  'citizenship.year.liveNote': {
    vi: 'Danh sách tự cập nhật theo dữ liệu học tập hiện có của bạn.',
    en: 'This list follows your learning data as it is now.',
  },
  'citizenship.year.storedNote': { vi: 'Kết quả đánh giá lúc {at}.', en: 'Evaluated on {at}.' },
  'citizenship.year.checklist': { vi: 'Các tiêu chí', en: 'Criteria' },
  'citizenship.year.points': { vi: '{points}/{max} điểm', en: '{points}/{max} points' },
  'citizenship.year.evidence': { vi: 'Minh chứng', en: 'Evidence' },
  'citizenship.year.evidencePlan': { vi: 'Kế hoạch học tập cá nhân đã lưu', en: 'Your saved learning plan' },
  'citizenship.year.evidenceHours': {
    vi: 'Đã học {hours} giờ trong năm {year}',
    en: '{hours} learning hours in {year}',
  },
  'citizenship.year.evidenceMore': {
    vi: 'Xem tất cả {count} hoạt động trong quá trình học tập',
    en: 'See all {count} activities in your learning history',
  },
  'citizenship.year.recordHours': { vi: '{hours} giờ', en: '{hours} h' },
  'citizenship.year.missing': { vi: 'Còn thiếu', en: 'Missing' },
  'citizenship.year.statement': { vi: 'Bản tự đánh giá của bạn', en: 'Your statement' },
  'citizenship.year.statementHint': {
    vi: 'Viết ngắn gọn việc bạn đã làm (tối đa 1.000 ký tự). Để trống rồi lưu để rút lại.',
    en: 'Say briefly what you did (at most 1,000 characters). Save it empty to withdraw it.',
  },
  'citizenship.year.saveStatement': { vi: 'Lưu bản tự đánh giá', en: 'Save statement' },
  'citizenship.year.reviewComment': {
    vi: 'Công đoàn nhận xét: {comment}',
    en: 'The union’s comment: {comment}',
  },
  'citizenship.year.submit': { vi: 'Nộp hồ sơ cho công đoàn cơ sở', en: 'Submit to the grassroots union' },
  'citizenship.year.submitHint': {
    vi: 'Bạn vẫn có thể nộp khi chưa đủ điều kiện; kết quả đánh giá sẽ nói rõ còn thiếu gì. Sau khi nộp, bạn vẫn sửa được kế hoạch và bản tự đánh giá cho đến khi công đoàn xác nhận.',
    en: 'You may submit before you are eligible; the evaluation says what is missing. After submitting you can still change your plan and statements until the union confirms.',
  },
  'citizenship.year.submitShort': { vi: 'Nộp hồ sơ', en: 'Submit' },
  'citizenship.year.progress': {
    vi: 'Đã trả lời {answered}/{total}',
    en: 'Answered {answered}/{total}',
  },
  'citizenship.year.submitWaiting': {
    vi: 'Còn {count} tiêu chí tự đánh giá chưa trả lời.',
    en: '{count} self-declared criteria still unanswered.',
  },
  'citizenship.year.submitUnsaved': {
    vi: 'Hãy lưu bản tự đánh giá đang sửa trước khi nộp.',
    en: 'Save the statement you are editing before submitting.',
  },
  'citizenship.year.groupLeft': { vi: 'còn thiếu {count} tiêu chí', en: '{count} still missing' },
  'citizenship.year.whyNot': { vi: 'Vì sao chưa đủ điều kiện', en: 'Why not eligible yet' },
  'citizenship.year.saving': { vi: 'Đang lưu…', en: 'Saving…' },
  'citizenship.year.saved': { vi: 'Đã lưu', en: 'Saved' },
  'citizenship.year.saveFailed': {
    vi: 'Chưa lưu được. Kiểm tra kết nối mạng rồi thử lại.',
    en: 'Not saved. Check the connection and try again.',
  },
  'citizenship.year.submittedAt': { vi: 'Đã nộp lúc {at}.', en: 'Submitted on {at}.' },
  'citizenship.year.returnComment': {
    vi: 'Công đoàn trả lại hồ sơ: {comment}',
    en: 'The union returned your application: {comment}',
  },
  'citizenship.year.lockedNote': {
    vi: 'Hồ sơ đã được công đoàn xác nhận nên kế hoạch học tập và bản tự đánh giá không sửa được nữa.',
    en: 'The union has confirmed the application: the learning plan and statements can no longer be changed.',
  },
  'citizenship.year.rejected': {
    vi: 'Hội Khuyến học không công nhận hồ sơ. Lý do: {reason}',
    en: 'The association did not recognise the application. Reason: {reason}',
  },
  'citizenship.year.revoked': {
    vi: 'Hội Khuyến học đã thu hồi danh hiệu ngày {on}. Lý do: {reason}',
    en: 'The association revoked the title on {on}. Reason: {reason}',
  },
  'citizenship.year.recognised': {
    vi: 'Chúc mừng! Bạn được công nhận danh hiệu “Công dân học tập” năm {year}.',
    en: 'Congratulations! You are recognised as a learning citizen for {year}.',
  },
  'citizenship.year.certificates': {
    vi: 'Xem và tải giấy chứng nhận',
    en: 'See and download the certificate',
  },
  'citizenship.year.plan': { vi: 'Kế hoạch học tập cá nhân', en: 'Personal learning plan' },
  'citizenship.year.editPlan': { vi: 'Sửa kế hoạch học tập', en: 'Edit the learning plan' },
  'citizenship.year.planHours': { vi: '{hours} giờ dự kiến', en: '{hours} hours planned' },
  'citizenship.year.open': { vi: 'Xem hồ sơ', en: 'Open' },
  'citizenship.year.colYear': { vi: 'Năm', en: 'Year' },
  'citizenship.year.colPoints': { vi: 'Điểm', en: 'Points' },
  'citizenship.appStatus.REGISTERED': { vi: 'Đã đăng ký, chưa nộp', en: 'Registered, not submitted' },
  'citizenship.appStatus.SUBMITTED': {
    vi: 'Đã nộp, chờ công đoàn xác nhận',
    en: 'Submitted, awaiting the union',
  },
  'citizenship.appStatus.RETURNED': { vi: 'Công đoàn trả lại để bổ sung', en: 'Returned by the union' },
  'citizenship.appStatus.CONFIRMED': {
    vi: 'Công đoàn đã xác nhận, chờ Hội Khuyến học công nhận',
    en: 'Confirmed by the union, awaiting recognition',
  },
  'citizenship.appStatus.RECOGNISED': { vi: 'Đã được công nhận', en: 'Recognised' },
  'citizenship.appStatus.REJECTED': { vi: 'Không được công nhận', en: 'Not recognised' },
  'citizenship.appStatus.REVOKED': { vi: 'Đã bị thu hồi danh hiệu', en: 'Title revoked' },
  'citizenship.itemState.MET': { vi: 'Đã đạt', en: 'Met' },
  'citizenship.itemState.CONFIRMED': {
    vi: 'Đã đạt (công đoàn đã xác nhận)',
    en: 'Met (confirmed by the union)',
  },
  'citizenship.itemState.DECLARED': { vi: 'Chờ xác nhận', en: 'Awaiting confirmation' },
  'citizenship.itemState.MISSING': { vi: 'Còn thiếu', en: 'Missing' },

  'citizenship.plan.title': {
    vi: 'Kế hoạch học tập cá nhân năm {year}',
    en: 'Personal learning plan {year}',
  },
  'citizenship.plan.intro': {
    vi: 'Đặt mục tiêu và số giờ dự kiến cho từng lĩnh vực bạn muốn học trong năm; cần ít nhất một lĩnh vực.',
    en: 'Set a goal and the hours you plan for each domain you want to learn in this year; at least one.',
  },
  'citizenship.plan.goal': { vi: 'Mục tiêu', en: 'Goal' },
  'citizenship.plan.goalHint': {
    vi: 'Ví dụ: “Học xong khóa Kỹ năng số cơ bản”.',
    en: 'For example: “Finish the basic digital skills course”.',
  },
  'citizenship.plan.hours': { vi: 'Số giờ dự kiến', en: 'Hours planned' },
  'citizenship.plan.hoursHint': { vi: 'Ví dụ: 10 hoặc 1,5', en: 'For example 10 or 1.5' },
  'citizenship.plan.save': { vi: 'Lưu kế hoạch', en: 'Save the plan' },
  'citizenship.plan.registerAndSave': { vi: 'Đăng ký và lưu kế hoạch', en: 'Register and save the plan' },
  'citizenship.plan.error.atLeastOne': {
    vi: 'Vui lòng đặt mục tiêu cho ít nhất một lĩnh vực học tập.',
    en: 'Please set a goal for at least one learning domain.',
  },
  'citizenship.plan.error.hoursRequired': {
    vi: 'Nhập số giờ dự kiến cho mục tiêu này.',
    en: 'Enter the hours planned for this goal.',
  },
  'citizenship.plan.error.goalRequired': {
    vi: 'Nhập mục tiêu cho số giờ này.',
    en: 'Enter the goal for these hours.',
  },
  'citizenship.year.error.notOpen': {
    vi: 'Chỉ đăng ký được danh hiệu của năm hiện tại.',
    en: 'You can only register for the current year.',
  },
  'citizenship.year.error.noCriteria': {
    vi: 'Chưa có bộ tiêu chí nào đang áp dụng; vui lòng liên hệ Hội Khuyến học.',
    en: 'No criteria are in force yet; please contact the study-promotion association.',
  },
  'citizenship.year.error.noEnterprise': {
    vi: 'Bạn chưa có tên trong danh sách người lao động của doanh nghiệp nào nên chưa đăng ký được; hãy liên hệ công đoàn cơ sở.',
    en: 'You are not on any enterprise’s roster, so you cannot register yet; please contact your grassroots union.',
  },
  'citizenship.year.error.locked': {
    vi: 'Hồ sơ đã được xác nhận nên không sửa được nữa.',
    en: 'The application has been confirmed and can no longer be changed.',
  },
  'citizenship.year.error.notDeclared': {
    vi: 'Tiêu chí này không cần tự đánh giá.',
    en: 'This criterion is not self-declared.',
  },
  'citizenship.year.flash.registered': {
    vi: 'Đã đăng ký. Các tiêu chí và minh chứng của bạn ở bên dưới.',
    en: 'Registered. Your criteria and evidence are below.',
  },
  'citizenship.year.flash.planSaved': { vi: 'Đã lưu kế hoạch học tập.', en: 'Learning plan saved.' },
  'citizenship.year.flash.answerSaved': { vi: 'Đã lưu bản tự đánh giá.', en: 'Statement saved.' },
  'citizenship.year.flash.submitted': {
    vi: 'Đã nộp hồ sơ cho công đoàn cơ sở.',
    en: 'Submitted to your grassroots union.',
  },
  'citizenship.year.flash.alreadySubmitted': {
    vi: 'Hồ sơ đã được nộp trước đó.',
    en: 'The application was already submitted.',
  },

  'citizenship.topic.LAW': { vi: 'chính trị, pháp luật', en: 'politics and law' },
  'citizenship.topic.VOCATIONAL': { vi: 'kỹ năng nghề nghiệp', en: 'vocational skills' },
  'citizenship.topic.LIFE_SKILLS': { vi: 'kỹ năng sống', en: 'life skills' },
  'citizenship.topic.DIGITAL': { vi: 'công nghệ thông tin, công nghệ số', en: 'IT and digital technology' },
  'citizenship.missing.domainRecords': {
    vi: 'Cần thêm {count} hoạt động học tập về {domain} trong năm {year}.',
    en: '{count} more learning activity on {domain} needed in {year}.',
  },
  'citizenship.missing.anyRecords': {
    vi: 'Cần thêm {count} hoạt động học tập (khóa học, buổi sinh hoạt…) trong năm {year}.',
    en: '{count} more learning activity (a course, a session…) needed in {year}.',
  },
  'citizenship.missing.hours': {
    vi: 'Cần học thêm {hours} giờ trong năm {year} (đã có {have}/{min} giờ).',
    en: '{hours} more learning hours needed in {year} ({have} of {min} so far).',
  },
  'citizenship.missing.plan': {
    vi: 'Cần lưu kế hoạch học tập cá nhân.',
    en: 'Save your personal learning plan.',
  },
  'citizenship.missing.sessions': {
    vi: 'Cần tham dự thêm {count} buổi {kinds} trong năm {year}.',
    en: 'Attend {count} more session of {kinds} in {year}.',
  },
  'citizenship.missing.declared': {
    vi: 'Cần viết bản tự đánh giá cho tiêu chí này.',
    en: 'Write your statement for this criterion.',
  },
  'citizenship.missing.returned': {
    vi: 'Công đoàn đã trả lại bản tự đánh giá; vui lòng sửa và lưu lại.',
    en: 'The union returned your statement; please revise and save it.',
  },
  'citizenship.missing.noRule': {
    vi: 'Tiêu chí chưa có quy tắc xác định; vui lòng liên hệ Hội Khuyến học.',
    en: 'The criterion has no rule yet; please contact the association.',
  },
  'citizenship.reason.belowPassMark': {
    vi: 'Tổng điểm {total} thấp hơn điểm đạt {passMark} (còn thiếu {missing} điểm).',
    en: 'Total {total} is below the pass mark {passMark} ({missing} points short).',
  },
  'citizenship.reason.groupBelowMinimum': {
    vi: 'Nhóm “{group}” mới đạt {points} điểm, chưa đủ mức tối thiểu {minPoints} điểm.',
    en: 'Group “{group}” has {points} points, below its minimum of {minPoints}.',
  },
  'citizenship.notice.eligible': {
    vi: 'Hồ sơ Công dân học tập năm {year} của bạn đã đủ điều kiện ({total} điểm).',
    en: 'Your learning citizen application for {year} is now eligible ({total} points).',
  },
  'citizenship.notice.notEligible': {
    vi: 'Hồ sơ Công dân học tập năm {year} của bạn hiện chưa đủ điều kiện ({total} điểm); hãy xem các tiêu chí còn thiếu.',
    en: 'Your learning citizen application for {year} is not eligible at the moment ({total} points); see what is missing.',
  },

  // --- batch evaluation -------------------------------------------------------------------------
  'citizenship.batch.title': {
    vi: 'Đánh giá Công dân học tập theo lô',
    en: 'Batch learning citizen evaluation',
  },
  'citizenship.batch.intro': {
    vi: 'Đánh giá lại mọi hồ sơ chưa được quyết định của một năm theo bộ tiêu chí đang áp dụng, ví dụ sau khi kích hoạt phiên bản mới. Hồ sơ không thay đổi dữ liệu thì giữ nguyên kết quả.',
    en: 'Evaluates every undecided application of a year again under the criteria in force, e.g. after a new version is activated. Applications whose data did not change keep their result.',
  },
  'citizenship.batch.year': { vi: 'Năm', en: 'Year' },
  'citizenship.batch.kind': { vi: 'Phạm vi', en: 'Scope' },
  'citizenship.batch.kind.ENTERPRISE': { vi: 'Một doanh nghiệp', en: 'One enterprise' },
  'citizenship.batch.kind.UNIT': {
    vi: 'Một đơn vị hành chính (kể cả cấp dưới)',
    en: 'An administrative unit (and the units below it)',
  },
  'citizenship.batch.kind.PROVINCE': { vi: 'Toàn tỉnh', en: 'The whole province' },
  'citizenship.batch.enterprise': { vi: 'Doanh nghiệp', en: 'Enterprise' },
  'citizenship.batch.unit': { vi: 'Đơn vị hành chính', en: 'Administrative unit' },
  'citizenship.batch.scopeHint': {
    vi: 'Chọn doanh nghiệp khi phạm vi là một doanh nghiệp, đơn vị khi phạm vi là đơn vị hành chính.',
    en: 'Choose the enterprise for one enterprise, the unit for an administrative unit.',
  },
  'citizenship.batch.unitLapsed': { vi: '{name} (đến {date})', en: '{name} (until {date})' },
  'citizenship.batch.start': { vi: 'Bắt đầu đánh giá', en: 'Start the evaluation' },
  'citizenship.batch.runTitle': { vi: 'Lượt đánh giá theo lô', en: 'Batch evaluation run' },
  'citizenship.batch.summary': {
    vi: 'Năm {year} · {scope}',
    en: '{year} · {scope}',
  },
  'citizenship.batch.evaluated': { vi: 'Hồ sơ đã đánh giá', en: 'Applications evaluated' },
  'citizenship.batch.eligible': { vi: 'Đủ điều kiện', en: 'Eligible' },
  'citizenship.batch.notEligible': { vi: 'Chưa đủ điều kiện', en: 'Not eligible' },
  'citizenship.batch.changed': { vi: 'Có kết quả mới', en: 'With a new result' },
  'citizenship.batch.done': { vi: 'Đã đánh giá xong.', en: 'The evaluation is finished.' },
  'citizenship.batch.failed': {
    vi: 'Lượt đánh giá bị lỗi. Vui lòng thử lại; nếu vẫn lỗi, hãy báo cho quản trị viên.',
    en: 'The evaluation failed. Please try again, or tell the administrator.',
  },
  'citizenship.batch.again': { vi: 'Đánh giá lượt khác', en: 'Run another evaluation' },
  'citizenship.batch.joined': {
    vi: 'Một lượt đánh giá cùng năm và phạm vi đang chờ chạy; kết quả sẽ có khi lượt đó xong.',
    en: 'An evaluation of the same year and scope is already waiting; its result will follow.',
  },
  'citizenship.batch.error.outOfScope': {
    vi: 'Ngoài phạm vi bạn được phép đánh giá.',
    en: 'Outside the scope you may evaluate.',
  },

  // --- titles of past years (history import) ------------------------------------------------
  'history.titles.title': { vi: 'Công dân học tập các năm trước', en: 'Learning citizens of past years' },
  'history.titles.intro': {
    vi: 'Danh sách công dân học tập do Hội Khuyến học công nhận trong các năm trước khi dùng hoctap: mỗi dòng một người, một năm, với số và ngày quyết định, ngày và lý do thu hồi nếu có. Danh hiệu được tính vào số liệu của năm đó từ ngày quyết định, như danh hiệu công nhận trên hoctap.',
    en: 'Learning citizens the association recognised in the years before hoctap: one person and year per row, with the decision number and date, and the revocation date and reason if any. A title counts in its year from the decision day, like titles recognised in hoctap.',
  },
  'history.titles.noHeader': {
    vi: 'Không tìm thấy dòng tiêu đề (Số CCCD, Họ và tên, Ngày sinh, Năm công nhận, Hội Khuyến học công nhận, Số quyết định, Ngày quyết định) trong 10 dòng đầu. Hãy dùng tệp mẫu.',
    en: 'No header row (CCCD, name, date of birth, year, recognising branch, decision number, decision date) in the first 10 rows. Use the template.',
  },
  'history.titles.year': {
    vi: 'Năm công nhận phải là một năm đã qua, từ {from} đến {to}; danh hiệu của năm nay được xét và công nhận trên hoctap.',
    en: "The year must be a past year, from {from} to {to}; this year's titles are reviewed and recognised in hoctap.",
  },
  'history.titles.decisionYear': {
    vi: 'Ngày quyết định phải trong năm {year} hoặc năm sau đó.',
    en: 'The decision date must be in {year} or the year after.',
  },
  'history.titles.branchUnknown': {
    vi: 'Không có Hội Khuyến học tên "{name}" trong danh mục. Hãy ghi đúng tên như trong danh mục Hội Khuyến học.',
    en: 'No association branch is named "{name}". Write the name as the branches list has it.',
  },
  'history.titles.branchNotInForce': {
    vi: '"{name}" không còn (hoặc chưa) hoạt động vào ngày quyết định.',
    en: '"{name}" was not in operation on the decision date.',
  },
  'history.titles.revokedBefore': {
    vi: 'Ngày thu hồi không được trước ngày quyết định.',
    en: 'The revocation date must not be before the decision date.',
  },
  'history.titles.reasonRequired': {
    vi: 'Hãy ghi lý do thu hồi.',
    en: 'Give the reason for the revocation.',
  },
  'history.titles.inHoctap': {
    vi: 'Người này đã được công nhận danh hiệu năm {year} trên hoctap; danh hiệu đó không bị ghi đè.',
    en: 'This person was recognised for {year} in hoctap; that title is not overwritten.',
  },
});
