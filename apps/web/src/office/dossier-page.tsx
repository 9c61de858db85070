import type { SessionUser } from '@motcua/contracts/session';
import { Button, Card, Col, Descriptions, Result, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiRequestError } from '../api/client';
import { formatProcessingTime } from '../catalog/catalog-format';
import { officeText } from '../i18n/vi/office';
import { commonText } from '../i18n/vi/shared-strings';
import { usePageTitle } from '../page-title';
import { LoadErrorAlert } from '../staff/load-error-alert';
import { PageHeading } from '../staff/staff-layout';
import { ApologyDialog } from './apology-dialog';
import { CommandDialog, commandSpecs } from './command-dialog';
import { formatMoment, formatVnd, StatusTag, TimeLeftTag } from './dossier-format';
import { ConsultationPanel, InterAgencyPanel, PrintPanel, WorkflowPanel } from './dossier-panels';
import { useDossier } from './dossier-queries';
import { DossierTimeline } from './dossier-timeline';
import type { CommandType, DossierState, DossierView } from './dossier-types';
import { FilePreviewLink } from './file-preview';
import { useAgencyName } from './office-agencies';
import { useNow } from './use-now';

const cardTitle = (text: string) => <h2 className="office-card-title">{text}</h2>;

/** The order actions are offered in: the usual next step first, the exceptional ones last. */
const commandOrder: CommandType[] = [
  'accept',
  'receiveIntakeSupplement',
  'requestIntakeSupplement',
  'refuseAtIntake',
  'assignHandler',
  'forward',
  'propose',
  'approve',
  'issueResult',
  'recordAgencyResult',
  'answerConsultation',
  'sendToAgencies',
  'startConsultation',
  'requestSupplement',
  'receiveSupplement',
  'sendBack',
  'refuseAfterAppraisal',
  'requestPayment',
  'recordPayment',
  'notifyEarlyReturn',
  'returnResult',
  'apologise',
  'withdraw',
  'stop',
];
const dangerous = new Set<CommandType>(['refuseAtIntake', 'refuseAfterAppraisal', 'withdraw', 'stop']);

/** Only what the server says this user may do now; the server checks every command again anyway. */
export function DossierActions({ view }: { view: DossierView }) {
  const [open, setOpen] = useState<CommandType | null>(null);
  const allowed = view.allowedCommands ?? [];
  const offered = commandOrder.filter(
    (type) => allowed.includes(type) && (type === 'apologise' || commandSpecs[type] !== undefined),
  );
  return (
    <Card size="small" title={cardTitle(officeText.sectionActions)} style={{ marginBottom: 16 }}>
      {offered.length === 0 ? (
        <Typography.Text type="secondary">{officeText.noActions}</Typography.Text>
      ) : (
        <Space wrap>
          {offered.map((type, i) => (
            <Button
              key={type}
              type={i === 0 ? 'primary' : 'default'}
              danger={dangerous.has(type)}
              onClick={() => setOpen(type)}
            >
              {officeText.commands[type] ?? type}
            </Button>
          ))}
        </Space>
      )}
      {open === 'apologise' && <ApologyDialog view={view} onClose={() => setOpen(null)} />}
      {open && open !== 'apologise' && (
        <CommandDialog type={open} view={view} onClose={() => setOpen(null)} />
      )}
    </Card>
  );
}

function ComponentsCard({ state }: { state: DossierState }) {
  const rows = state.components.map((c, i) => ({ ...c, key: `${i}` }));
  return (
    <Card size="small" title={cardTitle(officeText.sectionComponents)} style={{ marginBottom: 16 }}>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: officeText.componentName, dataIndex: 'name', key: 'name' },
          {
            title: officeText.componentQuantity,
            key: 'qty',
            width: 170,
            render: (_, c) => officeText.quantity(c.originals, c.copies),
          },
          {
            title: officeText.files,
            key: 'files',
            width: 220,
            render: (_, c) =>
              c.fileIds.length === 0 ? (
                c.fromDataStore ? (
                  officeText.fromDataStore
                ) : (
                  <Typography.Text type="secondary">{officeText.noFiles}</Typography.Text>
                )
              ) : (
                <>
                  {c.digitised && <Tag color="success">{officeText.digitised}</Tag>}
                  {c.fileIds.map((id) => (
                    <FilePreviewLink key={id} file={{ id }} />
                  ))}
                </>
              ),
          },
        ]}
      />
    </Card>
  );
}

function ResultCard({ state }: { state: DossierState }) {
  if (!state.result && !state.returned && state.refusedReasons.length === 0 && !state.closedReason)
    return null;
  return (
    <Card size="small" title={cardTitle(officeText.sectionResult)} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={1}>
        {state.result && (
          <Descriptions.Item label={officeText.outcome}>
            {officeText.resultOutcome[state.result.outcome]} · {formatMoment(state.result.at)}
          </Descriptions.Item>
        )}
        {state.result?.documents.map((d) => (
          <Descriptions.Item
            key={`${d.name}-${d.number ?? ''}-${d.fileId ?? ''}`}
            label={officeText.resultDocument}
          >
            {[
              d.name,
              d.number ? `${officeText.resultNumber} ${d.number}` : '',
              d.electronic ? officeText.electronic : '',
            ]
              .filter(Boolean)
              .join(' · ')}
            {d.fileId && <FilePreviewLink file={{ id: d.fileId }} label={officeText.preview} />}
          </Descriptions.Item>
        ))}
        {state.refusedReasons.length > 0 && (
          <Descriptions.Item label={officeText.refusedReasons}>
            {state.refusedReasons.join('; ')}
          </Descriptions.Item>
        )}
        {state.closedReason && (
          <Descriptions.Item label={officeText.closedReason}>{state.closedReason}</Descriptions.Item>
        )}
        {state.returned && (
          <Descriptions.Item label={officeText.returnedAt}>
            {formatMoment(state.returned.at)} · {officeText.returnMethod[state.returned.method]}
            {state.returned.trackingNumber &&
              ` · ${officeText.trackingNumber}: ${state.returned.trackingNumber}`}
            {state.returned.collectedBy && ` · ${officeText.collectedBy}: ${state.returned.collectedBy}`}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

function DossierFacts({ view, now }: { view: DossierView; now: number }) {
  const { state, summary, progress } = view;
  const procedure = state.procedure;
  const applicant = state.applicant;
  const extension = state.extensions[0];
  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Card size="small" title={cardTitle(officeText.sectionApplicant)} style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={officeText.applicantName}>{applicant?.name}</Descriptions.Item>
            <Descriptions.Item label={officeText.applicantIdNumber}>
              {applicant?.idNumber ?? officeText.none}
            </Descriptions.Item>
            <Descriptions.Item label={officeText.applicantAddress}>
              {applicant?.address ?? officeText.none}
            </Descriptions.Item>
            <Descriptions.Item label={officeText.applicantPhone}>
              {applicant?.phone ?? officeText.none}
            </Descriptions.Item>
            <Descriptions.Item label={officeText.applicantEmail}>
              {applicant?.email ?? officeText.none}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={cardTitle(officeText.sectionDeadlines)} style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={officeText.receivedAt}>
              {formatMoment(state.submittedAt)}
            </Descriptions.Item>
            {state.acceptedAt && (
              <Descriptions.Item label={officeText.acceptedAt}>
                {formatMoment(state.acceptedAt)}
              </Descriptions.Item>
            )}
            {state.originalAppointmentAt !== null && (
              <Descriptions.Item label={officeText.originalAppointment}>
                {formatMoment(state.originalAppointmentAt)}
              </Descriptions.Item>
            )}
            {state.appointmentAt !== null && (
              <Descriptions.Item label={officeText.currentAppointment}>
                <span data-testid="current-appointment">{formatMoment(state.appointmentAt)}</span>
                {extension && ` (${officeText.extendedFrom(formatMoment(extension.from))})`}
              </Descriptions.Item>
            )}
            {progress.kind === 'open' && (
              <Descriptions.Item label={officeText.colTimeLeft}>
                <TimeLeftTag status={progress.status} dueAt={progress.dueAt} now={now} />
              </Descriptions.Item>
            )}
            {progress.kind === 'finished' && (
              <Descriptions.Item label={officeText.finishedAt}>
                {formatMoment(progress.finishedAt)}{' '}
                {progress.classification && <Tag>{officeText.finish[progress.classification]}</Tag>}
              </Descriptions.Item>
            )}
            {state.book && (
              <Descriptions.Item label={officeText.bookNumber}>
                {officeText.bookNumberValue(state.book.number, state.book.year)}
              </Descriptions.Item>
            )}
            {summary.returnedAt && (
              <Descriptions.Item label={officeText.returnedAt}>
                {formatMoment(summary.returnedAt)}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title={cardTitle(officeText.sectionProcedure)} style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={officeText.procedure} span={2}>
              {procedure?.name} ({procedure?.nationalCode})
            </Descriptions.Item>
            <Descriptions.Item label={officeText.field}>{procedure?.fieldName}</Descriptions.Item>
            <Descriptions.Item label={officeText.legalTime}>
              {procedure?.resultImmediately
                ? officeText.appointmentImmediate
                : formatProcessingTime(procedure?.processingTime ?? null)}
            </Descriptions.Item>
            <Descriptions.Item label={officeText.procedureVersion}>
              {procedure
                ? officeText.procedureVersionValue(procedure.versionId.slice(0, 8))
                : officeText.none}
            </Descriptions.Item>
            <Descriptions.Item label={officeText.workflowVersion}>
              {state.workflow ? officeText.workflowVersionValue(state.workflowVersion) : officeText.none}
            </Descriptions.Item>
            <Descriptions.Item label={officeText.sets_}>{state.sets}</Descriptions.Item>
            <Descriptions.Item label={officeText.channel_}>
              {officeText.channels[state.channel]}
            </Descriptions.Item>
            {state.summary && (
              <Descriptions.Item label={officeText.summary_}>{state.summary}</Descriptions.Item>
            )}
            {state.payment.requestedVnd > 0 && (
              <Descriptions.Item label={officeText.sectionPayment}>
                {officeText.paymentRequested}: {formatVnd(state.payment.requestedVnd)} ·{' '}
                {officeText.paymentPaid}: {formatVnd(state.payment.paidVnd)}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
      </Col>
    </Row>
  );
}

/** `/office/dossiers/:id`: everything about one dossier, and what this user may do with it now. */
export function DossierPage(_: { user: SessionUser }) {
  const { id } = useParams();
  const dossier = useDossier(id);
  const now = useNow(30_000);
  const agencyName = useAgencyName();
  const code = dossier.data?.summary.code;
  usePageTitle(code ? officeText.dossierTitle(code) : officeText.dossierNotFound);

  if (dossier.isPending)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin size="large" description={commonText.loading} />
      </div>
    );
  if (dossier.isError) {
    if (isApiRequestError(dossier.error) && (dossier.error.status === 404 || dossier.error.status === 400))
      return (
        <Result
          status="404"
          title={<h1 style={{ fontSize: 24, margin: 0 }}>{officeText.dossierNotFound}</h1>}
          subTitle={officeText.dossierNotFoundText}
          extra={<Link to="/office">{officeText.menuQueues}</Link>}
        />
      );
    return <LoadErrorAlert query={dossier} />;
  }

  const view = dossier.data;
  const { state, summary } = view;
  return (
    <>
      <PageHeading
        title={officeText.dossierTitle(summary.code)}
        actions={
          <Space wrap>
            <StatusTag status={summary.status} />
            <Button onClick={() => void dossier.refetch()} loading={dossier.isFetching}>
              {officeText.reload}
            </Button>
          </Space>
        }
      />
      <Typography.Paragraph className="office-dossier-lead">
        <strong>{summary.applicantName}</strong> · {summary.procedureName}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <DossierFacts view={view} now={now} />
          <ComponentsCard state={state} />
          <ResultCard state={state} />
          <Card size="small" title={cardTitle(officeText.sectionTimeline)} style={{ marginBottom: 16 }}>
            <DossierTimeline events={view.events} agencyName={agencyName} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <DossierActions view={view} />
          <WorkflowPanel state={state} now={now} agencyName={agencyName} />
          {(view.events.some((e) => e.type === 'InterAgencySent') ||
            state.workflow?.steps.some((s) => s.kind === 'parallel')) && (
            <InterAgencyPanel events={view.events} now={now} />
          )}
          <ConsultationPanel state={state} now={now} />
          <PrintPanel view={view} />
        </Col>
      </Row>
    </>
  );
}
