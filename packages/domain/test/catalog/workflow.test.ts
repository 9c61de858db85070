import { describe, expect, it } from 'vitest';
import { allowedActions, refusal } from '../../src/catalog/version-lifecycle';
import {
  defaultWorkflow,
  legalLimitHours,
  totalAllottedHours,
  unitReferences,
  validateWorkflow,
  type WorkflowDefinition,
} from '../../src/catalog/workflow';

const A = 'agency-a';
const B = 'agency-b';

describe('legal limit in working hours', () => {
  it('converts working days at 8 hours and takes the strictest channel', () => {
    expect(
      legalLimitHours([
        { value: 3, unit: 'working-days' },
        { value: 2, unit: 'working-days' },
      ]),
    ).toEqual({ limitHours: 16, basis: 'working-time' });
    expect(legalLimitHours([{ value: 4, unit: 'working-hours' }])).toEqual({
      limitHours: 4,
      basis: 'working-time',
    });
  });

  it('approximates calendar days from below (⌊N×5/7⌋ working days) and says so', () => {
    expect(legalLimitHours([{ value: 30, unit: 'days' }])).toEqual({
      limitHours: 168,
      basis: 'calendar-approximation',
    });
    expect(legalLimitHours([{ value: 1, unit: 'months' }])).toEqual({
      limitHours: 168,
      basis: 'calendar-approximation',
    });
  });

  it('has no limit when no channel states one', () => {
    expect(legalLimitHours([null])).toEqual({ limitHours: null, basis: 'none' });
  });
});

describe('workflow validation', () => {
  it('accepts the generated default workflow, which fits the limit', () => {
    const wf = defaultWorkflow(A, 24);
    expect(validateWorkflow(wf, 24)).toEqual([]);
    expect(totalAllottedHours(wf)).toBeLessThanOrEqual(24);
    expect(wf.steps.map((s) => (s.kind === 'task' ? s.role : ''))).toEqual([
      'desk-officer',
      'specialist',
      'unit-leader',
      'agency-head',
      'desk-officer',
    ]);
  });

  it('names the step where the allotments pass the legal limit', () => {
    const wf = defaultWorkflow(A, null); // 5 × 8 h: 8, 16, then 24 > 16 at the third step
    const issues = validateWorkflow(wf, 16);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'ALLOTMENT_EXCEEDS_LIMIT', path: ['steps', 2, 'allottedHours'] });
  });

  it('requires intake first and a result return last', () => {
    const wf = defaultWorkflow(A, 40);
    const noReturn: WorkflowDefinition = { ...wf, steps: wf.steps.slice(0, 4) };
    expect(validateWorkflow(noReturn, 40).map((i) => i.code)).toEqual(['NO_RESULT']);
    const noReceive: WorkflowDefinition = { ...wf, steps: wf.steps.slice(1) };
    expect(validateWorkflow(noReceive, 40).map((i) => i.code)).toEqual(['FIRST_STEP_NOT_RECEIVE']);
    const early: WorkflowDefinition = { ...wf, steps: [wf.steps[0]!, wf.steps[4]!, wf.steps[1]!] };
    expect(validateWorkflow(early, 40)).toEqual([
      expect.objectContaining({ code: 'UNREACHABLE_STEP', path: ['steps', 2] }),
    ]);
  });

  it('counts a parallel step as its longest branch and checks its branches', () => {
    const wf = defaultWorkflow(A, 40);
    const parallel: WorkflowDefinition = {
      ...wf,
      steps: [
        wf.steps[0]!,
        {
          kind: 'parallel',
          key: 'lien-thong',
          name: 'Liên thông',
          branches: [
            {
              agencyId: B,
              steps: [
                {
                  kind: 'task',
                  key: 'b1',
                  name: 'B',
                  unitId: B,
                  role: 'specialist',
                  allottedHours: 6,
                  actions: ['process'],
                },
              ],
            },
            {
              agencyId: A,
              steps: [
                {
                  kind: 'task',
                  key: 'b1',
                  name: 'A',
                  unitId: A,
                  role: 'specialist',
                  allottedHours: 2,
                  actions: ['return'],
                },
              ],
            },
          ],
        },
        wf.steps[4]!,
      ],
    };
    expect(totalAllottedHours(parallel)).toBe(2 + 6 + 2);
    expect(
      validateWorkflow(parallel, 40)
        .map((i) => i.code)
        .sort(),
    ).toEqual(['BRANCH_IS_LEAD_AGENCY', 'BRANCH_RECEIVES_OR_RETURNS', 'DUPLICATE_STEP_KEY']);
    expect(unitReferences(parallel).map((r) => r.path.join('.'))).toContain(
      'steps.1.branches.0.steps.0.unitId',
    );
  });
});

describe('version lifecycle', () => {
  it('refuses editing a published version with VERSION_PUBLISHED, one in review with VERSION_LOCKED', () => {
    expect(refusal('published', 'edit')?.code).toBe('VERSION_PUBLISHED');
    expect(refusal('superseded', 'edit')?.code).toBe('VERSION_PUBLISHED');
    expect(refusal('submitted', 'edit')?.code).toBe('VERSION_LOCKED');
    expect(refusal('draft', 'publish')?.code).toBe('INVALID_TRANSITION');
    expect(refusal('returned', 'submit')).toBeNull();
  });

  it('offers the reviewer only approve/return, the officer never those', () => {
    expect(
      allowedActions('submitted', new Set(['catalog.review']), { isLatest: true, inForce: false }),
    ).toEqual(['approve', 'return']);
    expect(
      allowedActions('submitted', new Set(['catalog.edit']), { isLatest: true, inForce: false }),
    ).toEqual([]);
    expect(allowedActions('published', new Set(['catalog.edit']), { isLatest: true, inForce: true })).toEqual(
      ['amend', 'abolish'],
    );
  });
});
