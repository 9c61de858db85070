import { buildApp } from './app';
import { type Config, ConfigError, loadConfig } from './platform/config';
import { openDatabase } from './platform/database';
import { isWorkerProcess, startWorkers } from './platform/process-cluster';
import { demoCitizen, demoOidcAccount, demoPassword, demoStaff } from './seed/demo-data';
import { seedDemoIfEmpty } from './seed/seed-demo';

/**
 * `npm start`: migrate, seed the demo on first run, start the local OIDC provider, serve API + web; with
 * APP_PROCESSES > 1, from that many worker processes.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  if (config.appProcesses > 1 && !isWorkerProcess()) return runPrimary(config);
  const worker = isWorkerProcess();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  if (!worker) await database.migrate(); // a worker's primary migrated before forking it

  // A worker's environment says SEED_DEMO=false and OIDC_DEV_PROVIDER=false: its primary did both.
  const oidc = await startLocalOidc(config);
  if (oidc.issuer !== undefined) config = { ...config, oidc: { ...config.oidc, issuer: oidc.issuer } };

  const app = await buildApp({ config, database });
  // Ready first: the job queue is started, so the demo seed may enqueue like any service.
  await app.ready();
  const seeded = config.seedDemo ? await seedDemoIfEmpty(database.db, undefined, app.jobs) : false;
  await app.listen({ port: config.port, host: config.host });
  if (!worker) console.log(banner(config, database.kind, seeded, 1));

  const shutdown = async () => {
    await app.close();
    if (oidc.close) await oidc.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/**
 * APP_PROCESSES > 1: this process migrates, starts the local OIDC provider and seeds the demo once, then
 * forks the workers that serve the port (platform/process-cluster.ts), replacing any that dies.
 */
async function runPrimary(initial: Config): Promise<void> {
  let config = initial;
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  const oidc = await startLocalOidc(config);
  if (oidc.issuer !== undefined) config = { ...config, oidc: { ...config.oidc, issuer: oidc.issuer } };
  let seeded = false;
  if (config.seedDemo) {
    // An app that never listens, for the seed's job queue: jobs are recorded for the workers to run.
    const app = await buildApp({ config: { ...config, jobs: { ...config.jobs, enabled: false } }, database });
    await app.ready();
    try {
      seeded = await seedDemoIfEmpty(database.db, undefined, app.jobs);
    } finally {
      await app.close();
    }
  }
  await database.close();
  const workers = await startWorkers({
    count: config.appProcesses,
    env: {
      SEED_DEMO: 'false',
      OIDC_DEV_PROVIDER: 'false',
      ...(config.oidc.issuer ? { OIDC_ISSUER: config.oidc.issuer } : {}),
    },
  });
  console.log(banner(config, 'postgres', seeded, config.appProcesses));

  const shutdown = async () => {
    await workers.stop();
    if (oidc.close) await oidc.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** The local OIDC provider standing in for VNeID, when configured (OIDC_DEV_PROVIDER and no issuer). */
async function startLocalOidc(
  config: Config,
): Promise<{ issuer?: string; close: (() => Promise<void>) | null }> {
  if (!config.oidc.devProvider) return { close: null };
  const { startDevOidcProvider } = await import('./platform/oidc-dev-provider');
  const provider = await startDevOidcProvider({
    port: config.oidc.devPort,
    host: config.host,
    clients: [
      {
        clientId: config.oidc.clientId,
        clientSecret: config.oidc.clientSecret,
        redirectUris: [`${config.publicUrl}/api/auth/oidc/callback`],
      },
    ],
    accounts: [demoOidcAccount],
  });
  return { issuer: provider.issuer, close: provider.close };
}

function banner(config: Config, kind: 'pglite' | 'postgres', seeded: boolean, processes: number): string {
  const lines = [
    '',
    `MotCua đang chạy tại / is running at ${config.publicUrl}`,
    `  Cơ sở dữ liệu / database: ${kind === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL'}${seeded ? ' — đã nạp dữ liệu mẫu / demo data loaded' : ''}`,
    ...(processes > 1 ? [`  Tiến trình phục vụ / app processes: ${processes}`] : []),
    `  API docs: ${config.publicUrl}/api/docs`,
    config.oidc.issuer
      ? `  OIDC (${config.oidc.devProvider ? 'local provider standing in for VNeID' : config.oidc.providerName}): ${config.oidc.issuer}`
      : '  OIDC: disabled',
  ];
  if (config.seedDemo) {
    lines.push(`  Tài khoản mẫu / demo accounts (mật khẩu / password: ${demoPassword}):`);
    for (const s of demoStaff) lines.push(`    ${s.username.padEnd(20)} ${s.role}`);
    lines.push(`    ${demoCitizen.email.padEnd(20)} công dân / citizen (email + password)`);
    if (config.oidc.devProvider)
      lines.push(`    VNeID mô phỏng: ${demoOidcAccount.username} / ${demoPassword}`);
  }
  return lines.join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
