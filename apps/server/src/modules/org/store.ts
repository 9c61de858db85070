import type { OfficeHours } from '@motcua/contracts/org';
import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/database';
import { agencies, agencyNames, desks } from './schema';

export type AgencyRow = typeof agencies.$inferSelect;
export type DeskRow = typeof desks.$inferSelect;
export interface NameRow {
  agencyId: string;
  name: string;
  validFrom: string;
}

export async function allAgencies(db: Db): Promise<AgencyRow[]> {
  return db.select().from(agencies).orderBy(asc(agencies.code));
}

export async function allNames(db: Db): Promise<NameRow[]> {
  return db.select().from(agencyNames).orderBy(asc(agencyNames.agencyId), asc(agencyNames.validFrom));
}

export async function agencyById(db: Db, id: string): Promise<AgencyRow | undefined> {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id));
  return row;
}

export async function agenciesByIds(db: Db, ids: readonly string[]): Promise<AgencyRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(agencies)
    .where(inArray(agencies.id, [...ids]));
}

export async function agencyByCode(db: Db, code: string): Promise<AgencyRow | undefined> {
  const [row] = await db.select().from(agencies).where(eq(agencies.code, code));
  return row;
}

export async function namesOf(db: Db, agencyId: string): Promise<NameRow[]> {
  return db
    .select()
    .from(agencyNames)
    .where(eq(agencyNames.agencyId, agencyId))
    .orderBy(asc(agencyNames.validFrom));
}

export async function predecessorsOf(db: Db, agencyId: string): Promise<AgencyRow[]> {
  return db.select().from(agencies).where(eq(agencies.successorId, agencyId)).orderBy(asc(agencies.code));
}

export async function insertAgency(
  db: Db,
  a: { code: string; kind: string; parentId: string | null; validFrom: string; name: string },
): Promise<AgencyRow> {
  const [row] = await db
    .insert(agencies)
    .values({ code: a.code, kind: a.kind, parentId: a.parentId, validFrom: a.validFrom })
    .returning();
  await db.insert(agencyNames).values({ agencyId: row!.id, name: a.name, validFrom: a.validFrom });
  return row!;
}

export async function updateAgency(
  db: Db,
  id: string,
  patch: Partial<Pick<AgencyRow, 'kind' | 'parentId' | 'validTo' | 'successorId'>>,
) {
  await db.update(agencies).set(patch).where(eq(agencies.id, id));
}

export async function insertName(db: Db, row: NameRow): Promise<void> {
  await db.insert(agencyNames).values(row);
}

/** Children in force on `date` (or starting later). */
export async function activeChildren(db: Db, parentId: string, date: string): Promise<AgencyRow[]> {
  return db
    .select()
    .from(agencies)
    .where(and(eq(agencies.parentId, parentId), or(isNull(agencies.validTo), gt(agencies.validTo, date))));
}

export async function desksOf(
  db: Db,
  filter: { agencyIds?: readonly string[]; activeOn?: string },
): Promise<DeskRow[]> {
  const conditions = [];
  if (filter.agencyIds !== undefined) {
    if (filter.agencyIds.length === 0) return [];
    conditions.push(inArray(desks.agencyId, [...filter.agencyIds]));
  }
  if (filter.activeOn !== undefined) {
    conditions.push(
      lte(desks.validFrom, filter.activeOn),
      or(isNull(desks.validTo), gt(desks.validTo, filter.activeOn)),
    );
  }
  return db
    .select()
    .from(desks)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(desks.name));
}

export async function deskById(db: Db, id: string): Promise<DeskRow | undefined> {
  const [row] = await db.select().from(desks).where(eq(desks.id, id));
  return row;
}

export async function insertDesk(
  db: Db,
  d: {
    agencyId: string;
    name: string;
    address: string | null;
    phone: string | null;
    officeHours: OfficeHours;
    servesAgencyIds: string[];
    validFrom: string;
  },
): Promise<DeskRow> {
  const [row] = await db.insert(desks).values(d).returning();
  return row!;
}

export async function updateDesk(
  db: Db,
  id: string,
  patch: Partial<Omit<DeskRow, 'id' | 'agencyId'>>,
): Promise<DeskRow> {
  const [row] = await db.update(desks).set(patch).where(eq(desks.id, id)).returning();
  return row!;
}

/** Ends every desk of these agencies still open on `date`. */
export async function endDesksOf(db: Db, agencyIds: readonly string[], date: string): Promise<DeskRow[]> {
  if (agencyIds.length === 0) return [];
  return db
    .update(desks)
    .set({ validTo: date })
    .where(and(inArray(desks.agencyId, [...agencyIds]), or(isNull(desks.validTo), gt(desks.validTo, date))))
    .returning();
}

export async function countAgencies(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(agencies);
  return row?.n ?? 0;
}
