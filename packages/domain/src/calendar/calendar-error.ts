export type CalendarErrorCode =
  | 'INVALID_LIMIT'
  | 'UNKNOWN_TIME_UNIT'
  | 'INVALID_OFFICE_HOURS'
  | 'INVALID_LOCAL_CHANGE'
  | 'INVALID_DATE'
  | 'INVALID_INSTANT'
  | 'INVALID_YEAR'
  | 'OUTSIDE_CALENDAR_RANGE';

/**
 * The one error type thrown by the calendar modules. `message` is Vietnamese (shown to people),
 * `messageEn` is for logs and English-speaking developers; `code` is the stable machine value.
 */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';
  readonly code: CalendarErrorCode;
  readonly messageEn: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: CalendarErrorCode,
    messageVi: string,
    messageEn: string,
    details: Record<string, unknown> = {},
  ) {
    super(messageVi);
    this.code = code;
    this.messageEn = messageEn;
    this.details = Object.freeze({ ...details });
  }
}
