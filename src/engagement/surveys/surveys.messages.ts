import { defineMessages } from '../../common/i18n/messages';

export const surveysMessages = defineMessages({
  'nav.surveys': { vi: 'Khảo sát nhu cầu học tập', en: 'Learning-needs surveys' },
  'nav.mySurveys': { vi: 'Khảo sát', en: 'Surveys' },

  'surveys.intro.author': {
    vi: 'Xây dựng phiếu khảo sát nhu cầu học tập, chọn doanh nghiệp hoặc xã, phường được khảo sát, mở trong một khoảng thời gian và xem kết quả tổng hợp.',
    en: 'Build a learning-needs survey, choose the enterprises or communes it asks, open it for a period and read the aggregate results.',
  },
  'surveys.intro.officer': {
    vi: 'Các khảo sát gửi tới doanh nghiệp của bạn: xem tỷ lệ người lao động đã trả lời và phát mã trả lời cho người chưa có tài khoản. Bạn không xem được câu trả lời của từng người.',
    en: 'The surveys sent to your enterprise: see the share of workers who answered and hand out answer codes to those without an account. You never see a single person’s answers.',
  },
  'surveys.none': { vi: 'Chưa có khảo sát nào.', en: 'No survey yet.' },
  'surveys.new': { vi: 'Tạo khảo sát', en: 'New survey' },
  'surveys.newIntro': {
    vi: 'Đặt tên và thời gian mở khảo sát; sau khi tạo, thêm câu hỏi và chọn nơi khảo sát rồi công bố.',
    en: 'Give the survey a title and a period; then add questions, choose whom it asks and publish it.',
  },
  'surveys.create': { vi: 'Tạo khảo sát', en: 'Create survey' },
  'surveys.created': { vi: 'Đã tạo khảo sát (bản nháp).', en: 'Survey created (draft).' },
  'surveys.details': { vi: 'Thông tin khảo sát', en: 'Survey details' },
  'surveys.questions': { vi: 'Câu hỏi', en: 'Questions' },
  'surveys.noQuestions': { vi: 'Chưa có câu hỏi nào.', en: 'No question yet.' },
  'surveys.addQuestion': { vi: 'Thêm câu hỏi', en: 'Add question' },
  'surveys.deleteQuestion': { vi: 'Xóa câu hỏi', en: 'Delete question' },
  'surveys.questionAdded': { vi: 'Đã thêm câu hỏi.', en: 'Question added.' },
  'surveys.questionDeleted': { vi: 'Đã xóa câu hỏi.', en: 'Question deleted.' },
  'surveys.optional': { vi: 'không bắt buộc', en: 'optional' },
  'surveys.choicesHint': {
    vi: 'Với câu hỏi chọn một hoặc chọn nhiều: mỗi dòng một phương án (từ 2 đến 20).',
    en: 'For single or multiple choice: one choice per line (2 to 20).',
  },
  'surveys.scaleHint': {
    vi: 'Với câu hỏi thang điểm 1–5: nhãn của mức 1 và mức 5.',
    en: 'For a 1–5 scale: the labels of 1 and 5.',
  },
  'surveys.scaleLow': { vi: 'Thấp nhất', en: 'Lowest' },
  'surveys.scaleHigh': { vi: 'Cao nhất', en: 'Highest' },
  'surveys.targets': { vi: 'Nơi khảo sát', en: 'Whom the survey asks' },
  'surveys.targetsIntro': {
    vi: 'Chọn doanh nghiệp và/hoặc xã, phường. Chọn một xã, phường nghĩa là mọi doanh nghiệp đóng trên địa bàn đó vào ngày công bố.',
    en: 'Choose enterprises and/or communes. A commune means every enterprise located in it on the day of publishing.',
  },
  'surveys.enterpriseSearch': {
    vi: 'Tìm doanh nghiệp theo tên hoặc mã số thuế',
    en: 'Find an enterprise by name or tax code',
  },
  'surveys.noEnterprises': { vi: 'Không tìm thấy doanh nghiệp nào.', en: 'No enterprise found.' },
  'surveys.saveTargets': { vi: 'Lưu nơi khảo sát', en: 'Save targets' },
  'surveys.targetCount': { vi: 'Đã chọn {count} nơi khảo sát.', en: '{count} targets chosen.' },
  'surveys.publish': { vi: 'Công bố khảo sát', en: 'Publish survey' },
  'surveys.publishIntro': {
    vi: 'Sau khi công bố, câu hỏi và nơi khảo sát không sửa được nữa; người lao động trả lời được trong thời gian mở.',
    en: 'Once published, the questions and targets no longer change; workers can answer during the period.',
  },
  'surveys.published': {
    vi: 'Đã công bố khảo sát tới {enterprises} doanh nghiệp.',
    en: 'Survey published to {enterprises} enterprises.',
  },
  'surveys.close': { vi: 'Kết thúc khảo sát ngay', en: 'Close the survey now' },
  'surveys.closed': { vi: 'Đã kết thúc khảo sát.', en: 'Survey closed.' },

  'surveys.state.DRAFT': { vi: 'Bản nháp', en: 'Draft' },
  'surveys.state.UPCOMING': { vi: 'Sắp mở', en: 'Upcoming' },
  'surveys.state.OPEN': { vi: 'Đang mở', en: 'Open' },
  'surveys.state.ENDED': { vi: 'Đã kết thúc', en: 'Ended' },
  'surveys.kind.SINGLE': { vi: 'Chọn một', en: 'Single choice' },
  'surveys.kind.MULTIPLE': { vi: 'Chọn nhiều', en: 'Multiple choice' },
  'surveys.kind.SCALE': { vi: 'Thang điểm 1–5', en: 'Scale 1–5' },
  'surveys.kind.TEXT': { vi: 'Trả lời ngắn', en: 'Short text' },

  'surveys.field.title': { vi: 'Tên khảo sát', en: 'Title' },
  'surveys.field.description': { vi: 'Mô tả', en: 'Description' },
  'surveys.field.opensOn': { vi: 'Ngày mở', en: 'Opens on' },
  'surveys.field.closesOn': { vi: 'Ngày kết thúc', en: 'Closes on' },
  'surveys.field.period': { vi: 'Thời gian khảo sát', en: 'Period' },
  'surveys.field.state': { vi: 'Trạng thái', en: 'Status' },
  'surveys.field.kind': { vi: 'Loại câu hỏi', en: 'Question type' },
  'surveys.field.questionText': { vi: 'Nội dung câu hỏi', en: 'Question' },
  'surveys.field.choices': { vi: 'Các phương án trả lời', en: 'Choices' },
  'surveys.field.lowLabel': { vi: 'Nhãn mức 1', en: 'Label of 1' },
  'surveys.field.highLabel': { vi: 'Nhãn mức 5', en: 'Label of 5' },
  'surveys.field.optional': { vi: 'Không bắt buộc trả lời', en: 'Answer optional' },
  'surveys.field.enterprise': { vi: 'Doanh nghiệp', en: 'Enterprise' },
  'surveys.field.enterprises': { vi: 'Doanh nghiệp', en: 'Enterprises' },
  'surveys.field.communes': { vi: 'Xã, phường', en: 'Communes' },
  'surveys.field.unit': { vi: 'Xã, phường (địa bàn)', en: 'Commune (area)' },
  'surveys.field.roster': { vi: 'Số người lao động hiện có', en: 'Workers on the roster' },
  'surveys.field.respondents': { vi: 'Số người đã trả lời', en: 'Respondents' },
  'surveys.field.rate': { vi: 'Tỷ lệ trả lời (%)', en: 'Response rate (%)' },
  'surveys.field.group': { vi: 'Phạm vi tổng hợp', en: 'Group' },
  'surveys.field.questionNumber': { vi: 'Câu số', en: 'Question no.' },
  'surveys.field.question': { vi: 'Câu hỏi', en: 'Question' },
  'surveys.field.answered': { vi: 'Số người trả lời câu này', en: 'Answered this question' },
  'surveys.field.answer': { vi: 'Phương án', en: 'Answer' },
  'surveys.field.count': { vi: 'Số lượt chọn', en: 'Count' },
  'surveys.field.share': { vi: 'Tỷ lệ (%)', en: 'Share (%)' },
  'surveys.field.mean': { vi: 'Điểm trung bình', en: 'Mean' },
  'surveys.field.topAnswers': { vi: 'Phương án được chọn nhiều nhất', en: 'Most chosen answers' },
  'surveys.field.code': { vi: 'Mã trả lời', en: 'Answer code' },
  'surveys.field.codeCount': { vi: 'Số mã cần phát', en: 'Number of codes' },

  'surveys.mine.title': { vi: 'Khảo sát dành cho bạn', en: 'Surveys for you' },
  'surveys.mine.intro': {
    vi: 'Công đoàn và các cơ quan muốn biết bạn cần học gì. Mỗi khảo sát chỉ trả lời một lần và không ai xem được câu trả lời riêng của bạn.',
    en: 'The union and the authorities want to know what you need to learn. Each survey is answered once and nobody sees your own answers.',
  },
  'surveys.mine.none': { vi: 'Hiện không có khảo sát nào đang mở.', en: 'No survey is open now.' },
  'surveys.openUntil': { vi: 'Mở đến hết ngày {date}.', en: 'Open until {date}.' },
  'surveys.answerNow': { vi: 'Trả lời khảo sát', en: 'Answer the survey' },
  'surveys.alreadyAnswered': {
    vi: 'Bạn đã trả lời khảo sát này. Cảm ơn bạn!',
    en: 'You have answered this survey. Thank you!',
  },
  'surveys.answerIntro': {
    vi: 'Các câu có dấu * là bắt buộc. Câu trả lời chỉ được dùng để tổng hợp, không gắn với tên bạn khi báo cáo.',
    en: 'Questions marked * are required. Answers are only used in totals, never reported under your name.',
  },
  'surveys.manyChoices': { vi: 'Có thể chọn nhiều phương án.', en: 'You may choose several.' },
  'surveys.send': { vi: 'Gửi câu trả lời', en: 'Send answers' },
  'surveys.thanks': { vi: 'Cảm ơn bạn đã trả lời khảo sát!', en: 'Thank you for answering!' },
  'surveys.thanksBody': {
    vi: 'Câu trả lời của bạn đã được ghi nhận. Mã trả lời đã dùng không dùng lại được.',
    en: 'Your answers are recorded. A used code cannot be used again.',
  },

  'surveys.code.title': { vi: 'Trả lời khảo sát bằng mã', en: 'Answer a survey with a code' },
  'surveys.code.intro': {
    vi: 'Nếu bạn chưa có tài khoản, hãy nhập mã trả lời do công đoàn cơ sở phát cho bạn. Mỗi mã chỉ dùng được một lần.',
    en: 'Without an account, type the answer code your grassroots union gave you. Each code works once.',
  },
  'surveys.code.hint': {
    vi: 'Ví dụ: K7M2-P9QX (không phân biệt chữ hoa, chữ thường).',
    en: 'E.g. K7M2-P9QX (any case).',
  },
  'surveys.code.continue': { vi: 'Tiếp tục', en: 'Continue' },
  'surveys.code.enter': { vi: 'Nhập mã trả lời', en: 'Enter an answer code' },

  'surveys.codes.title': {
    vi: 'Mã trả lời cho người chưa có tài khoản',
    en: 'Answer codes for workers without an account',
  },
  'surveys.codes.intro': {
    vi: 'Phát cho mỗi người lao động chưa có tài khoản một mã; mã chỉ dùng một lần và được tính cho doanh nghiệp của bạn. Mã chỉ hiện một lần để in.',
    en: 'Give each worker without an account one code; it works once and counts for your enterprise. The codes are shown once, to print.',
  },
  'surveys.codes.countHint': { vi: 'Tối đa 200 mã mỗi lần.', en: 'At most 200 codes at a time.' },
  'surveys.codes.issue': { vi: 'Tạo mã để in', en: 'Make codes to print' },
  'surveys.codes.printIntro': {
    vi: 'Đã tạo {count} mã. Hãy in trang này ngay: mã không hiện lại lần nữa.',
    en: '{count} codes made. Print this page now: the codes are not shown again.',
  },
  'surveys.codes.howTo': {
    vi: 'Vào trang hoctap › “Trả lời khảo sát bằng mã” (/survey-code) và nhập mã:',
    en: 'Open hoctap › “Answer a survey with a code” (/survey-code) and type:',
  },
  'surveys.codes.shownOnce': {
    vi: 'Mã chỉ hiện một lần ngay sau khi tạo. Hãy tạo mã mới nếu cần.',
    en: 'Codes are shown once, right after they are made. Make new ones if needed.',
  },

  'surveys.officer.intro': {
    vi: 'Tỷ lệ trả lời = số người đã trả lời ÷ số người lao động đang làm việc tại doanh nghiệp hôm nay. Bạn không xem được câu trả lời của từng người.',
    en: 'Response rate = respondents ÷ workers employed at the enterprise today. You never see a single person’s answers.',
  },
  'surveys.officer.withheld.SMALL_GROUP': {
    vi: 'Kết quả tổng hợp chỉ hiện khi có từ {min} người trả lời trở lên, để không ai đoán được câu trả lời của từng người.',
    en: 'The aggregate shows only from {min} respondents up, so that nobody can tell a single person’s answers.',
  },
  'surveys.officer.withheld.OPEN': {
    vi: 'Kết quả tổng hợp của doanh nghiệp chỉ hiển thị sau khi khảo sát kết thúc và có từ {min} người trả lời trở lên. Trong khi khảo sát đang mở, bạn chỉ xem được tỷ lệ trả lời, để không ai suy ra được câu trả lời của người vừa trả lời.',
    en: 'The enterprise’s aggregate shows only after the survey has ended and from {min} respondents up. While the survey is open you see the response rate only, so that nobody can work out the answers of the latest respondent.',
  },
  'surveys.rates.title': { vi: 'Tỷ lệ trả lời', en: 'Response rate' },
  'surveys.rates.byEnterprise': { vi: 'Tỷ lệ trả lời theo doanh nghiệp', en: 'Response rate by enterprise' },
  'surveys.rates.byUnit': { vi: 'Tỷ lệ trả lời theo xã, phường', en: 'Response rate by commune' },
  'surveys.rates.total': {
    vi: '{respondents} / {roster} người lao động đã trả lời ({rate}).',
    en: '{respondents} of {roster} workers answered ({rate}).',
  },

  'surveys.results.title': { vi: 'Kết quả khảo sát', en: 'Survey results' },
  'surveys.results.open': { vi: 'Xem kết quả', en: 'See the results' },
  'surveys.results.filter': { vi: 'Chọn phạm vi tổng hợp', en: 'Choose the group' },
  'surveys.results.show': { vi: 'Xem', en: 'Show' },
  'surveys.results.wholeSurvey': { vi: 'Toàn bộ khảo sát (toàn tỉnh)', en: 'Whole survey (province)' },
  'surveys.results.respondents': { vi: 'Số người trả lời: {count}', en: 'Respondents: {count}' },
  'surveys.results.answered': { vi: '{count} người trả lời câu này', en: '{count} answered this question' },
  'surveys.results.share': { vi: 'Tỷ lệ chọn (%)', en: 'Share (%)' },
  'surveys.results.chartOf': {
    vi: 'Biểu đồ tỷ lệ chọn của câu {number}',
    en: 'Chart of the shares of question {number}',
  },
  'surveys.results.tableOf': {
    vi: 'Số lượt chọn và tỷ lệ, câu {number}',
    en: 'Counts and shares, question {number}',
  },
  'surveys.results.noTexts': { vi: 'Chưa có câu trả lời.', en: 'No answer yet.' },
  'surveys.results.textsFederationOnly': {
    vi: 'Câu trả lời ngắn chỉ Liên đoàn Lao động tỉnh xem được (không kèm tên người trả lời).',
    en: 'Short-text answers are read by the provincial federation only (without names).',
  },

  'surveys.report.title': { vi: 'Nhu cầu học tập của người lao động', en: 'Workers’ learning needs' },
  'surveys.report.note': {
    vi: 'Các cuộc khảo sát kết thúc trong năm: số người trả lời và các phương án được chọn nhiều nhất.',
    en: 'Surveys that ended in the year: respondents and the most chosen answers.',
  },
  'surveys.report.surveys': { vi: 'Các cuộc khảo sát nhu cầu học tập', en: 'Learning-needs surveys' },
  'surveys.report.topAnswers': { vi: 'Phương án được chọn nhiều nhất', en: 'Most chosen answers' },

  'surveys.error.closesBeforeOpens': {
    vi: 'Ngày kết thúc không được trước ngày mở.',
    en: 'The closing day cannot be before the opening day.',
  },
  'surveys.error.closesInPast': {
    vi: 'Ngày kết thúc đã qua: hãy sửa thời gian khảo sát trước khi công bố.',
    en: 'The closing day is past: change the period before publishing.',
  },
  'surveys.error.choiceCount': {
    vi: 'Cần từ {min} đến {max} phương án, mỗi dòng một phương án.',
    en: 'Give {min} to {max} choices, one per line.',
  },
  'surveys.error.notDraft': {
    vi: 'Khảo sát đã công bố, không sửa được nữa.',
    en: 'The survey is published and can no longer change.',
  },
  'surveys.error.noQuestion': {
    vi: 'Hãy thêm ít nhất một câu hỏi trước khi công bố.',
    en: 'Add at least one question before publishing.',
  },
  'surveys.error.noTarget': {
    vi: 'Chưa chọn nơi khảo sát, hoặc nơi đã chọn không có doanh nghiệp nào.',
    en: 'No target chosen, or the targets hold no enterprise.',
  },
  'surveys.error.enterpriseOutOfScope': {
    vi: 'Doanh nghiệp này không thuộc phạm vi của bạn.',
    en: 'This enterprise is outside your scope.',
  },
  'surveys.error.notACommune': {
    vi: 'Chỉ chọn xã, phường đang có hiệu lực.',
    en: 'Choose communes in force only.',
  },
  'surveys.error.notOpen': { vi: 'Khảo sát không còn mở.', en: 'The survey is not open.' },
  'surveys.error.answerRequired': { vi: 'Vui lòng trả lời câu hỏi này.', en: 'Please answer this question.' },
  'surveys.error.badChoice': { vi: 'Phương án không hợp lệ.', en: 'Not a valid choice.' },
  'surveys.error.oneChoice': { vi: 'Chỉ chọn một phương án.', en: 'Choose one answer only.' },
  'surveys.error.alreadyAnswered': {
    vi: 'Bạn đã trả lời khảo sát này rồi; mỗi người chỉ trả lời một lần.',
    en: 'You have answered this survey already; everyone answers once.',
  },
  'surveys.error.badCode': { vi: 'Mã trả lời không đúng.', en: 'Wrong answer code.' },
  'surveys.error.codeUsed': { vi: 'Mã này đã được dùng.', en: 'This code has been used.' },
  'surveys.error.codeFirst': {
    vi: 'Hãy nhập mã trả lời trước.',
    en: 'Enter your answer code first.',
  },
  'surveys.error.tooManyCodes': {
    vi: 'Nhập sai mã quá nhiều lần. Vui lòng thử lại sau {minutes} phút.',
    en: 'Too many wrong codes. Try again in {minutes} minutes.',
  },

  // Headers of the personal-data export's columns (privacy): a worker's own survey answers.
  'privacy.export.section.surveyAnswers': { vi: 'Câu trả lời khảo sát', en: 'Survey answers' },
  'privacy.export.column.surveyId': { vi: 'Mã khảo sát', en: 'Survey ID' },
  'privacy.export.column.surveyTitle': { vi: 'Khảo sát', en: 'Survey' },
  'privacy.export.column.responseId': { vi: 'Mã phiếu trả lời', en: 'Response ID' },
  'privacy.export.column.questionId': { vi: 'Mã câu hỏi', en: 'Question ID' },
  'privacy.export.column.question': { vi: 'Câu hỏi', en: 'Question' },
  'privacy.export.column.answer': { vi: 'Câu trả lời', en: 'Answer' },
  'privacy.export.column.choice': { vi: 'Phương án đã chọn', en: 'Choice' },
  'privacy.export.column.text': { vi: 'Nội dung trả lời', en: 'Text' },
  'privacy.export.column.codeId': { vi: 'Mã trả lời đã dùng', en: 'Answer code used' },
  'privacy.export.column.unitId': { vi: 'Mã đơn vị hành chính', en: 'Administrative unit ID' },
});
