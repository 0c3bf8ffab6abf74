import { defineMessages } from '../common/i18n/messages';

export const organisationsMessages = defineMessages({
  'nav.enterprises': { vi: 'Doanh nghiệp', en: 'Enterprises' },
  'nav.units': { vi: 'Đơn vị hành chính', en: 'Administrative units' },
  'nav.unions': { vi: 'Công đoàn cơ sở', en: 'Grassroots unions' },
  'nav.institutions': { vi: 'Cơ sở đào tạo', en: 'Training institutions' },
  'nav.branches': { vi: 'Chi hội khuyến học', en: 'Association branches' },

  'org.search.label': { vi: 'Tìm theo tên hoặc mã', en: 'Search by name or code' },
  'org.address': { vi: 'Địa chỉ', en: 'Address' },
  'org.readOnly': {
    vi: 'Bạn đang xem ở chế độ chỉ đọc.',
    en: 'You are viewing this read-only.',
  },

  // --- administrative units --------------------------------------------------------------------
  'org.unit': { vi: 'Đơn vị hành chính', en: 'Administrative unit' },
  'org.unit.name': { vi: 'Tên đơn vị', en: 'Unit name' },
  'org.unit.code': { vi: 'Mã đơn vị', en: 'Unit code' },
  'org.unit.codeHint': {
    vi: 'Mã theo Danh mục đơn vị hành chính Việt Nam.',
    en: 'The code in the national list of administrative units.',
  },
  'org.unit.kind': { vi: 'Cấp / loại', en: 'Level / kind' },
  'org.unit.parent': { vi: 'Trực thuộc', en: 'Part of' },
  'org.unit.parentHint': {
    vi: 'Để trống nếu là đơn vị cấp cao nhất (tỉnh, thành phố trực thuộc trung ương).',
    en: 'Leave empty for a top-level unit (a province).',
  },
  'org.unit.validFrom': { vi: 'Hiệu lực từ ngày', en: 'Valid from' },
  'org.unit.validTo': { vi: 'Hiệu lực đến ngày', en: 'Valid to' },
  'org.unit.validToHint': {
    vi: 'Để trống nếu đơn vị vẫn đang có hiệu lực.',
    en: 'Leave empty while the unit is in force.',
  },
  'org.unit.validity': { vi: 'Thời gian hiệu lực', en: 'Validity' },
  'org.unit.open': { vi: 'nay', en: 'now' },
  'org.unit.inForce': { vi: 'Đang có hiệu lực', en: 'In force' },
  'org.unit.lapsed': { vi: 'Hết hiệu lực', en: 'No longer in force' },
  'org.unit.lapsedSuffix': { vi: '(hết hiệu lực)', en: '(no longer in force)' },
  'org.unit.inForceOn': { vi: 'Có hiệu lực vào ngày', en: 'In force on' },
  'org.unit.root': { vi: 'Cấp cao nhất', en: 'Top level' },
  'org.unit.successor': { vi: 'Địa bàn nay thuộc', en: 'Territory now part of' },
  'org.unit.children': { vi: 'Đơn vị trực thuộc', en: 'Units below' },
  'org.unit.noChildren': { vi: 'Không có đơn vị trực thuộc.', en: 'No units below this one.' },
  'org.unit.addChild': { vi: 'Thêm đơn vị trực thuộc', en: 'Add a unit below' },
  'org.unit.newTitle': { vi: 'Thêm đơn vị hành chính', en: 'New administrative unit' },
  'org.unit.editTitle': { vi: 'Sửa đơn vị hành chính', en: 'Edit administrative unit' },
  'org.unit.notFound': {
    vi: 'Không tìm thấy đơn vị hành chính đã chọn.',
    en: 'The chosen administrative unit does not exist.',
  },
  'org.unit.cycle': {
    vi: 'Không thể đặt một đơn vị trực thuộc chính nó hoặc đơn vị cấp dưới của nó.',
    en: 'A unit cannot be placed under itself or under one of its own sub-units.',
  },

  'org.mapping.title': { vi: 'Chuyển đổi địa giới hành chính', en: 'Boundary changes' },
  'org.mapping.intro': {
    vi: 'Địa bàn của đơn vị cũ chuyển sang đơn vị mới kể từ ngày hiệu lực (sáp nhập, giải thể, bỏ cấp huyện…). Số liệu cũ được tổng hợp theo đơn vị mới.',
    en: 'The old unit’s territory passes to the new unit from the effective date (merger, dissolution, abolition of districts…). Older figures roll up into the new unit.',
  },
  'org.mapping.from': { vi: 'Đơn vị cũ', en: 'Old unit' },
  'org.mapping.to': { vi: 'Đơn vị mới', en: 'New unit' },
  'org.mapping.effectiveDate': { vi: 'Ngày hiệu lực', en: 'Effective date' },
  'org.mapping.note': { vi: 'Ghi chú (căn cứ pháp lý)', en: 'Note (legal basis)' },
  'org.mapping.add': { vi: 'Thêm chuyển đổi', en: 'Add a boundary change' },
  'org.mapping.addIntro': {
    vi: 'Địa bàn của {name} chuyển sang đơn vị sau:',
    en: 'The territory of {name} passes to this unit:',
  },
  'org.mapping.none': { vi: 'Chưa có chuyển đổi nào.', en: 'No boundary changes.' },
  'org.mapping.self': {
    vi: 'Đơn vị mới phải khác đơn vị hiện tại.',
    en: 'The new unit must differ from this unit.',
  },
  'org.mapping.duplicate': {
    vi: 'Chuyển đổi sang đơn vị này đã có.',
    en: 'This boundary change already exists.',
  },
  'org.mapping.removed': { vi: 'Đã xóa chuyển đổi.', en: 'Boundary change removed.' },

  'unitKind.PROVINCE': { vi: 'Tỉnh', en: 'Province' },
  'unitKind.CITY': { vi: 'Thành phố', en: 'City' },
  'unitKind.DISTRICT': { vi: 'Huyện', en: 'District' },
  'unitKind.WARD': { vi: 'Phường', en: 'Ward' },
  'unitKind.COMMUNE': { vi: 'Xã', en: 'Commune' },
  'unitKind.TOWNSHIP': { vi: 'Thị trấn', en: 'Township' },
  'unitKind.SPECIAL_ZONE': { vi: 'Đặc khu', en: 'Special zone' },

  // --- enterprises -----------------------------------------------------------------------------
  'org.enterprise': { vi: 'Doanh nghiệp', en: 'Enterprise' },
  'org.enterprise.withoutCommune': {
    vi: 'Chỉ doanh nghiệp chưa có xã, phường',
    en: 'Only enterprises without a commune',
  },
  'org.enterprise.name': { vi: 'Tên doanh nghiệp', en: 'Enterprise name' },
  'org.enterprise.taxCode': { vi: 'Mã số thuế', en: 'Tax code' },
  'org.enterprise.taxCodeHint': {
    vi: '10 chữ số (chi nhánh: 10 chữ số-3 chữ số), ví dụ 0300588569.',
    en: '10 digits (a branch: 10 digits-3 digits), e.g. 0300588569.',
  },
  'org.enterprise.industrialPark': { vi: 'Khu công nghiệp', en: 'Industrial park' },
  'org.enterprise.sector': { vi: 'Ngành nghề', en: 'Sector' },
  'org.enterprise.newTitle': { vi: 'Thêm doanh nghiệp', en: 'New enterprise' },
  'org.enterprise.commune': { vi: 'Xã, phường, đặc khu', en: 'Commune, ward or special zone' },
  'org.enterprise.commune.set': { vi: 'Đặt xã, phường', en: 'Set the commune' },
  'org.enterprise.commune.title': { vi: 'Xã, phường của {name}', en: 'Commune of {name}' },
  'org.enterprise.commune.intro': {
    vi: 'Chọn xã, phường (theo đơn vị hành chính hiện hành) nơi doanh nghiệp đặt trụ sở. Số liệu chỉ tiêu của doanh nghiệp được tổng hợp vào xã, phường này.',
    en: 'Choose the commune or ward (as in force today) where the enterprise is located. Its figures roll up into it.',
  },
  'org.enterprise.commune.current': { vi: 'Hiện đặt tại: {name}', en: 'Now at: {name}' },
  'org.enterprise.commune.hint': {
    vi: 'Việc đổi xã, phường được ghi vào nhật ký thay đổi.',
    en: 'The change is kept in the audit trail.',
  },
  'org.enterprise.communeRequired': {
    vi: 'Vui lòng chọn một xã, phường hoặc đặc khu.',
    en: 'Choose a commune, ward or special zone.',
  },
  'org.enterprise.communeLapsed': {
    vi: 'Xã, phường này không còn hiệu lực; vui lòng chọn đơn vị hiện hành.',
    en: 'This commune is no longer in force; choose one in force today.',
  },
  'org.enterprise.editTitle': { vi: 'Sửa thông tin doanh nghiệp', en: 'Edit enterprise' },
  'org.enterprise.taxCodeTaken': {
    vi: 'Mã số thuế này đã được dùng cho một doanh nghiệp khác.',
    en: 'This tax code is already used by another enterprise.',
  },
  'org.enterprise.notFound': {
    vi: 'Không tìm thấy doanh nghiệp đã chọn.',
    en: 'The chosen enterprise does not exist.',
  },
  'org.enterprise.unitToday': { vi: 'Địa bàn nay thuộc: {name}', en: 'Territory now part of: {name}' },

  'org.import.link': { vi: 'Nhập từ tệp Excel/CSV', en: 'Import from an Excel/CSV file' },
  'org.import.title': { vi: 'Nhập danh sách doanh nghiệp từ tệp', en: 'Import enterprises from a file' },
  'org.import.intro': {
    vi: 'Tải lên tệp Excel (.xlsx) hoặc CSV (UTF-8), mỗi dòng một doanh nghiệp: Tên doanh nghiệp, Mã số thuế và Mã xã, phường (mã thống kê của xã, phường, thị trấn hoặc đặc khu đang có hiệu lực hôm nay) là bắt buộc; Khu công nghiệp, Ngành nghề, Địa chỉ không bắt buộc (để trống thì giữ nguyên). Doanh nghiệp đã có mã số thuế được cập nhật, chưa có thì được thêm mới. Nhập lại cùng một tệp không làm thay đổi dữ liệu.',
    en: 'Upload an Excel (.xlsx) or CSV (UTF-8) file, one enterprise a row: the name, the tax code and the statistics code of a commune, ward, township or special zone in force today are required; industrial park, sector and address are optional (left blank, they are kept). A known tax code updates its enterprise, a new one adds it. Importing the same file again changes nothing.',
  },
  'org.import.template': {
    vi: 'Tải tệp mẫu doanh nghiệp (.xlsx)',
    en: 'Download the enterprises template (.xlsx)',
  },
  'org.import.file': { vi: 'Tệp danh sách doanh nghiệp', en: 'Enterprises file' },
  'org.import.queued': {
    vi: 'Đã nhận tệp. Hệ thống đang nhập danh sách doanh nghiệp…',
    en: 'File received. Importing the enterprises…',
  },
  'org.import.history': { vi: 'Các lần nhập danh sách doanh nghiệp', en: 'Enterprise imports' },
  'org.import.result': { vi: 'Kết quả nhập danh sách doanh nghiệp', en: 'Enterprise import result' },
  'org.import.nothingNew': {
    vi: 'Không có thay đổi nào: mọi doanh nghiệp trong tệp đều đã đúng như trong tệp.',
    en: 'Nothing changed: every enterprise in the file was already as the file says.',
  },
  'org.import.retention': {
    vi: 'Tệp tải lên sẽ được tự động xoá {days} ngày sau khi nhập xong; kết quả nhập vẫn được giữ.',
    en: 'The uploaded file is deleted automatically {days} days after the import finished; the results stay.',
  },
  'org.import.error.noHeader': {
    vi: 'Không tìm thấy dòng tiêu đề có các cột "Tên doanh nghiệp", "Mã số thuế", "Mã xã, phường" trong 10 dòng đầu. Hãy dùng tệp mẫu.',
    en: 'No header row with the columns "Tên doanh nghiệp", "Mã số thuế", "Mã xã, phường" in the first 10 rows. Please use the template.',
  },
  'org.import.error.required': { vi: 'Chưa nhập {column}', en: '{column} is missing' },
  'org.import.error.tooLong': {
    vi: '{column} dài quá {max} ký tự',
    en: '{column} is longer than {max} characters',
  },
  'org.import.error.taxCode': {
    vi: 'Mã số thuế không hợp lệ (10 chữ số có số kiểm tra, hoặc 10 chữ số-3 chữ số đối với chi nhánh)',
    en: 'The tax code is not valid (10 digits with a check digit, or 10 digits-3 digits for a branch)',
  },
  'org.import.error.duplicate': {
    vi: 'Mã số thuế trùng với dòng {row}',
    en: 'Same tax code as row {row}',
  },
  'org.import.error.communeUnknown': {
    vi: 'Không có xã, phường nào mang mã {code}',
    en: 'No commune or ward has the code {code}',
  },
  'org.import.error.notCommune': {
    vi: 'Mã {code} là của {name}, không phải xã, phường, thị trấn hay đặc khu; hãy ghi mã của xã, phường nơi doanh nghiệp đặt trụ sở',
    en: 'Code {code} is {name}, not a commune, ward, township or special zone; give the code of the commune or ward where the enterprise is',
  },
  'org.import.error.communeLapsed': {
    vi: 'Mã {code} là của {name}, đơn vị không còn hiệu lực; hãy ghi mã của xã, phường mới',
    en: 'Code {code} is {name}, which is no longer in force; give the code of the new commune or ward',
  },
  'org.import.error.communeLapsedTo': {
    vi: 'Mã {code} là của {name}, đơn vị không còn hiệu lực; hãy ghi mã của xã, phường mới: {successor} (mã {successorCode})',
    en: 'Code {code} is {name}, which is no longer in force; give the code of the new commune or ward: {successor} (code {successorCode})',
  },

  'org.headcount.title': { vi: 'Số lao động khai báo theo năm', en: 'Declared headcount by year' },
  'org.headcount.year': { vi: 'Năm', en: 'Year' },
  'org.headcount.headcount': { vi: 'Số lao động', en: 'Workers' },
  'org.headcount.latest': { vi: 'Số lao động (năm gần nhất)', en: 'Workers (latest year)' },
  'org.headcount.latestYear': { vi: 'Năm khai báo', en: 'Year declared' },
  'org.headcount.ofYear': { vi: 'Số lao động năm {year}', en: 'Workers in {year}' },
  'org.headcount.add': { vi: 'Khai báo thêm năm', en: 'Declare another year' },
  'org.headcount.none': { vi: 'Chưa khai báo số lao động.', en: 'No headcount declared yet.' },

  // --- grassroots unions -----------------------------------------------------------------------
  'org.union': { vi: 'Công đoàn cơ sở', en: 'Grassroots union' },
  'org.union.name': { vi: 'Tên công đoàn cơ sở', en: 'Union name' },
  'org.union.chairName': { vi: 'Chủ tịch công đoàn', en: 'Chair' },
  'org.union.establishedOn': { vi: 'Ngày thành lập', en: 'Established on' },
  'org.union.dissolvedOn': { vi: 'Ngày giải thể', en: 'Dissolved on' },
  'org.union.dissolvedOnHint': {
    vi: 'Ngày cuối cùng công đoàn cơ sở còn hoạt động (doanh nghiệp giải thể, sáp nhập); để trống nếu vẫn hoạt động.',
    en: 'The last day the union exists (enterprise closed or merged); empty while it does.',
  },
  'org.union.successorTaxCode': {
    vi: 'Mã số thuế doanh nghiệp có công đoàn kế thừa',
    en: 'Tax code of the enterprise whose union takes over',
  },
  'org.union.successorTaxCodeHint': {
    vi: 'Khi doanh nghiệp sáp nhập vào doanh nghiệp khác: công đoàn cơ sở của doanh nghiệp đó nhận lại đoàn viên.',
    en: 'When the enterprise merges into another: that enterprise’s union takes over the members.',
  },
  'org.union.successor': { vi: 'Công đoàn kế thừa', en: 'Successor union' },
  'org.union.successorNotFound': {
    vi: 'Không tìm thấy công đoàn cơ sở của doanh nghiệp có mã số thuế này (phải là doanh nghiệp khác, đã có công đoàn cơ sở).',
    en: 'No grassroots union found for the enterprise with this tax code (it must be another enterprise with a union).',
  },
  'org.union.successorNeedsEnd': {
    vi: 'Công đoàn có công đoàn kế thừa cần có ngày giải thể.',
    en: 'A union with a successor needs the day it was dissolved.',
  },
  'org.union.dissolved': { vi: 'Đã giải thể ngày {date}', en: 'Dissolved on {date}' },
  'org.union.newTitle': { vi: 'Thêm công đoàn cơ sở', en: 'New grassroots union' },
  'org.union.editTitle': { vi: 'Sửa công đoàn cơ sở', en: 'Edit grassroots union' },
  'org.union.create': { vi: 'Thêm công đoàn cơ sở', en: 'Add a grassroots union' },
  'org.union.none': {
    vi: 'Doanh nghiệp chưa có công đoàn cơ sở.',
    en: 'This enterprise has no grassroots union yet.',
  },
  'org.union.enterpriseHint': {
    vi: 'Mỗi doanh nghiệp có một công đoàn cơ sở; danh sách chỉ gồm doanh nghiệp chưa có.',
    en: 'Each enterprise has one grassroots union; only enterprises without one are listed.',
  },
  'org.union.enterpriseTaken': {
    vi: 'Doanh nghiệp này đã có công đoàn cơ sở.',
    en: 'This enterprise already has a grassroots union.',
  },

  // --- training institutions -------------------------------------------------------------------
  'org.institution.name': { vi: 'Tên cơ sở đào tạo', en: 'Institution name' },
  'org.institution.kind': { vi: 'Loại hình', en: 'Kind' },
  'org.institution.website': { vi: 'Trang thông tin điện tử', en: 'Website' },
  'org.institution.websiteHint': {
    vi: 'Bắt đầu bằng http:// hoặc https://',
    en: 'Starts with http:// or https://',
  },
  'org.institution.newTitle': { vi: 'Thêm cơ sở đào tạo', en: 'New training institution' },
  'org.institution.editTitle': { vi: 'Sửa cơ sở đào tạo', en: 'Edit training institution' },

  'institutionKind.VOCATIONAL': {
    vi: 'Trường trung cấp, cơ sở giáo dục nghề nghiệp',
    en: 'Vocational school',
  },
  'institutionKind.UNIVERSITY': { vi: 'Trường đại học', en: 'University' },
  'institutionKind.COLLEGE': { vi: 'Trường cao đẳng', en: 'College' },
  'institutionKind.CONTINUING_EDUCATION': {
    vi: 'Trung tâm GDNN-GDTX',
    en: 'Vocational and continuing education centre',
  },
  'institutionKind.SCHOOL': { vi: 'Trường phổ thông', en: 'School' },
  'institutionKind.CULTURE_CENTRE': {
    vi: 'Trung tâm văn hóa, thư viện',
    en: 'Cultural centre or library',
  },
  'institutionKind.OTHER': { vi: 'Khác', en: 'Other' },

  // --- association branches --------------------------------------------------------------------
  'org.branch.name': { vi: 'Tên chi hội', en: 'Branch name' },
  'org.branch.unit': { vi: 'Địa bàn phụ trách', en: 'Area covered' },
  'org.branch.validFrom': { vi: 'Hoạt động từ ngày', en: 'Exists from' },
  'org.branch.validTo': { vi: 'Hoạt động đến ngày', en: 'Exists until' },
  'org.branch.validToHint': {
    vi: 'Ngày cuối cùng chi hội còn hoạt động; để trống nếu vẫn hoạt động. Chỉ chi hội còn hoạt động mới công nhận danh hiệu.',
    en: 'The last day the branch exists; empty while it does. Only a branch in force recognises titles.',
  },
  'org.branch.successor': { vi: 'Chi hội kế thừa', en: 'Successor' },
  'org.branch.successorHint': {
    vi: 'Chi hội nhận lại công việc khi chi hội này kết thúc hoạt động.',
    en: 'The branch that takes over its work when this one ends.',
  },
  'org.branch.successorNotFound': {
    vi: 'Chi hội kế thừa phải là một chi hội khác đã có.',
    en: 'The successor must be another existing branch.',
  },
  'org.branch.successorNeedsEnd': {
    vi: 'Chi hội có chi hội kế thừa cần có ngày kết thúc hoạt động.',
    en: 'A branch with a successor needs the day it ended.',
  },
  'org.branch.unitHint': {
    vi: 'Chi hội phụ trách đơn vị này và mọi đơn vị trực thuộc.',
    en: 'The branch covers this unit and every unit below it.',
  },
  'org.branch.newTitle': { vi: 'Thêm chi hội khuyến học', en: 'New association branch' },
  'org.branch.editTitle': { vi: 'Sửa chi hội khuyến học', en: 'Edit association branch' },
});
