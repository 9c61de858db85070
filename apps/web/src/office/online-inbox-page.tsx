import { Card, Col, Descriptions, List, Result, Row, Spin, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { officeText } from '../i18n/vi/office';
import { commonText } from '../i18n/vi/shared-strings';
import { usePageTitle } from '../page-title';
import { LoadErrorAlert } from '../staff/load-error-alert';
import { PageHeading } from '../staff/staff-layout';
import { formatMoment, StatusTag } from './dossier-format';
import { DossierActions } from './dossier-page';
import { useDossier, useDossierList } from './dossier-queries';
import type { DossierView } from './dossier-types';
import { FilePreviewLink } from './file-preview';

const cardTitle = (text: string) => <h2 className="office-card-title">{text}</h2>;

function InboxDossier({ view }: { view: DossierView }) {
  const { state, summary } = view;
  const submitted = new Set(state.components.map((c) => c.name));
  const missing = (state.procedure?.components ?? []).filter((c) => c.required && !submitted.has(c.name));
  return (
    <>
      <Card
        size="small"
        title={cardTitle(`${summary.code} — ${summary.applicantName}`)}
        extra={<Link to={`/office/dossiers/${summary.id}`}>{officeText.openDossier}</Link>}
        style={{ marginBottom: 16 }}
      >
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={officeText.procedure}>{state.procedure?.name}</Descriptions.Item>
          <Descriptions.Item label={officeText.receivedAt}>
            {formatMoment(state.submittedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={officeText.status}>
            <StatusTag status={summary.status} />
          </Descriptions.Item>
          <Descriptions.Item label={officeText.applicantIdNumber}>
            {state.applicant?.idNumber ?? officeText.none}
          </Descriptions.Item>
          <Descriptions.Item label={officeText.applicantPhone}>
            {state.applicant?.phone ?? officeText.none}
          </Descriptions.Item>
          <Descriptions.Item label={officeText.applicantEmail}>
            {state.applicant?.email ?? officeText.none}
          </Descriptions.Item>
          <Descriptions.Item label={officeText.applicantAddress}>
            {state.applicant?.address ?? officeText.none}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={cardTitle(officeText.sectionComponents)} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          pagination={false}
          rowKey="name"
          dataSource={state.components}
          columns={[
            { title: officeText.componentName, dataIndex: 'name', key: 'name' },
            {
              title: officeText.files,
              key: 'files',
              width: 220,
              render: (_, c) =>
                c.fileIds.length === 0 ? (
                  <Typography.Text type="secondary">
                    {c.fromDataStore ? officeText.fromDataStore : officeText.noFiles}
                  </Typography.Text>
                ) : (
                  c.fileIds.map((id) => <FilePreviewLink key={id} file={{ id }} />)
                ),
            },
          ]}
        />
        {missing.length > 0 && (
          <div style={{ marginTop: 12 }}>
            {missing.map((c) => (
              <div key={c.name}>
                <Tag color="error">{officeText.missingReason}</Tag> {c.name}
              </div>
            ))}
          </div>
        )}
      </Card>
      <DossierActions view={view} />
    </>
  );
}

function Selected({ id }: { id: string }) {
  const dossier = useDossier(id);
  if (dossier.isPending) return <Spin description={commonText.loading} />;
  if (dossier.isError) return <LoadErrorAlert query={dossier} />;
  return <InboxDossier view={dossier.data} />;
}

/** `/office/inbox`: online submissions waiting for the desk's check, previewed and decided here. */
export function OnlineInboxPage() {
  usePageTitle(officeText.inboxTitle);
  const { id } = useParams();
  const list = useDossierList({ queue: 'online-inbox', page: 1, pageSize: 100 });
  const dossiers = list.data?.dossiers ?? [];
  return (
    <>
      <PageHeading title={officeText.inboxTitle} />
      <Typography.Paragraph>{officeText.inboxLead}</Typography.Paragraph>
      <LoadErrorAlert query={list} />
      <Row gutter={16}>
        <Col xs={24} lg={9}>
          <Card size="small" title={cardTitle(officeText.totalDossiers(list.data?.total ?? 0))}>
            <List
              loading={list.isFetching}
              dataSource={dossiers}
              locale={{ emptyText: officeText.inboxEmpty }}
              renderItem={(d) => (
                <List.Item className={d.id === id ? 'office-inbox-selected' : undefined}>
                  <div>
                    <Link to={`/office/inbox/${d.id}`} aria-current={d.id === id ? 'true' : undefined}>
                      {d.code}
                    </Link>
                    <div>{d.applicantName}</div>
                    <Typography.Text type="secondary">
                      {d.procedureName} · {formatMoment(d.receivedAt)}
                    </Typography.Text>
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          {id ? (
            <Selected key={id} id={id} />
          ) : (
            <Result status="info" title={officeText.inboxPick} extra={null} />
          )}
        </Col>
      </Row>
    </>
  );
}
