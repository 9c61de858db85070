/** Strings of the staff shell (top bar, login) and of the office and dashboard areas. */
export const staffText = {
  areasNavigation: 'Khu vực làm việc',
  office: 'Một cửa',
  admin: 'Quản trị',
  dashboard: 'Thống kê',
  currentAgency: 'Đơn vị làm việc',
  logout: 'Đăng xuất',
  noRoles: 'Chưa được phân vai trò',
  userMenu: 'Người dùng đang đăng nhập',

  loginTitle: 'Đăng nhập cán bộ',
  loginLead: 'Dành cho cán bộ, công chức, viên chức xử lý thủ tục hành chính.',
  username: 'Tên đăng nhập',
  usernameRequired: 'Nhập tên đăng nhập',
  password: 'Mật khẩu',
  passwordRequired: 'Nhập mật khẩu',
  totpCode: 'Mã xác thực (6 chữ số)',
  totpHint: 'Mở ứng dụng xác thực trên điện thoại và nhập mã đang hiển thị.',
  totpInvalid: 'Mã xác thực gồm 6 chữ số',
  loginSubmit: 'Đăng nhập',
  toPortal: 'Về cổng dịch vụ công',
  citizenSignedIn:
    'Bạn đang đăng nhập bằng tài khoản công dân. Hãy đăng nhập bằng tài khoản cán bộ để tiếp tục.',

  sessionCheckFailed: 'Không kiểm tra được phiên đăng nhập',
  forbiddenTitle: 'Bạn không có quyền truy cập',
  forbiddenText:
    'Tài khoản của bạn chưa được giao vai trò cho chức năng này. Vui lòng liên hệ quản trị hệ thống.',
  notFoundTitle: 'Không tìm thấy trang',
  backToOffice: 'Về trang làm việc',

  workQueueTitle: 'Hàng đợi công việc',
  workQueueLead: 'Các hàng đợi hồ sơ sẽ hiển thị ở đây khi phân hệ hồ sơ được đưa vào sử dụng.',
  workQueues: [
    { title: 'Hồ sơ chờ tiếp nhận', text: 'Hồ sơ nộp trực tiếp và trực tuyến chờ Bộ phận Một cửa kiểm tra.' },
    { title: 'Hồ sơ đang xử lý', text: 'Hồ sơ được giao cho bạn hoặc đơn vị của bạn.' },
    { title: 'Sắp đến hạn', text: 'Hồ sơ còn dưới 1 ngày làm việc trước hạn trả kết quả.' },
    { title: 'Quá hạn', text: 'Hồ sơ đã quá hạn: cần xử lý và gửi văn bản xin lỗi.' },
    { title: 'Chờ bổ sung', text: 'Hồ sơ đang chờ người nộp bổ sung, hoàn thiện.' },
    { title: 'Chờ trả kết quả', text: 'Kết quả đã có, chờ trả cho người nộp.' },
  ],
  comingSoon: 'Sắp có',

  notifications: 'Thông báo',
  notificationsUnread: (n: number) =>
    n === 0 ? 'Thông báo, không có thông báo mới' : `Thông báo, ${n} chưa đọc`,
  notificationsEmpty: 'Chưa có thông báo nào.',
  notificationsReadAll: 'Đánh dấu đã đọc tất cả',
  notificationsLoadFailed: 'Không tải được thông báo.',
  notificationUnread: 'Chưa đọc',

  dashboardTitle: 'Thống kê, báo cáo',
  dashboardLead:
    'Số liệu trực tuyến, bảng điểm Quyết định 766 và kết quả đánh giá sẽ hiển thị ở đây khi có dữ liệu hồ sơ.',
} as const;
