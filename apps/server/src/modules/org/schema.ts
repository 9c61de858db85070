import type { OfficeHours } from '@motcua/contracts/org';
import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const orgSchema = pgSchema('org');

export const agencies = orgSchema.table(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    successorId: uuid('successor_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agencies_parent_idx').on(t.parentId)],
);

/** Names over time: a rename adds a row; "the name as of D" is the latest row with valid_from ≤ D. */
export const agencyNames = orgSchema.table(
  'agency_names',
  {
    agencyId: uuid('agency_id').notNull(),
    name: text('name').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.validFrom] })],
);

export const desks = orgSchema.table(
  'desks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    name: text('name').notNull(),
    address: text('address'),
    phone: text('phone'),
    officeHours: jsonb('office_hours').$type<OfficeHours>().notNull(),
    /**
     * Agencies whose procedures this desk receives besides its own agency's subtree: a provincial public
     * administration service centre receives for the departments (Decree 61 Art. 7).
     */
    servesAgencyIds: uuid('serves_agency_ids').array().notNull().default(sql`'{}'::uuid[]`),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [index('desks_agency_idx').on(t.agencyId)],
);
