import { formatVietnamInstant } from '@motcua/domain/calendar/vietnam-time';
import type { WorkingCalendar } from '@motcua/domain/calendar/working-calendar';
import { dossierProgress } from '@motcua/domain/dossier/dossier-clock';
import type { ServiceContext } from '../../platform/access-context';
import { inTransaction } from '../../platform/database';
import { staffIdsWithRoles } from '../identity/user-service';
import { type NotificationMessage, notify } from '../notifications/notification-service';
import { calendarFor, rulesFor } from './dossier-context';
import * as store from './store';

/**
 * The deadline scanner (a periodic job): refreshes each open dossier's live status (on track / due soon /
 * late), and tells people once — the assignee (or the step's role holders) and the desk when a dossier
 * becomes due soon or late, the responsible agency's head that an apology (Form 04) is due while there is
 * still time to send it, and the lead's handlers and the desk when a consultation's deadline passes
 * unanswered (Decree 61 Art. 19: late replies are reported to the desk).
 */
export const DEADLINE_SCAN_QUEUE = 'dossier-deadline-scan';

export interface ScanReport {
  scanned: number;
  statusChanged: number;
  notified: number;
}

const link = (id: string) => `/office/dossiers/${id}`;
const at = (ms: number) => formatVietnamInstant(ms).replace('T', ' ').slice(0, 16);

export async function scanDeadlines(ctx: ServiceContext): Promise<ScanReport> {
  const now = ctx.now().getTime();
  const calendars = new Map<string, WorkingCalendar>();
  const report: ScanReport = { scanned: 0, statusChanged: 0, notified: 0 };
  let after: string | null = null;
  for (;;) {
    const rows = await store.openDossiers(ctx.db, 200, after);
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    for (const row of rows) {
      report.scanned++;
      const state = row.state;
      if (state.acceptedAt === null) continue;
      const deskKey = state.deskId ?? '';
      let calendar = calendars.get(deskKey);
      if (!calendar) {
        calendar = await calendarFor(ctx, state.deskId);
        calendars.set(deskKey, calendar);
      }
      const progress = dossierProgress(state, calendar, rulesFor(state.submittedAt ?? now), now);
      if (progress.kind !== 'open') continue;
      const alerts: { key: string; recipients: string[]; message: NotificationMessage }[] = [];
      const handlers = row.assigneeUserId
        ? [row.assigneeUserId]
        : await staffIdsWithRoles(
            ctx,
            row.stepUnitId ? [row.stepUnitId] : [],
            row.stepRole ? [row.stepRole] : [],
          );
      const deskOfficers = await staffIdsWithRoles(
        ctx,
        [row.deskAgencyId ?? row.receivingAgencyId],
        ['desk-officer'],
      );
      const base = { dossierId: row.id, agencyId: row.receivingAgencyId, link: link(row.id) };
      if (progress.status === 'due-soon' || progress.status === 'late') {
        alerts.push({
          key: progress.status,
          recipients: [...handlers, ...deskOfficers],
          message: {
            ...base,
            kind: `dossier.${progress.status}`,
            title:
              progress.status === 'late' ? `Hồ sơ ${row.code} đã quá hạn` : `Hồ sơ ${row.code} sắp đến hạn`,
            body: `${row.procedureName} — hạn trả kết quả ${at(progress.dueAt!)}.`,
          },
        });
      }
      if (progress.status === 'due-soon' && state.extensions.length === 0) {
        const lead = state.workflow?.leadAgencyId ?? row.receivingAgencyId;
        alerts.push({
          key: 'apology-due',
          recipients: await staffIdsWithRoles(ctx, [lead], ['agency-head']),
          message: {
            ...base,
            kind: 'dossier.apology-due',
            title: `Hồ sơ ${row.code} có nguy cơ trễ hẹn`,
            body: `Nếu không kịp trả kết quả đúng hẹn (${at(progress.dueAt!)}), cơ quan phải gửi phiếu xin lỗi và hẹn lại ngày trả (Mẫu 04) chậm nhất 01 ngày làm việc trước ngày hẹn.`,
          },
        });
      }
      for (const c of state.consultations) {
        if (c.answeredAt !== null || c.dueAt > now) continue;
        alerts.push({
          key: `consultation:${c.consultationId}`,
          recipients: [...handlers, ...deskOfficers],
          message: {
            ...base,
            kind: 'dossier.consultation-late',
            title: `${c.agencyName} chưa trả lời xin ý kiến hồ sơ ${row.code}`,
            body: `Hạn trả lời ${at(c.dueAt)} đã qua.`,
          },
        });
      }
      const fresh = alerts.filter((a) => !row.alerts.includes(a.key));
      const statusChanged = row.liveStatus !== progress.status;
      if (!statusChanged && fresh.length === 0) continue;
      await inTransaction(ctx.db, async (tx) => {
        for (const a of fresh)
          report.notified += (await notify(tx, a.recipients, a.message, ctx.now())).length;
        await store.markScanned(tx, row.receivingAgencyId, row.id, progress.status, [
          ...row.alerts,
          ...fresh.map((a) => a.key),
        ]);
      });
      if (statusChanged) report.statusChanged++;
    }
  }
  return report;
}
