import { z } from 'zod';
import { email, optionalText, password, phone, text } from './primitives';
import { staffRoleSchema } from './session';

export const staffRoleLabels: Record<z.infer<typeof staffRoleSchema>, string> = {
  'desk-officer': 'Cán bộ một cửa',
  specialist: 'Chuyên viên',
  'unit-leader': 'Lãnh đạo phòng',
  'agency-head': 'Lãnh đạo cơ quan',
  'procedure-control-officer': 'Cán bộ kiểm soát TTHC',
  'procedure-reviewer': 'Cán bộ kiểm soát chất lượng TTHC (Sở Tư pháp)',
  administrator: 'Quản trị hệ thống',
};

export const roleAssignmentInputSchema = z.object({ role: staffRoleSchema, agencyId: z.string() });

export const userSchema = z.object({
  id: z.string(),
  kind: z.enum(['staff', 'citizen']),
  username: z.string().nullable(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  lockedUntil: z.string().nullable(),
  totpEnabled: z.boolean(),
  roles: z.array(
    z.object({ role: staffRoleSchema, agencyId: z.string(), agencyCode: z.string(), agencyName: z.string() }),
  ),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;
export const userListSchema = z.object({ users: z.array(userSchema) });

/** GET /api/identity/users?agencyId=&q= — staff within the caller's scope. */
export const userListQuerySchema = z.object({
  agencyId: z.string().optional(),
  q: z.string().max(100).optional(),
});

/** POST /api/identity/users — a staff account; roles must lie within the caller's scope. */
export const createStaffUserSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,50}$/, 'Tên đăng nhập 3–50 ký tự: chữ không dấu, số, dấu chấm, gạch'),
  fullName: text(200),
  email: email.optional(),
  phone: phone.optional(),
  password,
  roles: z.array(roleAssignmentInputSchema).min(1, 'Cần ít nhất một vai trò').max(20),
});
export type CreateStaffUser = z.infer<typeof createStaffUserSchema>;

/** PATCH /api/identity/users/:id */
export const updateUserSchema = z
  .object({
    fullName: text(200).optional(),
    email: email.nullable().optional(),
    phone: phone.nullable().optional(),
    status: z.enum(['active', 'disabled']).optional(),
    unlock: z.literal(true).optional(),
    note: optionalText(500),
  })
  .refine((v) => Object.keys(v).length > 0, 'Không có thay đổi nào');

/** PUT /api/identity/users/:id/roles */
export const setRolesSchema = z.object({ roles: z.array(roleAssignmentInputSchema).max(20) });

/** POST /api/identity/users/:id/password */
export const resetPasswordSchema = z.object({ newPassword: password });
