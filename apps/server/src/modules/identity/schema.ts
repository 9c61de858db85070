import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const identitySchema = pgSchema('identity');

export const users = identitySchema.table(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<'staff' | 'citizen'>().notNull(),
    username: text('username'),
    fullName: text('full_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    identityNumber: text('identity_number'),
    passwordHash: text('password_hash'),
    status: text('status').$type<'active' | 'disabled'>().notNull().default('active'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_key').on(t.username),
    uniqueIndex('users_citizen_email_key').on(t.email).where(sql`kind = 'citizen'`),
    uniqueIndex('users_citizen_phone_key').on(t.phone).where(sql`kind = 'citizen'`),
  ],
);

export const roleAssignments = identitySchema.table(
  'role_assignments',
  {
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    agencyId: uuid('agency_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.role, t.agencyId] }),
    index('role_assignments_agency_idx').on(t.agencyId),
  ],
);

/** Citizens known through an OpenID Connect provider (VNeID in production). */
export const oidcIdentities = identitySchema.table(
  'oidc_identities',
  {
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] })],
);

/** Server-side sessions; the cookie carries a random token, the table only its SHA-256. */
export const sessions = identitySchema.table(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    authMethod: text('auth_method').$type<'password' | 'oidc'>().notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** An OIDC login in flight: state → PKCE verifier and nonce, kept until the callback (10 minutes). */
export const oidcLogins = identitySchema.table('oidc_logins', {
  state: text('state').primaryKey(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  returnTo: text('return_to').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
