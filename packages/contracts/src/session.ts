import { z } from 'zod';
import { email, password, phone, text } from './primitives';

export const staffRoleSchema = z.enum([
  'desk-officer',
  'specialist',
  'unit-leader',
  'agency-head',
  'procedure-control-officer',
  'procedure-reviewer',
  'administrator',
]);

export const roleAtAgencySchema = z.object({
  role: staffRoleSchema,
  agencyId: z.string(),
  agencyCode: z.string(),
  agencyName: z.string(),
});

export const sessionUserSchema = z.object({
  id: z.string(),
  kind: z.enum(['staff', 'citizen']),
  username: z.string().nullable(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  roles: z.array(roleAtAgencySchema),
  permissions: z.array(z.string()),
  totpEnabled: z.boolean(),
  authMethod: z.enum(['password', 'oidc']),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** GET /api/session — who is logged in, and the CSRF token to send as `x-csrf-token` on mutations. */
export const sessionInfoSchema = z.object({
  user: sessionUserSchema.nullable(),
  csrfToken: z.string().nullable(),
  oidc: z.object({ enabled: z.boolean(), providerName: z.string() }),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/** POST /api/auth/staff/login */
export const staffLoginSchema = z.object({
  username: z.string().trim().min(1, 'Nhập tên đăng nhập').max(100),
  password: z.string().min(1, 'Nhập mật khẩu').max(200),
  totpCode: z
    .string()
    .regex(/^\d{6}$/, 'Mã xác thực gồm 6 chữ số')
    .optional(),
});
export type StaffLogin = z.infer<typeof staffLoginSchema>;

/** POST /api/auth/citizen/login — identifier is an email or a phone number. */
export const citizenLoginSchema = z.object({
  identifier: z.string().trim().min(1, 'Nhập email hoặc số điện thoại').max(254),
  password: z.string().min(1, 'Nhập mật khẩu').max(200),
});
export type CitizenLogin = z.infer<typeof citizenLoginSchema>;

/** POST /api/auth/citizen/register — at least one of email / phone. */
export const citizenRegistrationSchema = z
  .object({
    fullName: text(200),
    email: email.optional(),
    phone: phone.optional(),
    password,
  })
  .refine((v) => v.email !== undefined || v.phone !== undefined, {
    message: 'Cần email hoặc số điện thoại',
    path: ['email'],
  });
export type CitizenRegistration = z.infer<typeof citizenRegistrationSchema>;

/** POST /api/auth/totp/setup answers this; POST /api/auth/totp/enable takes { code }. */
export const totpSetupSchema = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const totpEnableSchema = z.object({ code: z.string().regex(/^\d{6}$/, 'Mã xác thực gồm 6 chữ số') });
