/**
 * Formatting of catalogue facts shared by the portal and the admin screens. Types only from the
 * contracts: this file is in the portal's bundle.
 */
import type { Fee, ProcessingTimeSpec, SearchHit } from '@motcua/contracts/catalog';
import type { OfficeHours } from '@motcua/contracts/org';
import { catalogLabels, catalogText } from '../i18n/vi/catalog';
import { vietnamClock } from '../vietnam-clock';

const vnd = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });
const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** `1024000` → `1.024.000 ₫`. */
export function formatVnd(amount: number): string {
  return vnd.format(amount);
}

/** `{ value: 3, unit: 'working-days' }` → `3 ngày làm việc`; `null` → "not stated". */
export function formatProcessingTime(time: Pick<ProcessingTimeSpec, 'value' | 'unit'> | null): string {
  if (!time) return catalogText.noTimeStated;
  return `${number.format(time.value)} ${catalogLabels.units[time.unit]}`;
}

/** `Lệ phí: 1.024.000 ₫`, `Lệ phí: Miễn phí`, or the description when the amount varies. */
export function formatFeeAmount(fee: Pick<Fee, 'amountVnd'>): string {
  if (fee.amountVnd === null) return catalogText.feeVaries;
  return fee.amountVnd === 0 ? catalogText.free : formatVnd(fee.amountVnd);
}

/**
 * A search hit's processing time: one time when every channel has it (`3 ngày làm việc`), else each
 * time with its channels (`15 ngày (nộp trực tiếp); 20 ngày (nộp trực tuyến, qua dịch vụ bưu chính)`).
 */
export function formatHitTimes(times: SearchHit['processingTimes']): string {
  if (times.length === 0) return catalogText.noTimeStated;
  const groups = new Map<string, string[]>();
  for (const t of times) {
    const text = formatProcessingTime(t);
    groups.set(text, [...(groups.get(text) ?? []), catalogLabels.channels[t.channel].toLowerCase()]);
  }
  if (groups.size === 1) return [...groups.keys()][0]!;
  return [...groups].map(([text, channels]) => `${text} (${channels.join(', ')})`).join('; ');
}

/** A search hit's fees: `Miễn phí`, `2.000 ₫`, `7.000 ₫ – 10.000 ₫`, with "theo quy định" for a varying fee. */
export function formatHitFees(fees: SearchHit['fees']): string {
  const { amountsVnd, varies } = fees;
  if (amountsVnd.length === 0) return varies ? catalogText.feeVaries : catalogText.free;
  const low = amountsVnd[0]!;
  const high = amountsVnd[amountsVnd.length - 1]!;
  const amounts = low === high ? formatVnd(low) : `${formatVnd(low)} – ${formatVnd(high)}`;
  return varies ? catalogText.feeAmountsAndVaries(amounts) : amounts;
}

/** `2025-07-01` (or an ISO instant) → `01/07/2025`. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  if (iso.length > 10) {
    const p = vietnamClock(iso);
    return `${p.day}/${p.month}/${p.year}`;
  }
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** "Thứ 2 – Thứ 6: 07:30–11:30, 13:00–17:00". */
export function formatOfficeHours(hours: OfficeHours): string {
  const days = [...hours.weekdays].sort((a, b) => a - b);
  const label = (d: number) => catalogLabels.weekdays[d - 1] ?? String(d);
  const first = days[0];
  const last = days[days.length - 1];
  const consecutive =
    first !== undefined && last !== undefined && last - first === days.length - 1 && days.length > 2;
  const dayText = consecutive ? `${label(first)} – ${label(last)}` : days.map(label).join(', ');
  return `${dayText}: ${hours.sessions.map((s) => `${s.start}–${s.end}`).join(', ')}`;
}

/** A template given as a link (absolute URL or a path on this server) can be downloaded. */
export function templateHref(template: string): string | null {
  const t = template.trim();
  if (/^https?:\/\/\S+$/i.test(t) || /^\/\S+$/.test(t)) return t;
  return null;
}
