/** Strings of the citizen's dossier screens: the submission wizard, my dossiers, a dossier, tracking. */
import type { DeliveryMethod } from '@motcua/contracts/portal';

const mb = (bytes: number) =>
  new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));

export const homeText = {
  popularTitle: 'Thủ tục thường dùng',
  /**
   * Everyday names of the procedures most people need (national codes for reference), each opening the
   * search: the server's SPA fallback takes a path ending in `.000894` for a file, so no link ends in a code.
   */
  popular: [
    { code: '1.001193', name: 'Đăng ký khai sinh' },
    { code: '1.004873', name: 'Xác nhận tình trạng hôn nhân' },
    { code: '1.000894', name: 'Đăng ký kết hôn' },
    { code: '1.004222', name: 'Đăng ký thường trú' },
    { code: '1.004194', name: 'Đăng ký tạm trú' },
    { code: '2.000635', name: 'Cấp bản sao trích lục hộ tịch' },
    { code: '1.001612', name: 'Thành lập hộ kinh doanh' },
    { code: '1.000656', name: 'Đăng ký khai tử' },
  ],
} as const;

export const wizardText = {
  title: 'Nộp hồ sơ trực tuyến',
  loginNeeded: 'Bạn cần đăng nhập để nộp hồ sơ trực tuyến.',
  loginToSubmit: 'Đăng nhập để nộp hồ sơ',
  notCitizen: 'Chỉ công dân, tổ chức đăng nhập cổng dịch vụ công mới nộp được hồ sơ trực tuyến.',
  notOnline: 'Thủ tục này chưa nhận hồ sơ trực tuyến.',
  backToProcedure: 'Quay lại trang thủ tục',
  loadFailed: 'Không tải được thông tin để nộp hồ sơ.',

  steps: ['Người nộp', 'Giấy tờ', 'Nhận kết quả', 'Xem lại và nộp'] as const,
  stepOf: (n: number, total: number) => `Bước ${n}/${total}`,
  next: 'Tiếp tục',
  back: 'Quay lại',
  edit: 'Sửa',
  stepsLabel: 'Các bước nộp hồ sơ',

  restored: (when: string) => `Đã mở lại bản nháp bạn lưu lúc ${when}.`,
  startOver: 'Xóa bản nháp, làm lại từ đầu',
  startOverConfirm: 'Xóa bản nháp này? Các giấy tờ đã tải lên cũng bị bỏ khỏi hồ sơ.',
  saveState: {
    local: 'Đã lưu trên thiết bị này.',
    saving: 'Đang lưu bản nháp…',
    saved: (time: string) => `Đã lưu bản nháp lúc ${time}. Bạn có thể tiếp tục trên thiết bị khác.`,
    offline:
      'Chưa lưu được lên máy chủ (mất kết nối). Những gì bạn nhập vẫn được giữ trên thiết bị này; hệ thống sẽ tự lưu lại khi có mạng.',
    error: (message: string) => `Chưa lưu được bản nháp lên máy chủ: ${message}`,
    waitingAgency: 'Chọn nơi nộp hồ sơ để lưu bản nháp lên máy chủ.',
  },
  conflict: 'Bản nháp này vừa được sửa trên một thiết bị khác.',
  conflictUseServer: 'Dùng bản trên thiết bị khác',
  conflictKeepMine: 'Giữ bản đang soạn ở đây',

  agency: 'Nơi nộp hồ sơ',
  agencyHint: 'Cơ quan giải quyết hồ sơ của bạn (thường là nơi bạn cư trú).',
  agencyChoose: '— Chọn cơ quan —',
  agencyRequired: 'Chọn nơi nộp hồ sơ',
  applicantTitle: 'Thông tin người nộp hồ sơ',
  applicantLead: 'Thông tin lấy từ tài khoản của bạn. Sửa lại nếu bạn nộp thay người khác hoặc cho tổ chức.',
  kind: 'Người nộp là',
  kindCitizen: 'Cá nhân',
  kindOrganisation: 'Tổ chức, doanh nghiệp',
  name: 'Họ và tên',
  nameOrganisation: 'Tên tổ chức',
  nameRequired: 'Nhập họ và tên người nộp',
  idNumber: 'Số định danh cá nhân (CCCD)',
  idNumberOrganisation: 'Mã số doanh nghiệp hoặc mã số thuế',
  idNumberHint: '12 chữ số in trên thẻ căn cước.',
  idNumberInvalid: 'Số định danh cá nhân gồm 12 chữ số (chứng minh nhân dân cũ: 9 chữ số)',
  address: 'Địa chỉ',
  addressHint: 'Số nhà, đường, phường/xã, tỉnh/thành phố.',
  phone: 'Số điện thoại',
  phoneInvalid: 'Số điện thoại gồm 10 hoặc 11 chữ số, bắt đầu bằng 0 (ví dụ 0912345678)',
  email: 'Email',
  emailInvalid: 'Email chưa đúng dạng (ví dụ ten@example.vn)',
  contactRequired: 'Cần số điện thoại hoặc email để cơ quan liên hệ khi cần',

  componentsTitle: 'Giấy tờ cần tải lên',
  componentsLead:
    'Tải lên bản chụp hoặc bản scan rõ nét của từng giấy tờ. Mỗi giấy tờ có thể gồm nhiều tệp (ví dụ mặt trước và mặt sau).',
  required: 'Bắt buộc',
  optional: 'Nếu có',
  quantity: (originals: number, copies: number) =>
    [originals > 0 ? `${originals} bản chính` : null, copies > 0 ? `${copies} bản sao` : null]
      .filter(Boolean)
      .join(', '),
  downloadTemplate: 'Tải mẫu tờ khai',
  templateName: (name: string) => `Mẫu: ${name}`,
  dropHere: 'Kéo thả tệp vào đây, hoặc',
  chooseFiles: 'Chọn tệp',
  takePhoto: 'Chụp ảnh',
  chooseFilesFor: (component: string) => `Chọn tệp cho: ${component}`,
  takePhotoFor: (component: string) => `Chụp ảnh cho: ${component}`,
  fileRules: (maxMb: number, maxFiles: number) =>
    `Tệp PDF, JPG hoặc PNG, mỗi tệp tối đa ${maxMb} MB, tối đa ${maxFiles} tệp cho mỗi giấy tờ.`,
  fileTypeNotAllowed: (name: string) => `“${name}” không phải tệp PDF, JPG hoặc PNG. Hãy chọn tệp khác.`,
  fileTooLarge: (name: string, size: number, maxMb: number) =>
    `“${name}” nặng ${mb(size)} MB, vượt quá ${maxMb} MB cho phép. Hãy chụp lại với chất lượng thấp hơn hoặc nén tệp PDF.`,
  fileEmpty: (name: string) => `“${name}” là tệp rỗng. Hãy chọn lại tệp.`,
  tooManyFiles: (maxFiles: number) => `Mỗi giấy tờ tối đa ${maxFiles} tệp.`,
  fileSize: (bytes: number) =>
    bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${mb(bytes)} MB`,
  uploading: (percent: number) => `Đang tải lên ${percent}%`,
  uploaded: 'Đã tải lên',
  uploadFailed: 'Tải lên không thành công',
  retryUpload: 'Tải lại',
  removeFile: 'Bỏ tệp',
  removeFileNamed: (name: string) => `Bỏ tệp ${name}`,
  retryUploadNamed: (name: string) => `Tải lại tệp ${name}`,
  componentRequired: 'Giấy tờ bắt buộc: cần tải lên ít nhất một tệp',
  componentMissingOnServer: 'Hệ thống chưa nhận được giấy tờ bắt buộc này: hãy tải lên ít nhất một tệp',
  uploadsPending: 'Chờ các tệp tải lên xong rồi tiếp tục',
  uploadsFailed: 'Có tệp chưa tải lên được: tải lại hoặc bỏ tệp đó',
  filesCount: (n: number) => `${n} tệp`,
  noFiles: 'Chưa có tệp',

  deliveryTitle: 'Bạn muốn nhận kết quả bằng cách nào?',
  deliveryLabels: {
    online: 'Nhận bản điện tử trên Cổng dịch vụ công',
    postal: 'Nhận qua dịch vụ bưu chính (có thể mất phí chuyển phát)',
    desk: 'Nhận trực tiếp tại Bộ phận Một cửa',
  } satisfies Record<DeliveryMethod, string>,
  deliveryHints: {
    online: 'Bạn tải kết quả về tại trang hồ sơ của mình khi có kết quả.',
    postal: 'Bưu điện chuyển kết quả đến địa chỉ bạn ghi dưới đây; mã vận đơn hiện trên trang hồ sơ.',
    desk: 'Mang giấy tờ tùy thân khi đến nhận kết quả.',
  } satisfies Record<DeliveryMethod, string>,
  deliveryRequired: 'Chọn cách nhận kết quả',
  postalAddress: 'Địa chỉ nhận kết quả',
  postalAddressRequired: 'Nhập địa chỉ để bưu điện chuyển kết quả',
  note: 'Ghi chú cho cán bộ (không bắt buộc)',
  deliverySummary: {
    online: 'Nhận kết quả: bản điện tử trên Cổng dịch vụ công.',
    postal: (address: string) => `Nhận kết quả qua dịch vụ bưu chính tại: ${address}.`,
    desk: 'Nhận kết quả trực tiếp tại Bộ phận Một cửa.',
  },

  reviewTitle: 'Xem lại hồ sơ trước khi nộp',
  reviewLead:
    'Kiểm tra lại thông tin. Sau khi nộp, bạn không sửa được hồ sơ trừ khi cơ quan yêu cầu bổ sung.',
  reviewApplicant: 'Người nộp',
  reviewComponents: 'Giấy tờ',
  reviewDelivery: 'Nhận kết quả',
  reviewAgency: 'Nơi nộp',
  notProvided: 'Chưa nhập',
  commitment: 'Tôi cam đoan những thông tin đã khai và giấy tờ đã tải lên là đúng sự thật.',
  commitmentRequired: 'Đánh dấu ô cam đoan để nộp hồ sơ',
  submit: 'Nộp hồ sơ',
  submitting: 'Đang nộp hồ sơ…',
  submitRetrying:
    'Mất kết nối khi đang nộp hồ sơ. Hồ sơ của bạn vẫn được giữ nguyên; hệ thống sẽ tự gửi lại khi có mạng và không tạo hồ sơ trùng.',
  submitRetryNow: 'Gửi lại ngay',
  submitFailed: 'Chưa nộp được hồ sơ.',
  fixBelow: 'Vui lòng sửa các mục được đánh dấu.',
} as const;

export const dossierText = {
  myDossiersTitle: 'Hồ sơ của tôi',
  myDossiersLead: 'Các hồ sơ bạn đã nộp trực tuyến, tình trạng và ngày hẹn trả kết quả.',
  noDossiers: 'Bạn chưa nộp hồ sơ nào.',
  findProcedure: 'Tìm thủ tục để nộp hồ sơ',
  draftsTitle: 'Hồ sơ đang soạn',
  draftsLead: 'Bản nháp được lưu tự động. Mở lại để nộp tiếp, trên thiết bị này hay thiết bị khác.',
  draftSavedAt: (when: string) => `Lưu lúc ${when}`,
  resumeDraft: 'Tiếp tục soạn',
  submittedTitle: 'Hồ sơ đã nộp',
  loadFailed: 'Không tải được danh sách hồ sơ.',
  pageOf: (page: number, pages: number) => `Trang ${page}/${pages}`,
  previousPage: 'Trang trước',
  nextPage: 'Trang sau',
  code: 'Mã hồ sơ',
  status: 'Tình trạng',
  procedure: 'Thủ tục',
  received: 'Ngày nộp',
  appointment: 'Hẹn trả kết quả',
  finished: 'Có kết quả',
  returned: 'Đã trả kết quả',
  noAppointmentYet: 'Có khi hồ sơ được tiếp nhận',

  timeLeft: {
    onTrack: (left: string) => `Còn ${left}`,
    dueSoon: (left: string) => `Sắp đến hạn: còn ${left}`,
    late: (over: string) => `Quá hạn ${over}`,
    paused: 'Tạm dừng, chờ bổ sung',
    none: 'Không có thời hạn',
  },
  workingLeft: (text: string) => `${text} làm việc`,
  days: (n: number) => `${n} ngày`,
  hours: (n: number) => `${n} giờ`,
  minutes: (n: number) => `${n} phút`,
  finishedEarly: 'Có kết quả trước hạn',
  finishedOnTime: 'Có kết quả đúng hạn',
  finishedLate: 'Có kết quả quá hạn',

  dossierTitle: 'Hồ sơ',
  dossierNotFound: 'Không tìm thấy hồ sơ này trong các hồ sơ của bạn.',
  dossierLoadFailed: 'Không tải được hồ sơ.',
  backToList: 'Hồ sơ của tôi',
  submittedNotice: (code: string) =>
    `Đã nộp hồ sơ thành công. Mã hồ sơ của bạn là ${code}. Hãy ghi lại mã này để tra cứu.`,
  supplementedNotice: 'Đã gửi giấy tờ bổ sung. Hồ sơ đã được chuyển lại cho cơ quan giải quyết.',
  withdrawnNotice: 'Hồ sơ đã được rút.',
  nextTitle: 'Tiếp theo sẽ thế nào?',
  receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01, PDF)',
  receiptNotYet: 'Giấy tiếp nhận và hẹn trả kết quả có khi Bộ phận Một cửa tiếp nhận hồ sơ.',
  supplementForm: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02, PDF)',
  refusalForm: 'Phiếu từ chối tiếp nhận hồ sơ (Mẫu 03, PDF)',
  apologyForm: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04, PDF)',
  papersTitle: 'Giấy tờ của hồ sơ',
  submittedComponents: 'Giấy tờ đã nộp',
  fileLink: (n: number) => `Tệp ${n}`,
  fileLinkOf: (n: number, component: string) => `Tệp ${n} của ${component}`,
  paperOnly: 'Bản giấy',
  timelineTitle: 'Quá trình giải quyết',

  supplementTitle: 'Cần bổ sung hồ sơ',
  supplementLead: 'Cơ quan cần bạn bổ sung các giấy tờ sau:',
  supplementItem: 'Giấy tờ',
  supplementReason: 'Lý do',
  supplementGuidance: 'Hướng dẫn',
  supplementPausedProcessing:
    'Thời hạn giải quyết đang tạm dừng trong lúc chờ bạn bổ sung. Khi cơ quan nhận đủ giấy tờ bổ sung, thời hạn giải quyết được tính lại từ đầu (Nghị định 61/2018/NĐ-CP, Điều 19) và ngày hẹn trả mới hiện trên trang này.',
  supplementPausedIntake:
    'Hồ sơ chưa được tiếp nhận. Thời hạn giải quyết bắt đầu tính khi Bộ phận Một cửa tiếp nhận hồ sơ đầy đủ.',
  supplementAction: 'Bổ sung hồ sơ',
  supplementPageTitle: 'Bổ sung hồ sơ',
  supplementUploadTitle: 'Tải lên giấy tờ bổ sung',
  supplementOtherComponents: 'Giấy tờ khác của thủ tục',
  supplementNeedsFile: 'Tải lên ít nhất một tệp cho giấy tờ cần bổ sung',
  supplementSubmit: 'Gửi giấy tờ bổ sung',
  supplementSending: 'Đang gửi…',
  supplementNotOpen: 'Hồ sơ này hiện không cần bổ sung.',
  supplementFailed: 'Chưa gửi được giấy tờ bổ sung.',
  dossierChanged: 'Hồ sơ vừa thay đổi trên hệ thống. Trang đã được tải lại; hãy kiểm tra rồi gửi lại.',

  resultTitle: 'Kết quả giải quyết',
  resultGranted: 'Hồ sơ đã được giải quyết.',
  resultRefused: 'Hồ sơ không được giải quyết vì:',
  resultDocuments: 'Giấy tờ kết quả',
  resultDownload: (name: string) => `Tải về ${name}`,
  resultPaper: 'Bản giấy, nhận theo cách bạn đã chọn',
  resultNumber: (n: string) => `Số: ${n}`,
  returnedOnline: (when: string) => `Đã trả kết quả trực tuyến lúc ${when}.`,
  returnedDesk: (when: string) => `Đã trả kết quả tại Bộ phận Một cửa lúc ${when}.`,
  returnedPostal: (when: string) => `Đã gửi kết quả qua bưu chính lúc ${when}.`,
  trackingNumber: 'Mã vận đơn bưu chính',
  refusedAtIntake: 'Hồ sơ bị từ chối tiếp nhận vì:',
  closedReason: (reason: string) => `Lý do: ${reason}`,

  withdrawTitle: 'Rút hồ sơ',
  withdrawLead: 'Nếu không cần giải quyết nữa, bạn có thể rút hồ sơ. Hồ sơ đã rút không tiếp tục được.',
  withdrawReason: 'Lý do rút hồ sơ',
  withdrawReasonRequired: 'Nhập lý do rút hồ sơ',
  withdrawSubmit: 'Rút hồ sơ',
  withdrawing: 'Đang rút hồ sơ…',

  ratingTitle: 'Đánh giá việc giải quyết hồ sơ',
  ratingLead:
    'Ý kiến của bạn được dùng để đánh giá chất lượng giải quyết thủ tục hành chính (Thông tư 01/2018/TT-VPCP). Mỗi hồ sơ đánh giá một lần.',
  ratingQuestions: {
    time: {
      legend: 'Thời gian giải quyết so với ngày hẹn',
      options: ['Trả kết quả trễ hẹn', 'Đúng ngày hẹn', 'Sớm hơn ngày hẹn'],
    },
    contacts: {
      legend: 'Số lần bạn phải liên hệ Bộ phận Một cửa để hoàn thiện hồ sơ',
      options: ['Nhiều hơn một lần', 'Một lần', 'Không lần nào'],
    },
    agencies: {
      legend: 'Số cơ quan bạn phải đến hoặc liên hệ',
      options: ['Nhiều hơn một cơ quan', 'Chỉ Bộ phận Một cửa', 'Không phải đến cơ quan nào'],
    },
    attitude: {
      legend: 'Thái độ của cán bộ, công chức',
      options: ['Gây phiền hà, sách nhiễu', 'Đúng mực', 'Tận tình, chu đáo'],
    },
  },
  ratingChoose: 'Chọn một mức',
  ratingComment: 'Ý kiến khác (không bắt buộc)',
  ratingSubmit: 'Gửi đánh giá',
  ratingSending: 'Đang gửi…',
  ratingThanks: 'Cảm ơn bạn đã đánh giá.',
  ratingYours: 'Đánh giá của bạn',
  ratingFailed: 'Chưa gửi được đánh giá.',

  next: {
    submitted:
      'Bộ phận Một cửa sẽ kiểm tra hồ sơ của bạn. Nếu đủ, hồ sơ được tiếp nhận và bạn nhận giấy hẹn trả kết quả; nếu thiếu, bạn được hướng dẫn bổ sung.',
    'intake-supplement':
      'Bộ phận Một cửa cần bạn bổ sung giấy tờ trước khi tiếp nhận. Hãy bổ sung theo hướng dẫn dưới đây.',
    'refused-at-intake':
      'Hồ sơ không được tiếp nhận. Xem lý do dưới đây; bạn có thể nộp hồ sơ mới khi đủ điều kiện.',
    accepted:
      'Hồ sơ đã được tiếp nhận và chuyển đến cơ quan giải quyết. Bạn không cần làm gì thêm; hãy theo dõi ngày hẹn trả kết quả.',
    processing:
      'Cơ quan có thẩm quyền đang giải quyết hồ sơ. Bạn không cần làm gì thêm cho đến ngày hẹn, trừ khi được yêu cầu bổ sung.',
    'supplement-requested':
      'Cơ quan giải quyết cần bạn bổ sung giấy tờ. Hãy bổ sung theo hướng dẫn dưới đây.',
    'payment-requested':
      'Cơ quan đề nghị bạn nộp phí, lệ phí để nhận kết quả. Liên hệ Bộ phận Một cửa để nộp.',
    withdrawn: 'Hồ sơ đã được rút theo đề nghị của bạn và không được giải quyết tiếp.',
    stopped: 'Cơ quan đã dừng giải quyết hồ sơ. Xem lý do dưới đây.',
    done: 'Đã có kết quả giải quyết. Kết quả được trả theo cách bạn đã chọn; bạn có thể đánh giá việc giải quyết hồ sơ.',
    returned: 'Đã trả kết quả. Cảm ơn bạn đã sử dụng dịch vụ công trực tuyến.',
  } as Record<string, string>,
} as const;

/** What happened, in plain Vietnamese: one line per event of the dossier's history. */
export const eventText = {
  DossierSubmitted: {
    online: 'Bạn đã nộp hồ sơ trực tuyến.',
    'in-person': 'Hồ sơ được nộp tại Bộ phận Một cửa.',
    postal: 'Hồ sơ được gửi đến qua bưu chính.',
  },
  IntakeSupplementRequested: 'Bộ phận Một cửa yêu cầu bổ sung giấy tờ trước khi tiếp nhận.',
  IntakeSupplementReceived: 'Đã nhận giấy tờ bổ sung; Bộ phận Một cửa kiểm tra lại hồ sơ.',
  IntakeRefused: 'Hồ sơ bị từ chối tiếp nhận.',
  DossierAccepted: (appointment: string | null) =>
    appointment ? `Hồ sơ được tiếp nhận. Hẹn trả kết quả lúc ${appointment}.` : 'Hồ sơ được tiếp nhận.',
  HandlerAssigned: 'Hồ sơ được giao cho cán bộ xử lý.',
  DossierForwarded: 'Hồ sơ được chuyển sang bước giải quyết tiếp theo.',
  DossierSentBack: 'Hồ sơ được chuyển lại bước trước để xem xét thêm.',
  SupplementRequested: 'Cơ quan giải quyết yêu cầu bổ sung hồ sơ; thời hạn giải quyết tạm dừng.',
  SupplementReceived: (appointment: string | null) =>
    appointment
      ? `Đã nhận giấy tờ bổ sung; thời hạn giải quyết tính lại, hẹn trả kết quả lúc ${appointment}.`
      : 'Đã nhận giấy tờ bổ sung.',
  ConsultationStarted: 'Cơ quan giải quyết hỏi ý kiến một cơ quan khác.',
  ConsultationAnswered: 'Cơ quan được hỏi đã trả lời.',
  InterAgencySent: 'Hồ sơ được gửi đến các cơ quan cùng giải quyết (liên thông).',
  AgencyResultReceived: 'Một cơ quan cùng giải quyết đã gửi kết quả.',
  DecisionProposed: 'Cán bộ xử lý đã đề xuất kết quả giải quyết.',
  ProposalApproved: 'Lãnh đạo đã cho ý kiến về đề xuất.',
  ResultIssued: 'Đã có kết quả giải quyết.',
  RefusedAfterAppraisal: 'Hồ sơ không đủ điều kiện giải quyết.',
  EarlyReturnNotified: 'Cơ quan thông báo có thể trả kết quả sớm.',
  DeadlineExtended: (appointment: string) =>
    `Cơ quan xin lỗi vì chậm giải quyết và hẹn lại ngày trả kết quả: ${appointment}.`,
  PaymentRequested: (amount: string) => `Đề nghị nộp phí, lệ phí: ${amount}.`,
  PaymentReceived: (amount: string) => `Đã ghi nhận thanh toán ${amount}.`,
  ResultReturned: {
    online: 'Đã trả kết quả trực tuyến.',
    desk: 'Đã trả kết quả tại Bộ phận Một cửa.',
    postal: (tracking: string | null) =>
      tracking ? `Đã gửi kết quả qua bưu chính, mã vận đơn ${tracking}.` : 'Đã gửi kết quả qua bưu chính.',
  },
  DossierWithdrawn: 'Hồ sơ đã được rút theo đề nghị của người nộp.',
  ProcessingStopped: 'Cơ quan dừng giải quyết hồ sơ.',
  other: 'Hồ sơ được cập nhật.',
  byYou: 'Bạn',
} as const;

export const trackingText = {
  title: 'Tra cứu hồ sơ',
  lead: 'Nhập mã hồ sơ in trên giấy tiếp nhận để xem tình trạng giải quyết. Trang này không hiển thị thông tin cá nhân.',
  codeInvalid:
    'Mã hồ sơ chưa đúng dạng. Mã gồm mã cơ quan, ngày nộp và số thứ tự, ví dụ 000.20.01.H99-260302-0001.',
  notFound: (code: string) =>
    `Không tìm thấy hồ sơ có mã ${code}. Hãy kiểm tra lại mã in trên giấy tiếp nhận (chữ và số, có dấu chấm và gạch ngang).`,
  loadFailed: 'Không tra cứu được hồ sơ.',
  resultTitle: (code: string) => `Hồ sơ ${code}`,
  procedure: 'Thủ tục',
  status: 'Tình trạng',
  received: 'Ngày nộp',
  appointment: 'Ngày hẹn trả kết quả',
  finished: 'Ngày có kết quả',
  returned: 'Ngày trả kết quả',
  none: '—',
  privacy:
    'Để bảo vệ thông tin cá nhân, trang tra cứu chỉ hiển thị mã hồ sơ, thủ tục, tình trạng và các mốc thời gian.',
  ownerHint: 'Là người nộp hồ sơ? Đăng nhập để xem đầy đủ hồ sơ của bạn.',
} as const;

export const notificationText = {
  title: 'Thông báo',
  navUnread: (unread: number) => ` (${unread} chưa đọc)`,
  empty: 'Bạn chưa có thông báo nào.',
  unread: 'Chưa đọc',
  markRead: 'Đánh dấu đã đọc',
  markAllRead: 'Đánh dấu tất cả đã đọc',
  open: 'Xem hồ sơ',
  loadMore: 'Xem thêm',
  loadFailed: 'Không tải được thông báo.',
  unreadCount: (n: number) => (n === 0 ? 'Không có thông báo chưa đọc.' : `${n} thông báo chưa đọc.`),
} as const;
