import { defineMessages } from '../common/i18n/messages';

export const materialsMessages = defineMessages({
  'nav.materials': { vi: 'Học liệu mở', en: 'Open materials' },
  'nav.catalogMaterials': { vi: 'Quản lý học liệu', en: 'Manage materials' },

  'materials.intro': {
    vi: 'Học liệu mở do các cơ sở đào tạo chia sẻ: ai cũng xem và tải về được, không cần tài khoản. Hãy dùng lại theo giấy phép ghi ở từng học liệu.',
    en: 'Open learning materials shared by training institutions: anyone may view and download them, no account needed. Reuse them under each one’s licence.',
  },
  'materials.search': { vi: 'Tìm theo tên hoặc từ khóa', en: 'Search by title or keyword' },
  'materials.filter.domain': { vi: 'Lĩnh vực', en: 'Domain' },
  'materials.filter.allDomains': { vi: 'Mọi lĩnh vực', en: 'All domains' },
  'materials.filter.institution': { vi: 'Cơ sở đào tạo', en: 'Institution' },
  'materials.filter.allInstitutions': { vi: 'Mọi cơ sở đào tạo', en: 'All institutions' },
  'materials.none': { vi: 'Chưa có học liệu nào phù hợp.', en: 'No materials match.' },
  'materials.harvest': {
    vi: 'Cổng thông tin khác có thể thu thập danh sách này theo chuẩn LRMI tại /api/v1/materials.',
    en: 'Other portals can harvest this list as LRMI at /api/v1/materials.',
  },
  'materials.by': { vi: 'Tác giả: {author}', en: 'By {author}' },
  'materials.author': { vi: 'Tác giả', en: 'Author' },
  'materials.publisher': { vi: 'Đơn vị chia sẻ', en: 'Shared by' },
  'materials.type': { vi: 'Loại', en: 'Type' },
  'materials.licence': { vi: 'Giấy phép', en: 'Licence' },
  'materials.language': { vi: 'Ngôn ngữ', en: 'Language' },
  'materials.domains': { vi: 'Lĩnh vực học tập', en: 'Learning domains' },
  'materials.keywords': { vi: 'Từ khóa', en: 'Keywords' },
  'materials.publishedOn': { vi: 'Ngày xuất bản', en: 'Published' },
  'materials.downloads': { vi: '{count} lượt tải', en: '{count} downloads' },
  'materials.download': { vi: 'Tải về', en: 'Download' },
  'materials.openLink': { vi: 'Mở học liệu (trang {host})', en: 'Open the material ({host})' },
  'materials.licenceOpen': {
    vi: 'Bạn được dùng lại, chia sẻ học liệu này theo giấy phép {licence}.',
    en: 'You may reuse and share this material under {licence}.',
  },
  'materials.licenceClosed': {
    vi: 'Tác giả bảo lưu mọi quyền: chỉ dùng để tự học, không sao chép để phát hành lại.',
    en: 'All rights reserved by the author: for self-study only, not for republishing.',
  },
  'materials.back': { vi: 'Về danh sách học liệu', en: 'Back to the materials' },

  // --- editors --------------------------------------------------------------------------------------
  'materials.editor.title': { vi: 'Học liệu mở của cơ sở đào tạo', en: 'Open materials of the institution' },
  'materials.add': { vi: 'Thêm học liệu', en: 'New material' },
  'materials.newTitle': { vi: 'Thêm học liệu mở', en: 'New open material' },
  'materials.field.title': { vi: 'Tên học liệu', en: 'Title' },
  'materials.field.description': { vi: 'Mô tả', en: 'Description' },
  'materials.field.kind': { vi: 'Hình thức', en: 'Form' },
  'materials.field.file': { vi: 'Tệp học liệu', en: 'File' },
  'materials.field.fileKeep': {
    vi: 'Để trống nếu giữ tệp hiện tại.',
    en: 'Leave empty to keep the current file.',
  },
  'materials.field.url': { vi: 'Đường dẫn (https)', en: 'Address (https)' },
  'materials.field.urlHint': {
    vi: 'Chỉ dùng khi hình thức là "Liên kết": địa chỉ https nơi học liệu được đăng.',
    en: 'Only for a "Link": the https address where the material is published.',
  },
  'materials.field.author': { vi: 'Tác giả', en: 'Author' },
  'materials.field.authorHint': {
    vi: 'Người hoặc nhóm biên soạn, ví dụ "Khoa Kỹ thuật — Trường CĐ Cộng đồng Đắk Nông".',
    en: 'The person or team who wrote it.',
  },
  'materials.field.authorType': { vi: 'Tác giả là', en: 'The author is' },
  'materials.field.authorTypeHint': {
    vi: 'Một khoa, tổ, cơ quan hay tổ chức là "Tổ chức, đơn vị"; các cổng tìm kiếm học liệu đọc thông tin này.',
    en: 'A faculty, team, agency or organisation is "An organisation"; learning-resource portals read this.',
  },
  'materials.authorType.PERSON': { vi: 'Cá nhân', en: 'A person' },
  'materials.authorType.ORGANIZATION': { vi: 'Tổ chức, đơn vị', en: 'An organisation' },
  'materials.field.keywords': { vi: 'Từ khóa', en: 'Keywords' },
  'materials.field.keywordsHint': {
    vi: 'Ngăn cách bằng dấu phẩy, ví dụ: an toàn lao động, bảo hộ lao động. Người tìm gõ có dấu hay không dấu đều thấy.',
    en: 'Separated by commas, e.g.: occupational safety, protective equipment. Searches find them with or without diacritics.',
  },
  'materials.field.currentFile': { vi: 'Tệp hiện tại', en: 'Current file' },
  'materials.kind.FILE': { vi: 'Tệp tải lên', en: 'Uploaded file' },
  'materials.kind.LINK': { vi: 'Liên kết đến trang khác', en: 'Link to another site' },
  'materials.viewPublic': { vi: 'Xem trang công khai', en: 'View the public page' },
  'materials.created': {
    vi: 'Đã thêm học liệu (bản nháp). Kiểm tra lại rồi xuất bản.',
    en: 'Material added as a draft. Check it, then publish.',
  },
  'materials.published': { vi: 'Đã xuất bản học liệu.', en: 'The material is published.' },
  'materials.archived': { vi: 'Đã chuyển học liệu vào lưu trữ.', en: 'The material is archived.' },
  'materials.archiveDraft': {
    vi: 'Chỉ lưu trữ được học liệu đã xuất bản.',
    en: 'Only a published material can be archived.',
  },
  'materials.url.required': {
    vi: 'Nhập đường dẫn https của học liệu.',
    en: 'Enter the https address of the material.',
  },
  'materials.publish.refused': {
    vi: 'Chưa thể xuất bản học liệu. Vui lòng bổ sung các mục sau.',
    en: 'The material cannot be published yet. Please complete the items below.',
  },
  'materials.publish.noFile': { vi: 'Chưa có tệp học liệu.', en: 'The file is missing.' },
  'materials.publish.noUrl': { vi: 'Chưa có đường dẫn của học liệu.', en: 'The address is missing.' },
  'materials.publish.noDomains': {
    vi: 'Chưa chọn lĩnh vực học tập nào.',
    en: 'No learning domain is chosen.',
  },
  'materials.published.wouldBreak': {
    vi: 'Học liệu đang xuất bản nên phải giữ nội dung và ít nhất một lĩnh vực học tập.',
    en: 'The material is published, so it must keep its content and at least one learning domain.',
  },
});
