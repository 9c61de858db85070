import type { DueDateResult } from '@motcua/contracts/calendar';
import { type ReceiveDossierInput, receiveDossierSchema } from '@motcua/contracts/dossier';
import type { SessionUser } from '@motcua/contracts/session';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, isApiRequestError, messageOf } from '../api/client';
import { formatProcessingTime } from '../catalog/catalog-format';
import { officeText } from '../i18n/vi/office';
import { usePageTitle } from '../page-title';
import { showIssuesOnForm } from '../staff/form-issues';
import { LoadErrorAlert } from '../staff/load-error-alert';
import { PageHeading } from '../staff/staff-layout';
import { ApplicantFields, type ApplicantValues } from './applicant-fields';
import {
  ComponentChecklist,
  type ComponentRow,
  markRequiredReceived,
  receivedComponents,
  rowsOf,
} from './component-checklist';
import { formatMoment, vietnamIso } from './dossier-format';
import { formHref, receiveDossier, useRefreshDossiers } from './dossier-queries';
import type { DossierView } from './dossier-types';
import { ReasonsFields, SupplementItemsFields } from './list-fields';
import { useCurrentDesks } from './office-desk';
import { newIdempotencyKey } from './office-fetch';
import { ProcedurePicker, useProcedure } from './procedure-picker';

interface IntakeValues {
  channel: 'in-person' | 'postal';
  procedure?: string;
  applicant: ApplicantValues;
  components: ComponentRow[];
  sets: number;
  summary?: string;
  decision?: {
    items?: { name: string; reason: string }[];
    guidance?: string;
    reasons?: string[];
  };
}

type Mode = 'check' | 'supplement' | 'refuse';
type Decision = NonNullable<ReceiveDossierInput['decision']>;

const blank = (s: string | undefined | null) => (s && s.trim() !== '' ? s : undefined);

const emptyValues: IntakeValues = {
  channel: 'in-person',
  applicant: { kind: 'citizen', name: '' },
  components: [],
  sets: 1,
};

// Nothing typed is lost: the form is kept on this machine until the dossier is received.
const draftKey = (userId: string) => `motcua.intakeDraft.${userId}`;
interface Draft {
  values: IntakeValues;
  componentsFor: string | null;
}
function readDraft(userId: string): Draft | null {
  try {
    const raw = localStorage.getItem(draftKey(userId));
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}
function writeDraft(userId: string, draft: Draft | null) {
  try {
    if (draft) localStorage.setItem(draftKey(userId), JSON.stringify(draft));
    else localStorage.removeItem(draftKey(userId));
  } catch {
    // storage disabled: the form still works, only without the draft
  }
}

function focusById(id: string) {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}

function toRequest(values: IntakeValues, deskId: string, decision: Decision | undefined) {
  const a = values.applicant;
  return {
    deskId,
    procedure: values.procedure ?? '',
    channel: values.channel,
    applicant: {
      kind: a.kind,
      name: a.name ?? '',
      idNumber: blank(a.idNumber),
      address: blank(a.address),
      phone: blank(a.phone),
      email: blank(a.email),
    },
    components: receivedComponents(values.components ?? []),
    sets: values.sets ?? 1,
    summary: blank(values.summary),
    ...(decision ? { decision } : {}),
  };
}

/** The appointment a dossier received now would get, from the desk's working calendar. */
function useAppointmentPreview(deskId: string | undefined, time: { value: number; unit: string } | null) {
  // Recomputed each minute: the appointment moves with the time of reception.
  const minute = Math.floor(Date.now() / 60_000);
  return useQuery({
    queryKey: ['calendar', 'due', deskId, time?.value, time?.unit, minute],
    queryFn: () =>
      api.post<DueDateResult>('/api/calendar/due', {
        start: vietnamIso(Date.now()),
        limit: time?.value ?? 0,
        unit: time?.unit ?? '',
        ...(deskId ? { deskId } : {}),
      }),
    enabled: time !== null,
    staleTime: 60_000,
  });
}

function PrintLink({ href, label }: { href: string; label: string }) {
  const ref = useRef<HTMLAnchorElement & HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Button ref={ref} type="primary" size="large" href={href} target="_blank" rel="noopener">
      {label}
    </Button>
  );
}

function IntakeDone({
  view,
  decision,
  onNext,
}: {
  view: DossierView;
  decision: Decision['type'];
  onNext: () => void;
}) {
  const { summary } = view;
  const print =
    decision === 'accept'
      ? { form: 'receipt' as const, label: officeText.printReceipt, title: officeText.intakeDone }
      : decision === 'supplement'
        ? {
            form: 'supplement-request' as const,
            label: officeText.printSupplement,
            title: officeText.intakeDoneSupplement,
          }
        : { form: 'refusal' as const, label: officeText.printRefusal, title: officeText.intakeDoneRefused };
  return (
    <Result
      status={decision === 'accept' ? 'success' : 'info'}
      title={<h2 style={{ margin: 0 }}>{print.title}</h2>}
      subTitle={
        <span role="status">
          {officeText.intakeDoneCode(summary.code)}
          {summary.appointmentAt && ` · ${officeText.appointment}: ${formatMoment(summary.appointmentAt)}`}
        </span>
      }
      extra={
        <Space wrap>
          <PrintLink href={formHref(summary.id, print.form)} label={print.label} />
          <Link to={`/office/dossiers/${summary.id}`}>{officeText.openDossier}</Link>
          <Button onClick={onNext}>{officeText.nextIntake}</Button>
        </Space>
      }
    />
  );
}

/**
 * `/office/intake`: a walk-in or postal dossier at the desk, keyboard first — procedure, applicant
 * (returning ones found by ID number or phone), components ticked with quantities and scans, the
 * appointment computed, then Form 01, 02 or 03 in one action.
 */
export function DeskIntakePage({ user }: { user: SessionUser }) {
  usePageTitle(officeText.intakeTitle);
  const desks = useCurrentDesks();
  const [deskId, setDeskId] = useState<string | undefined>(undefined);
  const desk = desks.data?.find((d) => d.id === deskId) ?? desks.data?.[0];
  const [form] = Form.useForm<IntakeValues>();
  const draft = useRef(readDraft(user.id));
  const componentsFor = useRef<string | null>(draft.current?.componentsFor ?? null);
  const procedureId: string | undefined = Form.useWatch('procedure', form);
  const channel: IntakeValues['channel'] = Form.useWatch('channel', form) ?? 'in-person';
  const procedure = useProcedure(procedureId);
  const [mode, setMode] = useState<Mode>('check');
  const [formError, setFormError] = useState<string | null>(null);
  // One key per form: the route remounts the page for each new intake, so a retry reuses it.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [done, setDone] = useState<{ view: DossierView; decision: Decision['type'] } | null>(null);
  const refresh = useRefreshDossiers();
  const navigate = useNavigate();

  const content = procedure.data?.content;
  const channelSpec = content?.channels.find((c) => c.channel === channel) ?? content?.channels[0];
  const processingTime = channelSpec?.processingTime ?? null;
  const appointment = useAppointmentPreview(desk?.id, content?.resultImmediately ? null : processingTime);

  // A new procedure brings its own component list (a restored draft keeps the rows it had).
  useEffect(() => {
    if (!procedure.data || componentsFor.current === procedure.data.procedureId) return;
    componentsFor.current = procedure.data.procedureId;
    form.setFieldValue('components', rowsOf(procedure.data.content.components));
  }, [procedure.data, form]);

  const reception = useMutation({
    mutationFn: (body: ReceiveDossierInput) => receiveDossier(body, idempotencyKey),
  });

  const submit = async (decisionType: Decision['type']) => {
    setFormError(null);
    if (!desk) return;
    let values: IntakeValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd shows the messages next to the fields
    }
    values = { ...form.getFieldsValue(true), ...values };
    let decision: Decision;
    if (decisionType === 'accept') decision = { type: 'accept' };
    else if (decisionType === 'supplement')
      decision = {
        type: 'supplement',
        items: values.decision?.items ?? [],
        guidance: values.decision?.guidance ?? '',
      };
    else decision = { type: 'refuse', reasons: values.decision?.reasons ?? [] };
    const parsed = receiveDossierSchema.safeParse(toRequest(values, desk.id, decision));
    if (!parsed.success) {
      const unplaced = showIssuesOnForm(
        form,
        parsed.error.issues.map((i) => ({
          path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
          message: i.message,
        })),
      );
      if (unplaced.length > 0) setFormError(unplaced.map((i) => i.message).join(' '));
      return;
    }
    reception.mutate(parsed.data, {
      onSuccess: (view) => {
        writeDraft(user.id, null);
        setDone({ view, decision: decision.type });
        void refresh();
      },
      onError: (error) => {
        const unplaced = isApiRequestError(error) ? showIssuesOnForm(form, error.issues) : [];
        const placed = isApiRequestError(error) && error.issues.length > unplaced.length;
        if (!placed || unplaced.length > 0)
          setFormError(unplaced.map((i) => i.message).join(' ') || messageOf(error));
      },
    });
  };

  const startSupplement = () => {
    const rows: ComponentRow[] = form.getFieldValue('components') ?? [];
    const missing = rows.filter((r) => r.required && !r.received);
    form.setFieldValue(
      ['decision', 'items'],
      (missing.length > 0 ? missing : [{ name: '' }]).map((r) => ({
        name: r.name,
        reason: r.name ? officeText.missingReason : '',
      })),
    );
    if (!form.getFieldValue(['decision', 'guidance']))
      form.setFieldValue(['decision', 'guidance'], officeText.supplementGuidanceDefault);
    setMode('supplement');
    focusById('intake_decision_items_0_name');
  };
  const startRefusal = () => {
    if (!(form.getFieldValue(['decision', 'reasons']) ?? []).length)
      form.setFieldValue(['decision', 'reasons'], ['']);
    setMode('refuse');
    focusById('intake_decision_reasons_0');
  };

  /** A fresh form: the route remounts the page for every navigation. */
  const restart = () => {
    writeDraft(user.id, null);
    navigate('/office/intake', { replace: true });
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      void submit(mode === 'check' ? 'accept' : mode === 'supplement' ? 'supplement' : 'refuse');
    } else if (event.altKey && (event.key === 'a' || event.key === 'A' || event.code === 'KeyA')) {
      event.preventDefault();
      form.setFieldValue('components', markRequiredReceived(form.getFieldValue('components') ?? []));
    }
  };

  if (done) {
    return (
      <>
        <PageHeading title={officeText.intakeTitle} />
        <Card>
          <IntakeDone view={done.view} decision={done.decision} onNext={restart} />
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeading
        title={officeText.intakeTitle}
        actions={<Button onClick={restart}>{officeText.newIntake}</Button>}
      />
      <Typography.Paragraph>{officeText.intakeLead}</Typography.Paragraph>
      <LoadErrorAlert query={desks} />
      {desks.isSuccess && !desk && <Alert type="warning" showIcon role="alert" title={officeText.noDesk} />}
      <Row gutter={16}>
        <Col xs={24} xl={18}>
          <Form<IntakeValues>
            form={form}
            name="intake"
            layout="vertical"
            initialValues={draft.current?.values ?? emptyValues}
            onValuesChange={(_, all) =>
              writeDraft(user.id, { values: all, componentsFor: componentsFor.current })
            }
            onKeyDown={onKeyDown}
            aria-label={officeText.intakeTitle}
          >
            <Card size="small" style={{ marginBottom: 16 }}>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item label={officeText.desk} htmlFor="intake-desk">
                    {desks.data && desks.data.length > 1 ? (
                      <Select
                        id="intake-desk"
                        value={desk?.id}
                        onChange={setDeskId}
                        options={desks.data.map((d) => ({ value: d.id, label: d.name }))}
                      />
                    ) : (
                      <span id="intake-desk">{desk?.name ?? officeText.none}</span>
                    )}
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label={officeText.channel} name="channel">
                    <Radio.Group
                      options={[
                        { value: 'in-person', label: officeText.channelInPerson },
                        { value: 'postal', label: officeText.channelPostal },
                      ]}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                label={officeText.procedure}
                name="procedure"
                rules={[{ required: true, message: officeText.procedureRequired }]}
              >
                <ProcedurePicker
                  agencyId={desk && desk.servesAgencyIds.length === 0 ? desk.agencyId : undefined}
                  autoFocus
                  onChange={() => focusById('intake_applicant_idNumber')}
                />
              </Form.Item>
              {procedure.isError && <LoadErrorAlert query={procedure} />}
              {content && (
                <Descriptions size="small" column={{ xs: 1, md: 3 }}>
                  <Descriptions.Item label={officeText.procedureCode}>
                    {content.nationalCode}
                  </Descriptions.Item>
                  <Descriptions.Item label={officeText.procedureTime}>
                    {content.resultImmediately
                      ? officeText.appointmentImmediate
                      : formatProcessingTime(processingTime)}
                  </Descriptions.Item>
                  <Descriptions.Item label={officeText.field}>{procedure.data?.field.name}</Descriptions.Item>
                </Descriptions>
              )}
            </Card>

            <Card
              size="small"
              title={<h2 className="office-card-title">{officeText.applicantSection}</h2>}
              style={{ marginBottom: 16 }}
            >
              <ApplicantFields
                form={form}
                onFilled={() => {
                  setTimeout(() => {
                    document
                      .querySelector<HTMLInputElement>('.office-components input[type="checkbox"]')
                      ?.focus();
                  }, 0);
                }}
              />
            </Card>

            <Card
              size="small"
              title={<h2 className="office-card-title">{officeText.componentsSection}</h2>}
              style={{ marginBottom: 16 }}
            >
              <Typography.Paragraph type="secondary">{officeText.componentsLead}</Typography.Paragraph>
              <Form.Item name="components" noStyle>
                <ComponentChecklist />
              </Form.Item>
              {/* After the rows, so Tab goes from the applicant straight to the first component. */}
              <Button
                size="small"
                style={{ marginTop: 8 }}
                onClick={() =>
                  form.setFieldValue(
                    'components',
                    markRequiredReceived(form.getFieldValue('components') ?? []),
                  )
                }
              >
                {officeText.markAllRequired}
              </Button>
              <Row gutter={16} style={{ marginTop: 16 }}>
                <Col xs={24} md={6}>
                  <Form.Item label={officeText.sets} name="sets">
                    <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={18}>
                  <Form.Item label={officeText.summary} name="summary">
                    <Input autoComplete="off" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>

            <Card size="small" title={<h2 className="office-card-title">{officeText.decisionSection}</h2>}>
              <p aria-live="polite" className="office-appointment">
                <strong>{officeText.appointment}: </strong>
                {!content
                  ? officeText.none
                  : content.resultImmediately
                    ? officeText.appointmentImmediate
                    : processingTime === null
                      ? officeText.appointmentNone
                      : appointment.isFetching && !appointment.data
                        ? officeText.appointmentLoading
                        : appointment.data
                          ? formatMoment(appointment.data.dueEpochMs)
                          : appointment.isError
                            ? messageOf(appointment.error)
                            : officeText.none}
                <br />
                <Typography.Text type="secondary">{officeText.appointmentHint}</Typography.Text>
              </p>
              {mode === 'supplement' && (
                <>
                  <SupplementItemsFields name={['decision', 'items']} />
                  <Form.Item label={officeText.supplementGuidance} name={['decision', 'guidance']}>
                    <Input.TextArea rows={2} />
                  </Form.Item>
                </>
              )}
              {mode === 'refuse' && <ReasonsFields name={['decision', 'reasons']} />}
              {formError && (
                <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 16 }} />
              )}
              <Space wrap>
                {mode === 'check' ? (
                  <>
                    <Button
                      type="primary"
                      size="large"
                      loading={reception.isPending}
                      disabled={!desk}
                      onClick={() => void submit('accept')}
                    >
                      {officeText.accept}
                    </Button>
                    <Button size="large" disabled={!desk} onClick={startSupplement}>
                      {officeText.requestSupplement}
                    </Button>
                    <Button size="large" danger disabled={!desk} onClick={startRefusal}>
                      {officeText.refuse}
                    </Button>
                  </>
                ) : (
                  <>
                    <Button
                      type="primary"
                      size="large"
                      danger={mode === 'refuse'}
                      loading={reception.isPending}
                      onClick={() => void submit(mode === 'supplement' ? 'supplement' : 'refuse')}
                    >
                      {mode === 'supplement' ? officeText.sendSupplement : officeText.sendRefusal}{' '}
                      (Ctrl+Enter)
                    </Button>
                    <Button size="large" onClick={() => setMode('check')}>
                      {officeText.back}
                    </Button>
                  </>
                )}
              </Space>
            </Card>
          </Form>
        </Col>
        <Col xs={24} xl={6}>
          <Card size="small" title={<h2 className="office-card-title">{officeText.keyboardHelpTitle}</h2>}>
            <dl className="office-shortcuts">
              {officeText.keyboardHelp.map(([keys, what]) => (
                <div key={keys}>
                  <dt>
                    <kbd>{keys}</kbd>
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {officeText.unsavedDraft}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </>
  );
}
