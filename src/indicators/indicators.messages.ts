import { defineMessages } from '../common/i18n/messages';

export const indicatorsMessages = defineMessages({
  'nav.dashboard': { vi: 'Chỉ tiêu Kế hoạch', en: 'Plan indicators' },
  'nav.plans': { vi: 'Kế hoạch và chỉ tiêu', en: 'Plans and targets' },

  // The five indicators: short names, and the sentence a new plan starts with.
  'indicators.code.LAW': { vi: 'Chính trị, pháp luật', en: 'Politics and law' },
  'indicators.code.VOCATIONAL': { vi: 'Kỹ năng nghề nghiệp', en: 'Occupational skills' },
  'indicators.code.LIFE_SKILLS': { vi: 'Kỹ năng sống', en: 'Life skills' },
  'indicators.code.DIGITAL': { vi: 'Công nghệ thông tin, công nghệ số', en: 'IT and digital technology' },
  'indicators.code.LEARNING_CITIZEN': { vi: 'Danh hiệu “Công dân học tập”', en: '“Learning citizen” title' },
  'indicators.defaultLabel.LAW': {
    vi: 'Tỷ lệ công nhân lao động tại các doanh nghiệp được tuyên truyền, phổ biến, học tập chủ trương của Đảng, chính sách pháp luật của Nhà nước có liên quan đến công nhân lao động',
    en: 'Share of workers at enterprises informed about and studying Party policy and State law on workers',
  },
  'indicators.defaultLabel.VOCATIONAL': {
    vi: 'Tỷ lệ công nhân lao động tại các doanh nghiệp tham gia học tập nâng cao trình độ tay nghề, kỹ năng nghề',
    en: 'Share of workers at enterprises learning to raise their occupational skill',
  },
  'indicators.defaultLabel.LIFE_SKILLS': {
    vi: 'Tỷ lệ công nhân lao động tại các doanh nghiệp tham gia học tập các nội dung giáo dục kỹ năng sống',
    en: 'Share of workers at enterprises taking part in life-skills education',
  },
  'indicators.defaultLabel.DIGITAL': {
    vi: 'Tỷ lệ công nhân lao động tại các doanh nghiệp được phổ biến về công nghệ thông tin, công nghệ số',
    en: 'Share of workers at enterprises informed about IT and digital technology',
  },
  'indicators.defaultLabel.LEARNING_CITIZEN': {
    vi: 'Tỷ lệ công nhân lao động tại các doanh nghiệp đạt danh hiệu “Công dân học tập”',
    en: 'Share of workers at enterprises holding the “learning citizen” title',
  },
  'indicators.window.PLAN_TO_DATE': {
    vi: 'Từ ngày bắt đầu kế hoạch đến ngày tính',
    en: 'From the plan’s start to the date',
  },
  'indicators.window.CALENDAR_YEAR': {
    vi: 'Trong năm dương lịch của ngày tính',
    en: 'The calendar year of the date',
  },
  'indicators.window.title': { vi: 'Khoảng thời gian tính', en: 'Counting window' },
  'indicators.window.titleHeld': {
    vi: 'Danh hiệu còn hiệu lực vào ngày tính (danh hiệu công nhận theo năm)',
    en: 'Title valid on the date (titles are yearly)',
  },
  'indicators.milestoneKind.MID_TERM': { vi: 'Sơ kết giữa kỳ', en: 'Mid-term review' },
  'indicators.milestoneKind.FINAL': { vi: 'Tổng kết', en: 'Final review' },
  'indicators.bodyKind.UNIT': {
    vi: 'UBND huyện, thành phố (địa bàn)',
    en: 'District people’s committee (area)',
  },
  'indicators.bodyKind.DEPARTMENT': { vi: 'Sở, ngành', en: 'Department' },
  'indicators.bodyKind.ENTERPRISE_ASSOCIATION': {
    vi: 'Ban Quản lý KCN, hiệp hội doanh nghiệp',
    en: 'Industrial parks board, enterprises’ association',
  },
  'indicators.bodyKind.ASSOCIATION': { vi: 'Hội Khuyến học', en: 'Study-promotion association' },
  'indicators.bodyKind.FEDERATION': { vi: 'Liên đoàn Lao động', en: 'Labour federation' },

  // Plans admin.
  'indicators.plans.title': { vi: 'Kế hoạch và chỉ tiêu', en: 'Plans and targets' },
  'indicators.plans.intro': {
    vi: 'Mỗi kế hoạch của tỉnh thực hiện Quyết định 1268/QĐ-TTg có 5 chỉ tiêu, các mốc sơ kết, tổng kết với chỉ tiêu phấn đấu, và các cơ quan báo cáo hằng năm.',
    en: 'Each provincial plan carrying out Decision 1268/QĐ-TTg has five indicators, review milestones with targets, and the bodies that report each year.',
  },
  'indicators.plans.new': { vi: 'Thêm kế hoạch', en: 'Add a plan' },
  'indicators.plans.newTitle': { vi: 'Kế hoạch mới', en: 'New plan' },
  'indicators.plans.editTitle': { vi: 'Sửa kế hoạch', en: 'Edit plan' },
  'indicators.plans.none': { vi: 'Chưa có kế hoạch nào.', en: 'No plan yet.' },
  'indicators.plan.code': { vi: 'Mã kế hoạch', en: 'Plan code' },
  'indicators.plan.codeHint': { vi: 'Ví dụ: DAKNONG-1268-2030', en: 'For example DAKNONG-1268-2030' },
  'indicators.plan.title': { vi: 'Tên kế hoạch', en: 'Title' },
  'indicators.plan.issuingBody': { vi: 'Cơ quan ban hành', en: 'Issuing body' },
  'indicators.plan.decisionRef': { vi: 'Căn cứ, số hiệu văn bản', en: 'Decision reference' },
  'indicators.plan.unit': { vi: 'Địa bàn (tỉnh)', en: 'Area (province)' },
  'indicators.plan.startDate': { vi: 'Ngày bắt đầu', en: 'Start date' },
  'indicators.plan.startHint': {
    vi: 'Luôn là ngày 01/01 của một năm.',
    en: 'Always 1 January of a year.',
  },
  'indicators.plan.endDate': { vi: 'Ngày kết thúc', en: 'End date' },
  'indicators.plan.period': { vi: 'Thời gian thực hiện', en: 'Period' },
  'indicators.plan.delete': { vi: 'Xóa kế hoạch', en: 'Delete plan' },
  'indicators.plan.deleted': { vi: 'Đã xóa kế hoạch.', en: 'Plan deleted.' },
  'indicators.plan.deleteHint': {
    vi: 'Chỉ xóa được kế hoạch chưa có số liệu tổng hợp và báo cáo năm.',
    en: 'Only a plan with no roll-up and no annual report can be deleted.',
  },
  'indicators.plan.startJanuary': {
    vi: 'Ngày bắt đầu phải là ngày 01/01 của một năm, vì số liệu học tập được tổng hợp theo từng năm dương lịch.',
    en: 'The start date must be 1 January of a year, because learning is summarised per calendar year.',
  },
  'indicators.plan.codeTaken': { vi: 'Mã kế hoạch này đã được dùng.', en: 'This plan code is already used.' },
  'indicators.plan.milestoneOutside': {
    vi: 'Mốc năm {year} nằm ngoài thời gian thực hiện mới; hãy sửa hoặc xóa mốc đó trước.',
    en: 'The {year} milestone falls outside the new period; change or delete it first.',
  },
  'indicators.plan.hasHistory': {
    vi: 'Không thể xóa kế hoạch đã có số liệu tổng hợp hoặc báo cáo năm.',
    en: 'A plan with roll-ups or annual reports cannot be deleted.',
  },
  'validation.indicators.code': {
    vi: 'Chỉ dùng chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.',
    en: 'Use only letters without accents, digits, dots, hyphens or underscores.',
  },
  'validation.indicators.monthDay': {
    vi: 'Nhập theo dạng tháng-ngày, ví dụ 12-01.',
    en: 'Write month-day, e.g. 12-01.',
  },

  'indicators.indicators.title': { vi: 'Chỉ tiêu và cách đếm', en: 'Indicators and how they count' },
  'indicators.indicators.label': { vi: 'Tên chỉ tiêu', en: 'Indicator' },
  'indicators.indicators.save': { vi: 'Lưu các chỉ tiêu', en: 'Save indicators' },

  'indicators.milestones.title': { vi: 'Mốc sơ kết, tổng kết', en: 'Review milestones' },
  'indicators.milestones.none': { vi: 'Chưa có mốc nào.', en: 'No milestone yet.' },
  'indicators.milestones.add': { vi: 'Thêm mốc', en: 'Add a milestone' },
  'indicators.milestones.editTitle': { vi: 'Sửa mốc', en: 'Edit milestone' },
  'indicators.milestone.year': { vi: 'Năm', en: 'Year' },
  'indicators.milestone.kind': { vi: 'Loại', en: 'Kind' },
  'indicators.milestone.label': { vi: 'Tên mốc', en: 'Label' },
  'indicators.milestone.reviewDate': { vi: 'Ngày sơ kết, tổng kết', en: 'Review date' },
  'indicators.milestone.deleteConfirm': {
    vi: 'Xóa mốc này cũng xóa các chỉ tiêu phấn đấu của năm đó.',
    en: 'Deleting this milestone also deletes that year’s targets.',
  },
  'indicators.milestone.reviewYear': {
    vi: 'Ngày sơ kết, tổng kết phải thuộc năm {year}.',
    en: 'The review date must fall in {year}.',
  },
  'indicators.milestone.outsidePlan': {
    vi: 'Ngày này nằm ngoài thời gian thực hiện kế hoạch.',
    en: 'This date is outside the plan’s period.',
  },
  'indicators.milestone.yearTaken': {
    vi: 'Kế hoạch đã có mốc của năm này.',
    en: 'The plan already has a milestone for this year.',
  },

  'indicators.targets.title': { vi: 'Chỉ tiêu phấn đấu (%)', en: 'Targets (%)' },
  'indicators.targets.intro': {
    vi: 'Tỷ lệ phần trăm phải đạt ở mỗi mốc (từ 0 đến 100); để trống nếu không đặt chỉ tiêu.',
    en: 'The percentage to reach at each milestone (0 to 100); leave empty for none.',
  },
  'indicators.targets.needMilestone': {
    vi: 'Thêm mốc sơ kết, tổng kết trước khi đặt chỉ tiêu.',
    en: 'Add a review milestone before setting targets.',
  },
  'indicators.targets.save': { vi: 'Lưu chỉ tiêu phấn đấu', en: 'Save targets' },
  'indicators.targets.of': {
    vi: 'Chỉ tiêu {indicator} năm {year} (%)',
    en: '{indicator} target for {year} (%)',
  },
  'indicators.target.range': {
    vi: 'Chỉ tiêu là một số từ 0 đến 100, tối đa 2 chữ số thập phân.',
    en: 'A target is a number from 0 to 100 with at most 2 decimals.',
  },
  'indicators.target.unknownIndicator': {
    vi: 'Kế hoạch không có chỉ tiêu này.',
    en: 'The plan has no such indicator.',
  },
  'indicators.target.unknownMilestone': {
    vi: 'Kế hoạch không có mốc năm {year}.',
    en: 'The plan has no milestone for {year}.',
  },

  'indicators.bodies.title': { vi: 'Cơ quan, đơn vị báo cáo hằng năm', en: 'Bodies reporting each year' },
  'indicators.bodies.none': { vi: 'Chưa có cơ quan báo cáo nào.', en: 'No reporting body yet.' },
  'indicators.bodies.add': { vi: 'Thêm cơ quan báo cáo', en: 'Add a reporting body' },
  'indicators.bodies.newTitle': { vi: 'Cơ quan báo cáo mới', en: 'New reporting body' },
  'indicators.bodies.editTitle': { vi: 'Sửa cơ quan báo cáo', en: 'Edit reporting body' },
  'indicators.body.kind': { vi: 'Loại cơ quan', en: 'Kind' },
  'indicators.body.name': { vi: 'Tên cơ quan, đơn vị', en: 'Name' },
  'indicators.body.unit': { vi: 'Địa bàn báo cáo', en: 'Area reported on' },
  'indicators.body.branch': { vi: 'Chi hội Khuyến học', en: 'Association branch' },
  'indicators.body.due': { vi: 'Hạn báo cáo (tháng-ngày)', en: 'Due (month-day)' },
  'indicators.body.dueHint': {
    vi: 'Ví dụ 12-01 là trước ngày 01/12 hằng năm.',
    en: 'E.g. 12-01 is by 1 December each year.',
  },
  'indicators.body.dueOn': { vi: 'trước ngày {day}', en: 'by {day}' },
  'indicators.body.position': { vi: 'Thứ tự', en: 'Order' },
  'indicators.body.members': {
    vi: 'Người được nộp báo cáo (tên đăng nhập)',
    en: 'Who may submit (user names)',
  },
  'indicators.body.membersHint': {
    vi: 'Các tên đăng nhập, cách nhau bằng dấu phẩy hoặc xuống dòng.',
    en: 'User names separated by commas or new lines.',
  },
  'indicators.body.unitRequired': {
    vi: 'Chọn địa bàn mà cơ quan này báo cáo.',
    en: 'Choose the area this body reports on.',
  },
  'indicators.body.branchNotFound': { vi: 'Không tìm thấy chi hội này.', en: 'No such branch.' },
  'indicators.body.validFrom': { vi: 'Hoạt động từ ngày', en: 'Exists from' },
  'indicators.body.validFromHint': {
    vi: 'Để trống nếu cơ quan có từ trước kế hoạch.',
    en: 'Leave empty if the body existed before the plan.',
  },
  'indicators.body.validTo': { vi: 'Hoạt động đến ngày', en: 'Exists until' },
  'indicators.body.validToHint': {
    vi: 'Ngày cuối cùng cơ quan còn hoạt động (sáp nhập, giải thể); để trống nếu vẫn hoạt động. Cơ quan báo cáo cho các năm mà nó còn hoạt động.',
    en: 'The last day the body exists (merged, dissolved); empty while it does. A body reports for the years it exists in.',
  },
  'indicators.body.successor': { vi: 'Cơ quan kế thừa', en: 'Successor' },
  'indicators.body.successorHint': {
    vi: 'Cơ quan nhận lại báo cáo và công việc khi cơ quan này kết thúc hoạt động.',
    en: 'The body that takes over its reports and work when this one ends.',
  },
  'indicators.body.successorNotFound': {
    vi: 'Cơ quan kế thừa phải là một cơ quan báo cáo khác của kế hoạch này.',
    en: 'The successor must be another reporting body of this plan.',
  },
  'indicators.body.successorNeedsEnd': {
    vi: 'Cơ quan có cơ quan kế thừa cần có ngày kết thúc hoạt động.',
    en: 'A body with a successor needs the day it ended.',
  },
  'indicators.body.validity': { vi: 'Thời gian hoạt động', en: 'Exists' },
  'indicators.body.endedInto': { vi: 'đến {date}, nay là {name}', en: 'until {date}, now {name}' },
  'indicators.body.ended': { vi: 'đến {date}', en: 'until {date}' },
  'indicators.body.since': { vi: 'từ {date}', en: 'from {date}' },
  'indicators.body.unknownUsers': { vi: 'Không tìm thấy tài khoản: {names}.', en: 'No such user: {names}.' },
  'indicators.body.deleteConfirm': { vi: 'Xóa cơ quan báo cáo này?', en: 'Delete this reporting body?' },

  // Roll-ups.
  'indicators.rollup.title': { vi: 'Tổng hợp số liệu chỉ tiêu', en: 'Roll up the indicators' },
  'indicators.rollup.intro': {
    vi: 'Tính lại số liệu 5 chỉ tiêu của mọi doanh nghiệp, đơn vị hành chính và toàn tỉnh vào một ngày. Số liệu mới thay thế số liệu đã tính cho cùng ngày đó. Số liệu cũng được tính tự động mỗi đêm và sau khi nhập danh sách, kết quả học tập.',
    en: 'Recomputes the five indicators of every enterprise, administrative unit and the province on a date. The new figures replace those already computed for that date. Figures are also computed every night and after roster and learning imports.',
  },
  'indicators.rollup.plan': { vi: 'Kế hoạch', en: 'Plan' },
  'indicators.rollup.asOf': { vi: 'Tính đến ngày', en: 'As of' },
  'indicators.rollup.submit': { vi: 'Tổng hợp', en: 'Roll up' },
  'indicators.rollup.queued': { vi: 'Đã đưa vào hàng đợi tổng hợp.', en: 'The roll-up is queued.' },
  'indicators.rollup.running': { vi: 'Đang tổng hợp số liệu…', en: 'Rolling up…' },
  'indicators.rollup.done': { vi: 'Đã tổng hợp xong.', en: 'The roll-up is done.' },
  'indicators.rollup.skipped': {
    vi: 'Số liệu cuối năm này đã chốt nên được giữ nguyên.',
    en: 'This year-end snapshot is final and was kept as it was.',
  },
  'indicators.rollup.failed': {
    vi: 'Tổng hợp không thành công; số liệu đã tính trước đó vẫn được giữ nguyên.',
    en: 'The roll-up failed; the figures computed before are kept as they were.',
  },
  'indicators.rollup.again': { vi: 'Tổng hợp lại', en: 'Roll up again' },
  'indicators.rollup.summary': {
    vi: '{enterprises} doanh nghiệp, {population} người lao động trong danh sách.',
    en: '{enterprises} enterprises, {population} workers on their rosters.',
  },
  'indicators.rollup.toDashboard': { vi: 'Xem bảng theo dõi chỉ tiêu', en: 'Open the indicators dashboard' },
  'indicators.rollup.planNotFound': { vi: 'Không tìm thấy kế hoạch này.', en: 'No such plan.' },
  'indicators.rollup.outsidePlan': {
    vi: 'Ngày tính phải trong thời gian thực hiện kế hoạch ({from} – {to}).',
    en: 'The date must be within the plan’s period ({from} – {to}).',
  },
  'indicators.rollup.future': {
    vi: 'Không tính được số liệu cho một ngày trong tương lai.',
    en: 'Figures cannot be computed for a future date.',
  },
  'indicators.rollup.latest': { vi: 'Lần tổng hợp gần nhất', en: 'Latest roll-up' },
  'indicators.rollup.never': { vi: 'Chưa tổng hợp lần nào.', en: 'Never rolled up.' },
  'indicators.rollup.computedAt': { vi: 'tính lúc {at}', en: 'computed at {at}' },

  // Figures.
  'indicators.figures.org': { vi: 'Địa bàn', en: 'Area' },
  'indicators.figures.population': { vi: 'Lao động trong danh sách', en: 'Workers on roster' },
  'indicators.figures.declaredHeadcount': { vi: 'Lao động kê khai', en: 'Declared headcount' },
  'indicators.figures.denominator': { vi: 'Mẫu số', en: 'Denominator' },
  'indicators.figures.reached': { vi: '{numerator}/{denominator}', en: '{numerator}/{denominator}' },

  // Counting rules (shown next to the numbers).
  'indicators.rules.summary': { vi: 'Cách đếm số liệu', en: 'How the figures are counted' },
  'indicators.rules.population.title': {
    vi: 'Người lao động của doanh nghiệp',
    en: 'An enterprise’s workers',
  },
  'indicators.rules.population': {
    vi: 'Người lao động của một doanh nghiệp vào ngày tính là những người đang làm việc tại doanh nghiệp vào ngày đó: ngày vào làm không sau ngày tính và chưa nghỉ việc trước ngày tính. Người chuyển nơi làm việc được tính ở doanh nghiệp họ đang làm vào ngày tính.',
    en: 'An enterprise’s workers on the date are those working there on that day: started on or before it and not left before it. A worker who moved counts where they work on the date.',
  },
  'indicators.rules.reached.title': { vi: 'Người lao động đạt chỉ tiêu học tập', en: 'Reached by learning' },
  'indicators.rules.reached': {
    vi: 'Với các chỉ tiêu chính trị, pháp luật; kỹ năng nghề nghiệp; kỹ năng sống; công nghệ thông tin, công nghệ số: người lao động được tính là đạt khi có ít nhất một kết quả học tập thuộc lĩnh vực đó trong khoảng thời gian tính. Nhiều kết quả của cùng một người chỉ tính một lần; kết quả ngoài khoảng thời gian tính không được tính.',
    en: 'For the law, occupational-skills, life-skills and digital indicators, a worker is reached with at least one learning record in that domain inside the counting window. Several records of one worker count once; records outside the window do not count.',
  },
  'indicators.rules.window.title': { vi: 'Khoảng thời gian tính', en: 'Counting window' },
  'indicators.rules.window': {
    vi: 'Mỗi kế hoạch quy định khoảng thời gian tính cho từng chỉ tiêu: từ ngày bắt đầu kế hoạch (ngày 01/01) đến ngày tính — mặc định —, hoặc trong năm dương lịch của ngày tính.',
    en: 'Each plan sets the window of each indicator: from the plan’s start (1 January) to the date — the default —, or the calendar year of the date.',
  },
  'indicators.rules.learningCitizen.title': {
    vi: 'Danh hiệu “Công dân học tập”',
    en: '“Learning citizen” title',
  },
  'indicators.rules.learningCitizen': {
    vi: 'Người lao động được tính khi đang giữ danh hiệu “Công dân học tập” còn hiệu lực vào ngày tính: danh hiệu của năm có ngày tính, đã được công nhận và chưa bị thu hồi đến ngày đó. Danh hiệu được công nhận theo từng năm.',
    en: 'A worker counts while holding a “learning citizen” title valid on the date: the title of that date’s year, recognised and not revoked by then. The title is yearly.',
  },
  'indicators.rules.denominator.title': { vi: 'Mẫu số và tỷ lệ', en: 'Denominator and share' },
  'indicators.rules.denominator': {
    vi: 'Mẫu số của một doanh nghiệp là số lớn hơn giữa số lao động doanh nghiệp kê khai cho năm đó và số người lao động trong danh sách vào ngày tính (cả hai số đều được hiển thị). Tỷ lệ là số người đạt chia cho mẫu số, làm tròn đến một chữ số thập phân.',
    en: 'An enterprise’s denominator is the larger of its declared headcount for the year and the workers on its roster on the date (both are shown). The share is those reached divided by the denominator, rounded to one decimal.',
  },
  'indicators.rules.units.title': { vi: 'Đơn vị hành chính và toàn tỉnh', en: 'Units and the province' },
  'indicators.rules.units': {
    vi: 'Số liệu của một đơn vị hành chính, và của toàn tỉnh, là tổng số liệu (người đạt, người lao động, mẫu số) của các doanh nghiệp đặt trên địa bàn theo cây đơn vị hành chính có hiệu lực vào ngày tính.',
    en: 'A unit’s figures, and the province’s, are the sums (reached, workers, denominators) over the enterprises located in it by the administrative tree in force on the date.',
  },
  'indicators.rules.reform.title': { vi: 'Khi địa giới hành chính thay đổi', en: 'When the map changes' },
  'indicators.rules.reform': {
    vi: 'Số liệu của mỗi ngày được tổng hợp theo các đơn vị hành chính có hiệu lực vào ngày đó: trước 01/07/2025 theo các huyện, thành phố cũ; từ 01/07/2025 theo đơn vị mới. Doanh nghiệp đăng ký ở đơn vị cũ được chuyển sang đơn vị mới theo bảng chuyển đổi địa bàn, và ngược lại khi xem lại các ngày trước đó.',
    en: 'Each date is rolled up by the units in force on it: before 01/07/2025 by the former districts, from 01/07/2025 by the new units. Enterprises registered in a former unit move to its successor through the mapping, and the other way round when looking back.',
  },
});
