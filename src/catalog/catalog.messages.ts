import { defineMessages } from '../common/i18n/messages';

export const catalogMessages = defineMessages({
  'nav.catalogCourses': { vi: 'Quản lý khóa học', en: 'Manage courses' },

  // --- enum labels (also used by materials and the learner's side) ------------------------------
  'level.BEGINNER': { vi: 'Cơ bản', en: 'Beginner' },
  'level.INTERMEDIATE': { vi: 'Trung cấp', en: 'Intermediate' },
  'level.ADVANCED': { vi: 'Nâng cao', en: 'Advanced' },
  'courseStatus.DRAFT': { vi: 'Bản nháp', en: 'Draft' },
  'courseStatus.PUBLISHED': { vi: 'Đã xuất bản', en: 'Published' },
  'courseStatus.ARCHIVED': { vi: 'Lưu trữ', en: 'Archived' },
  'language.vi': { vi: 'Tiếng Việt', en: 'Vietnamese' },
  'language.en': { vi: 'Tiếng Anh', en: 'English' },
  'licence.CC-BY-4.0': { vi: 'CC BY 4.0 — Ghi công tác giả', en: 'CC BY 4.0 — Attribution' },
  'licence.CC-BY-SA-4.0': {
    vi: 'CC BY-SA 4.0 — Ghi công, chia sẻ tương tự',
    en: 'CC BY-SA 4.0 — Attribution-ShareAlike',
  },
  'licence.CC-BY-ND-4.0': {
    vi: 'CC BY-ND 4.0 — Ghi công, không phái sinh',
    en: 'CC BY-ND 4.0 — Attribution-NoDerivatives',
  },
  'licence.CC-BY-NC-4.0': {
    vi: 'CC BY-NC 4.0 — Ghi công, phi thương mại',
    en: 'CC BY-NC 4.0 — Attribution-NonCommercial',
  },
  'licence.CC-BY-NC-SA-4.0': {
    vi: 'CC BY-NC-SA 4.0 — Ghi công, phi thương mại, chia sẻ tương tự',
    en: 'CC BY-NC-SA 4.0 — Attribution-NonCommercial-ShareAlike',
  },
  'licence.CC-BY-NC-ND-4.0': {
    vi: 'CC BY-NC-ND 4.0 — Ghi công, phi thương mại, không phái sinh',
    en: 'CC BY-NC-ND 4.0 — Attribution-NonCommercial-NoDerivatives',
  },
  'licence.CC0-1.0': { vi: 'CC0 1.0 — Từ bỏ bản quyền', en: 'CC0 1.0 — No rights reserved' },
  'licence.PUBLIC-DOMAIN': { vi: 'Thuộc phạm vi công cộng', en: 'Public domain' },
  'licence.ALL-RIGHTS-RESERVED': { vi: 'Bảo lưu mọi quyền', en: 'All rights reserved' },
  'completionRule.OPENED': { vi: 'Mở bài học là hoàn thành', en: 'Done when opened' },
  'completionRule.TIME_SPENT': { vi: 'Học đủ số phút quy định', en: 'Done after the set minutes' },
  'completionRule.QUIZ_MASTERED': { vi: 'Đạt bài kiểm tra của bài học', en: 'Done when its quiz is passed' },
  'questionKind.SINGLE': { vi: 'Chọn một đáp án', en: 'Single choice' },
  'questionKind.MULTIPLE': { vi: 'Chọn nhiều đáp án', en: 'Multiple choice' },
  'questionKind.TRUE_FALSE': { vi: 'Đúng / Sai', en: 'True / false' },
  'questionKind.MATCHING': { vi: 'Ghép đôi', en: 'Matching' },
  'questionKind.SHORT_ANSWER': { vi: 'Trả lời ngắn', en: 'Short answer' },

  // --- course list and details --------------------------------------------------------------------
  'catalog.courses.title': { vi: 'Khóa học của cơ sở đào tạo', en: 'Courses of the institution' },
  'catalog.courses.search': { vi: 'Tìm theo tên khóa học', en: 'Search by course title' },
  'catalog.courses.new': { vi: 'Thêm khóa học', en: 'New course' },
  'catalog.courses.readOnly': {
    vi: 'Bạn đang xem các khóa học ở chế độ chỉ đọc.',
    en: 'You are viewing the courses read-only.',
  },
  'catalog.course.title': { vi: 'Tên khóa học', en: 'Course title' },
  'catalog.course.summary': { vi: 'Giới thiệu ngắn', en: 'Summary' },
  'catalog.course.summaryHint': {
    vi: 'Vài câu cho người lao động biết khóa học giúp được gì.',
    en: 'A few sentences telling workers what the course is for.',
  },
  'catalog.course.level': { vi: 'Trình độ', en: 'Level' },
  'catalog.course.hours': { vi: 'Số giờ học dự kiến', en: 'Estimated hours' },
  'catalog.course.hoursHint': {
    vi: 'Ví dụ 1,5 nghĩa là một giờ rưỡi. Phải lớn hơn 0 khi xuất bản.',
    en: 'E.g. 1.5 for an hour and a half. Must be above 0 to publish.',
  },
  'catalog.course.hoursValue': { vi: '{hours} giờ', en: '{hours} hours' },
  'catalog.course.language': { vi: 'Ngôn ngữ', en: 'Language' },
  'catalog.course.licence': { vi: 'Giấy phép', en: 'Licence' },
  'catalog.course.licenceHint': {
    vi: 'Giấy phép Creative Commons cho phép nơi khác dùng lại học liệu; chọn "Bảo lưu mọi quyền" nếu không cho phép.',
    en: 'A Creative Commons licence lets others reuse the material; choose "All rights reserved" to forbid it.',
  },
  'catalog.course.domains': { vi: 'Lĩnh vực học tập', en: 'Learning domains' },
  'catalog.course.domainsHint': {
    vi: 'Khóa học được tính vào chỉ tiêu của các lĩnh vực đã chọn. Cần ít nhất một lĩnh vực khi xuất bản.',
    en: 'The course counts toward the indicators of the domains chosen. At least one is needed to publish.',
  },
  'catalog.course.institution': { vi: 'Cơ sở đào tạo', en: 'Institution' },
  'catalog.course.status': { vi: 'Trạng thái', en: 'Status' },
  'catalog.course.lessonCount': { vi: '{count} bài học', en: '{count} lessons' },
  'catalog.course.updated': { vi: 'Cập nhật {date}', en: 'Updated {date}' },
  'catalog.course.newTitle': { vi: 'Thêm khóa học', en: 'New course' },
  'catalog.course.editTitle': { vi: 'Sửa thông tin khóa học', en: 'Edit course details' },
  'catalog.course.created': {
    vi: 'Đã tạo khóa học (bản nháp). Hãy thêm bài học rồi xuất bản.',
    en: 'Course created as a draft. Add lessons, then publish.',
  },
  'catalog.course.published': { vi: 'Đã xuất bản khóa học.', en: 'The course is published.' },
  'catalog.course.archived': {
    vi: 'Đã chuyển khóa học vào lưu trữ. Người đang học vẫn giữ tiến độ.',
    en: 'The course is archived. Learners in it keep their progress.',
  },
  'catalog.course.editDetails': { vi: 'Sửa thông tin', en: 'Edit details' },
  'catalog.course.progressKept': {
    vi: 'Khóa học này đã được xuất bản. Bạn vẫn sửa được nội dung; bài học và câu hỏi bị gỡ chỉ được ẩn đi chứ không bị xóa, nên người học giữ nguyên tiến độ và kết quả đã có.',
    en: 'This course has been published. You can still edit it; lessons and questions taken out are hidden, not deleted, so learners keep their progress and results.',
  },
  'catalog.institution.outOfScope': {
    vi: 'Bạn không phụ trách cơ sở đào tạo này.',
    en: 'You do not edit for this institution.',
  },
  'catalog.status.archiveDraft': {
    vi: 'Chỉ lưu trữ được khóa học đã xuất bản.',
    en: 'Only a published course can be archived.',
  },

  'catalog.refused.title': { vi: 'Không thực hiện được', en: 'This could not be done' },

  // --- publishing -----------------------------------------------------------------------------------
  'catalog.publish.action': { vi: 'Xuất bản', en: 'Publish' },
  'catalog.publish.again': { vi: 'Xuất bản lại', en: 'Publish again' },
  'catalog.publish.archive': { vi: 'Chuyển vào lưu trữ', en: 'Archive' },
  'catalog.publish.missing': { vi: 'Còn thiếu trước khi xuất bản:', en: 'Still missing before publishing:' },
  'catalog.publish.ready': {
    vi: 'Khóa học đã đủ điều kiện xuất bản.',
    en: 'The course is ready to publish.',
  },
  'catalog.publish.refused': {
    vi: 'Chưa thể xuất bản khóa học. Vui lòng bổ sung các mục sau.',
    en: 'The course cannot be published yet. Please complete the items below.',
  },
  'catalog.published.wouldBreak': {
    vi: 'Khóa học đang xuất bản nên không thể thay đổi như vậy: khóa học sẽ không còn đủ điều kiện.',
    en: 'The course is published, so this change is not possible: the course would no longer be complete.',
  },
  'catalog.publish.noLessons': {
    vi: 'Khóa học chưa có bài học nào.',
    en: 'The course has no lessons.',
  },
  'catalog.publish.quizMissing': {
    vi: 'Bài “{title}” yêu cầu đạt bài kiểm tra nhưng chưa có bài kiểm tra với ít nhất một câu hỏi.',
    en: 'Lesson “{title}” is completed by passing its quiz, but it has no quiz with at least one question.',
  },
  'catalog.publish.noHours': {
    vi: 'Chưa nhập số giờ học dự kiến (phải lớn hơn 0).',
    en: 'The estimated hours are missing (they must be above 0).',
  },
  'catalog.publish.noDomains': {
    vi: 'Chưa chọn lĩnh vực học tập nào.',
    en: 'No learning domain is chosen.',
  },

  // --- cover ------------------------------------------------------------------------------------------
  'catalog.cover.title': { vi: 'Ảnh bìa', en: 'Cover image' },
  'catalog.cover.none': { vi: 'Chưa có ảnh bìa.', en: 'No cover image yet.' },
  'catalog.cover.alt': { vi: 'Ảnh bìa khóa học', en: 'Course cover' },
  'catalog.cover.upload': { vi: 'Tải ảnh bìa lên', en: 'Upload a cover' },
  'catalog.cover.remove': { vi: 'Bỏ ảnh bìa', en: 'Remove the cover' },
  'catalog.cover.saved': { vi: 'Đã cập nhật ảnh bìa.', en: 'Cover image saved.' },
  'catalog.cover.removed': { vi: 'Đã bỏ ảnh bìa.', en: 'Cover image removed.' },

  // --- lessons ------------------------------------------------------------------------------------
  'catalog.lessons.title': { vi: 'Bài học', en: 'Lessons' },
  'catalog.lessons.none': { vi: 'Chưa có bài học nào.', en: 'No lessons yet.' },
  'catalog.lessons.add': { vi: 'Thêm bài học', en: 'Add a lesson' },
  'catalog.lessons.removed': {
    vi: 'Bài học đã gỡ (giữ lại để người học không mất tiến độ)',
    en: 'Lessons taken out (kept so learners lose no progress)',
  },
  'catalog.lesson.moveUp': { vi: 'Lên', en: 'Up' },
  'catalog.lesson.moveDown': { vi: 'Xuống', en: 'Down' },
  'catalog.lesson.moveUpLabel': { vi: 'Chuyển “{title}” lên trên', en: 'Move “{title}” up' },
  'catalog.lesson.moveDownLabel': { vi: 'Chuyển “{title}” xuống dưới', en: 'Move “{title}” down' },
  'catalog.lesson.remove': { vi: 'Gỡ bài', en: 'Take out' },
  'catalog.lesson.removeLabel': { vi: 'Gỡ bài “{title}”', en: 'Take out “{title}”' },
  'catalog.lesson.newTitle': { vi: 'Thêm bài học', en: 'New lesson' },
  'catalog.lesson.title': { vi: 'Tên bài học', en: 'Lesson title' },
  'catalog.lesson.body': { vi: 'Nội dung bài học', en: 'Lesson text' },
  'catalog.lesson.bodyHint': {
    vi: 'Viết bằng HTML đơn giản. Chỉ giữ các thẻ: {tags}. Liên kết chỉ nhận http, https, mailto; ảnh lấy từ tệp đính kèm (/catalog/files/…) hoặc địa chỉ https. Mọi mã lệnh (script, onclick…) bị loại bỏ khi lưu.',
    en: 'Write simple HTML. Only these tags are kept: {tags}. Links take http, https and mailto only; images come from attached files (/catalog/files/…) or https addresses. Any code (script, onclick…) is removed on saving.',
  },
  'catalog.lesson.video': { vi: 'Video (đường dẫn)', en: 'Video (link)' },
  'catalog.lesson.videoHint': {
    vi: 'Đường dẫn https của YouTube hoặc Vimeo, hoặc tệp .mp4 qua https. Người học mở video qua chế độ bảo vệ riêng tư (youtube-nocookie.com).',
    en: 'An https YouTube or Vimeo address, or an .mp4 file over https. Learners open it in privacy-enhanced mode (youtube-nocookie.com).',
  },
  'catalog.lesson.image.address': {
    vi: 'Không tải được ảnh {url}: chỉ nhận địa chỉ https.',
    en: 'Could not fetch the image {url}: only https addresses are taken.',
  },
  'catalog.lesson.image.private': {
    vi: 'Không tải được ảnh {url}: địa chỉ này thuộc mạng nội bộ.',
    en: 'Could not fetch the image {url}: the address is on a private network.',
  },
  'catalog.lesson.image.status': {
    vi: 'Không tải được ảnh {url}: máy chủ không trả về ảnh. Hãy tải ảnh lên thay vì dẫn liên kết.',
    en: 'Could not fetch the image {url}: the server returned no image. Upload the image instead of linking it.',
  },
  'catalog.lesson.image.type': {
    vi: 'Không tải được ảnh {url}: địa chỉ này không phải là ảnh PNG, JPEG, GIF hay WebP.',
    en: 'Could not fetch the image {url}: the address is not a PNG, JPEG, GIF or WebP image.',
  },
  'catalog.lesson.image.size': {
    vi: 'Không tải được ảnh {url}: ảnh quá lớn.',
    en: 'Could not fetch the image {url}: the image is too large.',
  },
  'catalog.lesson.image.network': {
    vi: 'Không tải được ảnh {url}: không kết nối được tới máy chủ chứa ảnh. Hãy tải ảnh lên thay vì dẫn liên kết.',
    en: 'Could not fetch the image {url}: the host could not be reached. Upload the image instead of linking it.',
  },
  'catalog.lesson.videoInvalid': {
    vi: 'Chỉ nhận đường dẫn https của YouTube, Vimeo hoặc tệp .mp4.',
    en: 'Only https YouTube, Vimeo or .mp4 addresses are accepted.',
  },
  'catalog.lesson.videoLink': { vi: 'Xem video ({provider})', en: 'Watch the video ({provider})' },
  'catalog.lesson.rule': { vi: 'Cách tính hoàn thành bài', en: 'When the lesson is done' },
  'catalog.lesson.minutes': { vi: 'Số phút tối thiểu', en: 'Minimum minutes' },
  'catalog.lesson.minutesHint': {
    vi: 'Chỉ dùng khi chọn "Học đủ số phút quy định".',
    en: 'Only for "Done after the set minutes".',
  },
  'catalog.lesson.minutesRequired': {
    vi: 'Nhập số phút tối thiểu (từ 1 đến 600).',
    en: 'Enter the minimum minutes (1 to 600).',
  },
  'catalog.lesson.minutesValue': { vi: 'tối thiểu {minutes} phút', en: 'at least {minutes} minutes' },
  'catalog.lesson.required': { vi: 'Bắt buộc để hoàn thành khóa học', en: 'Required to complete the course' },
  'catalog.lesson.requiredYes': { vi: 'Bắt buộc', en: 'Required' },
  'catalog.lesson.requiredNo': { vi: 'Tự chọn (không bắt buộc)', en: 'Optional' },
  'catalog.lesson.created': {
    vi: 'Đã thêm bài học. Bạn có thể đính kèm tệp ở dưới.',
    en: 'Lesson added. You can attach files below.',
  },
  'catalog.lesson.retired': {
    vi: 'Đã gỡ bài học. Bài vẫn được giữ để người học không mất tiến độ.',
    en: 'Lesson taken out. It is kept so learners lose no progress.',
  },
  'catalog.lesson.deleted': { vi: 'Đã xóa bài học.', en: 'Lesson deleted.' },
  'catalog.lesson.removedLesson': {
    vi: 'Bài học này đã được gỡ khỏi khóa học, không sửa được nữa.',
    en: 'This lesson was taken out of the course and can no longer be edited.',
  },
  'catalog.lesson.removedNotice': {
    vi: 'Bài học này đã được gỡ khỏi khóa học; nó chỉ còn được giữ cho tiến độ của người học.',
    en: 'This lesson was taken out of the course; it is only kept for learners’ progress.',
  },
  'catalog.lesson.preview': {
    vi: 'Xem trước nội dung (như người học thấy)',
    en: 'Preview the text (as learners see it)',
  },

  // --- lesson editor (client/lesson-editor.js) ------------------------------------------------------
  'catalog.editor.toolbar': { vi: 'Định dạng nội dung', en: 'Formatting' },
  'catalog.editor.hint': {
    vi: 'Gõ nội dung như trong trình soạn thảo văn bản. Chọn chữ rồi bấm nút trên thanh công cụ để in đậm, làm tiêu đề, danh sách, bảng… Ảnh và video (MP4, WebM) được tải lên và đính kèm vào bài.',
    en: 'Type as in a word processor. Select text, then use the toolbar for bold, headings, lists, tables… Images and videos (MP4, WebM) are uploaded and attached to the lesson.',
  },
  'catalog.editor.paragraph': { vi: 'Đoạn văn', en: 'Paragraph' },
  'catalog.editor.h2': { vi: 'Tiêu đề lớn', en: 'Large heading' },
  'catalog.editor.h3': { vi: 'Tiêu đề vừa', en: 'Medium heading' },
  'catalog.editor.h4': { vi: 'Tiêu đề nhỏ', en: 'Small heading' },
  'catalog.editor.bold': { vi: 'In đậm', en: 'Bold' },
  'catalog.editor.italic': { vi: 'In nghiêng', en: 'Italic' },
  'catalog.editor.underline': { vi: 'Gạch chân', en: 'Underline' },
  'catalog.editor.bulletList': { vi: 'Danh sách dấu chấm', en: 'Bulleted list' },
  'catalog.editor.orderedList': { vi: 'Danh sách đánh số', en: 'Numbered list' },
  'catalog.editor.blockquote': { vi: 'Trích dẫn', en: 'Quotation' },
  'catalog.editor.link': { vi: 'Liên kết', en: 'Link' },
  'catalog.editor.linkPrompt': {
    vi: 'Địa chỉ liên kết (https://…, http://… hoặc mailto:…). Để trống để bỏ liên kết.',
    en: 'Link address (https://…, http://… or mailto:…). Leave empty to remove the link.',
  },
  'catalog.editor.linkInvalid': {
    vi: 'Liên kết phải bắt đầu bằng https://, http:// hoặc mailto:',
    en: 'A link must start with https://, http:// or mailto:',
  },
  'catalog.editor.table': { vi: 'Chèn bảng', en: 'Insert table' },
  'catalog.editor.addRow': { vi: 'Thêm hàng', en: 'Add row' },
  'catalog.editor.deleteRow': { vi: 'Xóa hàng', en: 'Delete row' },
  'catalog.editor.addColumn': { vi: 'Thêm cột', en: 'Add column' },
  'catalog.editor.deleteColumn': { vi: 'Xóa cột', en: 'Delete column' },
  'catalog.editor.deleteTable': { vi: 'Xóa bảng', en: 'Delete table' },
  'catalog.editor.image': { vi: 'Chèn ảnh', en: 'Insert image' },
  'catalog.editor.video': { vi: 'Chèn video', en: 'Insert video' },
  'catalog.editor.videoPrompt': {
    vi: 'Tên hoặc mô tả ngắn của video (hiện khi trỏ vào video, trình đọc màn hình đọc lên):',
    en: 'A title or short description of the video (shown on hover, read out by screen readers):',
  },
  'catalog.editor.videoUploading': {
    vi: 'Đang tải video lên… (video lớn có thể mất vài phút)',
    en: 'Uploading the video… (a large video may take a few minutes)',
  },
  'catalog.editor.videoUploaded': { vi: 'Đã chèn video.', en: 'Video inserted.' },
  'catalog.editor.imageLater': {
    vi: 'Lưu bài học một lần để chèn được ảnh và video.',
    en: 'Save the lesson once to insert images and videos.',
  },
  'catalog.editor.altPrompt': {
    vi: 'Mô tả ngắn nội dung ảnh (cho người không xem được ảnh):',
    en: 'Describe the image briefly (for people who cannot see it):',
  },
  'catalog.editor.uploading': { vi: 'Đang tải ảnh lên…', en: 'Uploading the image…' },
  'catalog.editor.uploaded': { vi: 'Đã chèn ảnh.', en: 'Image inserted.' },
  'catalog.editor.uploadFailed': {
    vi: 'Không tải được ảnh lên. Hãy thử lại.',
    en: 'The image could not be uploaded. Please try again.',
  },

  // --- lesson files -------------------------------------------------------------------------------
  'catalog.files.title': { vi: 'Tệp đính kèm', en: 'Attached files' },
  'catalog.files.count': { vi: '{count} tệp đính kèm', en: '{count} files' },
  'catalog.files.none': { vi: 'Chưa có tệp đính kèm.', en: 'No files attached.' },
  'catalog.files.add': { vi: 'Đính kèm tệp', en: 'Attach a file' },
  'catalog.files.addVideo': { vi: 'Tải video lên (MP4 hoặc WebM)', en: 'Upload a video (MP4 or WebM)' },
  'catalog.files.imageHint': {
    vi: 'Để chèn ảnh vào nội dung, dùng: <img src="{url}" alt="mô tả ảnh">',
    en: 'To show an image in the text, use: <img src="{url}" alt="description">',
  },
  'catalog.files.videoHint': {
    vi: 'Để chiếu video trong nội dung, dùng: <video src="{url}" title="tên video"></video>',
    en: 'To play the video in the text, use: <video src="{url}" title="video title"></video>',
  },
  'catalog.file.attached': { vi: 'Đã đính kèm tệp.', en: 'File attached.' },
  'catalog.file.removed': { vi: 'Đã xóa tệp đính kèm.', en: 'Attached file removed.' },
  'catalog.file.removeLabel': { vi: 'Xóa tệp “{name}”', en: 'Remove the file “{name}”' },

  // --- quizzes ------------------------------------------------------------------------------------
  'catalog.quiz.lessonQuiz': { vi: 'Bài kiểm tra của bài học', en: 'The lesson’s quiz' },
  'catalog.quiz.final': { vi: 'Bài kiểm tra cuối khóa', en: 'Final quiz' },
  'catalog.quiz.finalTitle': { vi: 'Bài kiểm tra cuối khóa', en: 'Final quiz' },
  'catalog.quiz.none': { vi: 'Chưa có bài kiểm tra.', en: 'No quiz yet.' },
  'catalog.quiz.add': { vi: 'Tạo bài kiểm tra', en: 'Create a quiz' },
  'catalog.quiz.addFinal': { vi: 'Tạo bài kiểm tra cuối khóa', en: 'Create a final quiz' },
  'catalog.quiz.questionCount': { vi: '{count} câu hỏi', en: '{count} questions' },
  'catalog.quiz.name': { vi: 'Tên bài kiểm tra', en: 'Quiz title' },
  'catalog.quiz.passPercent': { vi: 'Điểm đạt (%)', en: 'Pass mark (%)' },
  'catalog.quiz.passPercentHint': {
    vi: 'Tỉ lệ câu trả lời đúng cần đạt, từ 0 đến 100.',
    en: 'Share of correct answers needed, 0 to 100.',
  },
  'catalog.quiz.maxAttempts': { vi: 'Số lần làm bài', en: 'Attempts allowed' },
  'catalog.quiz.maxAttemptsHint': { vi: '0 = không giới hạn.', en: '0 = unlimited.' },
  'catalog.quiz.attemptsValue': { vi: 'tối đa {count} lần', en: 'at most {count} attempts' },
  'catalog.quiz.unlimited': { vi: 'không giới hạn số lần', en: 'unlimited attempts' },
  'catalog.quiz.shuffle': { vi: 'Đảo thứ tự câu hỏi và đáp án', en: 'Shuffle questions and options' },
  'catalog.quiz.settings': { vi: 'Thiết lập', en: 'Settings' },
  'catalog.quiz.drawCount': {
    vi: 'Số câu rút ngẫu nhiên từ ngân hàng câu hỏi',
    en: 'Questions drawn at random from the question bank',
  },
  'catalog.quiz.drawCountHint': {
    vi: '0 = dùng các câu hỏi riêng của bài kiểm tra. Mỗi lượt làm bài rút một bộ câu khác nhau từ ngân hàng của khóa học.',
    en: '0 = the quiz’s own questions. Each attempt draws its own set from the course’s bank.',
  },
  'catalog.quiz.drawTooMany': {
    vi: 'Ngân hàng câu hỏi của khóa học chỉ có {bank} câu, không rút được {count} câu. Hãy thêm câu hỏi vào ngân hàng hoặc giảm số câu rút.',
    en: 'The course’s question bank holds only {bank} questions, so {count} cannot be drawn. Add questions to the bank or draw fewer.',
  },
  'catalog.quiz.drawsNotice': {
    vi: 'Mỗi lượt làm bài rút ngẫu nhiên {count} câu từ ngân hàng câu hỏi của khóa học; các câu hỏi riêng dưới đây không được dùng.',
    en: 'Each attempt draws {count} questions at random from the course’s question bank; the quiz’s own questions below are not used.',
  },
  'catalog.bank.title': { vi: 'Ngân hàng câu hỏi', en: 'Question bank' },
  'catalog.bank.intro': {
    vi: 'Các câu hỏi của khóa học mà bài kiểm tra có thể rút ngẫu nhiên cho mỗi lượt làm bài. Người học không xem được trang này.',
    en: 'The course’s questions that its quizzes may draw at random for each attempt. Learners cannot see this page.',
  },
  'catalog.bank.drawnBy': { vi: 'Bài kiểm tra rút câu từ ngân hàng:', en: 'Quizzes drawing from the bank:' },
  'catalog.bank.draws': { vi: 'rút {count} câu mỗi lượt', en: 'draws {count} per attempt' },
  'catalog.bank.questions': { vi: 'Câu hỏi ({count})', en: 'Questions ({count})' },
  'catalog.bank.empty': { vi: 'Ngân hàng chưa có câu hỏi.', en: 'The bank has no questions yet.' },
  'catalog.quiz.remove': { vi: 'Xóa bài kiểm tra', en: 'Remove the quiz' },
  'catalog.quiz.retired': {
    vi: 'Đã gỡ các câu hỏi của bài kiểm tra. Kết quả người học đã làm vẫn được giữ.',
    en: 'The quiz’s questions were taken out. Learners’ past attempts are kept.',
  },
  'catalog.quiz.deleted': { vi: 'Đã xóa bài kiểm tra.', en: 'Quiz deleted.' },
  'catalog.quiz.lessonNotFound': {
    vi: 'Không tìm thấy bài học của khóa học này.',
    en: 'That lesson is not part of this course.',
  },
  'catalog.quiz.forLesson': { vi: 'Thuộc bài: {title}', en: 'For lesson: {title}' },
  'catalog.quiz.emptyNotice': {
    vi: 'Bài kiểm tra chưa có câu hỏi nên người học chưa thấy.',
    en: 'The quiz has no questions yet, so learners do not see it.',
  },

  // --- questions ----------------------------------------------------------------------------------
  'catalog.questions.title': { vi: 'Câu hỏi', en: 'Questions' },
  'catalog.questions.add': { vi: 'Thêm câu hỏi', en: 'Add a question' },
  'catalog.question.newTitle': { vi: 'Thêm câu hỏi', en: 'New question' },
  'catalog.question.editTitle': { vi: 'Sửa câu hỏi', en: 'Edit question' },
  'catalog.question.kind': { vi: 'Loại câu hỏi', en: 'Kind' },
  'catalog.question.prompt': { vi: 'Nội dung câu hỏi', en: 'Question' },
  'catalog.question.explanation': { vi: 'Giải thích đáp án', en: 'Explanation' },
  'catalog.question.explanationHint': {
    vi: 'Hiện cho người học sau khi trả lời.',
    en: 'Shown to the learner after answering.',
  },
  'catalog.question.options': { vi: 'Các phương án', en: 'Options' },
  'catalog.question.optionsHint': {
    vi: 'Nhập từ 2 đến 10 phương án; để trống các dòng không dùng. Đánh dấu "Đúng" cho đáp án đúng: câu chọn một đáp án cần đúng một đáp án đúng.',
    en: 'Enter 2 to 10 options; leave unused rows empty. Tick "Correct" for the right answers: a single-choice question needs exactly one.',
  },
  'catalog.question.option': { vi: 'Phương án {number}', en: 'Option {number}' },
  'catalog.question.match': { vi: 'Vế ghép với phương án {number}', en: 'Match for option {number}' },
  'catalog.question.kindsHint': {
    vi: 'Câu ghép đôi: mỗi dòng là một cặp, phương án ở ô đầu và vế ghép ở ô thứ hai. Câu trả lời ngắn: mỗi phương án là một đáp án được chấp nhận (không phân biệt hoa thường, dấu và khoảng trắng thừa). Câu Đúng / Sai: chọn đáp án ở ô "Đáp án Đúng / Sai" phía trên. Ô thứ hai chỉ dùng cho câu ghép đôi.',
    en: 'Matching: each row is a pair, the option in the first box and its match in the second. Short answer: each option is an accepted answer (case, accents and extra spaces ignored). True / false: pick the answer in "True / false answer" above. The second box is for matching only.',
  },
  'catalog.question.truth': { vi: 'Đáp án Đúng / Sai', en: 'True / false answer' },
  'catalog.question.truthHint': {
    vi: 'Chỉ dùng cho câu hỏi loại Đúng / Sai.',
    en: 'For true / false questions only.',
  },
  'catalog.question.truthNeeded': {
    vi: 'Hãy chọn đáp án đúng của câu hỏi Đúng / Sai.',
    en: 'Choose whether the statement is true or false.',
  },
  'catalog.question.acceptedCount': {
    vi: 'Cần từ 1 đến {max} đáp án được chấp nhận.',
    en: 'Enter 1 to {max} accepted answers.',
  },
  'catalog.question.pairIncomplete': {
    vi: 'Mỗi cặp ghép đôi cần có cả phương án và vế ghép.',
    en: 'Each matching pair needs both sides.',
  },
  'catalog.question.pairCount': {
    vi: 'Cần từ {min} đến {max} cặp ghép đôi.',
    en: 'Enter {min} to {max} pairs.',
  },
  'catalog.question.pairsDistinct': {
    vi: 'Các vế ghép phải khác nhau.',
    en: 'The right-hand sides must differ.',
  },
  'catalog.question.correct': { vi: 'Đúng', en: 'Correct' },
  'catalog.question.correctOf': { vi: 'Phương án {number} là đáp án đúng', en: 'Option {number} is correct' },
  'catalog.question.edit': { vi: 'Sửa', en: 'Edit' },
  'catalog.question.remove': { vi: 'Xóa câu hỏi', en: 'Remove the question' },
  'catalog.question.created': { vi: 'Đã thêm câu hỏi.', en: 'Question added.' },
  'catalog.question.retired': {
    vi: 'Đã gỡ câu hỏi. Kết quả người học đã làm vẫn được giữ.',
    en: 'Question taken out. Learners’ past answers are kept.',
  },
  'catalog.question.deleted': { vi: 'Đã xóa câu hỏi.', en: 'Question deleted.' },
  'catalog.question.optionCount': {
    vi: 'Cần từ {min} đến {max} phương án có nội dung.',
    en: 'Enter {min} to {max} options with text.',
  },
  'catalog.question.singleNeedsOne': {
    vi: 'Câu hỏi chọn một đáp án phải có đúng một phương án đúng.',
    en: 'A single-choice question needs exactly one correct option.',
  },
  'catalog.question.multipleNeedsOne': {
    vi: 'Câu hỏi chọn nhiều đáp án phải có ít nhất một phương án đúng.',
    en: 'A multiple-choice question needs at least one correct option.',
  },
  'catalog.question.correctBlank': {
    vi: 'Phương án được đánh dấu đúng thì phải có nội dung.',
    en: 'An option marked correct needs text.',
  },
  'catalog.question.publishedNote': {
    vi: 'Khóa học đã xuất bản: nếu bạn đổi loại câu hỏi hoặc các phương án, câu hỏi cũ được giữ cho kết quả đã làm và câu hỏi mới thay vào chỗ của nó.',
    en: 'The course is published: if you change the kind or the options, the old question is kept for past answers and a new one takes its place.',
  },
});
