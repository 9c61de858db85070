import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { vietnamIso } from './dossier-format';

/** `2026-03-04T17:00:00+07:00` → the wall-clock part the picker shows, whatever the browser's zone. */
const wallClock = (iso: string) => dayjs(iso.slice(0, 16), 'YYYY-MM-DDTHH:mm');

/** An instant in Vietnam time, `days` calendar days from now, at `hour`:00. */
export function vietnamDateTimeIn(days: number, hour = 17): string {
  const today = vietnamIso(Date.now()).slice(0, 10);
  const date = dayjs(today, 'YYYY-MM-DD').add(days, 'day').format('YYYY-MM-DD');
  return `${date}T${String(hour).padStart(2, '0')}:00:00+07:00`;
}

/**
 * Date and time as Vietnamese wall-clock time (dd/MM/yyyy HH:mm); the value is the ISO instant with
 * +07:00 the API takes, so a browser in another time zone still means Vietnam time.
 */
export function VietnamDateTimePicker({
  id,
  value,
  onChange,
  'aria-label': ariaLabel,
}: {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  'aria-label'?: string;
}) {
  return (
    <DatePicker
      id={id}
      aria-label={ariaLabel}
      showTime={{ format: 'HH:mm' }}
      format="DD/MM/YYYY HH:mm"
      value={value ? wallClock(value) : null}
      onChange={(d) => onChange?.(d ? `${d.format('YYYY-MM-DDTHH:mm')}:00+07:00` : null)}
      style={{ width: '100%' }}
    />
  );
}
