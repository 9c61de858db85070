import { defaultOfficeHours } from '@motcua/contracts/org';
import { seedCatalogueIfEmpty } from '../modules/catalog/catalogue-seed-service';
import { systemAccess } from '../modules/identity/access-service';
import { bootstrapCitizen, bootstrapStaff } from '../modules/identity/user-service';
import {
  bootstrapAgency,
  countAgencies,
  createDesk,
  mergeAgencies,
  renameAgency,
} from '../modules/org/agency-service';
import type { ServiceContext } from '../platform/access-context';
import { recordAudit } from '../platform/audit-log';
import { type Db, inTransaction } from '../platform/database';
import { type JobQueue, unavailableJobQueue } from '../platform/job-queue';
import { demoAgencies, demoCitizen, demoDesks, demoPassword, demoStaff } from './demo-data';

/**
 * Loads the demo province on an empty database; does nothing when any agency exists. Renames and the
 * merger go through the same services as an administrator would use, so the demo shows real history.
 */
export async function seedDemoIfEmpty(
  db: Db,
  now: () => Date = () => new Date(),
  jobs: JobQueue = unavailableJobQueue('seed'),
): Promise<boolean> {
  const ctx: ServiceContext = { db, now, jobs };
  if ((await countAgencies(ctx)) > 0) return false;
  const access = systemAccess(ctx, 'seed');
  const ids = new Map<string, string>();
  await inTransaction(db, async (tx) => {
    for (const a of demoAgencies) {
      if (demoAgencies.some((s) => s.mergedInto?.key === a.key)) continue; // created by the merger below
      const row = await bootstrapAgency(tx, {
        code: a.code,
        name: a.name,
        kind: a.kind,
        parentId: a.parent === null ? null : ids.get(a.parent)!,
        validFrom: a.validFrom,
      });
      ids.set(a.key, row.id);
    }
    await recordAudit(
      tx,
      access.actor,
      { action: 'system.seed', targetType: 'system', targetId: null, details: { agencies: ids.size } },
      now(),
    );
  });
  for (const a of demoAgencies)
    if (a.renamed)
      await renameAgency(ctx, access, ids.get(a.key)!, { name: a.renamed.name, effectiveDate: a.renamed.on });
  for (const target of demoAgencies.filter((t) => demoAgencies.some((s) => s.mergedInto?.key === t.key))) {
    const sources = demoAgencies.filter((s) => s.mergedInto?.key === target.key);
    const { agency } = await mergeAgencies(ctx, access, {
      sourceIds: sources.map((s) => ids.get(s.key)!),
      target: {
        code: target.code,
        name: target.name,
        kind: target.kind as never,
        parentId: ids.get(target.parent!)!,
      },
      effectiveDate: sources[0]!.mergedInto!.on,
    });
    ids.set(target.key, agency.id);
  }
  for (const d of demoDesks) {
    await createDesk(ctx, access, {
      agencyId: ids.get(d.agency)!,
      name: d.name,
      address: d.address,
      phone: d.phone,
      officeHours: defaultOfficeHours,
      servesAgencyIds: (d.serves ?? []).map((key) => ids.get(key)!),
      validFrom: '2025-07-01',
    });
  }
  await inTransaction(db, async (tx) => {
    for (const s of demoStaff) {
      await bootstrapStaff(tx, {
        username: s.username,
        fullName: s.fullName,
        email: s.email,
        password: demoPassword,
        roles: [{ role: s.role, agencyId: ids.get(s.agency)! }],
      });
    }
    await bootstrapCitizen(tx, { ...demoCitizen, password: demoPassword });
  });
  await seedDemoCatalogue(ctx, access, ids);
  return true;
}

/**
 * The real starter catalogue, owned by the provincial office and published. Commune-level procedures
 * are implemented by the communes in force; province-level ones by the service centre (which receives
 * every provincial dossier) plus the department in charge of the field, where the demo has one.
 */
async function seedDemoCatalogue(
  ctx: ServiceContext,
  access: ReturnType<typeof systemAccess>,
  ids: Map<string, string>,
): Promise<void> {
  const communes = demoAgencies
    .filter((a) => a.kind === 'commune' && !a.mergedInto)
    .map((a) => ids.get(a.key)!);
  const departmentOfField: Record<string, string> = {
    'Môi trường': 'agriculture',
    'Đất đai': 'agriculture',
    'Đường bộ': 'construction',
    'Hoạt động xây dựng': 'construction',
    'Hộ tịch': 'justice',
    'Chứng thực': 'justice',
    'Bảo trợ xã hội': 'health',
    // 1.013824 (Bộ Y tế): recognising institutions that train interpreters for medical examination.
    'Đào tạo và Nghiên cứu khoa học': 'health',
    // The demo province has no Department of Education: its province-level procedures (tuyển sinh THPT,
    // hỗ trợ học tập) are implemented by the public service centre alone.
  };
  const office = demoAgencies.find((a) => a.key === 'office')!;
  await seedCatalogueIfEmpty(ctx, access, { agencyId: ids.get('office')!, code: office.code }, (p) => {
    const agencies: string[] = [];
    if (p.levels.includes('province')) {
      agencies.push(ids.get('centre')!);
      const department = departmentOfField[p.fieldName];
      if (department) agencies.push(ids.get(department)!);
    }
    if (p.levels.includes('commune')) agencies.push(...communes);
    return agencies;
  });
}
