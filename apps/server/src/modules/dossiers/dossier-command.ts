import { loadConfig } from '../../platform/config';
import { openDatabase } from '../../platform/database';
import { unavailableJobQueue } from '../../platform/job-queue';
import { rebuildDossierViews, verifyDossierViews } from './rebuild-service';

export const dossierHelp = `Cách dùng / usage:
  motcua dossiers verify    so sánh bảng hồ sơ và bộ đếm với dữ liệu dựng lại từ sự kiện
                            / recompute projections and daily counters from events and report differences (exit 1 if any)
  motcua dossiers rebuild   dựng lại bảng hồ sơ và bộ đếm từ sự kiện / rewrite them from the events`;

export async function runDossierCommand(args: string[]): Promise<number> {
  const [sub] = args;
  if (sub !== 'verify' && sub !== 'rebuild') {
    console.log(dossierHelp);
    return sub === undefined || sub === '--help' ? 0 : 2;
  }
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const ctx = { db: database.db, now: () => new Date(), jobs: unavailableJobQueue('motcua dossiers') };
    if (sub === 'rebuild') {
      const r = await rebuildDossierViews(ctx);
      console.log(
        `Đã dựng lại / rebuilt: ${r.dossiers} hồ sơ / dossiers, ${r.rollupRows} dòng bộ đếm / counter rows`,
      );
      return 0;
    }
    const r = await verifyDossierViews(ctx);
    for (const d of r.differences) console.error(d);
    console.log(
      `${r.dossiers} hồ sơ / dossiers, ${r.rollupRows} dòng bộ đếm / counter rows, ${r.differences.length} khác biệt / differences`,
    );
    return r.differences.length === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}
