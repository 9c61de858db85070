import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Checkbox,
  Col,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { officeText } from '../i18n/vi/office';
import { useCurrentAgency } from '../staff/current-agency';
import { FormDialog } from '../staff/form-dialog';
import { useCommandSubmission } from './command-submission';
import { ComponentChecklist, type ComponentRow, receivedComponents, rowsOf } from './component-checklist';
import { formatVnd } from './dossier-format';
import { useAssignees } from './dossier-queries';
import type { CommandInput, CommandType, DossierState, DossierView, UploadedFile } from './dossier-types';
import { FileScanButton } from './file-scan-button';
import { ReasonsFields, SupplementItemsFields } from './list-fields';
import { useAgencies } from './office-agencies';
import { VietnamDateTimePicker, vietnamDateTimeIn } from './vietnam-date-time-picker';

// Each command's form has its own fields; what `toCommand` builds is checked against the contract's
// schema before it is sent, so these values need no static shape of their own.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Values = Record<string, any>;

interface Spec {
  /** Initial values of the form, from the dossier. */
  initial?: (view: DossierView, ctx: { currentAgencyId: string | null }) => Values;
  fields: (props: { view: DossierView; form: FormInstance }) => ReactNode;
  toCommand: (values: Values, view: DossierView) => unknown;
  danger?: boolean;
  width?: number;
}

const blank = (s: unknown) => (typeof s === 'string' && s.trim() !== '' ? s : null);

function ReasonField({ label = officeText.reason }: { label?: string }) {
  return (
    <Form.Item
      label={label}
      name="reason"
      rules={[{ required: true, whitespace: true, message: officeText.reasonRequired }]}
    >
      <Input.TextArea rows={3} autoFocus />
    </Form.Item>
  );
}

/** The step after the current one, by name, so "forward" says where the dossier goes. */
function nextStepName(state: DossierState): string | null {
  const steps = state.workflow?.steps ?? [];
  const index = state.step?.index ?? -1;
  return steps[index + 1]?.name ?? null;
}

/** Components to receive: the items the last supplement request asked for, ticked. */
function supplementRows(state: DossierState): ComponentRow[] {
  const last = state.supplements[state.supplements.length - 1];
  const items = last?.items ?? [];
  return rowsOf(
    items.map((i) => ({ name: i.name, originals: 1, copies: 0, required: true, mustDigitise: false })),
  ).map((r) => ({ ...r, received: true }));
}

/** Required components of the procedure the applicant did not submit: the usual supplement items. */
function missingItems(state: DossierState) {
  const submitted = new Set(state.components.map((c) => c.name));
  const missing = (state.procedure?.components ?? []).filter((c) => c.required && !submitted.has(c.name));
  return missing.length > 0
    ? missing.map((c) => ({ name: c.name, reason: officeText.missingReason }))
    : [{ name: '', reason: '' }];
}

function AssigneeSelect({ view, name, required }: { view: DossierView; name: string; required: boolean }) {
  const staff = useAssignees(view.summary.id, true);
  return (
    <Form.Item
      label={required ? officeText.handler : officeText.forwardTo}
      name={name}
      rules={required ? [{ required: true, message: officeText.handlerRequired }] : []}
      extra={required ? undefined : officeText.forwardToHint}
    >
      <Select
        autoFocus
        allowClear={!required}
        loading={staff.isPending}
        options={(staff.data ?? []).map((s) => ({ value: s.id, label: s.fullName }))}
        notFoundContent={staff.isError ? officeText.loadFailed : officeText.handlerNone}
      />
    </Form.Item>
  );
}

function AgencySelectField({
  name,
  label = officeText.agency,
  only,
  autoFocus,
}: {
  name: string | (string | number)[];
  label?: string;
  only?: string[];
  autoFocus?: boolean;
}) {
  const agencies = useAgencies();
  const options = (agencies.data ?? [])
    .filter((a) => !only || only.includes(a.id))
    .map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }));
  return (
    <Form.Item label={label} name={name} rules={[{ required: true, message: officeText.agencyRequired }]}>
      <Select
        autoFocus={autoFocus}
        showSearch={{ optionFilterProp: 'label' }}
        loading={agencies.isPending}
        options={options}
      />
    </Form.Item>
  );
}

function DocumentsFields() {
  return (
    <Form.Item label={officeText.documents} required>
      <Form.List name="documents">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Row key={field.key} gutter={8} align="top">
                <Col flex="1 1 40%">
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, whitespace: true, message: officeText.required }]}
                  >
                    <Input
                      placeholder={officeText.documentName}
                      aria-label={`${officeText.documentName} ${index + 1}`}
                    />
                  </Form.Item>
                </Col>
                <Col flex="0 0 140px">
                  <Form.Item name={[field.name, 'number']}>
                    <Input
                      placeholder={officeText.documentNumber}
                      aria-label={`${officeText.documentNumber} ${index + 1}`}
                    />
                  </Form.Item>
                </Col>
                <Col flex="0 0 120px">
                  <Form.Item name={[field.name, 'electronic']} valuePropName="checked">
                    <Checkbox>{officeText.documentElectronic}</Checkbox>
                  </Form.Item>
                </Col>
                <Col flex="0 0 auto">
                  <Form.Item name={[field.name, 'files']} noStyle>
                    <DocumentFile label={`${officeText.documentName} ${index + 1}`} />
                  </Form.Item>
                </Col>
                <Col flex="none">
                  <Button
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={`${officeText.removeItem} ${index + 1}`}
                    onClick={() => remove(field.name)}
                    disabled={fields.length <= 1}
                  />
                </Col>
              </Row>
            ))}
            <Button
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ name: '', electronic: false, files: [] })}
            >
              {officeText.addDocument}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

function DocumentFile({
  value = [],
  onChange,
  label,
}: {
  value?: UploadedFile[];
  onChange?: (f: UploadedFile[]) => void;
  label: string;
}) {
  return <FileScanButton label={label} files={value} onChange={(files) => onChange?.(files.slice(-1))} />;
}

const documentsOf = (values: Values) =>
  (
    (values.documents ?? []) as {
      name: string;
      number?: string;
      electronic?: boolean;
      files?: UploadedFile[];
    }[]
  ).map((d) => ({
    name: d.name ?? '',
    number: blank(d.number),
    electronic: d.electronic ?? false,
    fileId: d.files?.[0]?.id ?? null,
  }));

const newDocument = { name: '', electronic: true, files: [] };

export const commandSpecs: Partial<Record<CommandType, Spec>> = {
  accept: {
    fields: () => <Typography.Paragraph>{officeText.acceptConfirm}</Typography.Paragraph>,
    toCommand: () => ({ type: 'accept' }),
  },
  requestIntakeSupplement: {
    initial: (v) => ({ items: missingItems(v.state), guidance: officeText.supplementGuidanceDefault }),
    fields: () => (
      <>
        <SupplementItemsFields />
        <Form.Item label={officeText.supplementGuidance} name="guidance">
          <Input.TextArea rows={2} />
        </Form.Item>
      </>
    ),
    toCommand: (v) => ({ type: 'requestIntakeSupplement', items: v.items ?? [], guidance: v.guidance ?? '' }),
    width: 760,
  },
  requestSupplement: {
    initial: (v) => ({ items: missingItems(v.state), guidance: officeText.supplementGuidanceDefault }),
    fields: () => (
      <>
        <SupplementItemsFields />
        <Form.Item label={officeText.supplementGuidance} name="guidance">
          <Input.TextArea rows={2} />
        </Form.Item>
      </>
    ),
    toCommand: (v) => ({ type: 'requestSupplement', items: v.items ?? [], guidance: v.guidance ?? '' }),
    width: 760,
  },
  receiveIntakeSupplement: {
    initial: (v) => ({ components: supplementRows(v.state) }),
    fields: () => (
      <Form.Item label={officeText.components} name="components">
        <ComponentChecklist />
      </Form.Item>
    ),
    toCommand: (v) => ({
      type: 'receiveIntakeSupplement',
      components: receivedComponents(v.components ?? []),
    }),
    width: 900,
  },
  receiveSupplement: {
    initial: (v) => ({ components: supplementRows(v.state) }),
    fields: () => (
      <Form.Item label={officeText.components} name="components">
        <ComponentChecklist />
      </Form.Item>
    ),
    toCommand: (v) => ({ type: 'receiveSupplement', components: receivedComponents(v.components ?? []) }),
    width: 900,
  },
  refuseAtIntake: {
    initial: () => ({ reasons: [''] }),
    fields: () => <ReasonsFields />,
    toCommand: (v) => ({ type: 'refuseAtIntake', reasons: v.reasons ?? [] }),
    danger: true,
  },
  refuseAfterAppraisal: {
    initial: () => ({ reasons: [''] }),
    fields: () => <ReasonsFields />,
    toCommand: (v) => ({ type: 'refuseAfterAppraisal', reasons: v.reasons ?? [] }),
    danger: true,
  },
  assignHandler: {
    fields: ({ view }) => <AssigneeSelect view={view} name="userId" required />,
    toCommand: (v) => ({ type: 'assignHandler', userId: v.userId }),
  },
  forward: {
    fields: ({ view }) => (
      <>
        {nextStepName(view.state) && (
          <Typography.Paragraph strong>
            {officeText.nextStep(nextStepName(view.state) ?? '')}
          </Typography.Paragraph>
        )}
        <Form.Item label={officeText.forwardNote} name="note">
          <Input.TextArea rows={2} autoFocus />
        </Form.Item>
      </>
    ),
    toCommand: (v) => ({ type: 'forward', toUserId: null, note: blank(v.note) }),
  },
  sendBack: {
    fields: () => <ReasonField />,
    toCommand: (v) => ({ type: 'sendBack', reason: v.reason ?? '' }),
  },
  startConsultation: {
    initial: () => ({ dueAt: vietnamDateTimeIn(3) }),
    fields: () => (
      <>
        <AgencySelectField name="agencyId" autoFocus />
        <Form.Item
          label={officeText.question}
          name="question"
          rules={[{ required: true, whitespace: true, message: officeText.required }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          label={officeText.dueAt}
          name="dueAt"
          rules={[{ required: true, message: officeText.dueAtRequired }]}
        >
          <VietnamDateTimePicker />
        </Form.Item>
      </>
    ),
    toCommand: (v) => ({
      type: 'startConsultation',
      agencyId: v.agencyId,
      question: v.question ?? '',
      dueAt: v.dueAt,
    }),
  },
  answerConsultation: {
    initial: (v) => ({
      consultationId: v.state.consultations.find((c) => c.answeredAt === null)?.consultationId,
    }),
    fields: ({ view }) => (
      <>
        <Form.Item
          label={officeText.consultation}
          name="consultationId"
          rules={[{ required: true, message: officeText.required }]}
        >
          <Select
            options={view.state.consultations
              .filter((c) => c.answeredAt === null)
              .map((c) => ({ value: c.consultationId, label: `${c.agencyName}: ${c.question}` }))}
          />
        </Form.Item>
        <Form.Item
          label={officeText.answer}
          name="answer"
          rules={[{ required: true, whitespace: true, message: officeText.required }]}
        >
          <Input.TextArea rows={4} autoFocus />
        </Form.Item>
      </>
    ),
    toCommand: (v) => ({
      type: 'answerConsultation',
      consultationId: v.consultationId,
      answer: v.answer ?? '',
    }),
  },
  sendToAgencies: {
    initial: () => ({ mode: 'parallel', participants: [{ duty: '', dueAt: vietnamDateTimeIn(3) }] }),
    fields: () => (
      <>
        <Form.Item label={officeText.mode} name="mode">
          <Radio.Group
            options={[
              { value: 'parallel', label: officeText.interAgencyMode.parallel },
              { value: 'sequential', label: officeText.interAgencyMode.sequential },
            ]}
          />
        </Form.Item>
        <Form.Item label={officeText.participants} required>
          <Form.List name="participants">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <div key={field.key} className="office-participant">
                    <AgencySelectField
                      name={[field.name, 'agencyId']}
                      label={`${officeText.agency} ${index + 1}`}
                    />
                    <Row gutter={8}>
                      <Col flex="1 1 60%">
                        <Form.Item
                          label={officeText.duty}
                          name={[field.name, 'duty']}
                          rules={[{ required: true, whitespace: true, message: officeText.required }]}
                        >
                          <Input />
                        </Form.Item>
                      </Col>
                      <Col flex="1 1 30%">
                        <Form.Item
                          label={officeText.dueAt}
                          name={[field.name, 'dueAt']}
                          rules={[{ required: true, message: officeText.dueAtRequired }]}
                        >
                          <VietnamDateTimePicker />
                        </Form.Item>
                      </Col>
                      <Col flex="none" style={{ paddingTop: 30 }}>
                        <Button
                          icon={<DeleteOutlined aria-hidden />}
                          aria-label={`${officeText.removeItem} ${index + 1}`}
                          onClick={() => remove(field.name)}
                          disabled={fields.length <= 1}
                        />
                      </Col>
                    </Row>
                  </div>
                ))}
                <Button
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => add({ duty: '', dueAt: vietnamDateTimeIn(3) })}
                >
                  {officeText.addParticipant}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </>
    ),
    toCommand: (v) => ({ type: 'sendToAgencies', mode: v.mode, participants: v.participants ?? [] }),
    width: 760,
  },
  recordAgencyResult: {
    initial: (v) => ({
      agencyId: v.state.interAgency?.participants.find((p) => p.receivedAt === null)?.agencyId,
      outcome: 'done',
      documents: [],
    }),
    fields: ({ view }) => (
      <>
        <AgencySelectField
          name="agencyId"
          label={officeText.interAgencyAgency}
          only={
            view.state.interAgency?.participants
              .filter((p) => p.receivedAt === null)
              .map((p) => p.agencyId) ?? []
          }
        />
        <Form.Item label={officeText.outcome} name="outcome">
          <Radio.Group
            options={[
              { value: 'done', label: officeText.outcomeDone },
              { value: 'refused', label: officeText.outcomeRefused },
            ]}
          />
        </Form.Item>
        <Form.Item label={officeText.note} name="note">
          <Input.TextArea rows={3} />
        </Form.Item>
      </>
    ),
    toCommand: (v) => ({
      type: 'recordAgencyResult',
      agencyId: v.agencyId,
      outcome: v.outcome,
      note: v.note ?? '',
      documents: [],
    }),
  },
  propose: {
    initial: () => ({ outcome: 'grant' }),
    fields: () => (
      <>
        <Form.Item label={officeText.proposeOutcome} name="outcome">
          <Radio.Group
            options={[
              { value: 'grant', label: officeText.proposeGrant },
              { value: 'refuse', label: officeText.proposeRefuse },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={officeText.proposeSummary}
          name="summary"
          rules={[{ required: true, whitespace: true, message: officeText.required }]}
        >
          <Input.TextArea rows={3} autoFocus />
        </Form.Item>
      </>
    ),
    toCommand: (v) => ({ type: 'propose', outcome: v.outcome, summary: v.summary ?? '' }),
  },
  approve: {
    fields: ({ view }) => (
      <>
        {view.state.proposal && (
          <Typography.Paragraph>
            <strong>{officeText.proposeOutcome}: </strong>
            {view.state.proposal.outcome === 'grant' ? officeText.proposeGrant : officeText.proposeRefuse} —{' '}
            {view.state.proposal.summary}
          </Typography.Paragraph>
        )}
        <Form.Item label={officeText.note} name="note">
          <Input.TextArea rows={2} autoFocus />
        </Form.Item>
      </>
    ),
    toCommand: (v) => ({ type: 'approve', note: blank(v.note) }),
  },
  issueResult: {
    initial: (v) => ({
      documents: [{ ...newDocument, name: v.state.procedure?.name.replace(/^Thủ tục\s+/i, '') ?? '' }],
    }),
    fields: () => <DocumentsFields />,
    toCommand: (v) => ({ type: 'issueResult', documents: documentsOf(v) }),
    width: 900,
  },
  notifyEarlyReturn: {
    initial: () => ({ message: officeText.earlyMessageDefault }),
    fields: () => (
      <Form.Item
        label={officeText.earlyMessage}
        name="message"
        rules={[{ required: true, whitespace: true, message: officeText.required }]}
      >
        <Input.TextArea rows={3} autoFocus />
      </Form.Item>
    ),
    toCommand: (v) => ({ type: 'notifyEarlyReturn', message: v.message ?? '' }),
  },
  requestPayment: {
    initial: (v) => ({
      items: (v.state.procedure?.fees ?? [])
        .filter((f) => f.amountVnd !== null && f.amountVnd > 0)
        .map((f) => ({ name: f.name, amountVnd: f.amountVnd })),
    }),
    fields: () => (
      <Form.Item label={officeText.paymentItems} required>
        <Form.List name="items" initialValue={[{ name: '', amountVnd: null }]}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Row key={field.key} gutter={8}>
                  <Col flex="1 1 60%">
                    <Form.Item
                      name={[field.name, 'name']}
                      rules={[{ required: true, whitespace: true, message: officeText.required }]}
                    >
                      <Input
                        placeholder={officeText.paymentItemName}
                        aria-label={`${officeText.paymentItemName} ${index + 1}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="1 1 30%">
                    <Form.Item
                      name={[field.name, 'amountVnd']}
                      rules={[{ required: true, message: officeText.required }]}
                    >
                      <InputNumber
                        min={1}
                        precision={0}
                        style={{ width: '100%' }}
                        placeholder={officeText.paymentAmount}
                        aria-label={`${officeText.paymentAmount} ${index + 1}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="none">
                    <Button
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={`${officeText.removeItem} ${index + 1}`}
                      onClick={() => remove(field.name)}
                      disabled={fields.length <= 1}
                    />
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '', amountVnd: null })}>
                {officeText.addItem}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
    ),
    toCommand: (v) => ({ type: 'requestPayment', items: v.items ?? [] }),
  },
  recordPayment: {
    initial: (v) => ({
      amountVnd: Math.max(0, v.state.payment.requestedVnd - v.state.payment.paidVnd) || null,
      method: 'desk',
    }),
    fields: ({ view }) => (
      <>
        <Typography.Paragraph>
          {officeText.paymentRequested}: {formatVnd(view.state.payment.requestedVnd)} ·{' '}
          {officeText.paymentPaid}: {formatVnd(view.state.payment.paidVnd)}
        </Typography.Paragraph>
        <Form.Item
          label={officeText.paymentAmount}
          name="amountVnd"
          rules={[{ required: true, message: officeText.required }]}
        >
          <InputNumber min={1} precision={0} style={{ width: '100%' }} autoFocus />
        </Form.Item>
        <Form.Item label={officeText.paymentMethod} name="method">
          <Radio.Group
            options={Object.entries(officeText.paymentMethods).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label={officeText.paymentReference} name="reference">
          <Input />
        </Form.Item>
      </>
    ),
    toCommand: (v) => ({
      type: 'recordPayment',
      amountVnd: v.amountVnd,
      method: v.method,
      reference: blank(v.reference),
    }),
  },
  returnResult: {
    initial: (v) => ({
      method: v.state.channel === 'postal' ? 'postal' : v.state.channel === 'online' ? 'online' : 'desk',
      collectedBy: v.state.applicant?.name ?? '',
    }),
    fields: ({ form }) => <ReturnFields form={form} />,
    toCommand: (v) => ({
      type: 'returnResult',
      method: v.method,
      trackingNumber: v.method === 'postal' ? blank(v.trackingNumber) : null,
      collectedBy: v.method === 'desk' ? blank(v.collectedBy) : null,
    }),
  },
  withdraw: {
    fields: () => <ReasonField />,
    toCommand: (v) => ({ type: 'withdraw', reason: v.reason ?? '' }),
    danger: true,
  },
  stop: {
    fields: () => <ReasonField />,
    toCommand: (v) => ({ type: 'stop', reason: v.reason ?? '' }),
    danger: true,
  },
};

function ReturnFields({ form }: { form: FormInstance }) {
  const method = Form.useWatch('method', form);
  return (
    <>
      <Form.Item label={officeText.returnHow} name="method">
        <Radio.Group
          options={Object.entries(officeText.returnMethod).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      {method === 'postal' && (
        <Form.Item
          label={officeText.trackingNumber}
          name="trackingNumber"
          rules={[{ required: true, whitespace: true, message: officeText.returnTrackingRequired }]}
        >
          <Input autoComplete="off" autoFocus />
        </Form.Item>
      )}
      {method === 'desk' && (
        <Form.Item label={officeText.collectedBy} name="collectedBy">
          <Input autoComplete="off" />
        </Form.Item>
      )}
    </>
  );
}

/** One command in a dialog: its fields, checked like the server checks them, then run on this version. */
export function CommandDialog({
  type,
  view,
  onClose,
  onDone,
}: {
  type: CommandType;
  view: DossierView;
  onClose: () => void;
  onDone?: (command: CommandInput) => void;
}) {
  const spec = commandSpecs[type];
  const [form] = Form.useForm<Values>();
  const { current } = useCurrentAgency();
  const { message } = App.useApp();
  const submission = useCommandSubmission<Values>({
    form,
    view,
    toCommand: (values) => spec?.toCommand({ ...form.getFieldsValue(true), ...values }, view),
    onSuccess: (command) => {
      void message.success(officeText.commandDone);
      onDone?.(command);
      onClose();
    },
  });
  if (!spec) return null;
  return (
    <FormDialog<Values>
      title={officeText.commands[type] ?? type}
      form={form}
      submission={submission}
      onClose={onClose}
      okText={officeText.commands[type] ?? officeText.confirm}
      cancelText={officeText.cancel}
      width={spec.width ?? 560}
      initialValues={spec.initial?.(view, { currentAgencyId: current?.id ?? null }) ?? {}}
    >
      {spec.fields({ view, form })}
    </FormDialog>
  );
}
