import { DatePicker } from 'antd';
import dayjs from 'dayjs';

interface LocalDatePickerProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  allowClear?: boolean;
  'aria-label'?: string;
}

/**
 * A DatePicker whose value is the API's `YYYY-MM-DD` string, shown as dd/MM/yyyy: form values then
 * match the request body and server issues map onto fields by path.
 */
export function LocalDatePicker({ value, onChange, ...rest }: LocalDatePickerProps) {
  return (
    <DatePicker
      {...rest}
      format="DD/MM/YYYY"
      value={value ? dayjs(value, 'YYYY-MM-DD') : null}
      onChange={(date) => onChange?.(date ? date.format('YYYY-MM-DD') : null)}
      style={{ width: '100%' }}
    />
  );
}
