import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type Workflow,
  type WorkflowDefinition,
  type WorkflowIssue,
  workflowActionLabels,
  workflowActions,
  workflowDefinitionSchema,
} from '@motcua/contracts/catalog';
import { staffRoleLabels } from '@motcua/contracts/identity';
import type { Agency } from '@motcua/contracts/org';
import { staffRoleSchema } from '@motcua/contracts/session';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Spin,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { api, isApiRequestError, messageOf } from '../../api/client';
import type { ValidationIssue } from '../../api/validation-issues';
import { catalogAdminText as t } from '../../i18n/vi/catalog-admin';
import { formatInstant } from '../../staff/date-format';
import { showIssuesOnForm } from '../../staff/form-issues';
import { AgencySelect } from '../agency-select';
import { useAgencies } from '../org-queries';
import { catalogApi, useRefreshCatalog, useWorkflowHistory, useWorkflows } from './catalog-queries';
import { type DiagramNode, type DiagramStage, WorkflowDiagram } from './workflow-diagram';

type StepValues = Partial<WorkflowDefinition['steps'][number]> & {
  branches?: { agencyId?: string; steps?: Partial<TaskValues>[] }[];
};
type TaskValues = Extract<WorkflowDefinition['steps'][number], { kind: 'task' }>;
interface DefinitionValues {
  leadAgencyId?: string;
  steps?: StepValues[];
}

const roleOptions = staffRoleSchema.options.map((r) => ({ value: r, label: staffRoleLabels[r] }));
const actionOptions = workflowActions.map((a) => ({ value: a, label: workflowActionLabels[a] }));
const hours = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

function newTask(agencyId: string | undefined, n: number): Partial<TaskValues> {
  return {
    kind: 'task',
    key: `buoc-${n}`,
    name: '',
    unitId: agencyId,
    role: 'specialist',
    allottedHours: 8,
    actions: ['process'],
  };
}

/** The fields of one task, inside a Form.List item (`name` is the item's name there). */
function TaskFields({ name, agencies }: { name: (string | number)[]; agencies: readonly Agency[] }) {
  return (
    <>
      <Space wrap align="start">
        <Form.Item label={t.stepKey} name={[...name, 'key']}>
          <Input style={{ width: 150 }} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t.stepName} name={[...name, 'name']} style={{ minWidth: 260 }}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t.allottedHours} name={[...name, 'allottedHours']}>
          <InputNumber<number> min={0} step={0.5} style={{ width: 140 }} />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item label={t.unit} name={[...name, 'unitId']} style={{ minWidth: 300 }}>
          <AgencySelect agencies={agencies} />
        </Form.Item>
        <Form.Item label={t.role} name={[...name, 'role']} style={{ minWidth: 220 }}>
          <Select options={roleOptions} />
        </Form.Item>
      </Space>
      <Form.Item label={t.allowedActions} name={[...name, 'actions']}>
        <Select mode="multiple" options={actionOptions} />
      </Form.Item>
    </>
  );
}

function StepBox({ label, children, tools }: { label: string; children: ReactNode; tools: ReactNode }) {
  return (
    <div className="catalog-item">
      <fieldset className="catalog-item-fieldset">
        <legend className="catalog-item-title">{label}</legend>
        <div className="catalog-item-tools">{tools}</div>
        {children}
      </fieldset>
    </div>
  );
}

function agencyNameOf(agencies: readonly Agency[], id: string | undefined): string {
  return agencies.find((a) => a.id === id)?.name ?? '—';
}

/** The diagram's stages from what the form holds now; steps with problems are outlined in red. */
function stagesOf(
  values: DefinitionValues,
  agencies: readonly Agency[],
  issues: readonly WorkflowIssue[],
): DiagramStage[] {
  const bad = new Set(issues.filter((i) => i.path[0] === 'steps').map((i) => `${i.path[1]}`));
  const badBranchStep = new Set(
    issues
      .filter((i) => i.path[0] === 'steps' && i.path[2] === 'branches' && i.path[4] === 'steps')
      .map((i) => `${i.path[1]}.${i.path[3]}.${i.path[5]}`),
  );
  const node = (task: Partial<TaskValues>, key: string, error: boolean): DiagramNode => ({
    key,
    title: task.name || task.key || '…',
    lines: [
      `${agencyNameOf(agencies, task.unitId)} · ${task.role ? staffRoleLabels[task.role] : ''}`,
      `${t.hoursShort(task.allottedHours ?? 0)} · ${(task.actions ?? []).map((a) => workflowActionLabels[a]).join(', ')}`,
    ],
    tone: error ? 'error' : undefined,
  });
  return (values.steps ?? []).map((step, i): DiagramStage => {
    if (step.kind === 'parallel') {
      return {
        kind: 'parallel',
        key: `s${i}`,
        branches: (step.branches ?? []).map((branch, b) => {
          const lead = branch.agencyId === values.leadAgencyId;
          return {
            key: `s${i}b${b}`,
            lead,
            label: `${agencyNameOf(agencies, branch.agencyId)}${lead ? ` ${t.leadBranch}` : ''}`,
            nodes: (branch.steps ?? []).map((task, j) =>
              node(
                task,
                `s${i}b${b}t${j}`,
                bad.has(`${i}`) &&
                  (badBranchStep.has(`${i}.${b}.${j}`) || !issues.some((x) => x.path[2] === 'branches')),
              ),
            ),
          };
        }),
      };
    }
    return { kind: 'step', node: node(step as Partial<TaskValues>, `s${i}`, bad.has(`${i}`)) };
  });
}

function issuesFromError(error: unknown): ValidationIssue[] {
  if (!isApiRequestError(error)) return [];
  return error.issues.map((i) => ({ ...i, path: i.path[0] === 'definition' ? i.path.slice(1) : i.path }));
}

function WorkflowEditor({
  procedureId,
  workflow,
  agencies,
  canEdit,
}: {
  procedureId: string;
  workflow: Workflow;
  agencies: readonly Agency[];
  canEdit: boolean;
}) {
  const [form] = Form.useForm<DefinitionValues>();
  const values = Form.useWatch([], form) ?? workflow.definition;
  const [issues, setIssues] = useState<WorkflowIssue[]>([]);
  const [outcome, setOutcome] = useState<{ valid: boolean; text: string } | null>(null);
  const [totals, setTotals] = useState(workflow.totals);
  const { message } = App.useApp();
  const refresh = useRefreshCatalog();
  const history = useWorkflowHistory(procedureId, workflow.agencyId);

  const report = (found: WorkflowIssue[] | ValidationIssue[]) => {
    const list = found.map((i) => ({
      code: 'code' in i ? String(i.code) : 'INVALID',
      path: i.path,
      message: i.message,
    }));
    setIssues(list);
    (form as FormInstance).setFields(
      form
        .getFieldsError()
        .filter((f) => f.errors.length > 0)
        .map((f) => ({ name: f.name, errors: [] })),
    );
    showIssuesOnForm(form, list);
    setOutcome(
      list.length === 0 ? { valid: true, text: t.workflowValid } : { valid: false, text: t.workflowInvalid },
    );
  };

  const parse = (): WorkflowDefinition | null => {
    const parsed = workflowDefinitionSchema.safeParse(form.getFieldsValue(true));
    if (parsed.success) return parsed.data;
    report(
      parsed.error.issues.map((i) => ({
        code: i.code,
        path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: i.message,
      })),
    );
    return null;
  };

  const validate = useMutation({
    mutationFn: (definition: WorkflowDefinition) =>
      api.post<{ valid: boolean; issues: WorkflowIssue[]; totals: Workflow['totals'] }>(
        `${catalogApi.workflow(procedureId, workflow.agencyId)}/validate`,
        { definition },
      ),
    onSuccess: (result) => {
      setTotals(result.totals);
      report(result.issues);
    },
    onError: (error) => {
      const found = issuesFromError(error);
      if (found.length > 0) report(found);
      else void message.error(messageOf(error));
    },
  });
  const save = useMutation({
    mutationFn: (definition: WorkflowDefinition) =>
      api.put<Workflow>(catalogApi.workflow(procedureId, workflow.agencyId), { definition }),
    onSuccess: async (saved) => {
      setTotals(saved.totals);
      report([]);
      void message.success(t.workflowSaved);
      await refresh();
    },
    onError: (error) => {
      const found = issuesFromError(error);
      if (found.length > 0) report(found);
      else void message.error(messageOf(error));
    },
  });

  const stages = stagesOf(values, agencies, issues);
  const stepCount = (values.steps ?? []).length;

  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} xl={14}>
        {workflow.generated ? (
          <Alert type="info" showIcon title={t.workflowGenerated} style={{ marginBottom: 16 }} />
        ) : (
          workflow.version !== null && (
            <Typography.Paragraph>
              {t.workflowVersion(workflow.version)} · {formatInstant(workflow.createdAt)}
            </Typography.Paragraph>
          )
        )}
        <Typography.Paragraph strong>
          {t.totals(
            hours.format(totals.allottedHours),
            totals.limitHours === null ? null : hours.format(totals.limitHours),
          )}
          {totals.limitBasis === 'calendar-approximation' && t.approximate}
        </Typography.Paragraph>
        <div aria-live="polite">
          {outcome && (
            <Alert
              type={outcome.valid ? 'success' : 'error'}
              showIcon
              role={outcome.valid ? 'status' : 'alert'}
              style={{ marginBottom: 16 }}
              title={outcome.text}
              description={
                issues.length > 0 && (
                  <ul className="workflow-issues">
                    {issues.map((issue) => (
                      <li key={`${issue.path.join('.')}-${issue.code}`}>{issue.message}</li>
                    ))}
                  </ul>
                )
              }
            />
          )}
        </div>
        <Form<DefinitionValues>
          form={form}
          layout="vertical"
          disabled={!canEdit}
          initialValues={workflow.definition}
          onFinish={() => {
            const definition = parse();
            if (definition) save.mutate(definition);
          }}
        >
          <Form.Item label={t.leadAgency} name="leadAgencyId" style={{ maxWidth: 480 }}>
            <AgencySelect agencies={agencies} />
          </Form.Item>
          <Form.List name="steps">
            {(items, { add, remove, move }) => (
              <>
                {items.map((field, i) => {
                  const kind = form.getFieldValue(['steps', field.name, 'kind']) as 'task' | 'parallel';
                  const label = `${t.stepN(i + 1)} — ${kind === 'parallel' ? t.kindParallel : t.kindTask}`;
                  return (
                    <StepBox
                      key={field.key}
                      label={label}
                      tools={
                        canEdit && (
                          <Space size={0}>
                            <Button
                              type="text"
                              icon={<ArrowUpOutlined aria-hidden />}
                              disabled={i === 0}
                              onClick={() => move(i, i - 1)}
                              aria-label={t.moveUp(t.stepN(i + 1))}
                            />
                            <Button
                              type="text"
                              icon={<ArrowDownOutlined aria-hidden />}
                              disabled={i === items.length - 1}
                              onClick={() => move(i, i + 1)}
                              aria-label={`Chuyển ${t.stepN(i + 1)} xuống dưới`}
                            />
                            <Button
                              type="text"
                              danger
                              icon={<DeleteOutlined aria-hidden />}
                              onClick={() => remove(field.name)}
                              aria-label={t.remove(t.stepN(i + 1))}
                            />
                          </Space>
                        )
                      }
                    >
                      <Form.Item name={[field.name, 'kind']} hidden>
                        <Input />
                      </Form.Item>
                      {kind === 'parallel' ? (
                        <>
                          <Space wrap align="start">
                            <Form.Item label={t.stepKey} name={[field.name, 'key']}>
                              <Input style={{ width: 150 }} autoComplete="off" />
                            </Form.Item>
                            <Form.Item
                              label={t.stepName}
                              name={[field.name, 'name']}
                              style={{ minWidth: 260 }}
                            >
                              <Input autoComplete="off" />
                            </Form.Item>
                          </Space>
                          <Form.List name={[field.name, 'branches']}>
                            {(branches, branchOps) => (
                              <>
                                {branches.map((branch, b) => (
                                  <StepBox
                                    key={branch.key}
                                    label={t.branchN(b + 1)}
                                    tools={
                                      canEdit && (
                                        <Button
                                          type="text"
                                          danger
                                          icon={<DeleteOutlined aria-hidden />}
                                          onClick={() => branchOps.remove(branch.name)}
                                          aria-label={t.remove(`${t.branchN(b + 1)} của ${t.stepN(i + 1)}`)}
                                        />
                                      )
                                    }
                                  >
                                    <Form.Item
                                      label={t.branchAgency}
                                      name={[branch.name, 'agencyId']}
                                      style={{ maxWidth: 480 }}
                                    >
                                      <AgencySelect agencies={agencies} />
                                    </Form.Item>
                                    <Form.List name={[branch.name, 'steps']}>
                                      {(tasks, taskOps) => (
                                        <>
                                          {tasks.map((task, j) => (
                                            <StepBox
                                              key={task.key}
                                              label={`${t.branchN(b + 1)} · ${t.stepN(j + 1)}`}
                                              tools={
                                                canEdit && (
                                                  <Button
                                                    type="text"
                                                    danger
                                                    icon={<DeleteOutlined aria-hidden />}
                                                    onClick={() => taskOps.remove(task.name)}
                                                    aria-label={t.remove(
                                                      `${t.stepN(j + 1)} của ${t.branchN(b + 1)}`,
                                                    )}
                                                  />
                                                )
                                              }
                                            >
                                              <Form.Item name={[task.name, 'kind']} hidden>
                                                <Input />
                                              </Form.Item>
                                              <TaskFields name={[task.name]} agencies={agencies} />
                                            </StepBox>
                                          ))}
                                          {canEdit && (
                                            <Button
                                              type="dashed"
                                              icon={<PlusOutlined aria-hidden />}
                                              onClick={() =>
                                                taskOps.add(
                                                  newTask(
                                                    form.getFieldValue([
                                                      'steps',
                                                      field.name,
                                                      'branches',
                                                      branch.name,
                                                      'agencyId',
                                                    ]),
                                                    tasks.length + 1,
                                                  ),
                                                )
                                              }
                                            >
                                              {t.addBranchStep}
                                            </Button>
                                          )}
                                        </>
                                      )}
                                    </Form.List>
                                  </StepBox>
                                ))}
                                {canEdit && (
                                  <Button
                                    type="dashed"
                                    icon={<PlusOutlined aria-hidden />}
                                    onClick={() => branchOps.add({ steps: [] })}
                                  >
                                    {t.addBranch}
                                  </Button>
                                )}
                              </>
                            )}
                          </Form.List>
                        </>
                      ) : (
                        <TaskFields name={[field.name]} agencies={agencies} />
                      )}
                    </StepBox>
                  );
                })}
                {canEdit && (
                  <Space wrap style={{ marginBottom: 16 }}>
                    <Button
                      type="dashed"
                      icon={<PlusOutlined aria-hidden />}
                      onClick={() =>
                        add(
                          newTask(form.getFieldValue('leadAgencyId'), stepCount + 1),
                          Math.max(stepCount - 1, 0),
                        )
                      }
                    >
                      {t.addTask}
                    </Button>
                    <Button
                      type="dashed"
                      icon={<PlusOutlined aria-hidden />}
                      onClick={() =>
                        add(
                          {
                            kind: 'parallel',
                            key: `lien-thong-${stepCount + 1}`,
                            name: '',
                            branches: [
                              {
                                agencyId: form.getFieldValue('leadAgencyId'),
                                steps: [newTask(form.getFieldValue('leadAgencyId'), 1)],
                              },
                            ],
                          },
                          Math.max(stepCount - 1, 0),
                        )
                      }
                    >
                      {t.addParallel}
                    </Button>
                  </Space>
                )}
              </>
            )}
          </Form.List>
          {canEdit && (
            <Space wrap style={{ marginTop: 8 }}>
              <Button
                loading={validate.isPending}
                onClick={() => {
                  const definition = parse();
                  if (definition) validate.mutate(definition);
                }}
              >
                {t.validate}
              </Button>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t.saveWorkflow}
              </Button>
            </Space>
          )}
        </Form>
        {(history.data?.history.length ?? 0) > 0 && (
          <>
            <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
              {t.workflowHistory}
            </Typography.Title>
            <ul>
              {[...(history.data?.history ?? [])].reverse().map((w) => (
                <li key={w.version ?? 'generated'}>
                  {t.workflowVersion(w.version ?? 0)} · {formatInstant(w.createdAt)} ·{' '}
                  {t.totals(
                    hours.format(w.totals.allottedHours),
                    w.totals.limitHours === null ? null : hours.format(w.totals.limitHours),
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </Col>
      <Col xs={24} xl={10}>
        <Card
          title={
            <h3 style={{ margin: 0, fontSize: 16 }} id="workflow-diagram-title">
              {t.diagramTitle}
            </h3>
          }
          className="workflow-diagram-card"
        >
          <WorkflowDiagram
            stages={stages}
            title={t.diagramTitle}
            description={t.diagramDescription(stepCount)}
            startLabel={t.diagramStart}
            endLabel={t.diagramEnd}
          />
        </Card>
      </Col>
    </Row>
  );
}

/** The internal workflows of the procedure, one per implementing agency, with an editor and a diagram. */
export function WorkflowPanel({ procedureId, canEdit }: { procedureId: string; canEdit: boolean }) {
  const workflows = useWorkflows(procedureId);
  const agencies = useAgencies({});
  const [agencyId, setAgencyId] = useState<string | null>(null);
  if (workflows.isPending) return <Spin />;
  if (workflows.isError)
    return <Alert type="error" showIcon role="alert" title={messageOf(workflows.error)} />;
  if (workflows.data.length === 0) return <Empty description={t.noWorkflows} />;
  const selected = workflows.data.find((w) => w.agencyId === agencyId) ?? workflows.data[0]!;
  const all = agencies.data ?? [];
  return (
    <>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t.workflowFor} htmlFor="workflow-agency">
          <Select
            id="workflow-agency"
            style={{ minWidth: 360 }}
            value={selected.agencyId}
            onChange={setAgencyId}
            options={workflows.data.map((w) => ({ value: w.agencyId, label: agencyNameOf(all, w.agencyId) }))}
          />
        </Form.Item>
      </Form>
      <WorkflowEditor
        key={`${selected.agencyId}-${selected.version ?? 'generated'}`}
        procedureId={procedureId}
        workflow={selected}
        agencies={all}
        canEdit={canEdit}
      />
    </>
  );
}
