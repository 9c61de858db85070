import { staffRoleLabels } from '@motcua/contracts/identity';
import { Card, Empty, List, Steps, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { officeText } from '../i18n/vi/office';
import { FinishTag, formatMoment } from './dossier-format';
import { type FormName, formHref } from './dossier-queries';
import type { DossierEvent, DossierState, DossierView } from './dossier-types';

type Participant = NonNullable<DossierState['interAgency']>['participants'][number];
type Consultation = DossierState['consultations'][number];

const cardTitle = (text: string) => <h2 className="office-card-title">{text}</h2>;

const answeredTag = (answeredAt: number | null, dueAt: number, now: number) => {
  if (answeredAt !== null)
    return (
      <>
        <Tag color="success">{officeText.interAgencyAnswered}</Tag>
        <FinishTag classification={answeredAt > dueAt ? 'late' : 'on-time'} />
      </>
    );
  return <Tag color={now > dueAt ? 'error' : 'warning'}>{officeText.interAgencyWaiting}</Tag>;
};

interface Round {
  mode: string;
  sentAt: number;
  participants: Participant[];
}

/** Every inter-agency round from the events (a finished round leaves the state when the dossier moves on). */
function roundsOf(events: readonly DossierEvent[]): Round[] {
  const rounds: Round[] = [];
  for (const e of events) {
    if (e.type === 'InterAgencySent')
      rounds.push({
        mode: e.mode,
        sentAt: e.at,
        participants: e.participants.map((p) => ({
          ...p,
          receivedAt: null,
          outcome: null,
          note: null,
          documents: [],
        })),
      });
    else if (e.type === 'AgencyResultReceived') {
      const round = rounds[rounds.length - 1];
      const p = round?.participants.find((x) => x.agencyId === e.agencyId && x.receivedAt === null);
      if (p) Object.assign(p, { receivedAt: e.at, outcome: e.outcome, note: e.note, documents: e.documents });
    }
  }
  return rounds;
}

/** Liên thông: the agencies involved, each one's duty and deadline, and whether it answered. */
export function InterAgencyPanel({ events, now }: { events: readonly DossierEvent[]; now: number }) {
  const rounds = roundsOf(events);
  const columns: TableColumnsType<Participant> = [
    { title: officeText.interAgencyAgency, dataIndex: 'agencyName', key: 'agency' },
    { title: officeText.interAgencyDuty, dataIndex: 'duty', key: 'duty' },
    { title: officeText.interAgencyDue, key: 'due', width: 130, render: (_, p) => formatMoment(p.dueAt) },
    {
      title: officeText.status,
      key: 'answered',
      width: 170,
      render: (_, p) => (
        <>
          {answeredTag(p.receivedAt, p.dueAt, now)}
          {p.outcome && <div>{officeText.interAgencyOutcome[p.outcome]}</div>}
          {p.note && <Typography.Text type="secondary">{p.note}</Typography.Text>}
        </>
      ),
    },
  ];
  return (
    <Card size="small" title={cardTitle(officeText.sectionInterAgency)} style={{ marginBottom: 16 }}>
      {rounds.length === 0 ? (
        <Typography.Text type="secondary">{officeText.interAgencyNone}</Typography.Text>
      ) : (
        rounds.map((round) => (
          <div key={round.sentAt}>
            <Typography.Paragraph>
              {officeText.mode}: {officeText.interAgencyMode[round.mode]} · {formatMoment(round.sentAt)}
            </Typography.Paragraph>
            <Table<Participant>
              rowKey="agencyId"
              size="small"
              columns={columns}
              dataSource={round.participants}
              pagination={false}
              scroll={{ x: 520 }}
            />
          </div>
        ))
      )}
    </Card>
  );
}

/** Xin ý kiến: who was asked what, by when, and their answer. */
export function ConsultationPanel({ state, now }: { state: DossierState; now: number }) {
  return (
    <Card size="small" title={cardTitle(officeText.sectionConsultations)} style={{ marginBottom: 16 }}>
      {state.consultations.length === 0 ? (
        <Typography.Text type="secondary">{officeText.consultationNone}</Typography.Text>
      ) : (
        <List<Consultation>
          size="small"
          dataSource={state.consultations}
          renderItem={(c) => (
            <List.Item>
              <div>
                <div>
                  <strong>{c.agencyName}</strong> · {officeText.interAgencyDue}: {formatMoment(c.dueAt)}{' '}
                  {answeredTag(c.answeredAt, c.dueAt, now)}
                </div>
                <div>{c.question}</div>
                {c.answer && (
                  <div>
                    <em>{officeText.answeredAt(formatMoment(c.answeredAt))}:</em> {c.answer}
                  </div>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** The internal workflow with the current step marked (its due time red when passed). */
export function WorkflowPanel({
  state,
  now,
  agencyName,
}: {
  state: DossierState;
  now: number;
  agencyName: (id: string) => string;
}) {
  const steps = state.workflow?.steps ?? [];
  const current = state.step;
  // Handling is over when the dossier can change no more: every step is done.
  const finished = ['returned', 'withdrawn', 'stopped', 'refused-at-intake'].includes(state.status);
  return (
    <Card size="small" title={cardTitle(officeText.sectionSteps)} style={{ marginBottom: 16 }}>
      {steps.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={officeText.none} />
      ) : (
        <Steps
          orientation="vertical"
          size="small"
          current={finished ? steps.length : (current?.index ?? 0)}
          items={steps.map((s, i) => {
            const isCurrent = current?.index === i && !finished;
            const late = isCurrent && current !== null && now > current.dueAt;
            const who =
              s.kind === 'task'
                ? `${staffRoleLabels[s.role as keyof typeof staffRoleLabels] ?? s.role} — ${agencyName(s.unitId)}`
                : `${officeText.stepParallel}: ${s.branches.map((b) => agencyName(b.agencyId)).join(', ')}`;
            return {
              title: s.name,
              status: late ? 'error' : undefined,
              content: (
                <>
                  <div>{who}</div>
                  {s.kind === 'task' && <div>{officeText.stepHours(s.allottedHours)}</div>}
                  {isCurrent && current && (
                    <div>
                      {officeText.stepDue}: {formatMoment(current.dueAt)}{' '}
                      {late && <Tag color="error">{officeText.stepLate}</Tag>}
                    </div>
                  )}
                  {isCurrent && (
                    <div>
                      {officeText.assignee}: {state.assignee?.name ?? officeText.notAssigned}
                    </div>
                  )}
                </>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}

/** Forms 01–05 that exist for this dossier, each opening the PDF in the browser's viewer to print. */
export function PrintPanel({ view }: { view: DossierView }) {
  const { state, summary } = view;
  const available: FormName[] = [];
  if (state.acceptedAt !== null) available.push('receipt');
  if (state.supplements.length > 0) available.push('supplement-request');
  if (state.status === 'refused-at-intake') available.push('refusal');
  if (state.extensions.length > 0) available.push('apology');
  if (state.acceptedAt !== null) available.push('control-sheet');
  return (
    <Card size="small" title={cardTitle(officeText.sectionPrint)} style={{ marginBottom: 16 }}>
      {available.length === 0 ? (
        <Typography.Text type="secondary">{officeText.none}</Typography.Text>
      ) : (
        <ul className="office-print-list">
          {available.map((form) => (
            <li key={form}>
              <a href={formHref(summary.id, form)} target="_blank" rel="noopener">
                {officeText.forms[form]}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
