/** Strings shared by every area: the product, loading and the API client's errors. */
export const commonText = {
  productName: 'MotCua',
  productTagline: 'Dịch vụ công một cửa',
  pageTitleSuffix: 'MotCua — Dịch vụ công một cửa',
  loading: 'Đang tải…',
  retry: 'Thử lại',
  loadFailed: 'Không tải được dữ liệu',
  reload: 'Tải lại trang',
  areaLoadFailed: 'Không tải được trang. Vui lòng kiểm tra kết nối mạng rồi tải lại trang.',
  networkError: 'Không kết nối được máy chủ. Vui lòng kiểm tra kết nối mạng và thử lại.',
  serverUnavailable: (status: number) =>
    `Máy chủ đang bận hoặc chưa sẵn sàng (mã ${status}). Vui lòng thử lại sau ít phút.`,
  unexpectedResponse: (status: number) => `Máy chủ trả lời không đúng định dạng (mã ${status}).`,
  sessionUnavailable: 'Không kiểm tra được phiên đăng nhập.',
} as const;
