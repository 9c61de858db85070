import { verifyAuditChain } from '../platform/audit-log';
import { loadConfig } from '../platform/config';
import { openDatabase } from '../platform/database';
import { createJobQueue } from '../platform/job-queue';
import { seedDemoIfEmpty } from '../seed/seed-demo';

/**
 * `npx motcua <command>`. Commands print plain lines for scripts; errors go to stderr with a
 * non-zero exit code, in Vietnamese and English.
 */
const help = `Cách dùng / usage: motcua <lệnh / command>

  migrate         áp dụng migration cơ sở dữ liệu / apply database migrations
  seed            nạp dữ liệu mẫu nếu CSDL trống / load demo data into an empty database
  verify-audit    kiểm tra chuỗi băm nhật ký / verify the audit trail's hash chain (exit 1 if broken)
  calendar        lịch làm việc và hạn xử lý / working calendar and due dates
                  (calendar due --start … --limit … --unit …; calendar year 2026 --json; calendar --help)
  dossiers        dựng lại / kiểm tra bảng hồ sơ từ sự kiện / rebuild or verify dossier views from events
                  (dossiers verify; dossiers rebuild)
  help            hướng dẫn này / this help

Biến môi trường / environment: DATABASE_URL (PostgreSQL) hoặc DATA_DIR (PGlite, mặc định ./data).`;

type Command = (args: string[]) => Promise<number>;

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

const commands: Record<string, Command> = {
  async migrate() {
    await withDatabase((d) => d.migrate());
    console.log('Đã áp dụng migration / migrations applied');
    return 0;
  },
  async seed() {
    const seeded = await withDatabase(async (d) => {
      await d.migrate();
      // A real queue that enqueues without working: the server runs whatever the seed enqueues.
      const jobs = createJobQueue(d, { enabled: false });
      await jobs.start();
      try {
        return await seedDemoIfEmpty(d.db, undefined, jobs);
      } finally {
        await jobs.stop();
      }
    });
    console.log(
      seeded
        ? 'Đã nạp dữ liệu mẫu / demo data loaded'
        : 'CSDL đã có dữ liệu, bỏ qua / database not empty, nothing loaded',
    );
    return 0;
  },
  async 'verify-audit'() {
    const result = await withDatabase((d) => verifyAuditChain(d.db));
    if (result.ok) {
      console.log(`Nhật ký toàn vẹn / audit trail intact: ${result.checked} bản ghi / entries checked`);
      return 0;
    }
    console.error(
      `Nhật ký bị sửa đổi / audit trail TAMPERED at entry ${result.firstBrokenId}: ${result.reason} (${result.checked} entries intact before it)`,
    );
    return 1;
  },
  async help() {
    console.log(help);
    return 0;
  },
};

/** Registers another command group (e.g. `calendar`) from its module. */
export function registerCommand(name: string, command: Command): void {
  commands[name] = command;
}
registerCommand('calendar', async (args) =>
  (await import('../modules/calendar/calendar-command')).runCalendarCommand(args),
);

registerCommand('dossiers', async (args) =>
  (await import('../modules/dossiers/dossier-command')).runDossierCommand(args),
);

export async function runCli(argv: string[]): Promise<number> {
  const [name = 'help', ...rest] = argv;
  const command = commands[name === '--help' || name === '-h' ? 'help' : name];
  if (!command) {
    console.error(`Lệnh không tồn tại / unknown command: ${name}\n\n${help}`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (error) {
    console.error(`Lỗi / error: ${(error as Error).message}`);
    return 1;
  }
}
