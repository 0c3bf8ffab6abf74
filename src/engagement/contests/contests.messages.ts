import { defineMessages } from '../../common/i18n/messages';

export const contestsMessages = defineMessages({
  'nav.contests': { vi: 'Phong trào, hội thi', en: 'Movements and contests' },

  'contests.intro': {
    vi: 'Hội thi thợ giỏi, phong trào ôn luyện lý thuyết, thực hành tay nghề và cuộc thi trực tuyến tìm hiểu pháp luật. Tham gia được ghi nhận vào kết quả học tập của người lao động.',
    en: 'Skilled-worker contests, theory-review movements and online law quiz contests. Taking part counts as learning.',
  },
  'contests.new': { vi: 'Tạo cuộc thi', en: 'Create a contest' },
  'contests.newTitle': { vi: 'Tạo phong trào, hội thi', en: 'Create a movement or contest' },
  'contests.none': { vi: 'Chưa có phong trào, hội thi nào.', en: 'No movement or contest yet.' },
  'contests.created': { vi: 'Đã tạo cuộc thi.', en: 'Contest created.' },
  'contests.provinceWide': {
    vi: 'Liên đoàn Lao động tỉnh (toàn tỉnh)',
    en: 'Provincial Labour Federation (province-wide)',
  },
  'contests.provinceWideHint': {
    vi: 'Cuộc thi của Liên đoàn Lao động tỉnh dành cho người lao động ở mọi doanh nghiệp trong tỉnh, trừ khi bạn chọn một số xã, phường bên dưới.',
    en: 'The federation’s contests are open to workers of every enterprise in the province, unless you choose some communes below.',
  },
  'contests.forCommunes': {
    vi: 'Liên đoàn Lao động tỉnh, cho doanh nghiệp tại: {communes}',
    en: 'Provincial Labour Federation, for enterprises in: {communes}',
  },
  'contests.field.communes': { vi: 'Dành cho xã, phường', en: 'For communes' },
  'contests.communesHint': {
    vi: 'Không chọn xã, phường nào: cuộc thi dành cho toàn tỉnh. Chọn một hoặc nhiều xã, phường: chỉ người lao động và cán bộ công đoàn của các doanh nghiệp đặt tại đó thấy cuộc thi và tham gia.',
    en: 'No commune: the contest is province-wide. One or more communes: only workers and union officers of the enterprises located there see it and take part.',
  },

  'contests.kind.SKILLS_CONTEST': { vi: 'Hội thi thợ giỏi', en: 'Skilled-worker contest' },
  'contests.kind.THEORY_REVIEW': {
    vi: 'Phong trào ôn luyện lý thuyết, thực hành tay nghề',
    en: 'Theory review and skills practice movement',
  },
  'contests.kind.LAW_QUIZ': { vi: 'Cuộc thi trực tuyến tìm hiểu pháp luật', en: 'Online law quiz contest' },

  'contests.field.title': { vi: 'Tên cuộc thi', en: 'Title' },
  'contests.field.kind': { vi: 'Loại', en: 'Kind' },
  'contests.field.year': { vi: 'Năm', en: 'Year' },
  'contests.field.description': { vi: 'Thể lệ, nội dung', en: 'Rules and content' },
  'contests.field.hours': {
    vi: 'Số giờ học ghi nhận cho mỗi người tham gia',
    en: 'Learning hours credited per participant',
  },
  'contests.hoursValue': { vi: '{hours} giờ học', en: '{hours} learning hours' },
  'contests.field.enterprise': { vi: 'Doanh nghiệp', en: 'Enterprise' },
  'contests.field.organiser': { vi: 'Đơn vị tổ chức', en: 'Organiser' },
  'contests.field.domain': { vi: 'Lĩnh vực học tập', en: 'Learning domain' },
  'contests.field.roundName': { vi: 'Tên vòng thi', en: 'Round name' },
  'contests.field.opensAt': { vi: 'Mở từ', en: 'Opens at' },
  'contests.field.closesAt': { vi: 'Đóng lúc', en: 'Closes at' },
  'contests.field.timeLimitMinutes': { vi: 'Thời gian làm bài (phút)', en: 'Time limit (minutes)' },
  'contests.field.questionCount': {
    vi: 'Số câu hỏi mỗi bài (để trống: cả ngân hàng)',
    en: 'Questions per attempt (empty: the whole bank)',
  },
  'contests.field.prompt': { vi: 'Câu hỏi', en: 'Question' },
  'contests.field.options': {
    vi: 'Các phương án (mỗi dòng một phương án, 2–6 dòng)',
    en: 'Options (one per line, 2–6)',
  },
  'contests.field.correct': {
    vi: 'Số thứ tự phương án đúng (có thể chọn nhiều)',
    en: 'Number of the correct option(s)',
  },
  'contests.field.worker': { vi: 'Người lao động', en: 'Worker' },

  'contests.registrations': { vi: 'Số người đăng ký', en: 'Registrations' },
  'contests.participants': { vi: 'Số người tham gia', en: 'Participants' },
  'contests.prizes': { vi: 'Số giải', en: 'Prizes' },
  'contests.position': { vi: 'Hạng', en: 'Rank' },
  'contests.score': { vi: 'Điểm', en: 'Score' },
  'contests.maxScore': { vi: 'Điểm tối đa', en: 'Max score' },
  'contests.duration': { vi: 'Thời gian làm bài (phút:giây)', en: 'Time taken (min:s)' },
  'contests.prize': { vi: 'Giải', en: 'Prize' },
  'contests.rank': { vi: 'Xếp hạng (nếu có)', en: 'Rank (if any)' },
  'contests.registeredAt': { vi: 'Đăng ký lúc', en: 'Registered at' },

  'contests.roundsTitle': { vi: 'Các vòng thi', en: 'Rounds' },
  'contests.noRounds': { vi: 'Chưa có vòng thi nào.', en: 'No round yet.' },
  'contests.state': { vi: 'Tình trạng', en: 'State' },
  'contests.state.upcoming': { vi: 'Sắp mở', en: 'Upcoming' },
  'contests.state.open': { vi: 'Đang mở', en: 'Open' },
  'contests.state.closed': { vi: 'Đã đóng', en: 'Closed' },
  'contests.yourResult': { vi: 'Kết quả của bạn', en: 'Your result' },
  'contests.yourPosition': { vi: 'Hạng {position}/{total}', en: 'Rank {position} of {total}' },
  'contests.start': { vi: 'Bắt đầu làm bài', en: 'Start the quiz' },
  'contests.resume': { vi: 'Tiếp tục làm bài', en: 'Continue the quiz' },
  'contests.startHint': {
    vi: 'Mỗi vòng chỉ được làm bài một lần. Thời gian tính từ lúc bấm "Bắt đầu làm bài".',
    en: 'One attempt per round. The time runs from "Start the quiz".',
  },
  'contests.lateMark': { vi: 'Nộp quá giờ, không được chấm', en: 'Submitted late, not marked' },
  'contests.viewRanking': { vi: 'Xem xếp hạng', en: 'Ranking' },
  'contests.addRound': { vi: 'Thêm vòng thi', en: 'Add a round' },
  'contests.roundAdded': { vi: 'Đã thêm vòng thi.', en: 'Round added.' },
  'contests.questionsTitle': { vi: 'Ngân hàng câu hỏi', en: 'Question bank' },
  'contests.questionsCount': { vi: '{count} câu hỏi', en: '{count} questions' },
  'contests.addQuestion': { vi: 'Thêm câu hỏi', en: 'Add a question' },
  'contests.questionAdded': { vi: 'Đã thêm câu hỏi vào ngân hàng.', en: 'Question added to the bank.' },
  'contests.correctMark': { vi: '(đúng)', en: '(correct)' },
  'contests.register': { vi: 'Đăng ký tham gia', en: 'Register' },
  'contests.registered': { vi: 'Bạn đã đăng ký tham gia.', en: 'You are registered.' },
  'contests.alreadyRegistered': { vi: 'Bạn đã đăng ký trước đó.', en: 'You were registered already.' },
  'contests.youAreRegistered': {
    vi: 'Bạn đã đăng ký tham gia cuộc thi này.',
    en: 'You are registered for this contest.',
  },
  'contests.registrationsTitle': { vi: 'Người đăng ký', en: 'Registered workers' },
  'contests.registerWorkers': { vi: 'Đăng ký người lao động', en: 'Register workers' },
  'contests.registerWorkersHint': {
    vi: 'Đánh dấu người lao động của doanh nghiệp để đăng ký họ tham gia.',
    en: 'Tick the enterprise’s workers to register them.',
  },
  'contests.registeredWorkers': {
    vi: 'Đã đăng ký {added} người; {already} người đã đăng ký trước đó.',
    en: 'Registered {added} workers; {already} were registered already.',
  },
  'contests.resultsTitle': { vi: 'Nhập kết quả', en: 'Enter a result' },
  'contests.recordResult': { vi: 'Lưu kết quả', en: 'Save the result' },
  'contests.resultRecorded': { vi: 'Đã lưu kết quả.', en: 'Result saved.' },
  'contests.rankingTitle': { vi: 'Xếp hạng', en: 'Ranking' },
  'contests.rankingHint': {
    vi: 'Xếp theo hạng do ban tổ chức ghi (nếu có), rồi theo điểm từ cao xuống thấp, rồi theo thời gian làm bài từ ngắn đến dài.',
    en: 'By the organiser’s rank (if any), then score (highest first), then time taken (shortest first).',
  },
  'contests.noResults': { vi: 'Chưa có kết quả.', en: 'No result yet.' },

  'contests.attempt.deadline': { vi: 'Hạn nộp bài', en: 'Submit by' },
  'contests.attempt.deadlineHint': {
    vi: 'Bài nộp sau hạn sẽ không được chấm. Chọn một phương án (hoặc nhiều, nếu câu hỏi ghi "chọn nhiều").',
    en: 'A submission after the deadline is not marked. Choose one option (or several where the question says so).',
  },
  'contests.attempt.multiple': { vi: '(chọn nhiều)', en: '(choose all that apply)' },
  'contests.attempt.question': { vi: 'Câu {n}', en: 'Question {n}' },
  'contests.attempt.submit': { vi: 'Nộp bài', en: 'Submit' },
  'contests.submitted': {
    vi: 'Đã nộp bài: {score}/{max} câu đúng.',
    en: 'Submitted: {score}/{max} correct.',
  },

  'contests.error.communesFederation': {
    vi: 'Chỉ Liên đoàn Lao động tỉnh được chọn xã, phường cho cuộc thi.',
    en: 'Only the provincial federation aims a contest at communes.',
  },
  'contests.error.communesOrEnterprise': {
    vi: 'Cuộc thi dành cho một doanh nghiệp hoặc cho các xã, phường, không thể cả hai.',
    en: 'A contest is for one enterprise or for communes, not both.',
  },
  'contests.error.notACommune': {
    vi: 'Chỉ chọn các xã, phường đang có hiệu lực trong danh sách.',
    en: 'Choose only communes in force from the list.',
  },
  'contests.error.outsideCommunes': {
    vi: 'Cuộc thi này chỉ dành cho người lao động của các doanh nghiệp tại xã, phường được chọn; doanh nghiệp bạn đang làm việc không thuộc các xã, phường đó.',
    en: 'This contest is only for workers of enterprises in the chosen communes; the enterprise you work at is not in them.',
  },
  'contests.error.enterprise': {
    vi: 'Chọn một doanh nghiệp bạn phụ trách.',
    en: 'Choose an enterprise you look after.',
  },
  'contests.error.closesBeforeOpens': {
    vi: 'Thời điểm đóng phải sau thời điểm mở.',
    en: 'The round must close after it opens.',
  },
  'contests.error.timeLimitRequired': {
    vi: 'Cuộc thi trực tuyến cần thời gian làm bài.',
    en: 'An online contest needs a time limit.',
  },
  'contests.error.options': {
    vi: 'Nhập từ 2 đến 6 phương án, mỗi dòng một phương án.',
    en: 'Enter 2 to 6 options, one per line.',
  },
  'contests.error.correct': {
    vi: 'Chọn ít nhất một phương án đúng trong số các phương án đã nhập.',
    en: 'Choose at least one correct option among those entered.',
  },
  'contests.error.notOnline': {
    vi: 'Chỉ cuộc thi trực tuyến tìm hiểu pháp luật mới có ngân hàng câu hỏi và bài làm trực tuyến.',
    en: 'Only online law quiz contests have a question bank and online attempts.',
  },
  'contests.error.online': {
    vi: 'Cuộc thi trực tuyến được chấm tự động; không nhập kết quả bằng tay.',
    en: 'Online contests are marked automatically; results are not entered by hand.',
  },
  'contests.error.notRegistered': {
    vi: 'Người lao động này chưa đăng ký tham gia cuộc thi.',
    en: 'This worker has not registered for the contest.',
  },
  'contests.error.notOnRoster': {
    vi: 'Không thuộc danh sách người lao động của doanh nghiệp hôm nay: {ids}.',
    en: 'Not on the enterprise’s roster today: {ids}.',
  },
  'contests.error.attempted': {
    vi: 'Bạn đã làm bài ở vòng này. Mỗi vòng chỉ được làm một lần.',
    en: 'You have taken this round already. One attempt per round.',
  },
  'contests.error.late': {
    vi: 'Đã hết thời gian làm bài: bài nộp sau hạn không được chấm.',
    en: 'Time is up: a submission after the deadline is not marked.',
  },
  'contests.error.notOpen': { vi: 'Vòng thi chưa mở.', en: 'The round is not open yet.' },
  'contests.error.closed': { vi: 'Vòng thi đã đóng.', en: 'The round is closed.' },
  'contests.error.noQuestions': {
    vi: 'Cuộc thi chưa có câu hỏi nào.',
    en: 'The contest has no questions yet.',
  },
  'contests.error.notStarted': {
    vi: 'Bạn chưa bắt đầu làm bài ở vòng này.',
    en: 'You have not started this round.',
  },

  'contests.report.title': { vi: 'Phong trào thi đua, hội thi', en: 'Movements and contests' },
  'contests.report.note': {
    vi: 'Hội thi thợ giỏi, phong trào ôn luyện lý thuyết, thực hành tay nghề và cuộc thi trực tuyến tìm hiểu pháp luật trong năm; người tham gia là người có kết quả được ghi nhận.',
    en: 'Skilled-worker contests, theory-review movements and online law quizzes of the year; participants are those with a recorded result.',
  },
  'contests.report.caption': {
    vi: 'Các phong trào, hội thi trong năm',
    en: 'Movements and contests of the year',
  },

  'privacy.export.section.contestRegistrations': {
    vi: 'Đăng ký tham gia hội thi',
    en: 'Contest registrations',
  },
  'privacy.export.section.contestEntries': {
    vi: 'Bài thi, kết quả hội thi',
    en: 'Contest attempts and results',
  },
  'privacy.export.column.contestId': { vi: 'Mã cuộc thi', en: 'Contest ID' },
  'privacy.export.column.roundId': { vi: 'Mã vòng thi', en: 'Round ID' },
  'privacy.export.column.roundName': { vi: 'Vòng thi', en: 'Round' },
  'privacy.export.column.registeredBy': {
    vi: 'Người đăng ký (mã tài khoản)',
    en: 'Registered by (account ID)',
  },
  'privacy.export.column.startedAt': { vi: 'Bắt đầu lúc', en: 'Started at' },
  'privacy.export.column.deadlineAt': { vi: 'Hạn nộp bài', en: 'Deadline' },
  'privacy.export.column.score': { vi: 'Điểm', en: 'Score' },
  'privacy.export.column.maxScore': { vi: 'Điểm tối đa', en: 'Maximum score' },
  'privacy.export.column.durationSeconds': { vi: 'Thời gian làm bài (giây)', en: 'Time taken (seconds)' },
  'privacy.export.column.rank': { vi: 'Xếp hạng', en: 'Rank' },
  'privacy.export.column.prize': { vi: 'Giải', en: 'Prize' },
  'privacy.export.column.late': { vi: 'Nộp quá giờ', en: 'Late' },
});
