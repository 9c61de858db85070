import { z } from 'zod';

/** Vietnamese text arrives in any Unicode form; we store NFC, trimmed. */
export const text = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1, 'Không được để trống').max(max, `Tối đa ${max} ký tự`));

export const optionalText = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max, `Tối đa ${max} ký tự`))
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();

export const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'Ngày không hợp lệ',
  );

export const uuid = z.uuid('Mã định danh không hợp lệ');

export const email = z.string().trim().toLowerCase().pipe(z.email('Email không hợp lệ').max(254));

/** Vietnamese mobile/landline: 0 followed by 9–10 digits, or +84… */
export const phone = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s.-]/g, '').replace(/^\+84/, '0'))
  .pipe(z.string().regex(/^0\d{9,10}$/, 'Số điện thoại không hợp lệ'));

export const password = z.string().min(8, 'Mật khẩu tối thiểu 8 ký tự').max(200);
