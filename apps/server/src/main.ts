import { buildApp } from './app';
import { type Config, ConfigError, loadConfig } from './platform/config';
import { openDatabase } from './platform/database';
import { demoCitizen, demoOidcAccount, demoPassword, demoStaff } from './seed/demo-data';
import { seedDemoIfEmpty } from './seed/seed-demo';

/** `npm start`: migrate, seed the demo on first run, start the local OIDC provider, serve API + web. */
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
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();

  let closeOidc: (() => Promise<void>) | null = null;
  if (config.oidc.devProvider) {
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
    config = { ...config, oidc: { ...config.oidc, issuer: provider.issuer } };
    closeOidc = provider.close;
  }

  const app = await buildApp({ config, database });
  // Ready first: the job queue is started, so the demo seed may enqueue like any service.
  await app.ready();
  const seeded = config.seedDemo ? await seedDemoIfEmpty(database.db, undefined, app.jobs) : false;
  await app.listen({ port: config.port, host: config.host });

  const lines = [
    '',
    `MotCua đang chạy tại / is running at ${config.publicUrl}`,
    `  Cơ sở dữ liệu / database: ${database.kind === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL'}${seeded ? ' — đã nạp dữ liệu mẫu / demo data loaded' : ''}`,
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
  console.log(lines.join('\n'));

  const shutdown = async () => {
    await app.close();
    if (closeOidc) await closeOidc();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
