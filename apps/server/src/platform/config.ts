import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/**
 * Configuration comes only from environment variables, validated once at start-up. A bad value stops
 * the process with a message naming the variable, in Vietnamese and English.
 */
const port = z.coerce.number().int().min(0).max(65535);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_PROVIDER_NAME: z.string().min(1).default('VNeID'),
  OIDC_DEV_PROVIDER: bool.default(true),
  OIDC_DEV_PORT: port.optional(),
  SEED_DEMO: bool.default(true),
  RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_PUBLIC_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  WEB_DIST_DIR: z.string().optional(),
  JOBS_ENABLED: bool.default(true),
  DEADLINE_SCAN_CRON: z
    .string()
    .trim()
    .regex(/^[\d*,/A-Za-z?LW#-]+(\s+[\d*,/A-Za-z?LW#-]+){4}$/, 'must be a 5-field cron expression')
    .default('*/5 * * * *'),
  // Fractions are allowed (0.5 = 512 KiB) so tests can exercise the limit with small files.
  UPLOAD_MAX_MB: z.coerce.number().positive().max(1024).default(10),
  // Public tracking answers kept per process (about 0.5 kB each); 0 turns the cache off.
  PUBLIC_LOOKUP_CACHE_SIZE: z.coerce.number().int().min(0).default(50_000),
  // App processes serving the port (node:cluster); more than one needs DATABASE_URL.
  APP_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  // Resolved sessions (with user and roles) kept per process, about 2 kB each; 0 turns the cache off.
  SESSION_CACHE_SIZE: z.coerce.number().int().min(0).default(20_000),
  // LISTEN for the database's change announcements (public views, calendar); false behind a pooler in
  // transaction mode, where announcements do not arrive: caches then check the database on each use.
  DATABASE_LISTEN: bool.default(true),
});

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | null;
  sessionSecret: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  oidc: {
    issuer: string | null;
    clientId: string;
    clientSecret: string;
    providerName: string;
    devProvider: boolean;
    devPort: number;
  };
  seedDemo: boolean;
  rateLimit: { loginPerMinute: number; publicPerMinute: number };
  webDistDir: string | null;
  jobs: {
    /** Poll and run background jobs and schedules in this process (enqueueing works either way). */
    enabled: boolean;
    /** When the dossier deadline scanner runs (cron, Asia/Ho_Chi_Minh time). */
    deadlineScanCron: string;
  };
  /** The largest accepted upload, in MiB (UPLOAD_MAX_MB). */
  uploadMaxMb: number;
  /** Public tracking answers kept in memory per process (PUBLIC_LOOKUP_CACHE_SIZE; 0 = none). */
  publicLookupCacheSize: number;
  /** App processes serving the port (APP_PROCESSES; platform/process-cluster.ts). */
  appProcesses: number;
  /** Resolved sessions kept in memory per process (SESSION_CACHE_SIZE; 0 = none). */
  sessionCacheSize: number;
  /**
   * Listen for change announcements (DATABASE_LISTEN); off: no public-view or session cache, calendar
   * version and catalogue generation read on each use.
   */
  databaseListen: boolean;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Biến môi trường ${variable} không hợp lệ / invalid environment variable ${variable}: ${problem}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? '?'), issue.message);
  }
  const e = parsed.data;
  if (e.APP_PROCESSES > 1 && e.DATABASE_URL === undefined)
    throw new ConfigError(
      'APP_PROCESSES',
      'nhiều tiến trình cần PostgreSQL (DATABASE_URL); PGlite chỉ chạy trong một tiến trình / several processes need PostgreSQL (DATABASE_URL): PGlite lives inside one process',
    );
  const dataDir = resolve(e.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const publicUrl = (
    e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`
  ).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? null,
    sessionSecret: e.SESSION_SECRET ?? storedSecret(dataDir),
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    logLevel: e.LOG_LEVEL,
    oidc: {
      issuer: e.OIDC_ISSUER ?? null,
      clientId: e.OIDC_CLIENT_ID ?? 'motcua-portal',
      clientSecret: e.OIDC_CLIENT_SECRET ?? 'motcua-dev-secret-not-for-production',
      providerName: e.OIDC_PROVIDER_NAME,
      devProvider: e.OIDC_ISSUER === undefined && e.OIDC_DEV_PROVIDER,
      devPort: e.OIDC_DEV_PORT ?? (e.PORT === 0 ? 0 : e.PORT + 1),
    },
    seedDemo: e.SEED_DEMO,
    rateLimit: {
      loginPerMinute: e.RATE_LIMIT_LOGIN_PER_MINUTE,
      publicPerMinute: e.RATE_LIMIT_PUBLIC_PER_MINUTE,
    },
    webDistDir: e.WEB_DIST_DIR ?? null,
    jobs: { enabled: e.JOBS_ENABLED, deadlineScanCron: e.DEADLINE_SCAN_CRON },
    uploadMaxMb: e.UPLOAD_MAX_MB,
    publicLookupCacheSize: e.PUBLIC_LOOKUP_CACHE_SIZE,
    sessionCacheSize: e.SESSION_CACHE_SIZE,
    appProcesses: e.APP_PROCESSES,
    databaseListen: e.DATABASE_LISTEN,
  };
}

/** A secret generated on first start and kept in DATA_DIR, so restarts keep sessions valid. */
function storedSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first start: generate below
  }
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
