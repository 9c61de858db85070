/**
 * Internal workflows (quy trình nội bộ): ordered steps, each with a responsible unit, a role, allotted
 * working hours and the actions allowed there; a parallel step holds inter-agency branches (liên thông)
 * and lasts as long as its longest branch. Pure checks: the structure can reach a result, and the
 * allotments fit the legal limit. Whether each unit exists is checked by the service (it needs the org
 * tree) and reported in the same issue format.
 */
import type { ProcessingTimeUnit } from '../calendar/due-date';

export interface WorkflowTask {
  kind: 'task';
  key: string;
  name: string;
  unitId: string;
  role: string;
  allottedHours: number;
  actions: readonly string[];
}

export interface WorkflowParallel {
  kind: 'parallel';
  key: string;
  name: string;
  branches: readonly { agencyId: string; steps: readonly WorkflowTask[] }[];
}

export type WorkflowStep = WorkflowTask | WorkflowParallel;

export interface WorkflowDefinition {
  leadAgencyId: string;
  steps: readonly WorkflowStep[];
}

export interface WorkflowIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

export const HOURS_PER_WORKING_DAY = 8;

export type LimitBasis = 'working-time' | 'calendar-approximation' | 'none';

/**
 * The legal limit in working hours: the strictest channel's. Working hours and days convert exactly
 * (1 working day = 8 working hours). Calendar days and months cannot be converted without a start date:
 * they are approximated from below — N days hold at least ⌊N × 5/7⌋ working days (weekends out; holidays
 * not subtracted), a month counts as 30 days — and the basis says so. `null`: no channel states a limit.
 */
export function legalLimitHours(times: readonly ({ value: number; unit: ProcessingTimeUnit } | null)[]): {
  limitHours: number | null;
  basis: LimitBasis;
} {
  let limit: number | null = null;
  let basis: LimitBasis = 'none';
  for (const t of times) {
    if (t === null) continue;
    let hours: number;
    let b: LimitBasis = 'working-time';
    if (t.unit === 'working-hours') hours = t.value;
    else if (t.unit === 'working-days') hours = t.value * HOURS_PER_WORKING_DAY;
    else {
      const days = t.unit === 'days' ? t.value : t.value * 30;
      hours = Math.floor((days * 5) / 7) * HOURS_PER_WORKING_DAY;
      b = 'calendar-approximation';
    }
    if (limit === null || hours < limit) {
      limit = hours;
      basis = b;
    }
  }
  return { limitHours: limit, basis };
}

function taskHours(steps: readonly WorkflowTask[]): number {
  return steps.reduce((sum, s) => sum + s.allottedHours, 0);
}

export function stepHours(step: WorkflowStep): number {
  if (step.kind === 'task') return step.allottedHours;
  return step.branches.reduce((max, b) => Math.max(max, taskHours(b.steps)), 0);
}

export function totalAllottedHours(definition: WorkflowDefinition): number {
  return definition.steps.reduce((sum, s) => sum + stepHours(s), 0);
}

/** Every unit a workflow names, with the path of its field (for the service's existence check). */
export function unitReferences(
  definition: WorkflowDefinition,
): { unitId: string; path: (string | number)[] }[] {
  const refs: { unitId: string; path: (string | number)[] }[] = [
    { unitId: definition.leadAgencyId, path: ['leadAgencyId'] },
  ];
  definition.steps.forEach((step, i) => {
    if (step.kind === 'task') refs.push({ unitId: step.unitId, path: ['steps', i, 'unitId'] });
    else
      step.branches.forEach((branch, b) => {
        refs.push({ unitId: branch.agencyId, path: ['steps', i, 'branches', b, 'agencyId'] });
        branch.steps.forEach((task, j) => {
          refs.push({ unitId: task.unitId, path: ['steps', i, 'branches', b, 'steps', j, 'unitId'] });
        });
      });
  });
  return refs;
}

const formatHours = (h: number) => String(h).replace('.', ',');

/** Structural checks and the time limit. An empty list means valid (apart from unit existence). */
export function validateWorkflow(definition: WorkflowDefinition, limitHours: number | null): WorkflowIssue[] {
  const issues: WorkflowIssue[] = [];
  const keys = new Map<string, (string | number)[]>();
  const claimKey = (key: string, path: (string | number)[]) => {
    if (keys.has(key))
      issues.push({ path, code: 'DUPLICATE_STEP_KEY', message: `Mã bước "${key}" bị trùng` });
    else keys.set(key, path);
  };
  const steps = definition.steps;
  steps.forEach((step, i) => {
    claimKey(step.key, ['steps', i, 'key']);
    if (step.kind === 'parallel') {
      const agencies = new Set<string>();
      step.branches.forEach((branch, b) => {
        if (branch.agencyId === definition.leadAgencyId)
          issues.push({
            path: ['steps', i, 'branches', b, 'agencyId'],
            code: 'BRANCH_IS_LEAD_AGENCY',
            message: 'Nhánh liên thông phải do cơ quan khác cơ quan chủ trì thực hiện',
          });
        if (agencies.has(branch.agencyId))
          issues.push({
            path: ['steps', i, 'branches', b, 'agencyId'],
            code: 'DUPLICATE_BRANCH_AGENCY',
            message: 'Hai nhánh song song của cùng một cơ quan: hãy gộp thành một nhánh',
          });
        agencies.add(branch.agencyId);
        branch.steps.forEach((task, j) => {
          claimKey(task.key, ['steps', i, 'branches', b, 'steps', j, 'key']);
          if (task.actions.includes('receive') || task.actions.includes('return'))
            issues.push({
              path: ['steps', i, 'branches', b, 'steps', j, 'actions'],
              code: 'BRANCH_RECEIVES_OR_RETURNS',
              message: 'Tiếp nhận và trả kết quả do cơ quan chủ trì thực hiện, không thuộc nhánh liên thông',
            });
        });
      });
    }
  });

  const first = steps[0];
  if (first !== undefined && (first.kind !== 'task' || !first.actions.includes('receive')))
    issues.push({
      path: ['steps', 0],
      code: 'FIRST_STEP_NOT_RECEIVE',
      message: 'Bước đầu tiên phải là tiếp nhận hồ sơ (thao tác "receive") tại bộ phận một cửa',
    });
  const returnAt = steps.findIndex((s) => s.kind === 'task' && s.actions.includes('return'));
  if (returnAt === -1)
    issues.push({
      path: ['steps', Math.max(steps.length - 1, 0)],
      code: 'NO_RESULT',
      message: 'Quy trình không đến được bước trả kết quả: bước cuối phải có thao tác "return"',
    });
  else if (returnAt < steps.length - 1)
    issues.push({
      path: ['steps', returnAt + 1],
      code: 'UNREACHABLE_STEP',
      message: `Các bước sau bước trả kết quả "${steps[returnAt]!.key}" không bao giờ được thực hiện`,
    });

  if (limitHours !== null) {
    let cumulative = 0;
    for (let i = 0; i < steps.length; i++) {
      cumulative += stepHours(steps[i]!);
      if (cumulative > limitHours) {
        issues.push({
          path: ['steps', i, steps[i]!.kind === 'task' ? 'allottedHours' : 'branches'],
          code: 'ALLOTMENT_EXCEEDS_LIMIT',
          message: `Tổng thời gian đến hết bước "${steps[i]!.key}" là ${formatHours(cumulative)} giờ làm việc, vượt thời hạn giải quyết ${formatHours(limitHours)} giờ làm việc (tổng cả quy trình: ${formatHours(totalAllottedHours(definition))} giờ)`,
        });
        break;
      }
    }
  }
  return issues;
}

/**
 * The default workflow for an agency without one: desk receives → specialist processes → unit leader
 * approves → agency head signs → desk returns. The legal limit is shared 5/60/15/15/5 % (rounded down to
 * half hours, so it always fits); without a stated limit each step gets one working day.
 */
export function defaultWorkflow(agencyId: string, limitHours: number | null): WorkflowDefinition {
  const shares = [0.05, 0.6, 0.15, 0.15, 0.05];
  const hours = shares.map((share) =>
    limitHours === null ? HOURS_PER_WORKING_DAY : Math.floor(limitHours * share * 2) / 2,
  );
  const task = (
    key: string,
    name: string,
    role: string,
    index: number,
    actions: readonly string[],
  ): WorkflowTask => ({
    kind: 'task',
    key,
    name,
    unitId: agencyId,
    role,
    allottedHours: hours[index]!,
    actions,
  });
  return {
    leadAgencyId: agencyId,
    steps: [
      task('tiep-nhan', 'Tiếp nhận hồ sơ', 'desk-officer', 0, ['receive', 'supplement', 'refuse', 'forward']),
      task('tham-dinh', 'Thẩm định, xử lý hồ sơ', 'specialist', 1, [
        'process',
        'consult',
        'supplement',
        'forward',
      ]),
      task('lanh-dao-phong', 'Lãnh đạo phòng xem xét', 'unit-leader', 2, ['approve', 'forward']),
      task('lanh-dao-co-quan', 'Lãnh đạo cơ quan ký duyệt', 'agency-head', 3, ['approve', 'sign', 'forward']),
      task('tra-ket-qua', 'Trả kết quả', 'desk-officer', 4, ['return']),
    ],
  };
}
