import type {
  ChannelKind,
  OnlineLevel,
  ProcedureLevel,
  ProcessingTimeUnit,
  SubjectKind,
  VersionStatus,
} from '@motcua/contracts/catalog';

/**
 * Labels of the procedure catalogue used by the portal. The contracts hold the same labels, but the
 * portal imports only types from them (a value import would bring zod into its bundle), so the
 * portal's copies live here, checked for completeness by their types.
 */
export const catalogLabels = {
  levels: { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' } satisfies Record<
    ProcedureLevel,
    string
  >,
  subjects: { citizen: 'Công dân', organisation: 'Tổ chức, doanh nghiệp' } satisfies Record<
    SubjectKind,
    string
  >,
  channels: {
    'in-person': 'Nộp trực tiếp',
    online: 'Nộp trực tuyến',
    postal: 'Qua dịch vụ bưu chính',
  } satisfies Record<ChannelKind, string>,
  onlineLevels: {
    full: 'Dịch vụ công trực tuyến toàn trình',
    partial: 'Dịch vụ công trực tuyến một phần',
  } satisfies Record<OnlineLevel, string>,
  onlineLevelShort: {
    full: 'Trực tuyến toàn trình',
    partial: 'Trực tuyến một phần',
    none: 'Chưa trực tuyến',
  },
  units: {
    'working-hours': 'giờ làm việc',
    'working-days': 'ngày làm việc',
    days: 'ngày',
    months: 'tháng',
  } satisfies Record<ProcessingTimeUnit, string>,
  fee: { free: 'Miễn phí', paid: 'Có phí, lệ phí' },
  statuses: {
    draft: 'Dự thảo',
    submitted: 'Chờ kiểm soát chất lượng',
    returned: 'Bị trả lại',
    approved: 'Đã được duyệt',
    announced: 'Đã công bố',
    published: 'Đã công khai',
    superseded: 'Đã được thay thế',
    abolished: 'Đã bãi bỏ',
  } satisfies Record<VersionStatus, string>,
  weekdays: ['Thứ 2', 'Thứ 3', 'Thứ 4', 'Thứ 5', 'Thứ 6', 'Thứ 7', 'Chủ nhật'],
} as const;

/** Strings of the public catalogue pages (search, procedure page, online submission). */
export const catalogText = {
  searchTitle: 'Tìm thủ tục hành chính',
  resultCount: (n: number, q: string) =>
    q === ''
      ? `Danh mục có ${n} thủ tục`
      : n === 0
        ? `Không tìm thấy thủ tục nào cho “${q}”`
        : `Tìm thấy ${n} thủ tục cho “${q}”`,
  noResultsHelp:
    'Hãy thử từ ngữ khác, bỏ bớt bộ lọc, hoặc gõ tên giấy tờ bạn cần (ví dụ: giấy khai sinh, sổ đỏ).',
  synonymsUsed: (term: string, expansion: string) => `“${term}” được hiểu là: ${expansion}.`,
  searching: 'Đang tìm…',
  searchFailed: 'Không tải được kết quả tìm kiếm.',
  filters: 'Bộ lọc',
  filtersActive: (n: number) => `Bộ lọc (${n} đang chọn)`,
  filterField: 'Lĩnh vực',
  filterLevel: 'Cấp thực hiện',
  filterAgency: 'Cơ quan thực hiện',
  filterOnline: 'Dịch vụ công trực tuyến',
  filterFee: 'Phí, lệ phí',
  filterAll: 'Tất cả',
  clearFilters: 'Bỏ tất cả bộ lọc',
  withCount: (label: string, count: number) => `${label} (${count})`,
  resultsHeading: 'Kết quả tìm kiếm',
  field: 'Lĩnh vực',
  level: 'Cấp thực hiện',
  code: 'Mã thủ tục',
  previousPage: 'Trang trước',
  nextPage: 'Trang sau',
  pageOf: (page: number, pages: number) => `Trang ${page}/${pages}`,
  pagination: 'Phân trang kết quả',

  procedureLoadFailed: 'Không tải được thông tin thủ tục.',
  procedureNotFound: 'Không tìm thấy thủ tục này, hoặc thủ tục đã bị bãi bỏ.',
  backToSearch: 'Quay lại tìm kiếm',
  submitOnline: 'Nộp hồ sơ trực tuyến',
  submitOnlineHint: 'Bạn có thể nộp hồ sơ và nhận thông báo kết quả mà không phải đến cơ quan.',
  notOnline:
    'Thủ tục này chưa nhận hồ sơ trực tuyến: hãy nộp trực tiếp hoặc qua bưu chính tại nơi nêu dưới đây.',
  summary: 'Thông tin chung',
  whatFor: 'Thủ tục dùng để làm gì',
  whatForText: (name: string, result: string | null) =>
    result ? `Thực hiện thủ tục “${name}” để được cấp: ${result}.` : `Thực hiện thủ tục “${name}”.`,
  whoMayUse: 'Ai được thực hiện',
  agencyDescription: 'Cơ quan thực hiện',
  onlineLevel: 'Mức độ trực tuyến',
  notOnlineShort: 'Chưa cung cấp trực tuyến',
  resultImmediately: 'Trả kết quả ngay trong ngày khi hồ sơ hợp lệ',
  decision: 'Quyết định công bố',
  decisionText: (number: string, date: string) => (date ? `${number}, ngày ${date}` : number),
  requirements: 'Điều kiện, yêu cầu',
  components: 'Hồ sơ cần chuẩn bị',
  componentsCount: (n: number) => `${n} loại giấy tờ`,
  noComponents: 'Cơ quan chưa công bố thành phần hồ sơ cho thủ tục này. Vui lòng liên hệ nơi nộp hồ sơ.',
  required: 'Bắt buộc',
  conditional: 'Tùy trường hợp',
  originals: (n: number) => `${n} bản chính`,
  copies: (n: number) => `${n} bản sao`,
  quantity: 'Số lượng',
  formTemplate: 'Mẫu đơn, tờ khai',
  downloadTemplate: (name: string) => `Tải mẫu: ${name}`,
  fromDataStore: 'Có thể lấy từ kho dữ liệu cá nhân',
  steps: 'Trình tự thực hiện',
  timeAndFees: 'Thời hạn giải quyết và phí, lệ phí',
  processingTime: 'Thời hạn giải quyết',
  noTimeStated: 'Văn bản không quy định thời hạn',
  fees: 'Phí, lệ phí',
  free: 'Miễn phí',
  feeVaries: 'Theo quy định',
  feeAmountsAndVaries: (amounts: string) => `${amounts}; khoản khác theo quy định`,
  noFees: 'Không thu phí, lệ phí',
  results: 'Kết quả',
  electronicResult: 'Có bản điện tử',
  whereToSubmit: 'Nơi nộp hồ sơ',
  noDesks: 'Liên hệ cơ quan để biết địa điểm tiếp nhận.',
  address: 'Địa chỉ',
  phone: 'Điện thoại',
  officeHours: 'Giờ làm việc',
  legalBasis: 'Căn cứ pháp lý',
  effectiveFrom: (date: string) => `có hiệu lực từ ${date}`,
  lastPublished: (date: string) => `Thông tin công khai từ ${date}.`,

  submitTitle: 'Nộp hồ sơ trực tuyến',
  submitComing:
    'Chức năng nộp hồ sơ trực tuyến đang được xây dựng. Trong thời gian này, bạn vui lòng chuẩn bị giấy tờ theo hướng dẫn và nộp trực tiếp hoặc qua bưu chính tại nơi tiếp nhận.',
  backToProcedure: 'Xem lại hướng dẫn thủ tục',

  fieldsTitle: 'Tìm theo lĩnh vực',
  fieldsLead: 'Các lĩnh vực có thủ tục đang được công khai.',
  fieldLink: (name: string, count: number) => `${name} (${count} thủ tục)`,
  allProcedures: 'Xem tất cả thủ tục',
} as const;
